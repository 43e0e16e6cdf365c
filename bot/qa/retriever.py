"""The one retriever: scores a show's sentences for a question.

Every answer that quotes a sentence finds it here, whether a question-type recipe asked
(with its topics and expected answer type) or nothing else matched. A sentence's score
combines:

- lexical relevance: BM25 over the show's sentences (bm25s), scores kept;
- coverage: the share of the question's content words (idf-weighted) the sentence holds,
  by stem, by a longer form ("unique" ~ "uniqueness") or by a related word (language data);
- the people the question names, found in the sentence (or in the sentence it continues);
- the expected answer type: who -> a person, when -> a date, where -> a place,
  how many -> a number with a unit, which/what -> a name or title;
- the season asked about: a sentence about another season is out;
- the question type's topics, when a recipe asks;
- recency, for time-sensitive questions.

The retriever only scores; whether the best is good enough is policy's call.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from bot.text.dates import find_dates
from bot.text.numbers import find_numbers
from bot.text.normalise import is_english, stem, tokens

from .lexicon import Lexicon
from .models import Sentence

PROXIMITY_RERANK = 8  # leading sentences re-ranked by how close together the question's words stand
PROXIMITY_WINDOW = 3  # words apart that still count as side by side
CANDIDATES = 40  # sentences re-ranked per question, taken from the lexical and entity indexes
_PLACE = re.compile(r"(?P<before>\w*)\s?\b(?:in|at|near|outside|around|across|inside|throughout|from)\s(?:the\s)?(?P<name>[A-Z][\w'\u2019-]+(?:[\s,]+[A-Z][\w'\u2019-]+)*)")
# a name that is a place by its last word, wherever it stands ("Hyosan High School")
_PLACE_NAME = re.compile(r"\b(?!(?:Our|The|His|Her|Their|My|Your|This|That|Its|A|An)\s)(?:[A-Z][\w'\u2019-]+\s){1,3}"
                         r"(?:School|High|Academy|College|University|City|Town|Village|Island|Castle|Prison|Hospital|Street|"
                         r"Avenue|Park|Tower|Building|Apartments?|Home|Station|Camp|Manor|Mountains?|Valley|River|Lake|"
                         r"County|Province)\b")
_CAPITALISED_RUN = re.compile(r"(?:\s[A-Z][\w'\u2019-]+)+")
_NOT_PLACE = re.compile(r"\b(?:event|week|festival|awards?|chart|top|season|episode|netflix|conference|ceremony)\b", re.I)
_TITLE = re.compile(r"[\"\u201c*'\u2018][A-Z][^\"\u201d*'\u2019]{1,60}[\"\u201d*'\u2019]|(?:[A-Z][\w'-]+\s){1,4}[A-Z][\w'-]+")
_QUOTED_TITLE = re.compile(r"[\"\u201c*][A-Z][^\"\u201d*]{1,60}[\"\u201d*]")
_NAMED = re.compile(r"(?:[A-Z][\w'\u2019-]+\s){1,4}[A-Za-z][\w'\u2019-]+|[\"\u201c*][A-Z][^\"\u201d*]{1,60}[\"\u201d*]")
_ORDINAL_STEMS = frozenset(stem(w) for w in "first second third fourth fifth sixth seventh eighth ninth tenth "
                           "eleventh twelfth last final opening".split())
_AGE = re.compile(r"\b\d{1,2}[\s-]years?[\s-]old\b|\baged?\s\d{1,2}\b|\bwas\s\d{1,2}\s(?:when|at)\b|\bturn(?:s|ed)\s\d{1,2}\b", re.I)
_MONEY = re.compile(r"[$\u00a3\u20ac\u20a9]\s?\d|\b\d[\d,.]*\s?(?:million|billion)?\s?(?:won|dollars|usd|pounds|euros)\b", re.I)


class LexicalIndex:
    """BM25 (bm25s) over one show's sentences; stop words are not indexed. Built on first
    use: a question a fact answers (who plays X) never needs it, and importing bm25s
    (numpy, scipy) is most of a fresh process's start-up."""

    def __init__(self, sentences: list[Sentence], lexicon: Lexicon):
        self._sentences = sentences
        self._stop = lexicon.stop_stems
        self._bm25 = None
        self._vocab: dict = {}
        self.size = len(sentences)

    def _built(self):
        if self._bm25 is None:
            import logging

            import bm25s
            logging.getLogger("bm25s").setLevel(logging.WARNING)
            docs = [sorted(w for w in s.words if w not in self._stop) or ["\u2205"] for s in self._sentences]
            bm25 = bm25s.BM25()
            bm25.index(docs, show_progress=False)
            self._vocab = bm25.vocab_dict
            self._bm25 = bm25
        return self._bm25

    def scores(self, terms: list[str]):
        self._built()
        known = [t for t in dict.fromkeys(terms) if t in self._vocab]
        if not known or not self.size:
            return None
        return self._bm25.get_scores(known)

    def top(self, terms: list[str], k: int = CANDIDATES) -> list[tuple[int, float]]:
        scores = self.scores(terms)
        if scores is None:
            return []
        import numpy as np
        k = min(k, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k]
        return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]


@dataclass(frozen=True)
class Query:
    """What the retriever needs to know about a question."""
    terms: tuple[str, ...]  # content stems
    weights: dict[str, float]  # stem -> idf weight
    people: frozenset[int] = frozenset()
    season: int | None = None
    part: int | None = None
    expects: str | None = None  # person | date | place | number | age | money | title
    topics: tuple[str, ...] = ()
    time_sensitive: bool = False
    avoid_spoilers: bool = True
    exclude_people: frozenset[int] = frozenset()  # the people the question names: not an answer to "who"
    predicate: frozenset[str] = frozenset()  # "is X a zombie?": a sentence saying "X is ... zombie" answers it
    unit: frozenset[str] = frozenset()  # "how many hours": what the number must count (with related words)
    counted: frozenset[str] = frozenset()  # the question's own word for it ("views", not "hours")
    ordinals: frozenset[tuple[str, str]] = frozenset()  # ("first", "week"): the number's clause must not say "second week"


@dataclass
class Scored:
    sentence: Sentence
    score: float
    coverage: float
    matched: frozenset[str]
    missing: frozenset[str]
    people_ok: bool
    season_ok: bool
    has_type: bool
    topic: float
    lexical: float
    notes: list[str] = field(default_factory=list)


class Retriever:
    def __init__(self, knowledge, lexicon: Lexicon, intent_words: dict | None = None):
        self.k = knowledge
        self.lexicon = lexicon
        self._intent_words = intent_words or {}
        self._places: dict[str, int] | None = None  # place word -> sentences naming it (on first need)
        self._facet_cache: dict[int, Facets] = {}
        self._rare: dict[int, int] = {}
        self._unnamed_cache: dict[int, frozenset[str]] = {}
        dated = sorted({a.date for a in knowledge.articles if a.date})
        self._recency = {d: (i + 1) / len(dated) for i, d in enumerate(dated)}

    def intent_words(self, name: str) -> frozenset[str]:
        return self._intent_words.get(name, frozenset())

    def candidates(self, q: Query) -> list[int]:
        ids = [i for i, _ in self.k.index.top(list(q.terms) + [t for t in self._related(q.terms)])]
        for pid in q.people:
            ids.extend(s.id for s in self.k.by_person.get(pid, ()))
        if len(q.topics) == 1:
            ids.extend(self.k.by_topic(q.topics[0]))
        elif q.topics:  # in sentence order, as ties keep it
            ids.extend(sorted({i for t in q.topics for i in self.k.by_topic(t)}))
        return list(dict.fromkeys(ids))

    def _related(self, terms) -> list[str]:
        out = []
        for t in terms:
            out.extend(self.lexicon.related.get(t, ()))
        return out

    def rank(self, q: Query, limit: int = 10) -> list[Scored]:
        ids = self.candidates(q)
        if not ids:
            return []
        lexical = self.k.index.scores(list(q.terms) + self._related(q.terms))
        top_lexical = max((float(lexical[i]) for i in ids), default=0.0) if lexical is not None else 0.0
        scored = [self.score(self.k.sentences[i], q, float(lexical[i]) / top_lexical if lexical is not None and top_lexical else 0.0)
                  for i in ids]
        scored.sort(key=lambda x: (-x.score, -(self._recency.get(x.sentence.article.date or "", 0.0))))
        if len(q.terms) >= 2 and not q.expects:
            # the question's words side by side ("new races of zombies") say more than the
            # same words scattered over a sentence; looked at only for the leading few, and
            # only for questions after a description (a fact's sentence is found by its type)
            head = scored[:PROXIMITY_RERANK]
            for x in head:
                x.score += self._proximity(x, q)
            head.sort(key=lambda x: (-x.score, -(self._recency.get(x.sentence.article.date or "", 0.0))))
            scored[:PROXIMITY_RERANK] = head
        return scored[:limit]

    def _proximity(self, x: Scored, q: Query) -> float:
        """0.05 for each pair of the question's words that stand within a few words of each
        other in the sentence, at most 0.1."""
        if len(x.matched) < 2:
            return 0.0
        order = self._stems_in_order(x.sentence.text)
        at = []
        for i, w in enumerate(order):
            for t in x.matched:
                if w == t or (len(t) >= 5 and w.startswith(t)) or w in self.lexicon.related.get(t, ()):
                    at.append((i, t))
                    break
        pairs = sum(1 for (i, a), (j, b) in zip(at, at[1:]) if a != b and j - i <= PROXIMITY_WINDOW)
        return min(0.1, 0.05 * pairs)

    def _stems_in_order(self, text: str) -> list[str]:
        return _stems_in_order(text, self.lexicon.phrases)

    def score(self, s: Sentence, q: Query, lexical: float = 0.0) -> Scored:
        matched, missing = set(), set()
        total = sum(q.weights.get(t, 1.0) for t in q.terms) or 1.0
        held = 0.0
        named = None
        for t in q.terms:
            credit = self.holds(s, t)
            if credit == 1.0 and s.people:
                # a word found only inside an actor's or crew member's name ("song" in "Song
                # Kang") is not the word the question asks about, unless the question names
                # that person (a character may well be called by a word: "the kid"; a name
                # the question writes as a word, "buscemi", is no English word)
                if named is None:
                    named = {stem(w) for pid in q.people | q.exclude_people for a in self._aliases(pid)
                             for w in tokens(a)}
                if t not in named and is_english(t) and t not in self._unnamed(s):
                    credit = 0.0
            if credit:
                matched.add(t)
                held += q.weights.get(t, 1.0) * credit
            else:
                missing.add(t)
        coverage = held / total if q.terms else 0.0
        people_ok = not q.people or q.people <= s.people or bool(q.people & s.people) and len(q.people) > 1
        season_ok, season_score = self._season(s, q)
        has_type = holds_type(s, q.expects, q.exclude_people, self.k, q.unit, q.ordinals, self._facets(s)) \
            if q.expects else False
        topic = max((s.topics.get(t, 0.0) for t in q.topics), default=0.0) / 2
        # asked only for a topic ("was season 1 a hit?"): how squarely a sentence is about
        # it stands in for the words no sentence can cover
        score = 0.5 * coverage + 0.15 * lexical + (0.25 if q.terms else 0.5) * topic + season_score
        if q.people:
            score += 0.2 if q.people <= s.people else 0.08 if q.people & s.people else -0.15
        if q.expects == "place" and has_type and not self._facets(s).located:
            score += 0.05  # "the Green Home survivors" names a place without saying anyone is there
        elif q.expects:
            score += 0.15 if has_type else -0.1
        if has_type and q.counted and q.expects == "number" and (
                s.kind == "row" and q.counted & s.words  # "Hours viewed | 1.65 billion": the label counts
                or any(q.counted & {stem(w) for w in tokens(n.unit)} for n in self._facets(s).numbers)):
            score += 0.1  # "how many views": a number of views before one of hours
        if q.time_sensitive:
            score += 0.15 * self._recency.get(s.article.date or "", 0.0)
        elif q.expects in ("number", "date", "person", "money"):
            score += 0.05 * self._recency.get(s.article.date or "", 0.0)  # a later report corrects an earlier
        if self._about_other_work(s):
            score -= 0.15  # "the previous record belonged to *Stranger Things 4*": not this show's
        if "quotes" in s.topics and "quotes" not in q.topics:
            score -= 0.08  # someone's opinion answers less well than a statement of fact
        if q.season is None and s.season_source == "sentence" and any(n > 1 for n, _ in s.seasons):
            score -= 0.03  # a question naming no season is about the show, not a later season
        if q.expects == "place" and has_type:
            score += 0.1 * self._place_salience(s)
            if q.unit and any(p[:1].isupper() and q.unit & {stem(w) for w in tokens(p)} for p in self._facets(s).places):
                score += 0.1  # "what is the name of the school": a place named "... High School"
        if q.predicate and _predicates(s.text, q.predicate):
            score += 0.12
        if not q.terms and q.topics:
            # asked only for a topic ("what will season 2 be about?"): a sentence with some
            # substance (rare words, people) says more than "we will see some changes"
            rare = self._rare_words(s)
            score += 0.1 * min(1.0, rare / 8) + (0.05 if s.people and "synopsis" not in q.topics else 0.0)
        if q.avoid_spoilers and s.spoiler and "ending" not in q.topics:
            score -= 0.1
        if s.kind == "row" and not q.people:
            score -= 0.05
        return Scored(s, score, coverage, frozenset(matched), frozenset(missing), people_ok, season_ok, has_type,
                      topic, lexical)

    def _aliases(self, pid) -> tuple[str, ...]:
        person = self.k.people.get(pid)
        return tuple(person.aliases) if person is not None else ()

    def _unnamed(self, s: Sentence) -> frozenset[str]:
        """The stems of a sentence's words outside the names of the people it names."""
        out = self._unnamed_cache.get(s.id)
        if out is None:
            text = s.text
            names = {a for pid in s.people if getattr(self.k.people.get(pid), "kind", "") in ("actor", "crew")
                     for a in self._aliases(pid)}
            names -= {a for pid in s.people if getattr(self.k.people.get(pid), "kind", "") == "character"
                      for a in self._aliases(pid)}
            for a in sorted(names, key=len, reverse=True):
                if len(a) > 2:
                    text = re.sub(rf"(?<!\w){re.escape(a)}(?!\w)", " ", text, flags=re.I)
            out = frozenset(self._stems_in_order(text))
            self._unnamed_cache[s.id] = out
        return out

    def _rare_words(self, s: Sentence) -> int:
        """How many of a sentence's words are rare in the show (worked out once a sentence)."""
        n = self._rare.get(s.id)
        if n is None:
            n = self._rare[s.id] = sum(1 for w in s.words if self.k.idf(w) > 3.0)
        return n

    def _place_salience(self, s: Sentence) -> float:
        """How central the sentence's places are to the show: named in many sentences, a
        place is where the story happens; named once, it is a passing mention."""
        if self._places is None:
            counts: dict[str, int] = {}
            for x in self.k.sentences:
                for p in {p.split()[0] for p in places_in(x.text, self.k)}:
                    counts[p] = counts.get(p, 0) + 1
            self._places = counts
        return max((min(1.0, self._places.get(p.split()[0], 0) / 6) for p in self._facets(s).places), default=0.0)

    def _facets(self, s: Sentence) -> "Facets":
        """What kinds of thing a sentence holds (dates, numbers, places), worked out once."""
        facets = self._facet_cache.get(s.id)
        if facets is None:
            dates = find_dates(s.text)
            places = places_in(s.text, self.k)
            facets = Facets(any(d.year or d.month for d in dates), find_numbers(s.text, dates), places,
                            self._names_other_work(s), located(s.text, places))
            self._facet_cache[s.id] = facets
        return facets

    def figures_of_other_work(self, s: Sentence) -> bool:
        """Whether the sentence names another work before its first figure ("the previous
        record belonged to X, whose first week drew 335 million hours"): the figures are that
        work's. One named after ("more per episode than X") is a comparison."""
        facets = self._facets(s)
        if not facets.other_work or not facets.numbers:
            return False
        words = tokens(s.text)
        low = " " + " ".join(words) + " "
        first = min((low.find(f" {t} ") for t in self.k.other_titles if len(t) > 3 and f" {t} " in low), default=-1)
        if first < 0:
            return False
        title_at = low[:first + 1].count(" ") - 1
        number_at = len(tokens(s.text[:facets.numbers[0].start]))
        return title_at < number_at

    def _about_other_work(self, s: Sentence) -> bool:
        return self._facets(s).other_work

    def _names_other_work(self, s: Sentence) -> bool:
        if not self.k.other_titles:
            return False
        low = " " + " ".join(tokens(s.text)) + " "
        return any(f" {t} " in low for t in self.k.other_titles if len(t) > 3)

    def holds(self, s: Sentence, term: str) -> float:
        """1 when the sentence holds the word (or a longer form), 0.7 for a related word."""
        if term in s.words:
            return 1.0
        if len(term) >= 5 and any(w.startswith(term) or (len(w) >= 5 and term.startswith(w)) for w in s.words):
            return 0.9
        related = self.lexicon.related.get(term, frozenset()) & s.words
        if related and any(re.search(rf"(?<![\w'-]){re.escape(w)}", s.text) for w in related):
            return 0.6  # written in lower case: a word, not part of a name ("Song Jae-ik" is not music)
        if term in s.context:
            return 0.5  # its heading (or the article's title) says it
        return 0.0

    def _season(self, s: Sentence, q: Query) -> tuple[bool, float]:
        if q.season is None:
            return True, 0.0
        seasons = {n for n, _ in s.seasons}
        if not seasons:
            return False, -0.3  # nothing says this sentence is about the season asked
        if q.season in seasons:
            if q.part is not None and any(p is not None and p != q.part for n, p in s.seasons if n == q.season) \
                    and not any(p == q.part for n, p in s.seasons if n == q.season):
                return False, -0.3
            bonus = {"sentence": 0.15, "dated": 0.12, "heading": 0.08, "early": 0.06}.get(s.season_source, 0.03)
            if q.part is not None and (q.season, q.part) in s.seasons:
                bonus += 0.1  # the very part asked about
            return True, bonus
        if s.season_source == "article" and q.season < max(seasons):
            # only the article's title names a later season: it may be recalling this one
            return True, -0.1
        return False, -0.4


@lru_cache(maxsize=32_768)
def _stems_in_order(text: str, phrases) -> list[str]:
    return [stem(w) for w in phrases.apply(tokens(text))]


_COPULA = frozenset("is was are were becomes became become remains remained turns turned stays stayed".split())


def _predicates(text: str, predicate: frozenset[str]) -> bool:
    """Whether the sentence says what something is: a predicate word within a few words
    after "is", "became", ... ("Nam-ra is now half-human, half-zombie")."""
    words = [stem(w) for w in tokens(text)]
    raw = tokens(text)
    for i, w in enumerate(raw):
        if w in _COPULA and predicate & set(words[i + 1:i + 5]):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Facets:
    """The kinds of thing a sentence holds, for answer-type checks."""
    has_date: bool
    numbers: list
    places: list[str]
    other_work: bool
    located: bool = False  # a place stands after "in", "at", "to", ...: where something is or happens


def holds_type(s: Sentence, expects: str | None, exclude: frozenset[int], k, unit: frozenset[str] = frozenset(),
               ordinals: frozenset[tuple[str, str]] = frozenset(), facets: Facets | None = None) -> bool:
    """Whether the sentence contains the kind of thing the question asks for."""
    text = s.text
    if facets is None:
        dates = find_dates(text)
        facets = Facets(any(d.year or d.month for d in dates), find_numbers(text, dates), places_in(text, k), False)
    if expects == "date":
        return facets.has_date
    if expects == "number":
        numbers = facets.numbers
        if unit and numbers:
            if s.kind == "row" and unit & {stem(w) for w in tokens(text)}:
                return True  # "Hours viewed in first 28 days | 1.65 billion": the label is the unit
            # "how many hours": a number of hours, not any number; and not one said of
            # another period ("its second week ... 411 million hours" for "its first week")
            return any((unit & {stem(w) for w in tokens(n.unit)} or unit & {stem(w) for w in tokens(n.text)})
                       and not _other_ordinal(text, n.start, ordinals) and not _a_share(text, n.start, ordinals)
                       for n in numbers)
        return bool(numbers)
    if expects == "age":
        return bool(_AGE.search(text))
    if expects == "money":
        return bool(_MONEY.search(text))
    if expects == "person":
        return bool(s.people - exclude)
    if expects == "place":
        return bool(facets.places)
    if expects == "title":
        if unit:
            # "what castle", "what high school": a name ending in the thing asked for;
            # "which episode": "the sixth episode", "episode 6"
            if any(unit & {stem(w) for w in tokens(m.group())} for m in _NAMED.finditer(text)):
                return True
            words = [stem(w) for w in tokens(text)]
            if unit & set(words) and _QUOTED_TITLE.search(text):
                return True  # "Max's favourite song", "Running Up That Hill": a quoted title of the kind asked
            return any(w in unit and ((i and (words[i - 1] in _ORDINAL_STEMS or words[i - 1].isdigit()))
                                      or (i + 1 < len(words) and words[i + 1].isdigit()))
                       for i, w in enumerate(words))
        return bool(_TITLE.search(text))
    return True


_PLACE_NOUN = re.compile(r"\b(?:in|at|inside|into|to|near|outside|under|on)\s(?:the\s|a\s|an\s|its\s|their\s)?(?:\w+\s){0,3}?"
                         r"(?:stadium|school|campus|city|town|village|island|castle|prison|hospital|apartment|building|"
                         r"camp|base|bunker|mall|church|forest|mountains?|ruins|studio|street|house|mansion|tower|station|"
                         r"shelter|school|academy|palace|country|capital)\b", re.I)


_SHARE = re.compile(r"\b(?P<w>first|last|final|opening|next|remaining|other)\s+$", re.I)


def _a_share(text: str, pos: int, ordinals: frozenset[tuple[str, str]]) -> bool:
    """"The first four episodes": a share of the episodes, not how many there are (unless
    the question asks about the first ones too)."""
    m = _SHARE.search(text, max(0, pos - 12), pos)
    return bool(m) and not any(o == m.group("w").casefold() for o, _ in ordinals)


def _other_ordinal(text: str, pos: int, ordinals: frozenset[tuple[str, str]]) -> bool:
    """Whether the clause around `pos` pins its figure to another ordinal of the same thing
    ("second week" where the question asks about the first)."""
    if not ordinals:
        return False
    # the figure is said of the last "<ordinal> <noun>" before it in the sentence, whatever
    # the clause ("its second week was even bigger: 411 million hours"; "By its third week,
    # it had crossed one billion hours")
    raw = tokens(text[:pos])
    clause = [stem(w) for w in raw]
    for ordinal, noun in ordinals:
        said = [w for i, w in enumerate(raw[:-1]) if w in _ORDINAL_WORDS and clause[i + 1] == noun]
        if said and said[-1] != ordinal:
            return True
    return False


_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last final opening".split())


def places_in(text: str, k) -> list[str]:
    """Place names in a sentence: a name after "in"/"at"/"near"/... that is not a person, a
    time, an event or a title ("the webcomic Now at Our School" is a title), or a name
    ending in a place word ("Hyosan High School")."""
    out = []
    for m in _PLACE.finditer(text):
        if m.group("before")[:1].isupper() and m.start("before") > 0:
            continue  # "Now at Our School": inside a title-cased run
        name = m.group("name")
        if not _is_person_or_time("in " + name, k) and not _NOT_PLACE.search(name):
            out.append(name.split(",")[0].strip())
    for m in _PLACE_NAME.finditer(text):
        # the whole capitalised run: "Asian Academy Creative Awards" is an event, not a place
        run = m.group() + (_CAPITALISED_RUN.match(text, m.end()).group() if _CAPITALISED_RUN.match(text, m.end()) else "")
        if not k.person_ids(m.group()) and not any(m.group() in o for o in out) and not _NOT_PLACE.search(run):
            out.append(m.group())
    for m in _PLACE_NOUN.finditer(text):
        tail = _CAPITALISED_RUN.match(text, m.end())
        if not _NOT_PLACE.search(m.group() + (tail.group() if tail else "")):
            out.append(m.group().split(None, 1)[1])
    return out


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|across|inside|throughout|from|into|to|under|on)\s"
                       r"(?:the\s|a\s|an\s|its\s|their\s)?$", re.I)


def located(text: str, places: list[str]) -> bool:
    """Whether a place in the sentence follows a locative word ("end up in the ruins of a
    stadium"), as an answer to "where" does, rather than naming a thing ("Green Home
    survivors")."""
    for p in places:
        at = text.find(p)
        if at > 0 and _LOCATIVE.search(text, max(0, at - 16), at):
            return True
    return False


def _is_person_or_time(span: str, k) -> bool:
    words = span.split()[1:]
    name = " ".join(w.strip(",") for w in words if w[:1].isupper())
    if not name:
        return True
    if k.person_ids(name):
        return True
    first = name.split()[0].casefold()
    return first in {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                     "friday", "saturday", "sunday", "season", "episode", "netflix", "part"} \
        or any(stem(w.casefold()) in {"season", "episode"} for w in name.split())
