"""Answer recipes: facts from the knowledge base -> a short cited Answer.

Each builder takes the understood question (`Query`) and returns an Answer, or None
when the knowledge base holds nothing for it (the engine then declines). Wording comes
from knowledge/answers.toml; every claim comes from a fact, every quote is a sentence
of an article, verbatim. Sources are ordered newest first; undated ones come last.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable

from .intents import Intent
from .kb import Fact, KnowledgeBase, SentenceRec, cite, quoted, recency
from .models import Answer, Citation
from .normalise import plain_key
from .people import Person

MAX_QUOTES = 3
_DOUBT = re.compile(r"rare possibility|unlikely|no chance|doubt|won.t (be )?(back|return)", re.I)
_NEGATIVE = re.compile(r"no official confirmation|not (been )?(officially )?confirmed|no chances|cancel", re.I)
_POSITIVE = re.compile(r"renewed|commissioned|confirmed|announced the return|crawling back|officially announced|in the works", re.I)
_REPORTED = re.compile(r"\b(reports?|rumou?rs?|sources?) (say|said|claim)", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_NUMBER = re.compile(r"\b\d+\b|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b", re.I)
_QUOTED = re.compile(r"[\"\u201c\u201d]")
_OFFICIAL = re.compile(r"\b(announced|confirmed|official(ly)?|set to premiere|will premiere on)\b", re.I)


@dataclass(frozen=True)
class Query:
    question: str
    words: list[str]  # normalised, stemmed question words (names replaced by slots)
    content: frozenset[str]  # the words that carry meaning (no stopwords, slots or names)
    people: tuple[Person, ...]  # people named, in order
    intent: Intent
    confidence: float
    expects: str | None = None  # date | place | person | number, from the wh-word


class Builders:
    def __init__(self, kb: KnowledgeBase, templates: dict[str, str],
                 related: dict[str, frozenset[str]] | None = None):
        self.kb = kb
        self.t = templates
        self.related = related or {}
        self.registry: dict[str, Callable[[Query], Answer | None]] = {
            "topic": self.topic, "release": self.release, "renewal": self.renewal,
            "premiere": self.premiere, "episodes": self.episodes, "who_plays": self.who_plays,
            "actor_role": self.actor_role, "who_is": self.who_is, "cast_list": self.cast_list,
            "returning": self.returning, "crew": self.crew, "companies": self.companies,
        }

    def build(self, q: Query) -> Answer | None:
        return self.registry[q.intent.builder](q)

    # -- helpers --------------------------------------------------------------------

    def source(self, s: SentenceRec) -> str:
        a = s.article
        label = a.publisher or f"“{_shorten(a.title, 60)}”"
        return f"{label} ({_when(a.date)})" if a.date else label

    def answer(self, q: Query, text: str, sentences: list[SentenceRec], spoiler: bool = False) -> Answer:
        citations: list[Citation] = []
        seen = set()
        for s in sentences:
            if s.id not in seen:
                seen.add(s.id)
                citations.append(cite(s))
        return Answer(q.question, True, q.intent.name, q.confidence, text.strip(),
                      tuple(citations[:MAX_QUOTES + 2]), spoiler or q.intent.spoiler,
                      reason=f"intent {q.intent.name}")

    def _name(self, p: Person, show_aliases: bool = True) -> str:
        others = [a for a in p.aliases[1:] if "-" not in a or len(a.split()) > 1 or p.kind != "character"]
        if show_aliases and others and p.kind != "character":
            return p.name + self.t["aka"].format(aliases=", ".join(others))
        return p.name

    def _newest_per_article(self, facts: list[Fact], limit: int = MAX_QUOTES) -> list[SentenceRec]:
        best: dict[int, SentenceRec] = {}
        for f in facts:
            best.setdefault(f.sentence.article.id, f.sentence)
        return sorted(best.values(), key=lambda s: recency(s.article), reverse=True)[:limit]

    def _relevance(self, q: Query, s: SentenceRec) -> float:
        """Share of the question's meaning (idf-weighted content words) the sentence holds."""
        if not q.content:
            return 0.0
        total = sum(self.kb.idf(w) for w in q.content)
        held = sum(self.kb.idf(w) * (1.0 if w in s.words else 0.5) for w in q.content
                   if w in s.words or self.related.get(w, frozenset()) & s.words)
        return held / total

    # -- topic sentences ------------------------------------------------------------

    def topic(self, q: Query) -> Answer | None:
        scored = self._topic_sentences(q, q.intent.topics)
        if not scored:
            return None
        top = scored[0][0]
        chosen = [s for score, s in scored if score >= 0.5 * top][:MAX_QUOTES]
        if q.intent.time_sensitive:
            # news moves on: the newest dated source on this topic always gets its say, first
            newest = max((s for _, s in scored if s.article.date), key=lambda s: recency(s.article), default=None)
            if newest is not None and newest not in chosen:
                chosen = [newest] + chosen[:MAX_QUOTES - 1]
            chosen.sort(key=lambda s: recency(s.article), reverse=True)
        lines = [self._attributed(s, q.intent.time_sensitive) for s in chosen]
        spoiler = any(self._is_spoiler(s) for s in chosen)
        return self.answer(q, " ".join(lines), chosen, spoiler)

    def _topic_sentences(self, q: Query, topics) -> list[tuple[float, SentenceRec]]:
        weights: dict[int, float] = defaultdict(float)
        by_id = {}
        for topic in topics:
            for s, w in self.kb.topics.get(topic, ()):
                weights[s.id] = max(weights[s.id], w)
                by_id[s.id] = s
        wanted = {p.id for p in q.people}
        scored = []
        for sid, w in weights.items():
            s = by_id[sid]
            score = w + 2 * self._relevance(q, s)
            if q.expects and self._holds(s, q.expects, q):
                score += 0.4
            if "quotes" not in topics and _QUOTED.search(s.text):
                score -= 0.3  # a narrative statement answers better than someone's opinion
            if "ending" not in topics and self._is_spoiler(s):
                score -= 0.3  # never spoil when another sentence will do
            if wanted:
                named = any(s in self.kb.mentions.get(pid, ()) for pid in wanted)
                score += 0.5 if named else -0.5
            scored.append((score, s))
        # at most two sentences per article, so that several sources get a say
        scored.sort(key=lambda x: (-x[0], _neg(recency(x[1].article))))
        out, per_article = [], Counter()
        for score, s in scored:
            if per_article[s.article.id] < 2:
                per_article[s.article.id] += 1
                out.append((score, s))
        return out

    def _holds(self, s: SentenceRec, expects: str, q: Query) -> bool:
        """Whether the sentence contains the kind of thing the question asks for."""
        if expects == "date":
            return bool(_YEAR.search(s.text))
        if expects == "number":
            return bool(_NUMBER.search(s.text))
        if expects == "person":
            return bool(self.kb.people_in.get(s.id))
        # a place: a proper noun the question did not bring itself
        return bool((s.words & self.kb.proper) - set(q.words) - {"netflix", "show"})

    def _attributed(self, s: SentenceRec, time_sensitive: bool) -> str:
        line = self.t["attribution"].format(source=self.source(s), quote=quoted(s.text))
        return line

    def _is_spoiler(self, s: SentenceRec) -> bool:
        return any(s is t for t, w in self.kb.topics.get("ending", ()) if w >= 0.8)

    # -- release and renewal --------------------------------------------------------

    def release(self, q: Query) -> Answer | None:
        unannounced = sorted((s for s, w in self.kb.topics.get("release_unannounced", ())),
                             key=lambda s: recency(s.article), reverse=True)
        estimates = sorted((f for f in self.kb.facts.get("release_estimate", ()) if not _already_past(f)),
                           key=lambda f: recency(f.sentence.article), reverse=True)
        if not unannounced and not estimates:
            return None
        newest_official = max((recency(f.sentence.article) for f in estimates
                               if _OFFICIAL.search(f.sentence.text) and not _REPORTED.search(f.sentence.text)),
                              default=None)
        parts, cited = [], []
        if unannounced and (newest_official is None or recency(unannounced[0].article) >= newest_official):
            parts.append(self._as_of(unannounced[0]) + self.t["release_unannounced"])
            cited.append(unannounced[0])
        per_article: dict[int, list[Fact]] = defaultdict(list)
        for f in estimates:
            per_article[f.sentence.article.id].append(f)
        official, items = [], []
        for facts in per_article.values():
            f = facts[0]
            key = ("release_reported" if _REPORTED.search(f.sentence.text) else
                   "release_official" if _OFFICIAL.search(f.sentence.text) else "release_estimate")
            line = self.t[key].format(source=self.source(f.sentence),
                                      estimate=" / ".join(dict.fromkeys(x.value for x in facts)))
            (official if key == "release_official" else items).append(line)
            cited.append(f.sentence)
        if official:
            parts.append(_capital(official[0]) + ".")
        if items:
            parts.append(self.t["release_earlier" if official else "release_estimates"].format(estimates="; ".join(items)))
        cited.extend(unannounced[1:2])
        return self.answer(q, " ".join(parts), cited)

    def _as_of(self, s: SentenceRec) -> str:
        return self.t["as_of"].format(when=_when(s.article.date)) if s.article.date else ""

    def renewal(self, q: Query) -> Answer | None:
        sentences = [s for s, w in self.kb.topics.get("renewal", ()) if w >= 1.0]
        positive = sorted((s for s in sentences if _POSITIVE.search(s.text) and not _NEGATIVE.search(s.text)),
                          key=lambda s: recency(s.article), reverse=True)
        negative = sorted((s for s in sentences if _NEGATIVE.search(s.text)),
                          key=lambda s: recency(s.article), reverse=True)
        if not positive and not negative:
            return None
        if not positive or (negative and recency(negative[0].article) > recency(positive[0].article)):
            return self.topic(q)  # the newest word is a doubt or a cancellation: quote, newest first
        dates = sorted(self.kb.facts.get("renewal_date", ()), key=lambda f: (-len(f.value or ""), _neg(recency(f.sentence.article))))
        cited = [f.sentence for f in dates[:2]]
        text = (self.t["renewed"].format(date=dates[0].value) if dates else self.t["renewed_no_date"])
        cited += [s for s in positive if s not in cited][:2]
        older = [s for s in negative if recency(s.article) < recency(positive[0].article)]
        if negative and older:
            text += " " + self.t["renewal_doubt"].format(source=self.source(older[0]))
            cited.append(older[0])
        return self.answer(q, text, cited)

    # -- dates and counts -----------------------------------------------------------

    def premiere(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("premiere_date", [])
        if not facts:
            return self.topic(q)
        best = _most_specific(facts)
        agreeing = [f for f in facts if _same_date(f.value, best.value)] or [best]
        return self.answer(q, self.t["premiere"].format(date=best.value), self._newest_per_article(agreeing))

    def episodes(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("episodes", [])
        asked = _season_asked(q.words)
        if asked:
            facts = [f for f in facts if f.object == asked]
        if not facts:
            return None
        lines, cited = [], []
        for season in sorted({f.object for f in facts}):
            of_season = [f for f in facts if f.object == season]
            count, _ = Counter(f.value for f in of_season).most_common(1)[0]
            agreeing = [f for f in of_season if f.value == count]
            lines.append(self.t["episodes"].format(season=season, count=count))
            cited += self._newest_per_article(agreeing, limit=2)
        return self.answer(q, " ".join(lines), cited)

    # -- cast -----------------------------------------------------------------------

    def _plays(self, *, actor: int | None = None, character: int | None = None) -> list[Fact]:
        return [f for f in self.kb.facts.get("plays", ())
                if (actor is None or f.subject_id == actor) and (character is None or f.object_id == character)]

    def who_plays(self, q: Query) -> Answer | None:
        char = _first(q.people, "character")
        if char is None:
            return None
        return self._character_cast(q, char)

    def _character_cast(self, q: Query, char: Person) -> Answer | None:
        facts = self._plays(character=char.id)
        if not facts:
            return None
        actors = _by_support(facts, lambda f: f.subject_id)
        names = [self._name(self.kb.people[a]) for a in actors]
        if len(names) == 1:
            text = self.t["plays"].format(actor=names[0], character=char.name)
        else:
            text = self.t["plays_many"].format(character=char.name, actors=_join(names))
        return self.answer(q, text, self._newest_per_article(facts))

    def actor_role(self, q: Query) -> Answer | None:
        actor = _first(q.people, "actor")
        if actor is None:
            return None
        return self._actor_cast(q, actor)

    def _actor_cast(self, q: Query, actor: Person) -> Answer | None:
        facts = self._plays(actor=actor.id)
        if not facts:
            stars = [f for f in self.kb.facts.get("stars", ()) if f.subject_id == actor.id]
            if not stars:
                return None
            return self.answer(q, self.t["stars_only"].format(actor=self._name(actor)),
                               self._newest_per_article(stars))
        chars = _by_support(facts, lambda f: f.object_id)
        text = " ".join(self.t["plays"].format(actor=self._name(actor), character=self.kb.people[c].name)
                        for c in chars[:1])
        return self.answer(q, text, self._newest_per_article(facts))

    def who_is(self, q: Query) -> Answer | None:
        if not q.people:
            return None
        person = q.people[0]
        if person.kind == "character":
            base = self._character_cast(q, person)
        elif person.kind == "actor":
            base = self._actor_cast(q, person)
        else:
            base = self._crew_of(q, person)
        about = self._about(q, person)
        if q.content and about is None:
            return None  # "what is X's birthday?": knowing who X is does not answer it
        if base is None and about is None:
            return None
        if about is None:
            return base
        if base is None or q.content:  # a question beyond "who is X" is answered by the sentence
            text = self.t["attribution"].format(source=self.source(about), quote=quoted(about.text))
            if base is not None:
                text = base.text + " " + text
            cites = [about] + [_sentence_of(self.kb, c) for c in (base.citations if base else ())][:1]
            return self.answer(q, text, [c for c in cites if c], self._is_spoiler(about))
        text = base.text + " " + self.t["attribution"].format(source=self.source(about), quote=quoted(about.text))
        return self.answer(q, text, [_sentence_of(self.kb, c) for c in base.citations][:2] + [about],
                           self._is_spoiler(about))

    def _about(self, q: Query, person: Person) -> SentenceRec | None:
        """The sentence that best describes `person` for this question (not a cast line)."""
        cast_lines = {f.sentence.id for kind in ("plays", "stars") for f in self.kb.facts.get(kind, ())}
        best, best_score = None, float("-inf")
        for s in self.kb.mentions.get(person.id, ()):
            if s.id in cast_lines:
                continue
            relevance = self._relevance(q, s) if q.content else 0.1
            if not relevance:
                continue
            score = relevance + (0.2 if _named_early(s, person) else 0.0) - (0.15 if self._is_spoiler(s) else 0.0)
            if _QUOTED.search(s.text):
                score -= 0.3  # what someone said to them describes them less than narration
            if score <= 0:
                continue
            if score > best_score or (score == best_score and best is not None
                                      and recency(s.article) > recency(best.article)):
                best, best_score = s, score
        return best

    def cast_list(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("plays", [])
        if not facts:
            return None
        pairs = _pairs(facts)
        text = self.t["cast_list"].format(pairs=", ".join(
            self.t["cast_pair"].format(actor=self.kb.people[a].name, character=self.kb.people[c].name)
            for a, c in pairs[:12]))
        return self.answer(q, text, self._newest_per_article(facts))

    def returning(self, q: Query) -> Answer | None:
        returning_sentences = {s.id for s, w in self.kb.topics.get("returning", ()) if w >= 0.9}
        facts = [f for f in self.kb.facts.get("plays", []) if f.sentence.id in returning_sentences]
        wanted = {p.id for p in q.people}
        if wanted:
            facts = [f for f in facts if f.subject_id in wanted or f.object_id in wanted]
        doubts = [s for s, w in self.kb.topics.get("returning", ()) if _DOUBT.search(s.text)]
        if wanted:
            doubts = [s for s in doubts if any(s in self.kb.mentions.get(p, ()) for p in wanted)]
        if not facts and not doubts:
            return None
        parts, cited = [], []
        if facts:
            pairs = _pairs(facts)
            parts.append(self.t["returning"].format(pairs=", ".join(
                self.t["cast_pair"].format(actor=self._name(self.kb.people[a]), character=self.kb.people[c].name)
                for a, c in pairs)))
            cited += self._newest_per_article(facts)
        for s in doubts[:1]:
            chars = [p for p in self.kb.people.values() if p.kind == "character" and s in self.kb.mentions.get(p.id, ())]
            if chars:
                parts.append(self.t["returning_doubt"].format(source=self.source(s), character=chars[0].name))
                cited.append(s)
        return self.answer(q, " ".join(parts), cited)

    # -- crew and companies ---------------------------------------------------------

    def crew(self, q: Query) -> Answer | None:
        roles = set(q.intent.roles)
        facts = [f for f in self.kb.facts.get("crew", ()) if f.object in roles and f.subject_id]
        titles = self.kb.facts.get("source_title", []) if "original author" in roles else []
        if not facts and not titles:
            return self.topic(q) if q.intent.topics else None
        people = _by_support(facts, lambda f: f.subject_id)
        if titles and people:
            author = self.kb.people[people[0]]
            text = self.t["source_title"].format(title=titles[0].value, author=self._name(author))
            return self.answer(q, text, [titles[0].sentence] + self._newest_per_article(facts))
        lead = self.kb.people[people[0]]
        lead_roles = sorted({f.object for f in facts if f.subject_id == lead.id}, key=q.intent.roles.index)
        text = self.t["crew"].format(people=self._name(lead), role=", ".join(lead_roles))
        cited = self._newest_per_article([f for f in facts if f.subject_id == lead.id])
        for other in people[1:2]:
            f = next(f for f in facts if f.subject_id == other)
            text += " " + self.t["crew_also"].format(source=self.source(f.sentence),
                                                     person=self.kb.people[other].name, role=f.object)
            cited.append(f.sentence)
        return self.answer(q, text, cited)

    def _crew_of(self, q: Query, person: Person) -> Answer | None:
        facts = [f for f in self.kb.facts.get("crew", ()) if f.subject_id == person.id]
        if not facts:
            return None
        roles = ", ".join(dict.fromkeys(f.object for f in facts))
        return self.answer(q, self.t["crew"].format(people=self._name(person), role=roles),
                           self._newest_per_article(facts))

    def companies(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("company", [])
        if not facts:
            return None
        names = _by_support(facts, lambda f: f.subject.casefold())
        spelled = {f.subject.casefold(): f.subject for f in facts}
        text = self.t["companies"].format(companies=_join([spelled[n] for n in names]))
        return self.answer(q, text, self._newest_per_article(facts))


# -- small pure helpers ---------------------------------------------------------------

def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(":,;") + "…"


def _when(date: str | None) -> str:
    if not date:
        return ""
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{month} {int(parts[2])}, {parts[0]}"


def _neg(key: str) -> tuple:
    """Invert a string sort key so newer sorts first inside an ascending sort."""
    return tuple(-ord(c) for c in key) + (1,)


def _named_early(s: SentenceRec, person: Person, words: int = 5) -> bool:
    """Whether the sentence names the person near its start, i.e. is about them."""
    opening = plain_key(" ".join(s.text.split()[:words]))
    return any(plain_key(a) in opening for a in person.aliases)


def _season_asked(words: list[str]) -> str | None:
    for a, b in zip(words, words[1:]):
        if a == "season" and b.isdigit():
            return b
    return None


def _first(people, kind: str) -> Person | None:
    return next((p for p in people if p.kind == kind), None)


def _by_support(facts: list[Fact], key) -> list:
    """Distinct values of `key`, those backed by more articles first."""
    support: dict = defaultdict(set)
    order: dict = {}
    for f in facts:
        k = key(f)
        if k is None:
            continue
        support[k].add(f.sentence.article.id)
        order.setdefault(k, len(order))
    return sorted(support, key=lambda k: (-len(support[k]), order[k]))


def _pairs(facts: list[Fact]) -> list[tuple[int, int]]:
    return [pair for pair in _by_support(facts, lambda f: (f.subject_id, f.object_id) if f.subject_id and f.object_id else None)]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def _date_parts(value: str) -> tuple:
    words = re.findall(r"[a-z]+|\d+", value.casefold())
    month = next((_MONTHS[w[:3]] for w in words if w[:3] in _MONTHS), None)
    nums = [int(w) for w in words if w.isdigit()]
    year = next((n for n in nums if n > 1900), None)
    day = next((n for n in nums if n <= 31), None)
    return year, month, day


def _already_past(f: Fact) -> bool:
    """An 'estimate' dated before its own article was written is not a forecast."""
    if not f.sentence.article.date:
        return False
    year, month, _ = _date_parts(f.value)
    parts = [int(x) for x in f.sentence.article.date.split("-")]
    if year is None:
        return False
    return (year, month or 12) < (parts[0], parts[1] if len(parts) > 1 else 12)


def _most_specific(facts: list[Fact]) -> Fact:
    return max(facts, key=lambda f: (sum(x is not None for x in _date_parts(f.value)),
                                     sum(_same_date(f.value, g.value) for g in facts)))


def _same_date(a: str, b: str) -> bool:
    pa, pb = _date_parts(a), _date_parts(b)
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def _sentence_of(kb: KnowledgeBase, c: Citation) -> SentenceRec | None:
    return next((s for s in kb.sentences.values() if s.text == c.quote and s.article.title == c.title), None)
