"""One show's knowledge as the engine holds it, assembled from the build's records.

`assemble()` is pure: records (one per article, as the pipeline wrote them) and the show's
people go in, typed facts and indexes come out, each built once: sentences by person,
facts by person, a BM25 index over the show's sentences (bm25s), the vocabulary. What needs
the whole show is settled here: which season "the final season" is, which unseasoned
release is season 1's, which side of "Kid (Kim Si-a)" is the actor, and which titles in
the articles are other works.
"""
from __future__ import annotations

import dataclasses

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bot.text.normalise import name_key, plain_key, stem, tokens

from .lexicon import Lexicon
from .models import Article, Person, Sentence, Show


@dataclass(frozen=True, slots=True)
class CastFact:
    actor: int
    character: int | None
    status: str  # plays | joins | returns | leaves
    seasons: tuple[int, ...]
    weak: bool  # the season came from the article, not the sentence
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class CrewFact:
    person: int
    role: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class EventFact:
    event: str  # release | renewal | filming | filming_end | trailer | final
    status: str
    season: int | None
    part: int | None
    date: str | None  # as written
    ymd: tuple[int, int, int]  # year filled in from the article when the text leaves it out
    precision: int  # 0 none/relative, 1 year, 2 month, 3 day
    vague: bool
    weak: bool
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class EpisodesFact:
    count: int
    season: int | None
    total: bool
    weak: bool
    sentence: Sentence


@dataclass
class ShowKnowledge:
    show: Show
    articles: list[Article]
    sentences: list[Sentence]
    people: dict[int, Person]
    aliases: dict[str, set[int]]  # name key -> person ids
    cast: list[CastFact]
    crew: list[CrewFact]
    events: list[EventFact]
    episodes: list[EpisodesFact]
    other_titles: dict[str, str]  # key -> title of another work the articles name
    seasons: frozenset[int]
    final_season: int | None
    vocabulary: Counter  # stem -> number of sentences with it
    surface: frozenset[str]  # unstemmed words, for spelling correction
    proper: frozenset[str]  # stems the articles write capitalised
    by_person: dict[int, list[Sentence]] = field(default_factory=dict)
    index: object = None  # the lexical index (retriever.LexicalIndex)
    records: list[dict] = field(default_factory=list, repr=False)  # kept to overlay server articles
    linker: object = field(default=None, repr=False)  # set by the engine on first use
    examples: tuple | None = field(default=None, repr=False)
    retriever: object = field(default=None, repr=False)
    # worked out on first use, once per show: an idf per word, the sentences of each topic
    # and the surface words long enough to be misspelt
    _idf: dict[str, float] = field(default_factory=dict, repr=False)
    _by_topic: dict[str, list[int]] | None = field(default=None, repr=False)
    _spellable: list[str] | None = field(default=None, repr=False)

    def idf(self, word: str) -> float:
        value = self._idf.get(word)
        if value is None:
            value = self._idf[word] = math.log(1 + len(self.sentences) / (1 + self.vocabulary.get(word, 0)))
        return value

    def by_topic(self, topic: str) -> list[int]:
        """Ids of the sentences tagged with a topic, in order."""
        if self._by_topic is None:
            index: dict[str, list[int]] = {}
            for s in self.sentences:
                for t in s.topics:
                    index.setdefault(t, []).append(s.id)
            self._by_topic = index
        return self._by_topic.get(topic, [])

    def spellable(self) -> list[str]:
        """The articles' words of four letters or more, sorted: what a slip is corrected to."""
        if self._spellable is None:
            self._spellable = sorted(w for w in self.surface if len(w) >= 4)
        return self._spellable

    def person_ids(self, name: str) -> set[int]:
        return self.aliases.get(plain_key(name), set()) | self.aliases.get(name_key(name), set())

    @property
    def latest_season(self) -> int | None:
        return max(self.seasons, default=None)

    def released_seasons(self) -> set[int]:
        return {e.season for e in self.events if e.event == "release" and e.status == "released" and e.season}


def assemble(show: Show, people_rows: list, records: list[dict], lexicon: Lexicon,
             guild_records: list[tuple[int, dict]] = ()) -> ShowKnowledge:
    """`people_rows` are the clusters of every name in `records` and `guild_records` (a
    server's own articles, as (guild id, record)); the caller clusters them (pipeline.people)."""
    people = {p.id: p for p in (Person.from_json(r) for r in people_rows)}
    aliases: dict[str, set[int]] = defaultdict(set)
    for p in people.values():
        for a in p.aliases:
            for k in (plain_key(a), name_key(a)):
                if len(k) >= 2:
                    aliases[k].add(p.id)
    show_keys = {plain_key(n) for n in show.names()}
    all_records = [(None, r) for r in _unique(records)] + list(guild_records)
    final = _final_season(all_records)
    show_season = _show_number_pattern(show)

    articles, sentences, raw_facts = [], [], []
    vocabulary, capital, lower = Counter(), Counter(), Counter()
    surface: set[str] = set()
    by_person: dict[int, list[Sentence]] = defaultdict(list)
    for guild_id, rec in all_records:
        article = Article(len(articles), show.id, rec["name"], rec["title"], rec.get("publisher"), rec.get("date"),
                          rec.get("url"), guild_id)
        articles.append(article)
        first = len(sentences)
        heading_stems = [frozenset(stem(w) for w in lexicon.phrases.apply(tokens(h))) for h in rec["sections"]]
        # "Sweet Home 2 Cast Guide": the title names the season with the show's own name,
        # which extraction (not knowing the show) could not read
        titled = None
        if show_season is not None and rec.get("default_season") is None:
            m = show_season.search(rec.get("title") or "")
            titled = int(m.group(1)) if m else None
        for srec in rec["sentences"]:
            seasons = _seasons(srec["seasons"], final, show_keys)
            if titled and not seasons and srec["src"] is None:
                seasons = ((titled, None),)
            if show_season is not None:
                seasons += tuple((int(m.group(1)), None) for m in show_season.finditer(srec["t"])
                                 if (int(m.group(1)), None) not in seasons)
            words = tokens(srec["t"])
            stems = frozenset(srec["w"])  # slang rewritten and stemmed at build time
            vocabulary.update(stems)
            surface.update(w for w in words if w.isalpha())
            written_capitalised = set(srec["c"])
            capital.update(written_capitalised)
            # the opening word is capitalised by position: no sign of lower case either
            # ("Karube, the bartender, ...")
            lower.update(stems - written_capitalised - _opening(srec["t"]))
            ids = frozenset(i for name in srec["people"] for i in _ids(aliases, name))
            s = Sentence(len(sentences), article, srec["i"], rec["sections"][srec["sec"]] if srec["sec"] else "",
                         srec["t"], srec["k"], seasons, srec["src"], stems, ids, srec["topics"],
                         spoiler="ending" in srec["topics"] and srec["topics"]["ending"] >= 1.0,
                         context=heading_stems[srec["sec"]] - stems)
            sentences.append(s)
            for pid in ids:
                by_person[pid].append(s)
        for f in rec["facts"]:
            if titled and f.get("src") is None and not f.get("seasons"):
                f = {**f, "seasons": [[titled, None, None]], "src": "article"}
            raw_facts.append((f, sentences[first + f["i"]] if f.get("i") is not None and first + f["i"] < len(sentences) else None))

    k = ShowKnowledge(show, articles, sentences, people, dict(aliases), [], [], [], [], {}, frozenset(), final,
                      vocabulary, frozenset(surface),
                      frozenset(w for w, n in capital.items() if n > lower[w]), dict(by_person), records=list(records))
    _facts(k, raw_facts, show_keys)
    _credit_people(k)
    _dated_by_release(k)
    _first_season_context(k)
    k.seasons = frozenset(n for s in sentences for n, _ in s.seasons if n) | frozenset(
        e.season for e in k.events if e.season)
    k.other_titles = _other_titles(all_records, show, people)
    from .retriever import LexicalIndex  # one index per show, built once
    k.index = LexicalIndex(sentences, lexicon)
    return k


def _unique(records: list[dict]) -> list[dict]:
    """The same article twice (copied under two names) counts once."""
    seen, out = set(), []
    for r in records:
        key = (r["title"], len(r["sentences"]), r["sentences"][0]["t"] if r["sentences"] else "")
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _ids(aliases: dict[str, set[int]], name: str) -> set[int]:
    return aliases.get(plain_key(name), set()) | aliases.get(name_key(name), set())


def _seasons(refs: list, final: int | None, show_keys: set[str] = frozenset()) -> tuple[tuple[int, int | None], ...]:
    """(season, part) pairs of a sentence's references, "the final season" resolved, and
    another work's seasons ("the second season of *You*") left out."""
    out = []
    for ref in refs:
        season, part, relative = ref[:3]
        if len(ref) > 3 and show_keys and not _is_show(ref[3], show_keys):
            continue
        if season is None and relative == "final":
            season = final
        if season is not None and (season, part) not in out:
            out.append((season, part))
    return tuple(out)


def _credit_people(k: ShowKnowledge) -> None:
    """A credit's sentence is about the people it credits, even when it names them only as
    "she" ("She plays Rosaline Rotwood")."""
    for f in k.cast:
        extra = {f.actor} | ({f.character} if f.character else set())
        _add_people(k, f.sentence, extra)
    for f in k.crew:
        _add_people(k, f.sentence, {f.person})


def _add_people(k: ShowKnowledge, s: Sentence, ids: set[int]) -> None:
    new = ids - s.people
    if new:
        s.people = s.people | new
        for pid in new:
            k.by_person.setdefault(pid, []).append(s)


def _dated_by_release(k: ShowKnowledge) -> None:
    """A sentence that names no season but dates a release another sentence gives a season
    for ("After its premiere in January 2022, the show shot into the top 10", in an article
    about season 2, when season 1 came out on January 28, 2022) is about that season."""
    known = _release_months(k.events)
    if not known:
        return
    moved: dict[int, int] = {}
    for i, e in enumerate(k.events):
        s = e.sentence
        if e.event != "release" or e.status != "released" or s.season_source not in ("article", "heading") \
                or e.precision < 2 or not e.ymd[0]:
            continue
        seasons = known.get(e.ymd[:2], set())
        season = next(iter(seasons)) if len(seasons) == 1 else None
        if season is not None and s.seasons != ((season, None),):
            s.seasons = ((season, None),)
            s.season_source = "dated"
            moved[s.id] = season
    if moved:
        k.events[:] = [dataclasses.replace(e, season=moved[e.sentence.id]) if e.sentence.id in moved else e
                       for e in k.events]


def _release_months(events: list[EventFact]) -> dict[tuple[int, int], set[int]]:
    """(year, month) -> the seasons a sentence naming them says came out then."""
    known: dict[tuple[int, int], set[int]] = defaultdict(set)
    for e in events:
        if e.event == "release" and e.status == "released" and e.season and e.part is None \
                and e.sentence.season_source == "sentence" and e.precision >= 2 and e.ymd[0]:
            known[e.ymd[:2]].add(e.season)
    return known


def _first_season_context(k: ShowKnowledge) -> None:
    """A sentence no season is named for, in an article written before any news of a
    later season (its renewal, filming, release), is about the first season."""
    later = [_filled(e) for e in k.events if e.season and e.season > 1 and e.event in (
             "release", "filming", "filming_end", "trailer") or (e.event == "renewal" and e.status == "renewed"
                                                                and e.season and e.season > 1)]
    # an article whose title is about a later season is news of it too
    later += [_article_ymd(s.article) for s in k.sentences if s.season_source == "article" and s.article.date
              and any(n > 1 for n, _ in s.seasons)]
    later = [d for d in later if d[0]]
    first_later = min(later, default=None)
    if first_later is None and any(n > 1 for s in k.sentences for n, _ in s.seasons):
        return  # later seasons are talked about, but nothing dates them: leave these alone
    for s in k.sentences:
        if s.seasons or not (first_later is None or (s.article.date and _article_ymd(s.article) < first_later)):
            continue
        s.seasons = ((1, None),)
        s.season_source = "early"  # written before any later season: nothing else it can be about


def _article_ymd(article: Article) -> tuple[int, int, int]:
    from bot.text.dates import parse_iso
    return parse_iso(article.date)


def _is_show(title: str, show_keys: set[str]) -> bool:
    key = plain_key(title)
    return any(key == k or key.startswith(k) or k.startswith(key) for k in show_keys if k)


def _opening(text: str) -> frozenset[str]:
    """The stem of a sentence's first word when it is written capitalised."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    word = "".join(tokens(first))
    return frozenset({stem(word)}) if word and first.lstrip("\"'\u201c\u2018(*_")[:1].isupper() else frozenset()


def _final_season(records) -> int | None:
    """The season articles call the final one ("the third and final season")."""
    for _, r in records:
        for s in r["sentences"]:
            for ref in s["seasons"]:
                season, relative = ref[0], ref[2]
                if relative == "final" and season:
                    return season
    finals = [f for _, r in records for f in r["facts"] if f["k"] == "event" and f["event"] == "final"]
    numbered = [s[0] for f in finals for s in f.get("seasons", ()) if s[0]]
    if not numbered:
        return None
    # no season comes after the final one: a "final chapter" read as an earlier season than
    # the articles go on to name ("who scored seasons 1 and 2, returned for the final
    # chapter") was another season's mention
    named = max((ref[0] for _, r in records for s in r["sentences"] for ref in s["seasons"] if ref[0]), default=0)
    return max(numbered) if max(numbered) >= named else None


def _show_number_pattern(show: Show) -> re.Pattern | None:
    """"Sweet Home 2" is season 2 of Sweet Home."""
    names = [re.escape(n) for n in show.names() if len(n) >= 3]
    if not names:
        return None
    return re.compile(rf"\b(?:{'|'.join(names)})['\u2019]?\s([2-9]|1\d)\b(?![\d.,%]|\s(?:million|billion|percent|episodes|hours))", re.I)


def _facts(k: ShowKnowledge, raw_facts, show_keys: set[str]) -> None:
    actor_ids = {p.id for p in k.people.values() if p.kind == "actor"}
    char_ids = {p.id for p in k.people.values() if p.kind == "character"}

    def person(name: str, kinds: set[int]) -> int | None:
        ids = _ids(k.aliases, name) & kinds
        return min(ids) if ids else None

    released_first: list[EventFact] = []
    for f, s in raw_facts:
        if s is None:
            continue
        seasons = tuple(n for n, _ in _seasons(f.get("seasons", []), k.final_season, show_keys) if n)
        weak = f.get("src") in ("article", None)
        if f["k"] == "cast":
            actor_name, char_name = f["actor"], f["character"]
            if f.get("ambiguous") and person(actor_name, char_ids) and person(char_name, actor_ids):
                actor_name, char_name = char_name, actor_name  # "Victor Dorobantu (Thing)"
            if plain_key(actor_name) in show_keys:
                continue
            actor = person(actor_name, actor_ids)
            character = person(char_name, char_ids) if char_name else None
            if actor is not None:
                k.cast.append(CastFact(actor, character, f["status"], seasons, weak, s))
        elif f["k"] == "crew":
            pid = person(f["name"], {p.id for p in k.people.values() if p.kind == "crew"})
            if pid is not None:
                k.crew.append(CrewFact(pid, f["role"], s))
        elif f["k"] == "event":
            parts = [p for (_, p) in _seasons(f.get("seasons", []), k.final_season, show_keys)]
            e = EventFact(f["event"], f["status"], seasons[0] if seasons else None, parts[0] if parts else None,
                          f.get("date"), tuple(f.get("ymd") or (0, 0, 0)), f.get("precision", 0),
                          f.get("vague", False), weak, s)
            if e.event == "release" and e.date and (not seasons or f.get("src") == "article"):
                # an article about season 2 recalling "the show was released on ..." is not
                # dating season 2: a release with no season in its own sentence is placed below
                released_first.append(e)
            else:
                k.events.append(e)
        elif f["k"] == "episodes":
            if seasons and any(p for (_, p) in _seasons(f.get("seasons", []), k.final_season, show_keys)):
                continue  # "Volume 1 (four episodes)": a part's count, not the season's
            # a count whose season only the article's title gives is not trusted with it
            k.episodes.append(EpisodesFact(f["n"], seasons[0] if seasons and not weak else None, f["total"], weak, s))
    k.events.extend(_season_one(k.events, released_first))


def _season_one(events: list[EventFact], unseasoned: list[EventFact]) -> list[EventFact]:
    """A release with no season named, dated before any later season's, is the show's
    first: "dropped all eight episodes on November 23" in a 2022 article."""
    later = [e.ymd for e in events if e.event == "release" and e.season and e.season > 1 and e.ymd[0]]
    first_later = min(later, default=None)
    known = _release_months(events)
    out = []
    for e in unseasoned:
        when = _filled(e)
        seasons = known.get(when[:2], set()) if e.status == "released" and e.precision >= 2 else set()
        if len(seasons) == 1:
            # "after its premiere in March 2024": the month a season is known to have come out in
            out.append(EventFact(e.event, e.status, next(iter(seasons)), e.part, e.date, when, e.precision, e.vague,
                                 True, e.sentence))
        elif first_later is None or (when[0] and when < first_later):
            out.append(EventFact(e.event, e.status, 1, e.part, e.date, when, e.precision, e.vague, True, e.sentence))
    return out


def _filled(e: EventFact) -> tuple[int, int, int]:
    if e.ymd[0] or not e.sentence.article.date:
        return e.ymd
    from bot.text.dates import parse_iso
    ay, am, _ = parse_iso(e.sentence.article.date)
    year = ay if not e.ymd[1] or not am or e.ymd[1] <= am + 1 else ay - 1
    return (year, e.ymd[1], e.ymd[2])


def _other_titles(records, show: Show, people: dict[int, Person]) -> dict[str, str]:
    own = {" ".join(tokens(n)) for n in show.names()}
    names = {" ".join(tokens(a)) for p in people.values() for a in p.aliases}
    out = {}
    for _, r in records:
        titles = [f["name"] for f in r["facts"] if f["k"] == "title"] + list(r.get("removed_titles", ()))
        for t in titles:
            key = " ".join(tokens(t))
            if not key or key in own or key in names or any(key.startswith(o + " ") and key[len(o) + 1:].isdigit() for o in own):
                continue
            if any(o in key.split() and len(key.split()) == 1 for o in own):
                continue
            out[key] = t
    return out

