"""Sentences -> facts. Each fact points at the one sentence it was read from.

Structured facts (who plays whom, crew, dates, estimates, counts) come from the
phrasings news articles use; topic facts (what a sentence is about) come from the
patterns in knowledge/topics.toml. People's names are kept as written here; the
clustering of spellings into one person happens afterwards (qa/people.py).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .ingest import Document, Sentence
from .qa.normalise import is_english

# A name token: capitalised, optionally hyphenated ("Nam-ra", "Yi-Hyun", "JQ", "I'm").
_TOK = r"[A-Z][a-zA-Z\u2019']*(?:-[A-Za-z]+)?"
NAME = rf"{_TOK}(?:\s{_TOK}){{0,2}}"
_N = lambda group: rf"(?P<{group}>{NAME})"

# Capitalised words that start phrases but are never part of a person's name.
_NOT_NAME = {
    "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "a", "an", "and", "but", "or", "if", "as", "in", "on", "of",
    "netflix", "season", "episode", "series", "show", "all", "us", "are", "dead", "korean",
    "south", "korea", "director", "here", "there", "also", "cast", "who", "what", "when",
    "which", "with", "for", "from", "after", "before", "during", "meanwhile", "however",
    "since", "so", "then", "while", "many", "most", "some", "fans", "zombie", "zombies",
    "trailer", "teaser", "official", "is", "was", "be", "will", "not", "no", "yes", "mr", "ms",
    "geeked", "week", "herald", "times", "news", "radio", "studios", "monster", "film",
    "production", "webcomic", "webtoon", "high", "school", "military", "students", "lee's",
}

_ACTIVE_VERBS = (r"(?:plays|played|play|playing|portrays|portrayed|portraying|portray|"
                 r"stars as|starred as|star as|starring as|recurs? as|reprises? (?:the role of |her role as |his role as )?|"
                 r"returns as|returning as|is back as|comes back as|(?:joins|joined|has joined) the cast as|"
                 r"(?:was |has been |is |been )?cast as|seen as|as|in the role of|appears as|appeared as)")
CAST_PATTERNS = [
    # "Y is played by X", "Y, played by X"
    re.compile(rf"{_N('char')},?\s(?:is\s|was\s|will be\s)?(?:being\s)?(?:played|portrayed)\sby\s{_N('actor')}"),
    # "X plays Y", "X was seen playing Y", "X, who once portrayed Y", "X in the role of Y", "X as Y"
    re.compile(rf"{_N('actor')},?\s(?:who\s)?(?:(?:is|was|has|had|been|will|once|also|presently|currently|now|later|seen)\s)*"
               rf"{_ACTIVE_VERBS}\s(?:the\s(?:role|character)\s(?:of\s)?)?{_N('char')}"),
    # "Y (X)": character first, actor in brackets
    re.compile(rf"{_N('char')}\s\({_N('actor')}\)"),
]
_STARS = re.compile(rf"\bstars\s(?P<list>{NAME}(?:\s?,\s?(?:and\s)?{NAME})+)")
_CREW_PATTERNS = [
    ("director", re.compile(rf"\b(?:[Dd]irected by|[Dd]irector|[Dd]irected by the director)\s(?P<names>{NAME}(?:\s?[;,]\s?(?:and\s)?{NAME})*)")),
    ("writer", re.compile(rf"\b(?:[Ww]ritten by|[Ww]riter|[Ss]creenwriter|[Ss]creenplay by)\s(?P<names>{NAME})")),
    ("producer", re.compile(rf"\b(?:[Pp]roduced by|[Pp]roducer)\s(?P<names>{NAME}(?:\s?[;,]\s?(?:and\s)?{NAME})*)")),
    ("creator", re.compile(rf"\b(?:show|series|drama) (?:was |is )?(?:made|created) by\s(?P<names>{NAME})")),
    ("original author", re.compile(rf"\b(?:webcomic|webtoon|comic|novel)\b[^.]*?\b(?:made|created|written|drawn|penned) by\s(?P<names>{NAME})")),
]
_SOURCE_TITLE = re.compile(r"\b(?:webcomic|webtoon|comic|novel)\s(?P<title>[A-Z]\w*(?:\s(?:(?:at|of|the|in|and|a|to|on)\s)*[A-Z]\w*)+)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DATE = re.compile(rf"\b(?:{_MONTH}\s\d{{1,2}},?\s20\d\d|\d{{1,2}}\s{_MONTH}\s20\d\d|{_MONTH}\s20\d\d)\b")
_SEASON_OF_YEAR = r"(?:(?:late|early|mid|the\s)?(?:summer|spring|fall|autumn|winter)?|late|early|mid)"
ESTIMATE = re.compile(
    rf"\b(?:(?:{_SEASON_OF_YEAR})[\s-])?(?:{_MONTH}\s(?:\d{{1,2}},?\s)?)?20\d\d"
    rf"(?:\sor\s(?:(?:{_SEASON_OF_YEAR})\s)?(?:{_MONTH}\s)?20\d\d)?(?:\sat the (?:earliest|latest))?", re.IGNORECASE)
_NUMBER_WORDS = {"six": 6, "eight": 8, "ten": 10, "twelve": 12, "sixteen": 16}
_EPISODES = re.compile(r"\b(?P<n>\d{1,3}|six|eight|ten|twelve|sixteen)\s(?:\w+\s)?episodes\b", re.IGNORECASE)
_LAST_EPISODE = re.compile(r"\bEpisode\s(?P<n>\d{1,3})\b[^.]*\b(?:last|final) episode", re.IGNORECASE)
_ORG = re.compile(r"\b[A-Z][\w-]*(?:\s[A-Z][\w-]*)+")
_FUTURE = re.compile(r"\b(will|expect|expected|likely|predict|speculat|estimate|guess|could|might|may|think|hope|probably|at the earliest)", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|n't|no|never)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RawFact:
    sentence: int
    kind: str  # plays | stars | crew | premiere_date | renewal_date | release_estimate | episodes | company | source_title | topic
    subject: str | None = None  # actor / person / topic name
    object: str | None = None  # character / role
    value: str | None = None  # verbatim span (date, estimate, count, title)
    weight: float = 1.0


@dataclass(frozen=True)
class Topic:
    name: str
    patterns: list[re.Pattern]
    sections: list[re.Pattern]
    section_weight: float
    spoiler: bool


def load_topics(path: Path) -> list[Topic]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))["topics"]
    return [Topic(name, [re.compile(p, re.I) for p in t.get("patterns", [])],
                  [re.compile(p, re.I) for p in t.get("sections", [])],
                  float(t.get("section_weight", 0.5)), bool(t.get("spoiler", False)))
            for name, t in data.items()]


def trim_name(text: str) -> str:
    """Drop capitalised ordinary words before a full name: 'Newcomer Kim Si-a' -> 'Kim Si-a'.
    A family name that is also a word ('Park Ji-hu', 'Song Jae-ik') stays: two words must remain."""
    words = text.split()
    while len(words) > 2 and "-" not in words[0] and is_english(words[0].casefold()):
        words = words[1:]
    return " ".join(words)


def is_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 3:
        return False
    return all(w.casefold().strip("\u2019'") not in _NOT_NAME for w in words)


def extract(doc: Document, topics: list[Topic]) -> list[RawFact]:
    facts: list[RawFact] = []
    for s in doc.sentences:
        heading = doc.sections[s.section]
        facts.extend(_cast(s))
        facts.extend(_crew(s))
        facts.extend(_dates_and_counts(s, heading))
        facts.extend(_topics(s, heading, topics))
    return _companies(doc, facts)


def _cast(s: Sentence) -> list[RawFact]:
    out, taken = [], []
    for pattern in CAST_PATTERNS:
        for m in pattern.finditer(s.text):
            if any(m.start() < e and b < m.end() for b, e in taken):
                continue  # one reading per stretch of text
            actor, char = trim_name(m.group("actor")), trim_name(m.group("char"))
            if is_name(actor) and is_name(char) and actor != char:
                out.append(RawFact(s.index, "plays", actor, char))
                taken.append(m.span())
    for m in _STARS.finditer(s.text):
        for name in re.split(r"\s?,\s?(?:and\s)?", m.group("list")):
            name = re.sub(r"^and\s", "", name.strip())
            if is_name(name):
                out.append(RawFact(s.index, "stars", name))
    return out


def _crew(s: Sentence) -> list[RawFact]:
    out = []
    for role, pattern in _CREW_PATTERNS:
        for m in pattern.finditer(s.text):
            for name in re.split(r"\s?[;,]\s?(?:and\s)?", m.group("names")):
                if is_name(name):
                    out.append(RawFact(s.index, "crew", name.strip(), role))
    m = _SOURCE_TITLE.search(s.text)
    if m:
        out.append(RawFact(s.index, "source_title", value=m.group("title")))
    return out


def _dates_and_counts(s: Sentence, heading: str) -> list[RawFact]:
    out, text, low = [], s.text, s.text.casefold()
    about_new_season = re.search(r"season 2|season two|second season|new season|next season|the series will", low)
    for m in DATE.finditer(text):
        window = low[max(0, m.start() - 120):m.start()]
        if re.search(r"renew|commission|confirm", window) and about_new_season:
            out.append(RawFact(s.index, "renewal_date", value=m.group()))
        elif re.search(r"premiere|debut|released|launched|came out|aired on netflix|landed", window) \
                and not about_new_season and not re.search(r"last episode|final episode", low):
            out.append(RawFact(s.index, "premiere_date", value=m.group()))
    if (about_new_season or "release" in heading.casefold()) and _FUTURE.search(text) \
            and not re.search(r"renew|commission", low):
        for m in ESTIMATE.finditer(text):
            before = low[max(0, m.start() - 40):m.start()]
            if _NEGATION.search(before) or re.search(r"as of\s*$", before):
                continue  # "will not be on Netflix in July 2022", "as of July 11, 2022"
            out.append(RawFact(s.index, "release_estimate", value=m.group().strip()))
    for pattern in (_EPISODES, _LAST_EPISODE):
        m = pattern.search(text)
        if m:
            n = m.group("n").casefold()
            out.append(RawFact(s.index, "episodes", object=_season_of(low), value=str(_NUMBER_WORDS.get(n, n))))
            break
    return out


def _season_of(low: str) -> str:
    """Which season a sentence speaks of: the new one when it says so, else the first."""
    m = re.search(r"season (\d+)", low)
    if m:
        return m.group(1)
    if re.search(r"\b(second|new|next|upcoming) season\b|season two", low):
        return "2"
    return "1"


def _topics(s: Sentence, heading: str, topics: list[Topic]) -> list[RawFact]:
    """Topic weight: 1 for a matching pattern, +0.25 for each further one (at most 2 in all),
    plus the section's weight when the heading is about the topic too."""
    out = []
    for t in topics:
        hits = sum(1 for p in t.patterns if p.search(s.text))
        weight = min(1.0 + 0.25 * (hits - 1), 2.0) if hits else 0.0
        if any(p.search(heading) for p in t.sections):
            weight += t.section_weight
        if weight:
            out.append(RawFact(s.index, "topic", t.name, weight=weight))
    return out


def _companies(doc: Document, facts: list[RawFact]) -> list[RawFact]:
    """Organisation names in sentences about who made the show (not people, not the show)."""
    people = {f.subject for f in facts if f.kind in ("plays", "stars", "crew")}
    company_sentences = {f.sentence for f in facts if f.kind == "topic" and f.subject == "companies"}
    out = list(facts)
    for index in sorted(company_sentences):
        for m in _ORG.finditer(doc.sentences[index].text):
            org = m.group()
            first = org.split()[0].casefold()
            if first in _NOT_NAME - {"film", "studios", "monster", "production"} or org in people:
                continue
            if re.search(r"all of us are dead", org, re.I):
                continue
            out.append(RawFact(index, "company", org))
    return out
