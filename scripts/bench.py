#!/usr/bin/env python3
"""Benchmark the answering core (not a test). Two modes:

Small corpora (the default): build time, per-question latency and memory on the bundled show
and on each show corpus in ../shared/eval/shows (or --corpus DIR), with a plain BM25 baseline
(bm25s, and rank-bm25 when installed) on the same sentences in the same run.

    python scripts/bench.py [--questions 3000] [--builds 5] [--corpus DIR ...]

Scale (issue 8): a generated multi-show corpus of N articles, one folder per show: the bundled
show first (knowledge/shows/all-of-us-are-dead, with its show.toml), then rewrites of its
articles about fictional shows (about 4 articles a show): the title, every person's name
(actors, characters, crew, in each of the spellings the articles use), the places, companies,
a few counts and every date changed, deterministically from --seed. For each N it measures a
full `showbot build` (subprocess, fresh data folder: time, peak RSS), a build with nothing
changed, an incremental build after one added article, the database size, engine load time and
RSS (fresh subprocess), answer median/p99/max over the dev questions with the bundled show as
default (SHOWBOT_SHOW), questions naming other shows (checked against that show's articles),
how soon a running engine answers from an article dropped into the folder (bot.live's watcher),
the first answer of a fresh `showbot ask` process, the dev-set score, and bm25s and SQLite FTS5
on the same sentences.

    python scripts/bench.py --articles 100 1000 10000 [--json bench.json] [--plot growth.png]
    python scripts/bench.py --articles 1000 --profile prof/     # py-spy: build and answering
    python scripts/bench.py --generate 1000 --out /tmp/corpus   # only write the corpus

Runs offline. 10,000 articles take minutes; --timeout bounds each build.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIRST_SHOW = ROOT / "knowledge" / "shows" / "all-of-us-are-dead"
FIRST_ID = "all-of-us-are-dead"
DEV_QUESTIONS = [SHARED / "eval" / "dev_questions.jsonl", ROOT / "tests" / "questions.jsonl"]
SCORER = SHARED / "eval" / "score.py"
SEEDS = SHARED / "seeds"
SHOWBOT = [sys.executable, "-c", "import sys; from bot.cli.main import main; sys.exit(main())"]
TARGETS = {  # issue 8, at 10,000 articles
    "build_s": ("full build", "<= 120 s", lambda v: v <= 120),
    "added_answered_s": ("added article answered", "<= 5 s", lambda v: v <= 5),
    "answer_median_ms": ("answer median", "< 1 ms", lambda v: v < 1),
    "answer_p99_ms": ("answer p99", "< 10 ms", lambda v: v < 10),
    "engine_rss_mb": ("engine RSS", "< 500 MB", lambda v: v < 500),
    "cli_first_answer_s": ("fresh CLI first answer", "< 1 s", lambda v: v < 1),
    "dev_rate": ("dev-set score", ">= 95%", lambda v: v >= 0.95),
}


def env_for_showbot(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("SHOWBOT_ARTICLES", None)
    env.pop("SHOWBOT_DATA_DIR", None)
    env.setdefault("SHOWBOT_LOG_LEVEL", "WARNING")
    env.update(extra)
    return env


if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# ------------------------------------------------------------------------------------------
# The generated corpus
# ------------------------------------------------------------------------------------------

# Every spelling of a person in the bundled articles: (spelling, person slot, variant kind).
# Slots starting with "a:" are actors, "c:" characters, "w:" crew; the variant kind says how
# the spelling relates to the person's name, so that each fictional show gets the same kinds
# of spellings (a romanisation variant, initials, a typo, a given name alone...).
SPELLINGS = [
    ("Yoon Chan-young", "a:cheongsan", "full"),
    ("Park Ji-hu", "a:onjo", "full"),
    ("Cho Yi-hyun", "a:namra", "full"), ("Cho Yi-Hyun", "a:namra", "full_cap"), ("Cho", "a:namra", "family"),
    ("Lomon", "a:suhyeok", "stage"), ("Park Solomon", "a:suhyeok", "real"),
    ("Im Jae-hyuk", "a:daesu", "full"), ("Lim Jae-hyeok", "a:daesu", "alt"), ("I\u2019m Jae-hyuk", "a:daesu", "typo_family"),
    ("Ha Seung-ri", "a:hari", "full"),
    ("Lee Eun-saem", "a:mijin", "full"), ("Lee Eun-same", "a:mijin", "typo"),
    ("Kim Bo-yoon", "a:hyoryung", "full"), ("Kim Bo-Yoon", "a:hyoryung", "full_cap"),
    ("Yoo In-soo", "a:gwinam", "full"),
    ("Lee Yoo-mi", "a:nayeon", "full"), ("Lee You-mi", "a:nayeon", "alt"),
    ("Kim Byung-chul", "a:byeongchan", "full"), ("Kim Byung-Chul", "a:byeongchan", "full_cap"),
    ("Lee Kyu-hyung", "a:jaeik", "full"), ("Lee Kyu-Hyung", "a:jaeik", "full_cap"),
    ("Jeon Bae-soo", "a:soju", "full"),
    ("Lee Cheong-san", "c:cheongsan", "full"), ("Cheong-san", "c:cheongsan", "given"),
    ("Cheon-san", "c:cheongsan", "typo_given"),
    ("Nam On-jo", "c:onjo", "full"), ("On-jo", "c:onjo", "given"),
    ("Choi Nam-ra", "c:namra", "full"), ("Nam-ra", "c:namra", "given"), ("Nam-Ra", "c:namra", "given_cap"),
    ("Choi Nam-are", "c:namra", "typo"), ("Nam-desire ra", "c:namra", "mangled:desire"),
    ("Lee Su-hyeok", "c:suhyeok", "full"), ("Lee Su-Hyeok", "c:suhyeok", "full_cap"),
    ("Su-hyeok", "c:suhyeok", "given"), ("Su-hook", "c:suhyeok", "typo_given"),
    ("Yang Dae-su", "c:daesu", "full"), ("Dae-su", "c:daesu", "given"), ("Dae-Su", "c:daesu", "given_cap"),
    ("Dae-leg su", "c:daesu", "mangled:leg"),
    ("Ha-ri", "c:hari", "given"), ("Mi-jin", "c:mijin", "given"),
    ("Hyo-ryung", "c:hyoryung", "given"), ("Hyo-Kyung", "c:hyoryung", "typo_given"),
    ("Yoon Gwi-nam", "c:gwinam", "full"), ("Gwi-nam", "c:gwinam", "given"),
    ("Lee Na-yeon", "c:nayeon", "full"), ("Lee Na-Yeon", "c:nayeon", "full_cap"), ("Na-yeon", "c:nayeon", "given"),
    ("Lee Byeong-chan", "c:byeongchan", "full"), ("Song Jae-ik", "c:jaeik", "full"), ("Nam So-ju", "c:soju", "full"),
    ("Woo-jin", "c:woojin", "given"),
    ("Lee Jae-kyoo", "w:director", "full"), ("Lee Jae Gyoo", "w:director", "space_alt"),
    ("Lee JQ", "w:director", "initials"), ("Lee", "w:director", "family"),
    ("Kim Nam-su", "w:director2", "full"), ("Kim Nam-Su", "w:director2", "full_cap"),
    ("Chun Sung-il", "w:writer", "full"),
    ("Joo Dong-geun", "w:author", "full"), ("Joo Dong-original geun", "w:author", "mangled_full:original"),
    ("Kim Jong-hak", "w:producer", "full"),
]
# Other names of the bundled show's world: (spelling, what it becomes).
THINGS = [("Hyosan High School", "{place} High School"), ("Hyosan High", "{place} High"), ("Hyosan", "{place}"),
          ("Now at Our School", "{webcomic}"), ("Film Monster", "{company}"), ("JTBC Studios", "{studio}")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

KOREAN_FAMILIES = ("Kang Kim Lee Park Choi Jung Cho Yoon Jang Lim Han Seo Shin Kwon Hwang Ahn Jeon Hong Yoo "
                   "Yang Bae Baek Heo Nam Shim Kwak Sung Cha Joo Ryu Chun Im Gong Byun Chae Pyo Ok Tak Seok "
                   "Maeng Bang Ji Wang Go Geum").split()
SYLLABLES = ("min jae seo yeon ji hoon woo hyun soo ah eun bin joon yoon seung tae kyung hye ra ri jin young "
             "sung il chan ho mi yu da hee jun kyu won sol bo gun hwan rim na ha su ye jeong dong geun hak sik "
             "cheol nam gi sang hyeok byeol rin han gyu seon chae hae kang oh").split()
WESTERN_FIRST = ("Harper Julian Maya Owen Iris Felix Nora Elliot Clara Silas Hazel Miles Ada Rowan Ivy Jasper "
                 "Leah Theo Greta Simon Vera Caleb Mabel Arlo Esme Hugo Ruth Dorian Lydia Emmett Celia Rufus "
                 "Delphine Ambrose Odette Cyrus Bianca Lionel Wren Otis Sylvie Barnaby Petra Casper Imogen "
                 "Ansel Rosalind Gideon Marisol Tobias Lena Quentin Alma Desmond Flora Malcolm Tessa Percy "
                 "Helena Edmund Juno Sterling Noelle Conrad").split()
WESTERN_LAST = ("Quinn Mercer Hale Whitlock Fenn Ashby Calloway Draper Ellison Marsh Pryce Rook Thorne Vance "
                "Winslow Holt Keane Lowry Pike Sutton Crane Devlin Garrow Hollis Ives Lark Okafor Abernathy "
                "Castellano Delacroix Fairweather Galloway Hargrove Kessler Lindqvist Moreau Navarro Oyelaran "
                "Pemberton Radcliffe Szabo Tennant Underwood Valdez Wexler Yardley Zielinski Achebe Brannigan "
                "Corrigan Dunmore Eastwick Farrow Grimshaw Huxley Ingram Jessop Kowalczyk Lachance").split()
# Real names and the stage names cut from them, like Park Solomon and Lomon.
STAGE = [("Solomon", "Lomon"), ("Julian", "Lian"), ("Sebastian", "Bastian"), ("Adrian", "Rian"),
         ("Florian", "Orian"), ("Valentino", "Tino"), ("Benjamin", "Jamin"), ("Gabriel", "Briel"),
         ("Leonardo", "Nardo"), ("Emmanuel", "Manuel"), ("Christopher", "Topher"), ("Alexander", "Xander"),
         ("Maximilian", "Milian"), ("Isabella", "Bella"), ("Annabel", "Nabel"), ("Rosalind", "Salind")]
ADJECTIVES = ("Salt Silver Hollow Quiet Crimson Paper Winter Glass Iron Velvet Broken Golden Wild Hidden Burning "
              "Northern Distant Gentle Bitter Silent Scarlet Amber Copper Frozen Electric Restless Crooked Lonely "
              "Sunken Marble Midnight Painted Wandering Stolen Emerald Ivory Savage Tender Hungry Rusty Violet "
              "Faded Sleeping Burnt Twisted Cobalt Pale Open Narrow").split()
NOUNS = ("Orchard Harbor Lantern Garden Kingdom River Mirror Crown Signal Tide Forest Bridge Letter Island "
         "Compass Feather Circus Archive Vineyard Lighthouse Meadow Citadel Canyon Quarry Orchid Sparrow Falcon "
         "Serpent Mansion Tower Valley Monastery Carnival Foundry Academy Parlor Voyage Empire Chapel Garrison "
         "Tavern Fortress Glacier Cathedral Labyrinth Observatory Lagoon Meridian Bazaar Rookery").split()
PLACE_PARTS = ("Ash Brack Elm Fern Glen Hart Ivy Kings Lark Mill Oak Pine Raven Stone Thorn Wil Wolf Bright "
               "Cold Deer").split()
PLACE_ENDS = "ford wick dale mouth haven field moor bury ridge wood".split()
COMPANY_KINDS = "Pictures Studios Films Media Works".split()


def _question_words() -> set[str]:
    """Words of the question sets, kept out of generated titles so that a generated show
    never shares a word with a dev question (that would test naming, not scale)."""
    words = set()
    for path in DEV_QUESTIONS:
        if path.exists():
            for line in path.read_text().splitlines():
                if line.strip():
                    words |= set(re.findall(r"[a-z]+", json.loads(line)["q"].casefold()))
    return words


@dataclass
class Person:
    style: str  # korean | western
    family: str = ""
    given: tuple[str, str] | str = ("", "")  # two syllables (korean) or a first name (western)
    real_first: str = ""  # for a stage name: the first name it is cut from
    stage: str = ""

    def full(self) -> str:
        if self.stage:
            return self.real()
        if self.style == "korean":
            return f"{self.family} {self.given[0].capitalize()}-{self.given[1]}"
        return f"{self.given} {self.family}"

    def real(self) -> str:
        return f"{self.family} {self.real_first}" if self.style == "korean" else f"{self.real_first} {self.family}"

    def given_name(self) -> str:
        if self.style == "korean":
            return f"{self.given[0].capitalize()}-{self.given[1]}"
        return self.given

    def render(self, kind: str, rng: random.Random) -> str:
        if self.stage:
            return self.stage if kind == "stage" else self.real()
        if self.style == "western":
            if kind in ("given", "given_cap", "mangled:desire", "mangled:leg"):
                return self.given
            if kind == "family":
                return self.family
            if kind == "initials":
                return f"{self.given[0]}. {self.family}"
            if kind in ("typo", "typo_family"):
                return f"{self.given} {_typo(self.family, rng)}"
            if kind == "typo_given":
                return _typo(self.given, rng)
            return self.full()
        g1, g2 = self.given
        if kind == "full":
            return self.full()
        if kind == "full_cap":
            return f"{self.family} {g1.capitalize()}-{g2.capitalize()}"
        if kind == "alt":
            return f"{_ALT_FAMILY.get(self.family, self.family)} {g1.capitalize()}-{_alt_syllable(g2)}"
        if kind == "space_alt":
            return f"{self.family} {g1.capitalize()} {_alt_syllable(g2).capitalize()}"
        if kind == "initials":
            return f"{self.family} {g1[0].upper()}{g2[0].upper()}"
        if kind == "family":
            return self.family
        if kind == "given":
            return self.given_name()
        if kind == "given_cap":
            return f"{g1.capitalize()}-{g2.capitalize()}"
        if kind == "typo":
            return f"{self.family} {g1.capitalize()}-{_typo(g2, rng)}"
        if kind == "typo_family":
            return f"{_typo(self.family, rng)} {g1.capitalize()}-{g2}"
        if kind == "typo_given":
            return f"{g1.capitalize()}-{_typo(g2, rng)}"
        if kind.startswith("mangled:"):
            return f"{g1.capitalize()}-{kind.split(':')[1]} {g2}"
        if kind.startswith("mangled_full:"):
            return f"{self.family} {g1.capitalize()}-{kind.split(':')[1]} {g2}"
        raise ValueError(kind)


_ALT_FAMILY = {"Lee": "Yi", "Im": "Lim", "Lim": "Im", "Park": "Pak", "Choi": "Choe", "Cho": "Jo", "Kim": "Gim",
               "Yoon": "Yun", "Jung": "Jeong", "Kang": "Gang", "Shin": "Sin", "Ryu": "Yu"}
_ALT_SOUNDS = [("oo", "ou"), ("eo", "u"), ("k", "g"), ("g", "k"), ("ch", "j"), ("b", "p"), ("yu", "you"),
               ("ae", "e"), ("r", "l")]


def _alt_syllable(s: str) -> str:
    """Another romanisation of a syllable ("kyoo" -> "gyoo", "hyuk" -> "hyeok")."""
    for old, new in _ALT_SOUNDS:
        if old in s:
            return s.replace(old, new, 1)
    return s


def _typo(word: str, rng: random.Random) -> str:
    """One letter after the first changed, the kind of slip articles make ("Su-hook")."""
    if len(word) < 3:
        return word + word[-1]
    i = rng.randrange(1, len(word))
    vowels = "aeiou"
    c = word[i]
    pool = vowels if c.lower() in vowels else "bdgklmnrst"
    choices = [x for x in pool if x != c.lower()]
    return word[:i] + rng.choice(choices) + word[i + 1:]


@dataclass
class ShowSpec:
    id: str
    title: str
    people: dict[str, Person]
    values: dict[str, str]  # place, webcomic, company, studio
    numbers: dict[str, int]  # episodes, countries, takes, rt, reviews, year_delta, month_shift
    rating: str
    articles: list[str] = field(default_factory=list)  # file names written


class Names:
    """Deterministic names for the fictional shows; titles are unique across the corpus."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_titles: set[str] = set()
        banned = _question_words() | {w.casefold() for s, _, _ in SPELLINGS for w in re.findall(r"\w+", s)}
        self.adjectives = [a for a in ADJECTIVES if a.casefold() not in banned]
        self.nouns = [n for n in NOUNS if n.casefold() not in banned]
        self.original = {s.casefold() for s, _, _ in SPELLINGS}

    def title(self) -> str:
        rng = self.rng
        for _ in range(1000):
            a, n, n2 = rng.choice(self.adjectives), rng.choice(self.nouns), rng.choice(self.nouns)
            pattern = rng.randrange(4)
            if pattern == 0:
                t = f"The {a} {n}"
            elif pattern == 1:
                t = f"{a} {n}"
            elif pattern == 2 and n != n2:
                t = f"{n} and {n2}"
            else:
                t = f"The {a} {n}s" if not n.endswith(("s", "y")) else f"The {a} {n}"
            key = re.sub(r"^the ", "", t.casefold()).rstrip("s")
            if key not in self.used_titles:
                self.used_titles.add(key)
                return t
        raise RuntimeError("ran out of titles")

    def show(self, index: int, taken_ids: set[str]) -> ShowSpec:
        from rapidfuzz import fuzz
        from bot.text.normalise import name_key

        rng = self.rng
        title = self.title()
        show_id = re.sub(r"[^0-9a-z]+", "-", title.casefold()).strip("-")
        while show_id in taken_ids:
            show_id += "-2"
        taken_ids.add(show_id)
        style = "korean" if rng.random() < 0.5 else "western"
        people: dict[str, Person] = {}
        keys: list[str] = []
        gkeys: list[str] = []
        givens: set[str] = set()
        for slot in dict.fromkeys(s for _, s, _ in SPELLINGS):
            for _ in range(500):
                if slot == "a:suhyeok":  # the stage-name actor
                    real, stage = rng.choice(STAGE)
                    fam = rng.choice(KOREAN_FAMILIES if style == "korean" else WESTERN_LAST)
                    p = Person(style, fam, real_first=real, stage=stage)
                    given = stage.casefold()
                elif style == "korean":
                    s1, s2 = rng.sample(SYLLABLES, 2)
                    p = Person(style, rng.choice(KOREAN_FAMILIES), (s1, s2))
                    given = s1 + s2
                else:
                    p = Person(style, rng.choice(WESTERN_LAST), rng.choice(WESTERN_FIRST))
                    given = p.given.casefold()
                key, gkey = name_key(p.full()), name_key(p.stage or p.given_name())
                if (given in givens or p.full().casefold() in self.original
                        or any(fuzz.ratio(key, k) >= 75 for k in keys)
                        or any(fuzz.ratio(gkey, k) >= 75 for k in gkeys)):
                    continue
                if slot == "w:director" and p.family in {q.family for q in people.values()}:
                    continue  # "Lee" alone must mean the director
                if slot == "a:namra" and p.family in {q.family for q in people.values()}:
                    continue  # and "Cho" alone the actor
                break
            people[slot] = p
            keys.append(key)
            gkeys.append(gkey)
            givens.add(given)
        if style == "korean":
            place = rng.choice(SYLLABLES).capitalize() + rng.choice(SYLLABLES)
        else:
            place = rng.choice(PLACE_PARTS) + rng.choice(PLACE_ENDS)
        values = {"place": place,
                  "webcomic": f"{rng.choice(self.adjectives)} {rng.choice(self.nouns)} Chronicles",
                  "company": f"{rng.choice(self.nouns)} {rng.choice(COMPANY_KINDS)}",
                  "studio": "".join(rng.sample("ABCDEFGHKLMNPRSTVW", 3)) + " Studios"}
        numbers = {"episodes": rng.randint(6, 16), "countries": rng.randint(20, 95), "takes": rng.randint(3, 30),
                   "rt": rng.randint(55, 99), "reviews": rng.randint(10, 90),
                   "year_delta": rng.randint(-7, 3), "month_shift": rng.randrange(12)}
        rating = f"{rng.randint(5, 8)}.{rng.randint(0, 9)}0"
        return ShowSpec(show_id, title, people, values, numbers, rating)


_SPELLING_RE = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(s) for s in sorted([s for s, _, _ in SPELLINGS] + [s for s, _ in THINGS], key=len, reverse=True))
    + r")(?![\w-])")
_SPELLING = {s: (slot, kind) for s, slot, kind in SPELLINGS}
_THING = dict(THINGS)
_TITLE_RE = re.compile(r"all of us are dead", re.I)
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_HEADER_DATE = re.compile(r"^(date:\s*)(\d{4})(?:-(\d{2}))?", re.M)


def rewrite(text: str, spec: ShowSpec, rng: random.Random) -> str:
    """One bundled article about a fictional show: same facts, other names, numbers and dates."""
    n = spec.numbers

    def person_or_thing(m: re.Match) -> str:
        s = m.group(1)
        if s in _THING:
            return _THING[s].format(**spec.values)
        slot, kind = _SPELLING[s]
        if slot == "w:producer":
            return spec.people[slot].full()
        return spec.people[slot].render(kind, rng)

    def title(m: re.Match) -> str:
        s = m.group(0)
        if s.islower():
            return spec.title.lower()
        if s.isupper():
            return spec.title.upper()
        if s.startswith("All of us"):  # sentence case
            return spec.title[0] + spec.title[1:].lower()
        return spec.title

    def header_date(m: re.Match) -> str:  # the month turns here; the year with every other year below
        if m.group(3) is None:
            return m.group(0)
        month = (int(m.group(3)) - 1 + n["month_shift"]) % 12 + 1
        return f"{m.group(1)}{m.group(2)}-{month:02d}"

    text = _SPELLING_RE.sub(person_or_thing, text)
    text = _TITLE_RE.sub(title, text)
    text = re.sub(r"\b12 episodes\b", f"{n['episodes']} episodes", text)
    text = re.sub(r"\bEpisode 12\b", f"Episode {n['episodes']}", text)
    text = re.sub(r"\b91 countries\b", f"{n['countries']} countries", text)
    text = re.sub(r"\b17 takes\b", f"{n['takes']} takes", text)
    text = re.sub(r"\b83%", f"{n['rt']}%", text)
    text = re.sub(r"\b23 reviews\b", f"{n['reviews']} reviews", text)
    text = text.replace("6.90/10", f"{spec.rating}/10")
    text = _HEADER_DATE.sub(header_date, text)
    text = _YEAR_RE.sub(lambda m: str(int(m.group(1)) + n["year_delta"]), text)
    text = _MONTH_RE.sub(lambda m: MONTHS[(MONTHS.index(m.group(1)) + n["month_shift"]) % 12], text)
    return text


def _initials(title: str) -> str:
    return "".join(w[0] for w in title.split() if w[0].isalnum()).lower()


@dataclass
class Corpus:
    root: Path
    articles: int
    shows: list[ShowSpec]  # the fictional shows (the bundled one is FIRST_ID)
    seconds: float

    def folder(self, show_id: str) -> Path:
        return self.root / show_id


def generate(root: Path, n: int, seed: int = 7, per_show: int = 4, show_files: bool = False) -> Corpus:
    """N articles in `root`, one folder per show: the bundled show first, then rewrites."""
    started = time.perf_counter()
    root.mkdir(parents=True, exist_ok=True)
    originals = sorted(p for p in FIRST_SHOW.iterdir() if p.suffix == ".md")
    first = root / FIRST_ID
    shutil.copytree(FIRST_SHOW, first, dirs_exist_ok=True)
    written = len(originals)
    names = Names(seed)
    rng = random.Random(seed + 1)
    taken = {FIRST_ID}
    shows: list[ShowSpec] = []
    counter = 100  # article ids 00100, 00101, ...: never the bundled 000-004
    while written < n:
        spec = names.show(len(shows) + 1, taken)
        folder = root / spec.id
        folder.mkdir()
        if show_files:
            (folder / "show.toml").write_text(f'name = "{spec.title}"\nplatform = "Netflix"\n', encoding="utf-8")
        chosen = sorted(rng.sample(originals, min(per_show, len(originals), n - written)))
        for src in chosen:
            stem = src.stem.split("-", 1)[1].replace("aouad", _initials(spec.title))
            name = f"{counter:05d}-{stem}.md"
            counter += 1
            (folder / name).write_text(rewrite(src.read_text(encoding="utf-8"), spec, rng), encoding="utf-8")
            spec.articles.append(name)
            written += 1
        shows.append(spec)
    return Corpus(root, written, shows, time.perf_counter() - started)


def new_cast_article(spec: ShowSpec, actor: str, character: str, year: int) -> str:
    """A short dated article adding one cast member to a show: for the incremental checks."""
    lead = spec.people["a:onjo"].full()
    return (f"---\ntitle: {spec.title} season 2 adds {actor} as {character}\npublisher: Bench Wire\n"
            f"date: {year}-05-02\n---\n{spec.title} season 2 adds {actor} as {character}\n\n"
            f"Netflix has added a new face to season 2 of {spec.title}. {actor} joins the cast as {character}, "
            f"opposite returning star {lead}.\n\nThe new cast members are:\n\n  \u2022 {actor} as {character}\n")


def other_show_questions(corpus: Corpus, k: int, seed: int) -> list[dict]:
    """Questions that name a fictional show, with what the answer must hold (dev-set format);
    `sources` are that show's article ids, so a citation from any other show fails."""
    rng = random.Random(seed + 2)
    shows = rng.sample(corpus.shows, min(k, len(corpus.shows)))
    out = []
    for i, spec in enumerate(shows):
        p = spec.people
        ids = [a.split("-", 1)[0] for a in spec.articles]
        year = 2022 + spec.numbers["year_delta"]
        month = MONTHS[spec.numbers["month_shift"]]  # January, shifted
        kind = i % 5
        if kind == 0:
            q = {"q": f"Who plays {p['c:namra'].given_name()} in {spec.title}?",
                 "must": [[p["a:namra"].full()]]}
        elif kind == 1:
            q = {"q": f"Who directed {spec.title}?",
                 "must": [[p["w:director"].full(), p["w:director"].render("space_alt", rng),
                           p["w:director"].render("initials", rng)]]}
        elif kind == 2:
            q = {"q": f"When did {spec.title} season 1 premiere?", "must": [[month], [str(year)]]}
        elif kind == 3:
            q = {"q": f"Which character does {p['a:suhyeok'].stage} play in {spec.title}?",
                 "must": [[p["c:suhyeok"].given_name()]]}
        else:
            q = {"q": f"Who does {p['a:cheongsan'].full()} play in {spec.title}?",
                 "must": [[p["c:cheongsan"].given_name()]]}
        out.append({"id": f"x-{i}", "show": spec.id, "answerable": True, "sources": ids, "must_not": [], **q})
    return out


# ------------------------------------------------------------------------------------------
# Helpers
# ------------------------------------------------------------------------------------------

def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def load_questions(paths=DEV_QUESTIONS) -> tuple[list[dict], Path | None]:
    """The first question file that exists: the shared dev set, else tests/questions.jsonl."""
    for path in paths:
        if path.exists():
            qs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            for n, q in enumerate(qs, 1):
                q.setdefault("id", str(n))
            return qs, path
    return [], None


def rss_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


@dataclass
class Run:
    seconds: float
    maxrss_mb: float  # peak RSS of the process (or its largest waited-for child, e.g. a pool worker)
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str


def run(cmd: list[str], *, env=None, stdin: str | None = None, timeout: float | None = None,
        profile: Path | None = None, cwd=None) -> Run:
    """Run a command, timing it and reading its peak RSS from wait4() (that process and its
    waited-for children); on timeout the whole process group is killed."""
    if profile is not None:
        cmd = ["py-spy", "record", "--format", "raw", "--nolineno", "--subprocesses", "--rate", "250",
               "-o", str(profile), "--"] + cmd
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=out, stderr=err, start_new_session=True)
    if stdin is not None:
        try:
            proc.stdin.write(stdin.encode())
            proc.stdin.close()
        except BrokenPipeError:
            pass
    deadline = None if timeout is None else started + timeout
    status = rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, rusage = os.wait4(proc.pid, 0)
            status = None
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    proc.returncode = 0  # reaped here; keep Popen from waiting again
    out.seek(0)
    err.seek(0)
    code = None if status is None else os.waitstatus_to_exitcode(status)
    return Run(seconds, rusage.ru_maxrss / 1024, code, out.read().decode("utf-8", "replace"),
               err.read().decode("utf-8", "replace"))


def showbot(args: list[str], corpus: Path, data: Path, **kw) -> Run:
    env = env_for_showbot(SHOWBOT_SHOW=FIRST_ID)
    return run(SHOWBOT + ["--articles", str(corpus), "--data-dir", str(data)] + args, env=env, **kw)


def db_size_mb(data: Path) -> float:
    return sum(p.stat().st_size for p in data.glob("knowledge.sqlite3*") if p.is_file()) / 2**20


def sentences_of(db: Path) -> list[str]:
    from bot.storage.knowledge import unpack  # records are stored compressed
    with sqlite3.connect(db) as conn:
        out = []
        for (record,) in conn.execute("SELECT r.record FROM files f JOIN records r ON r.sha = f.sha"):
            out.extend(s["t"] for s in unpack(record)["sentences"])
    return out


# ------------------------------------------------------------------------------------------
# Baselines: bm25s and FTS5 on the same sentences
# ------------------------------------------------------------------------------------------

def _stats(lat: list[float]) -> dict:
    return {"median_ms": 1000 * statistics.median(lat), "p99_ms": 1000 * pct(lat, 99), "max_ms": 1000 * max(lat)}


def _query_words(q: str) -> list[str]:
    from bm25s.stopwords import STOPWORDS_EN
    stop = set(STOPWORDS_EN)
    return [w for w in re.findall(r"\w\w+", q.casefold()) if w not in stop]


def bench_bm25s(sentences: list[str], questions: list[str], k: int = 5) -> dict:
    """bm25s over the sentences: index time; per query, the scores of the question's words and
    the top k (argpartition), and the same through bm25s.tokenize + retrieve (end to end)."""
    import bm25s
    import numpy as np

    started = time.perf_counter()
    corpus_tokens = bm25s.tokenize(sentences, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    index_s = time.perf_counter() - started
    k = min(k, len(sentences))
    lat, e2e = [], []
    for q in questions:
        t = time.perf_counter()
        words = [w for w in _query_words(q) if w in retriever.vocab_dict]
        if words:
            scores = retriever.get_scores(words)
            top = np.argpartition(-scores, k - 1)[:k]
            top[np.argsort(-scores[top])]
        lat.append(time.perf_counter() - t)
        t = time.perf_counter()
        qt = bm25s.tokenize([q], stopwords="en", show_progress=False)
        if qt.vocab:
            retriever.retrieve(qt, k=k, show_progress=False, n_threads=1)
        e2e.append(time.perf_counter() - t)
    return {"index_s": index_s, **_stats(lat), "e2e": _stats(e2e)}


def bench_fts5(sentences: list[str], questions: list[str], k: int = 5) -> dict:
    """SQLite FTS5 (porter) over the same sentences, in memory: the question's words (English
    stop words dropped) OR-ed, ranked by bm25(), top k."""
    started = time.perf_counter()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE s USING fts5(t, tokenize='porter unicode61')")
    conn.executemany("INSERT INTO s(t) VALUES (?)", ((t,) for t in sentences))
    conn.commit()
    index_s = time.perf_counter() - started
    lat = []
    for q in questions:
        t = time.perf_counter()
        words = _query_words(q)
        if words:
            match = " OR ".join(f'"{w}"' for w in words)
            conn.execute("SELECT rowid FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT ?", (match, k)).fetchall()
        lat.append(time.perf_counter() - t)
    conn.close()
    return {"index_s": index_s, **_stats(lat)}


def bench_rank_bm25(sentences: list[str], questions: list[str]) -> dict | None:
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        return None
    from bot.text.normalise import tokens
    started = time.perf_counter()
    bm25 = BM25Okapi([list(tokens(s)) or ["_"] for s in sentences])
    index_s = time.perf_counter() - started
    lat = []
    for q in questions:
        t = time.perf_counter()
        scores = bm25.get_scores(list(tokens(q)))
        if len(scores):
            max(range(len(scores)), key=scores.__getitem__)
        lat.append(time.perf_counter() - t)
    return {"index_s": index_s, "median_ms": 1000 * statistics.median(lat), "p99_ms": 1000 * pct(lat, 99),
            "max_ms": 1000 * max(lat)}


# ------------------------------------------------------------------------------------------
# Scoring
# ------------------------------------------------------------------------------------------

def score_in_process(questions: list[dict], replies: list[dict], folder: Path) -> tuple[int, dict[str, list[str]]]:
    from bot.cli.evaluate import check, load_articles
    articles = load_articles(folder)
    failures = {}
    for q, r in zip(questions, replies):
        problems = check(q, r, articles)
        if problems:
            failures[q["id"]] = problems
    return len(questions) - len(failures), failures


def score_with_scorer(questions_path: Path, replies: list[dict]) -> str | None:
    """The shared scorer on these replies (its articles: the seeds, as .ci/run uses them)."""
    if not (SCORER.exists() and SEEDS.is_dir()):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in replies:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    try:
        proc = subprocess.run([sys.executable, str(SCORER), "--questions", str(questions_path), "--articles",
                               str(SEEDS), "--answers", f.name, "--quiet"], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    m = re.search(r"score: (\d+)/(\d+)", proc.stdout)
    return f"{m.group(1)}/{m.group(2)}" if m else None


# ------------------------------------------------------------------------------------------
# The engine probe: runs in a fresh process (python bench.py --probe SPEC.json)
# ------------------------------------------------------------------------------------------

def probe(spec_path: str) -> int:
    """Load the engine, answer, and report: one JSON line on stdout prefixed PROBE:."""
    spec = json.loads(Path(spec_path).read_text())
    out: dict = {}
    t = time.perf_counter()
    from bot.config import Config
    from bot.live import KnowledgeWatcher
    from bot.service import open_engine
    out["import_s"] = time.perf_counter() - t
    config = Config(articles_dir=Path(spec["articles"]), data_dir=Path(spec["data"]), default_show=FIRST_ID)

    async def go():
        t = time.perf_counter()
        engine = await open_engine(config)
        out["load_s"] = time.perf_counter() - t
        out["rss_loaded_mb"] = rss_mb()
        out["shows"] = len(engine.shows)
        try:
            questions = spec["questions"]
            cold, replies = [], []
            for q in questions:  # the first pass loads the default show's knowledge
                t = time.perf_counter()
                a = await engine.ask(q)
                cold.append(time.perf_counter() - t)
                replies.append(a.to_json())
            out["first_answer_s"] = cold[0]
            out["cold"] = cold
            out["replies"] = replies
            out["rss_first_show_mb"] = rss_mb()
            warm = []
            for _ in range(spec["passes"]):
                for q in questions:
                    t = time.perf_counter()
                    await engine.ask(q)
                    warm.append(time.perf_counter() - t)
            out["warm"] = warm
            other, other_replies = [], []
            for q in spec["other"]:
                t = time.perf_counter()
                a = await engine.ask(q)
                other.append(time.perf_counter() - t)
                other_replies.append(a.to_json())
            out["other"] = other
            out["other_replies"] = other_replies
            out["rss_answered_mb"] = rss_mb()
            if spec.get("drop"):  # an article dropped into the folder while the engine runs
                watcher = KnowledgeWatcher(engine, config)
                await watcher.mark_loaded()
                idle = []
                for _ in range(3):
                    t = time.perf_counter()
                    await watcher.check()
                    idle.append(time.perf_counter() - t)
                out["watch_idle_s"] = statistics.median(idle)
                drop = spec["drop"]
                path = Path(drop["path"])
                started = time.perf_counter()
                path.write_text(drop["text"], encoding="utf-8")
                answered = None
                while time.perf_counter() - started < spec.get("drop_timeout", 600):
                    await watcher.check()  # what `showbot chat` does before each question
                    a = await engine.ask(drop["question"])
                    if drop["expect"].casefold() in a.text.casefold():
                        answered = time.perf_counter() - started
                        break
                    await asyncio.sleep(0.2)
                out["added_answered_s"] = answered
                out["added_answer"] = a.text[:300]
        finally:
            await engine.close()
        out["rss_end_mb"] = rss_mb()
        out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    asyncio.run(go())
    print("PROBE:" + json.dumps(out, ensure_ascii=False))
    return 0


# ------------------------------------------------------------------------------------------
# Profiles (py-spy raw output -> the functions where time goes)
# ------------------------------------------------------------------------------------------

def summarise_profile(path: Path, within: str | None = None, without: str | None = None, top: int = 15) -> dict:
    """Self and inclusive share of samples per function from py-spy's raw (collapsed) output;
    with `within`, only stacks through a frame containing that text (and none containing
    `without`), as shares of those."""
    self_c, incl_c, total = {}, {}, 0
    if not path.exists():
        return {"error": f"{path} missing"}
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [f for f in stack.split(";") if not f.startswith("process ") and not f.startswith("thread ")]
        if within and not any(within in f for f in frames):
            continue
        if without and any(without in f for f in frames):
            continue
        n = int(count)
        total += n
        names = [_frame_name(f) for f in frames]
        if names:
            self_c[names[-1]] = self_c.get(names[-1], 0) + n
        for name in set(names):
            incl_c[name] = incl_c.get(name, 0) + n
    if not total:
        return {"samples": 0}

    def ranked(d, only_project=False):
        items = [(k, v) for k, v in d.items() if not only_project or k.startswith("bot/")]
        return [(k, round(100 * v / total, 1)) for k, v in sorted(items, key=lambda kv: -kv[1])[:top]]

    return {"samples": total, "self": ranked(self_c), "inclusive_project": ranked(incl_c, only_project=True)}


def _frame_name(frame: str) -> str:
    """"cluster (/work/x/bot/pipeline/people.py)" -> "bot/pipeline/people.py:cluster"."""
    m = re.match(r"(.*?) \((.*?)(?::\d+)?\)$", frame)
    if not m:
        return frame
    func, file = m.groups()
    root = str(ROOT) + "/"
    if file.startswith(root):
        file = file[len(root):]
    elif "site-packages/" in file:
        file = file.split("site-packages/", 1)[1]
    elif "/lib/python3" in file:
        file = "stdlib/" + file.rsplit("/", 1)[-1]
    return f"{file}:{func}"


# ------------------------------------------------------------------------------------------
# Scale mode
# ------------------------------------------------------------------------------------------

def measure(n: int, args, workdir: Path) -> dict:
    res: dict = {"articles_requested": n}
    corpus = generate(workdir / f"corpus-{n}", n, seed=args.seed, show_files=args.show_files)
    res.update(articles=corpus.articles, shows=len(corpus.shows) + 1, generate_s=round(corpus.seconds, 2))
    log(f"[{n}] corpus: {corpus.articles} articles in {len(corpus.shows) + 1} shows ({corpus.seconds:.1f}s) at {corpus.root}")
    data = workdir / f"data-{n}"
    prof = Path(args.profile) if args.profile else None
    if prof:
        prof.mkdir(parents=True, exist_ok=True)

    # 1. full build, fresh data folder
    r = showbot(["build"], corpus.root, data, timeout=args.timeout,
                profile=prof / f"build-{n}.txt" if prof and n in args.profile_sizes else None)
    res["build_s"] = round(r.seconds, 2)
    res["build_peak_rss_mb"] = round(r.maxrss_mb, 1)
    if r.returncode != 0:
        done = re.findall(r"\[(\d+)/(\d+)\]", r.stderr)
        res["build_failed"] = ("timed out" if r.returncode is None else f"exit {r.returncode}") + (
            f" after {r.seconds:.0f}s; extraction reached {done[-1][0]}/{done[-1][1]} articles" if done else "")
        if done and int(done[-1][0]):
            res["build_extrapolated_s"] = round(r.seconds * int(done[-1][1]) / int(done[-1][0]), 0)
            res["build_failed"] += f" (~{res['build_extrapolated_s']:.0f}s for all, extrapolated)"
        res["build_stderr_tail"] = r.stderr[-1500:]
        log(f"[{n}] build FAILED: {res['build_failed']}")
        return res
    res["build_report"] = r.stdout.strip()
    log(f"[{n}] full build {r.seconds:.1f}s, peak RSS {r.maxrss_mb:.0f} MB: {r.stdout.strip()}")

    # 2. nothing changed, then one article added
    r = showbot(["build", "--quiet"], corpus.root, data, timeout=args.timeout)
    res["noop_build_s"] = round(r.seconds, 2)
    spec_a = corpus.shows[0] if corpus.shows else None
    if spec_a is not None:
        year = 2023 + spec_a.numbers["year_delta"]
        path = corpus.folder(spec_a.id) / "99990-bench-added-cast.md"
        path.write_text(new_cast_article(spec_a, "Hwang Do-kyeom", "Yeon Ba-da", year), encoding="utf-8")
        r = showbot(["build", "--quiet"], corpus.root, data, timeout=args.timeout)
        res["incremental_build_s"] = round(r.seconds, 2)
        res["incremental_build_report"] = r.stdout.strip()
        log(f"[{n}] no-op build {res['noop_build_s']}s, +1 article build {r.seconds:.2f}s")
    res["db_mb"] = round(db_size_mb(data), 1)

    # 3. the engine in a fresh process: load, dev questions, other shows, an article dropped in
    questions, qpath = load_questions()
    other = other_show_questions(corpus, args.other, args.seed)
    drop = None
    if len(corpus.shows) > 1:
        spec_b = corpus.shows[1]
        drop = {"path": str(corpus.folder(spec_b.id) / "99991-bench-dropped-cast.md"),
                "text": new_cast_article(spec_b, "Maeng Ha-rang", "Tak Seo-yul", 2023 + spec_b.numbers["year_delta"]),
                "question": f"Who plays Tak Seo-yul in {spec_b.title}?", "expect": "Maeng Ha-rang"}
    spec_file = workdir / f"probe-{n}.json"
    profiling = bool(prof and n in args.profile_sizes)
    passes = args.profile_passes if profiling else args.passes
    spec_file.write_text(json.dumps({"articles": str(corpus.root), "data": str(data), "passes": passes,
                                     "questions": [q["q"] for q in questions], "other": [q["q"] for q in other],
                                     "drop": drop}))
    r = run([sys.executable, str(Path(__file__).resolve()), "--probe", str(spec_file)], env=env_for_showbot(),
            timeout=args.timeout,
            profile=prof / f"answer-{n}.txt" if prof and n in args.profile_sizes else None)
    line = next((l for l in r.stdout.splitlines() if l.startswith("PROBE:")), None)
    if line is None:
        res["probe_failed"] = (r.stderr or r.stdout)[-1500:]
        log(f"[{n}] engine probe FAILED:\n{res['probe_failed']}")
        return res
    p = json.loads(line[len("PROBE:"):])
    warm = p["warm"] or p["cold"]
    res.update({
        "import_s": round(p["import_s"], 3), "engine_load_s": round(p["load_s"], 3),
        "engine_rss_loaded_mb": round(p["rss_loaded_mb"], 1), "engine_rss_mb": round(p["rss_answered_mb"], 1),
        "engine_maxrss_mb": round(p["maxrss_mb"], 1),
        "first_question_s": round(p["first_answer_s"], 3),
        "answer_median_ms": round(1000 * statistics.median(warm), 3),
        "answer_p99_ms": round(1000 * pct(warm, 99), 3), "answer_max_ms": round(1000 * max(warm), 3),
        "answer_samples": len(warm),
        "cold_pass_median_ms": round(1000 * statistics.median(p["cold"][1:] or p["cold"]), 3),
        "cold_pass_max_ms": round(1000 * max(p["cold"]), 3),
        "watch_idle_s": round(p.get("watch_idle_s", float("nan")), 3),
        "added_answered_s": None if p.get("added_answered_s") is None else round(p["added_answered_s"], 2),
    })
    if p.get("added_answered_s") is None and drop:
        res["added_answer"] = p.get("added_answer")
    passed, failures = score_in_process(questions, p["replies"], corpus.folder(FIRST_ID))
    res["dev_score"] = f"{passed}/{len(questions)}"
    res["dev_rate"] = passed / len(questions) if questions else None
    res["dev_failures"] = failures
    scorer = score_with_scorer(qpath, p["replies"]) if qpath and qpath.parent.name == "eval" else None
    if scorer:
        res["dev_score_scorer"] = scorer
    if other:
        ok, fails = 0, {}
        from bot.cli.evaluate import check, load_articles
        cache: dict[str, dict] = {}
        for q, reply in zip(other, p["other_replies"]):
            arts = cache.setdefault(q["show"], load_articles(corpus.folder(q["show"])))
            problems = check(q, reply, arts)
            ok += not problems
            if problems:
                fails[q["q"]] = problems + [f"answer: {(reply.get('answer') or '')[:160]!r}"]
        res["other_score"] = f"{ok}/{len(other)}"
        res["other_failures"] = fails
        res["other_median_ms"] = round(1000 * statistics.median(p["other"]), 2)
        res["other_max_ms"] = round(1000 * max(p["other"]), 2)
    log(f"[{n}] engine: load {p['load_s']:.2f}s, RSS {p['rss_answered_mb']:.0f} MB, first question "
        f"{p['first_answer_s'] * 1000:.0f} ms, median {res['answer_median_ms']} ms, p99 {res['answer_p99_ms']} ms, "
        f"dev {res['dev_score']}, other shows {res.get('other_score')}, added article answered in "
        f"{res['added_answered_s']}s")

    # 4. a fresh CLI process: time to its first answer
    cli = []
    for _ in range(3):
        r = showbot(["ask", "Who plays Nam-ra?"], corpus.root, data, timeout=args.timeout)
        cli.append(r.seconds)
    res["cli_first_answer_s"] = round(statistics.median(cli), 3)
    res["cli_first_answer_runs"] = [round(x, 3) for x in cli]
    res["cli_answer"] = r.stdout.strip().splitlines()[0][:120] if r.stdout.strip() else r.stderr[-300:]
    log(f"[{n}] fresh `showbot ask`: {cli} s")

    # 5. baselines on the same sentences
    sentences = sentences_of(data / "knowledge.sqlite3")
    qs = [q["q"] for q in questions] * max(1, args.passes)
    res["sentences"] = len(sentences)
    res["bm25s"] = bench_bm25s(sentences, qs)
    res["fts5"] = bench_fts5(sentences, qs)
    log(f"[{n}] {len(sentences)} sentences; bm25s index {res['bm25s']['index_s']:.2f}s, query "
        f"{res['bm25s']['median_ms']:.3f}/{res['bm25s']['p99_ms']:.3f} ms; FTS5 index {res['fts5']['index_s']:.2f}s, "
        f"query {res['fts5']['median_ms']:.3f}/{res['fts5']['p99_ms']:.3f} ms")

    if prof and n in args.profile_sizes:
        res["profile_build"] = summarise_profile(prof / f"build-{n}.txt")
        res["profile_build_main"] = summarise_profile(prof / f"build-{n}.txt", without="_process_worker")
        answers = prof / f"answer-{n}.txt"
        res["profile_answer"] = summarise_profile(answers, within="Engine._ask", without="StoreLibrary._load")
        res["profile_show_load"] = summarise_profile(answers, within="StoreLibrary._load")
        res["profile_load"] = summarise_profile(answers, within="open_engine")
        res["profiled"] = True  # timings of this size were taken under py-spy
    if not args.keep:
        shutil.rmtree(corpus.root, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
    return res


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fmt(v, unit="", digits=2) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        if v != v:
            return "—"
        return f"{v:,.{digits}f}{unit}"
    return f"{v}{unit}"


ROWS = [
    ("shows", "shows", lambda r: fmt(r.get("shows"))),
    ("full build (`showbot build`, fresh)", "build_s", lambda r: r.get("build_failed") or fmt(r.get("build_s"), " s", 1)),
    ("build peak RSS (largest process)", "build_peak_rss_mb", lambda r: fmt(r.get("build_peak_rss_mb"), " MB", 0)),
    ("build, nothing changed", "noop_build_s", lambda r: fmt(r.get("noop_build_s"), " s")),
    ("build after 1 added article", "incremental_build_s", lambda r: fmt(r.get("incremental_build_s"), " s")),
    ("added article answered by a running engine", "added_answered_s", lambda r: fmt(r.get("added_answered_s"), " s")),
    ("running engine's look at the folder (no change)", "watch_idle_s", lambda r: fmt(r.get("watch_idle_s"), " s", 3)),
    ("database size", "db_mb", lambda r: fmt(r.get("db_mb"), " MB", 1)),
    ("engine load (`open_engine`, fresh process)", "engine_load_s", lambda r: fmt(r.get("engine_load_s"), " s")),
    ("engine RSS (after answering)", "engine_rss_mb", lambda r: fmt(r.get("engine_rss_mb"), " MB", 0)),
    ("first question (loads the default show)", "first_question_s", lambda r: fmt(r.get("first_question_s"), " s", 3)),
    ("fresh `showbot ask`, first answer (wall)", "cli_first_answer_s", lambda r: fmt(r.get("cli_first_answer_s"), " s")),
    ("answer median (dev set, warm)", "answer_median_ms", lambda r: fmt(r.get("answer_median_ms"), " ms")),
    ("answer p99", "answer_p99_ms", lambda r: fmt(r.get("answer_p99_ms"), " ms")),
    ("answer max", "answer_max_ms", lambda r: fmt(r.get("answer_max_ms"), " ms")),
    ("dev-set score (default show)", "dev_rate", lambda r: r.get("dev_score", "—")
     + (f" ({100 * r['dev_rate']:.0f}%)" if r.get("dev_rate") is not None else "")),
    ("questions naming another show: correct", "other_score", lambda r: r.get("other_score", "—")),
    ("questions naming another show: median / max", "other_median_ms",
     lambda r: f"{fmt(r.get('other_median_ms'), ' ms')} / {fmt(r.get('other_max_ms'), ' ms')}"),
    ("sentences", "sentences", lambda r: fmt(r.get("sentences"))),
    ("bm25s: index", "bm25s", lambda r: fmt((r.get("bm25s") or {}).get("index_s"), " s")),
    ("bm25s: query (scores + top 5) median / p99", "bm25s", lambda r: "{} / {}".format(
        fmt((r.get("bm25s") or {}).get("median_ms"), " ms", 3), fmt((r.get("bm25s") or {}).get("p99_ms"), " ms", 3))),
    ("bm25s via bm25s.tokenize + retrieve: median / p99", "bm25s", lambda r: "{} / {}".format(
        fmt(((r.get("bm25s") or {}).get("e2e") or {}).get("median_ms"), " ms", 3),
        fmt(((r.get("bm25s") or {}).get("e2e") or {}).get("p99_ms"), " ms", 3))),
    ("FTS5: index", "fts5", lambda r: fmt((r.get("fts5") or {}).get("index_s"), " s")),
    ("FTS5: query median / p99", "fts5", lambda r: "{} / {}".format(
        fmt((r.get("fts5") or {}).get("median_ms"), " ms", 3), fmt((r.get("fts5") or {}).get("p99_ms"), " ms", 3))),
]


def table(results: list[dict]) -> str:
    head = "| measure | " + " | ".join(f"{r['articles_requested']:,} articles" for r in results) + " | target (10,000) |"
    lines = [head, "|" + "---|" * (len(results) + 2)]
    for label, key, get in ROWS:
        target = TARGETS.get(key, ("", ""))[1]
        cells = []
        for r in results:
            cell = get(r)
            ok = TARGETS.get(key)
            if ok and r.get(key) is not None and r["articles_requested"] >= 10_000 and not r.get("build_failed"):
                try:
                    cell += " ✅" if ok[2](r[key]) else " ❌"
                except TypeError:
                    pass
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines)


def plot(results: list[dict], path: str) -> None:
    good = [r for r in results if r.get("build_s") is not None]
    series = [("full build (s)", "build_s"), ("engine load (s)", "engine_load_s"),
              ("fresh CLI first answer (s)", "cli_first_answer_s"), ("answer p99 (ms)", "answer_p99_ms"),
              ("answer median (ms)", "answer_median_ms"), ("engine RSS (MB)", "engine_rss_mb")]
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib is not installed: no PNG; an ASCII growth curve instead (log scale)")
        print(ascii_plot(good, series))
        return
    fig, ax = plt.subplots(figsize=(7, 4.5))
    xs = [r["articles"] for r in good]
    for label, key in series:
        ys = [r.get(key) for r in good]
        if any(y is not None for y in ys):
            ax.plot(xs, [y if y is not None else float("nan") for y in ys], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles")
    ax.set_title("showbot at scale (issue 8)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    log(f"wrote {path}")


def ascii_plot(results: list[dict], series) -> str:
    import math
    out = ["growth (bar length ~ log10 of the value; one row per corpus size)"]
    for label, key in series:
        out.append(f"{label}:")
        for r in results:
            v = r.get(key)
            if v is None:
                continue
            bar = "#" * max(1, int(round(8 * (math.log10(max(v, 1e-3)) + 3))))
            out.append(f"  {r['articles']:>6,} | {bar} {v:,.3g}")
    return "\n".join(out)


def profile_report(results: list[dict]) -> str:
    out = []
    for r in results:
        for key, what in (("profile_build", "full build (main process and pool workers)"),
                          ("profile_build_main", "full build, main process only (not the extraction workers)"),
                          ("profile_answer", "answering, show already loaded (Engine._ask without StoreLibrary._load)"),
                          ("profile_show_load", "a show's first question: loading its knowledge (StoreLibrary._load)"),
                          ("profile_load", "engine load (open_engine)")):
            prof = r.get(key)
            if not prof or not prof.get("samples"):
                continue
            out.append(f"\n### py-spy, {what}, {r['articles_requested']:,} articles ({prof['samples']} samples)\n")
            out.append("| self % | function | | inclusive % | project function |\n|---|---|---|---|---|")
            for (f1, p1), (f2, p2) in zip(prof["self"] + [("", "")] * 15, prof["inclusive_project"] + [("", "")] * 15):
                if not f1 and not f2:
                    break
                out.append(f"| {p1} | `{f1}` | | {p2} | `{f2}` |")
    return "\n".join(out)


def scale(args) -> int:
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="showbot-bench-", dir=args.tmp) as tmp:
        workdir = Path(tmp)
        for n in args.articles:
            results.append(measure(n, args, workdir))
            if args.json:
                Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=1,
                                                      ensure_ascii=False))
        if args.keep:
            kept = Path(args.keep)
            kept.mkdir(parents=True, exist_ok=True)
            for p in workdir.iterdir():
                shutil.move(str(p), kept / p.name)
    print(f"\n{machine()['summary']}\n")
    if any(r.get("profiled") for r in results):
        print("_Timings of " + ", ".join(f"{r['articles_requested']:,}" for r in results if r.get("profiled"))
              + " articles were taken under py-spy (slower); use an unprofiled run for the table._\n")
    print(table(results))
    for r in results:
        bad = {**r.get("dev_failures", {})}
        if bad:
            print(f"\ndev-set failures at {r['articles_requested']:,} articles:")
            for qid, problems in bad.items():
                print(f"  {qid}: {'; '.join(problems)[:300]}")
        if r.get("other_failures"):
            print(f"\nother-show failures at {r['articles_requested']:,} articles:")
            for q, problems in r["other_failures"].items():
                print(f"  {q}: {'; '.join(problems)[:300]}")
    rep = profile_report(results)
    if rep:
        print(rep)
    if args.plot:
        plot(results, args.plot)
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=1, ensure_ascii=False))
        log(f"wrote {args.json}")
    print(f"\n_bench ran in {time.perf_counter() - started:.0f}s_")
    return 0


def machine() -> dict:
    import platform
    cpus = os.cpu_count()
    return {"python": sys.version.split()[0], "cpus": cpus, "platform": platform.platform(),
            "sqlite": sqlite3.sqlite_version,
            "summary": f"Python {sys.version.split()[0]}, {cpus} CPUs, SQLite {sqlite3.sqlite_version}, "
                       f"{platform.machine()}"}


# ------------------------------------------------------------------------------------------
# Small-corpus mode (what this script measured before --articles)
# ------------------------------------------------------------------------------------------

def typo(text: str, rng: random.Random) -> str:
    """One keyboard-style slip: drop, double or swap a letter, or drop a hyphen or space."""
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    if not letters:
        return text
    i = rng.choice(letters)
    kind = rng.randrange(4)
    if kind == 0:
        del chars[i]
    elif kind == 1:
        chars.insert(i, chars[i])
    elif kind == 2 and i + 1 < len(chars):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    else:
        return text.replace("-", "", 1) if "-" in text else text.replace(" ", "", 1)
    return "".join(chars)


async def _small_corpus(folder: Path, questions: list[str], scored: list[dict], builds: int, show: str | None):
    import gc
    import tracemalloc
    from bot.config import Config
    from bot.pipeline.build import build
    from bot.service import open_engine

    times = []
    for _ in range(builds):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            await build(Config(articles_dir=folder, data_dir=Path(tmp)))
            times.append(time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(articles_dir=folder, data_dir=Path(tmp), default_show=show)
        await build(config)
        t = time.perf_counter()
        engine = await open_engine(config)
        load = time.perf_counter() - t
        try:
            replies = [(await engine.ask(q["q"])).to_json() for q in scored]
            for q in questions[:50]:  # warm caches
                await engine.ask(q)
            lat, answered = [], 0
            for q in questions:
                t = time.perf_counter()
                a = await engine.ask(q)
                lat.append(time.perf_counter() - t)
                answered += a.answered
        finally:
            await engine.close()
        sentences = sentences_of(config.knowledge_db)
    gc.collect()
    tracemalloc.start()  # memory: a separate traced pass (tracing slows every allocation)
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(articles_dir=folder, data_dir=Path(tmp), default_show=show)
        engine = await open_engine(config)
        try:
            for q in questions[:1000]:
                await engine.ask(q)
        finally:
            await engine.close()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"builds": times, "load_s": load, "lat": lat, "answered": answered, "replies": replies,
            "sentences": sentences, "traced_peak_mb": peak / 2**20}


def small(args) -> int:
    started = time.perf_counter()
    rng = random.Random(args.seed)
    corpora = []  # (name, folder, question dicts, show)
    base = []
    for path in DEV_QUESTIONS:
        if path.exists():
            base += [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    dev, _ = load_questions()
    corpora.append(("bundled show", ROOT / "knowledge" / "shows", dev, base, None))
    extra = [Path(c) for c in args.corpus] if args.corpus else sorted(
        p for p in (SHARED / "eval" / "shows").glob("*") if (p / "questions.jsonl").exists())
    for folder in extra:
        qs = [json.loads(l) for l in (folder / "questions.jsonl").read_text().splitlines() if l.strip()]
        corpora.append((folder.name, folder, qs, qs, None))
    rows = []
    for name, folder, scored, pool_src, show in corpora:
        pool = [q["q"] for q in pool_src]
        pool = pool + [typo(q, rng) for q in pool] + [typo(typo(q, rng), rng) for q in pool]
        questions = [pool[i % len(pool)] for i in range(args.questions)]
        r = asyncio.run(_small_corpus(folder, questions, scored, args.builds, show))
        passed, _ = score_in_process(scored, r["replies"], folder)
        base_bm25s = bench_bm25s(r["sentences"], questions)
        base_rank = bench_rank_bm25(r["sentences"], questions)
        rows.append((name, r, passed, len(scored), base_bm25s, base_rank, len(questions)))

    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{machine()['summary']}; questions cycle each corpus's questions and typo variants of them\n")
    for name, r, passed, total, b, rb, n in rows:
        lat = r["lat"]
        print(f"### {name}: {len(r['sentences'])} sentences, {n} questions ({r['answered']} answered), "
              f"score {passed}/{total}\n")
        print("| measure | showbot engine | bm25s (top-5 sentences) |" + (" rank-bm25 (top-1) |" if rb else ""))
        print("|---|---|---|" + ("---|" if rb else ""))
        print(f"| build / index (median of {len(r['builds'])}) | {1000 * statistics.median(r['builds']):.1f} ms | "
              f"{1000 * b['index_s']:.1f} ms |" + (f" {1000 * rb['index_s']:.1f} ms |" if rb else ""))
        print(f"| engine load | {1000 * r['load_s']:.1f} ms | | " + ("|" if rb else ""))
        print(f"| answer median | {1000 * statistics.median(lat):.2f} ms | {b['median_ms']:.3f} ms |"
              + (f" {rb['median_ms']:.3f} ms |" if rb else ""))
        print(f"| answer p99 | {1000 * pct(lat, 99):.2f} ms | {b['p99_ms']:.3f} ms |"
              + (f" {rb['p99_ms']:.3f} ms |" if rb else ""))
        print(f"| throughput | {n / sum(lat):,.0f} q/s | | " + ("|" if rb else ""))
        print(f"| traced peak memory (engine open + 1000 answers) | {r['traced_peak_mb']:.1f} MiB | | "
              + ("|" if rb else ""))
        print()
    print(f"max RSS of the whole run: {maxrss:.0f} MiB\n\n_bench ran in {time.perf_counter() - started:.1f}s_")
    return 0


# ------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, nargs="+", metavar="N",
                    help="scale mode: generated corpora of N articles each (e.g. 100 1000 10000)")
    ap.add_argument("--passes", type=int, default=5, help="scale: warm passes over the dev questions (default 5)")
    ap.add_argument("--other", type=int, default=50, help="scale: questions naming other shows (default 50)")
    ap.add_argument("--timeout", type=float, default=1800, help="scale: seconds each build or probe may take")
    ap.add_argument("--show-files", action="store_true",
                    help="scale: give each generated show a show.toml (default: names inferred from the articles)")
    ap.add_argument("--json", metavar="FILE", help="scale: write the results as JSON")
    ap.add_argument("--plot", metavar="PNG", help="scale: growth curves (matplotlib; else an ASCII curve)")
    ap.add_argument("--profile", metavar="DIR", help="scale: run the build and the engine under py-spy, "
                                                     "raw profiles in DIR, top functions in the report")
    ap.add_argument("--profile-sizes", type=int, nargs="+", metavar="N",
                    help="scale: profile only these sizes (default: all given)")
    ap.add_argument("--profile-passes", type=int, default=100,
                    help="scale: warm passes over the dev questions when profiling (default 100)")
    ap.add_argument("--keep", metavar="DIR", help="scale: keep the corpora and data folders here")
    ap.add_argument("--tmp", metavar="DIR", help="scale: where the temporary corpora go")
    ap.add_argument("--generate", type=int, metavar="N", help="only write a generated corpus of N articles to --out")
    ap.add_argument("--out", metavar="DIR", help="with --generate: the folder to write")
    ap.add_argument("--questions", type=int, default=3000, help="small mode: answers to time per corpus")
    ap.add_argument("--builds", type=int, default=5, help="small mode: knowledge-base builds to time")
    ap.add_argument("--corpus", nargs="+", metavar="DIR", help="small mode: show folders with a questions.jsonl "
                                                               "(default: ../shared/eval/shows/*)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--probe", metavar="SPEC", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        return probe(args.probe)
    if args.generate:
        if not args.out:
            ap.error("--generate needs --out DIR")
        c = generate(Path(args.out), args.generate, seed=args.seed, show_files=args.show_files)
        print(f"{c.articles} articles in {len(c.shows) + 1} shows at {c.root} ({c.seconds:.1f}s); "
              f"default show: SHOWBOT_SHOW={FIRST_ID}")
        return 0
    if args.articles:
        args.profile_sizes = set(args.profile_sizes or args.articles)
        if args.profile and not shutil.which("py-spy"):
            ap.error("--profile needs py-spy (pip install py-spy)")
        return scale(args)
    return small(args)


if __name__ == "__main__":
    sys.exit(main())
