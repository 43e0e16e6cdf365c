"""engine.ask(question, show=...) -> Answer: which show, what is asked, which recipe
answers it (or the retriever), whether the answer is good enough, or a polite decline.

Pure: the engine reads knowledge through an injected `Library` (one show's knowledge at a
time, loaded on first need), never does I/O itself, and never imports Discord.
"""
from __future__ import annotations

import dataclasses
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from bot.text.normalise import is_english, stem, tokens

from .knowledge import ShowKnowledge
from .lexicon import Lexicon
from .models import Answer, Article, Citation, Show
from .policy import Thresholds, search_ok
from .recipes import RECIPES, Ask, Context, Draft
from .recipes.describe import compose, query_for
from .retriever import Retriever, holds_type
from .understanding import IntentMatcher, Question, Reader, ShowFinder
from .understanding.intents import load_intents
from .understanding.people import PeopleLinker, ordinary_stems

log = logging.getLogger(__name__)

MAX_QUESTION = 4000  # characters, as Discord allows
MAX_CITATIONS = 5
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


class Library(Protocol):
    """Where the engine gets knowledge: the loaded shows, and one show's knowledge on demand
    (with a server's own articles on top, when `guild_id` is given)."""
    shows: dict[str, Show]

    async def knowledge(self, show_id: str, guild_id: int | None = None) -> ShowKnowledge: ...


@dataclass(frozen=True)
class Choice:
    show: Show | None
    reason: str = ""


class Engine:
    def __init__(self, library: Library, lexicon: Lexicon, *, default_show: str | None = None,
                 thresholds: Thresholds = Thresholds()):
        self.library = library
        self.lexicon = lexicon
        self.thresholds = thresholds
        self.default_show = default_show
        self.matcher = IntentMatcher(load_intents(lexicon.intents), lexicon.phrases, lexicon.stop_stems)
        self.reader = Reader(lexicon, self.matcher.vocabulary)
        self._finder = ShowFinder(library.shows)

    # -- public API used by the CLI and the Discord adapter --------------------------------

    @property
    def shows(self) -> dict[str, Show]:
        return self.library.shows

    def refresh_shows(self) -> None:
        """After the library reloads, find show names anew."""
        self._finder = ShowFinder(self.library.shows)

    def show_for(self, show: str | None = None) -> Show | None:
        """The show a question naming none is about: the one asked for, else the default,
        else the only one loaded."""
        for candidate in (show, self.default_show):
            if candidate and candidate in self.library.shows:
                return self.library.shows[candidate]
        if len(self.library.shows) == 1:
            return next(iter(self.library.shows.values()))
        return None

    async def ask(self, question: str, *, show: str | None = None, guild_id: int | None = None) -> Answer:
        try:
            return await self._ask(question, show, guild_id)
        except Exception:  # one bad recipe must not take the bot (or a CLI batch) down
            log.exception("answering %r failed", (question or "")[:200])
            return self._decline(clean_question(question or ""), "internal error", None)

    async def answer_for(self, intent: str, entity: str | None = None, *, show: str | None = None,
                         guild_id: int | None = None) -> Answer:
        """Answer one question type directly (slash-command shortcuts)."""
        if intent not in self.matcher.by_name:
            raise ValueError(f"unknown intent {intent!r}")
        it = self.matcher.by_name[intent]
        chosen = self.show_for(show)
        if chosen is None:
            return self._decline(entity or it.example, "no show chosen", None)
        k = await self._knowledge(chosen.id, guild_id)
        text = entity or it.example
        q = self.reader.read(text, k, [])
        if entity is not None and not q.links:
            return self._decline(entity, f"no person called {entity!r}", k)
        ask = Ask(q, it, 1.0, q.season, q.part)
        draft = RECIPES[it.recipe](self._context(k), ask)
        if draft is None and intent == "who_is" and q.links:
            person = q.links[0].person
            alt = "who_plays" if person.kind == "character" else "actor_role"
            draft = RECIPES[alt](self._context(k), Ask(q, self.matcher.by_name[alt], 1.0, q.season, q.part))
        if draft is None:
            return self._decline(text, f"{intent}: no facts", k)
        return self._answer(text, it.name, 1.0, draft, k, f"shortcut {intent}")

    async def complete_names(self, text: str, limit: int = 25, *, show: str | None = None,
                             guild_id: int | None = None) -> list[str]:
        chosen = self.show_for(show)
        if chosen is None:
            return []
        k = await self._knowledge(chosen.id, guild_id)
        return k.linker.complete(text or "", limit)

    async def articles(self, *, show: str | None = None, guild_id: int | None = None) -> list[Article]:
        chosen = self.show_for(show)
        shows = [chosen.id] if chosen else sorted(self.library.shows)
        out: list[Article] = []
        for show_id in shows:
            out.extend((await self._knowledge(show_id, guild_id)).articles)
        return sorted(out, key=lambda a: a.date or "", reverse=True)

    def suggestions(self, k: ShowKnowledge | None = None) -> tuple[str, ...]:
        """Example questions, filled in with this show's own names when known (worked out
        once per show's knowledge)."""
        cached = getattr(k, "examples", None) if k is not None else None
        if cached is not None:
            return cached
        values = example_values(k)
        out = tuple(dict.fromkeys(fill_example(i.example, values) for i in self.matcher.intents if i.example))
        if k is not None:
            k.examples = out
        return out

    async def close(self) -> None:
        close = getattr(self.library, "close", None)
        if close is not None:
            await close()

    # -- the steps -------------------------------------------------------------------------

    async def _knowledge(self, show_id: str, guild_id: int | None) -> ShowKnowledge:
        k = await self.library.knowledge(show_id, guild_id)
        if getattr(k, "linker", None) is None:
            k.linker = PeopleLinker(k.people, ordinary_stems(k, self.lexicon, self.matcher.vocabulary))
            k.retriever = Retriever(k, self.lexicon, self.matcher.intent_words)
        return k

    def _context(self, k: ShowKnowledge) -> Context:
        return Context(k, k.retriever, self.lexicon)

    async def _ask(self, question: str, show: str | None, guild_id: int | None) -> Answer:
        text = clean_question(question)
        if not text:
            return self._decline(text, "empty question", None)
        words = self.lexicon.words(text)[:60]
        if not any(w.isalnum() for w in words):
            return self._decline(text, "no words in the question", None)
        mentions = self._finder.find(words)
        named = list(dict.fromkeys(m.show_id for m in mentions))
        chosen = self.library.shows[named[0]] if named else self.show_for(show)
        if chosen is None:
            return self._decline(text, "no show named and none chosen", None, which=True)
        k = await self._knowledge(chosen.id, guild_id)
        if not named:
            # a misspelt title ("sweet hom") among the words this show does not know
            unknown = {i for i, w in enumerate(words) if w not in k.surface and not is_english(w) and len(w) >= 3}
            fuzzy = self._finder.find(words, unknown)
            if fuzzy:
                mentions = fuzzy
                if fuzzy[0].show_id != chosen.id:
                    chosen = self.library.shows[fuzzy[0].show_id]
                    k = await self._knowledge(chosen.id, guild_id)
        mentions = [m for m in mentions if m.show_id == chosen.id]
        parts = split_compound(text)
        if len(parts) == 2:
            return self._compound(text, parts, k)
        q = self.reader.read(text, k, mentions, list(words))
        return self._answer_question(q, k)

    def _read(self, text: str, k: ShowKnowledge) -> Question:
        words = self.lexicon.words(text)[:60]
        mentions = [m for m in self._finder.find(words) if m.show_id == k.show.id]
        return self.reader.read(text, k, mentions, list(words))

    def _compound(self, text: str, parts: list[str], k: ShowKnowledge) -> Answer:
        """Two questions in one ("which actor won at the AACA and who does he play?"): the
        first is answered, "he"/"she" in the second stands for whom that answer names."""
        first = self._answer_question(self._read(parts[0], k), k)
        if not first.answered:
            return self._answer_question(self._read(text, k), k)
        asked = {l.person.id for l in self._read(parts[0], k).links}
        named = [pid for c in first.citations if c.sentence for pid in _named_order(c.sentence, k) if pid not in asked]
        second_text = parts[1]
        if named:
            name = k.people[named[0]].name
            second_text = re.sub(r"\b(?:he|she|they|him|her|them)\b", name, second_text, count=1, flags=re.I)
        second = self._answer_question(self._read(second_text, k), k)
        if not second.answered or second.text == first.text:  # "is it based on a webtoon? what's it called"
            return Answer(text, True, first.intent, first.confidence, first.text, first.citations, first.spoiler,
                          (), first.reason, first.show)
        citations = tuple(dict.fromkeys(first.citations + second.citations))[:MAX_CITATIONS]
        return Answer(text, True, f"{first.intent}+{second.intent}", min(first.confidence, second.confidence),
                      f"{first.text} {second.text}", citations, first.spoiler or second.spoiler, (),
                      f"{first.reason}; {second.reason}", k.show.id)

    def _answer_question(self, q: Question, k: ShowKnowledge) -> Answer:
        text = q.text
        ranked = None
        if q.other_titles and not q.show_named:
            ranked = self.matcher.rank_for(q.slots, q.wh)
            if not self._asks_for_source(ranked):
                return self._decline(text, f"asks about another work: {q.other_titles}", k, other=True)
        if q.opinion:
            return self._decline(text, "asks for an opinion", k, opinion=True)
        if q.unknown:
            return self._decline(text, f"names what no article mentions: {q.unknown[:5]}", k)
        season, part = self._season(q, k)
        if ranked is None:
            ranked = self.matcher.rank_for(q.slots, q.wh)
        draft, intent, confidence = self._from_intent(q, k, ranked, season, part)
        if draft is not None:
            return self._answer(text, intent.name, confidence, draft, k, f"intent {intent.name}")
        if season is not None and season not in k.seasons and not (intent and intent.recipe == "renewal"):
            return self._decline(text, f"season {season} is not in the articles", k)
        if intent is not None and intent.needs and confidence >= self.thresholds.intent and not _has(q, intent.needs):
            # "who plays the teacher?" with no teacher named in the articles: the words that
            # describe the missing person are what a found sentence must hold, and with no
            # such words ("who plays?") there is nothing to look for
            vocab = self.matcher.intent_words.get(intent.name, frozenset())
            described = {t for t in q.terms if t not in vocab and t not in self.lexicon.weak}
            if not described:
                return self._decline(text, f"question type {intent.name} names no {intent.needs}", k)
            # and the words that chose the question type ("plays") need not be there: a
            # credit says "X as Y" as often as "X plays Y"
            q = dataclasses.replace(q, soft=(q.soft - described) | {t for t in q.terms if t in vocab})
        found = self._from_search(q, k, season, part)
        if found is not None:
            return self._answer(text, "search", found[1], found[0], k, "sentence search")
        top = ranked[0] if ranked else None
        return self._decline(text, f"no answer ({top.intent.name} {top.score:.2f})" if top else "nothing matched", k,
                             person=q.links[0].person.name if q.links else None)

    def _season(self, q: Question, k: ShowKnowledge) -> tuple[int | None, int | None]:
        season, part = q.season, q.part
        if season is None and q.relative == "final":
            season = k.final_season or k.latest_season
        elif season is None and q.relative == "next":
            released = k.released_seasons()
            season = (max(released) + 1) if released else k.latest_season
        if season is None and part is not None:
            parted = sorted({e.season for e in k.events if e.part == part and e.season})
            season = parted[-1] if parted else None
        return season, part

    def _from_intent(self, q: Question, k: ShowKnowledge, ranked, season, part):
        if not ranked:
            return None, None, 0.0
        top = ranked[0]
        if top.score < self.thresholds.intent:
            log.info("question type %s below confidence (%.2f) for %r", top.intent.name, top.score, q.text[:200])
            return None, top.intent, top.score
        runner = next((m for m in ranked[1:] if m.intent.family != top.intent.family
                       and m.intent.recipe != top.intent.recipe), None)
        if runner and top.score - runner.score < self.thresholds.margin:
            log.info("question types %s and %s too close (%.2f/%.2f) for %r", top.intent.name, runner.intent.name,
                     top.score, runner.score, q.text[:200])
            return None, top.intent, top.score
        intent = top.intent
        if intent.needs and not _has(q, intent.needs):
            alt = self._show_as_person(q, k, intent.needs)
            if alt is not None:
                return self._from_intent(alt, k, self.matcher.rank_for(alt.slots, alt.wh), season, part)
            log.info("question type %s needs a %s; none named in %r", intent.name, intent.needs, q.text[:200])
            return None, intent, top.score
        ask = Ask(q, intent, top.score, season, part)
        if season is not None and season not in k.seasons and intent.recipe != "renewal":
            return None, intent, top.score
        draft = RECIPES[intent.recipe](self._context(k), ask)
        if draft is None:
            log.info("question type %s has no facts for %r", intent.name, q.text[:200])
            if season is not None or part is not None:
                return None, intent, top.score  # nothing on that season: not another question's answer
            return self._runner_up(q, k, ranked, season, part, set()) or (None, intent, top.score)
        missing = self._unaccounted(q, k, intent, draft)
        if missing:
            log.info("answer for %s does not account for %s in %r", intent.name, sorted(missing), q.text[:200])
            return self._runner_up(q, k, ranked, season, part, missing) or (None, intent, top.score)
        return draft, intent, top.score

    def _runner_up(self, q: Question, k: ShowKnowledge, ranked, season, part, missing: set[str]):
        """"When did the trailer drop?": "drop" chose the release type, whose answer leaves
        "trailer" out. The next confident type whose own words hold what was left out
        answers instead, if its answer accounts for the whole question. So does one after
        a type with no facts ("who produced it?" with no producer named: the companies)."""
        for m in ranked[1:3]:
            if m.score < self.thresholds.intent or m.intent.recipe == ranked[0].intent.recipe:
                continue
            vocab = self.matcher.intent_words.get(m.intent.name, frozenset())
            if not missing <= vocab or (m.intent.needs and not _has(q, m.intent.needs)):
                continue
            # the words that chose the first type ("drop") said what is asked of the thing
            # ("when did it come out"), not what an answer's sentence must repeat; but when
            # the first type had no facts, its words are still to be answered
            spent = (self.matcher.intent_words.get(ranked[0].intent.name, frozenset()) & set(q.terms)) - missing \
                if missing else set()
            # and "who" may ask for a company ("who produced it?" answered by the studios)
            q2 = dataclasses.replace(q, terms=[t for t in q.terms if t not in spent],
                                     expects=None if q.expects == "person" else q.expects)
            draft = RECIPES[m.intent.recipe](self._context(k), Ask(q2, m.intent, m.score, season, part))
            holds = draft is not None and all(any(k.retriever.holds(x, t) for x in draft.sentences) for t in missing)
            if holds and q.expects in ("date", "number"):
                # "when does the finale come out?" is not answered by "season 5 is the final season"
                holds = any(holds_type(x, q.expects, frozenset(), k) for x in draft.sentences)
            if holds and not self._unaccounted(q2, k, m.intent, draft):
                log.info("question type %s answers instead of %s for %r", m.intent.name, ranked[0].intent.name,
                         q.text[:200])
                return draft, m.intent, m.score
        return None

    def _asks_for_source(self, ranked) -> bool:
        """"Is it based on the Addams Family?": a work named in a question about what the
        show is based on is its source, not another show asked about."""
        return bool(ranked) and ranked[0].intent.recipe == "source" and ranked[0].score >= self.thresholds.intent

    def _show_as_person(self, q: Question, k: ShowKnowledge, needs) -> Question | None:
        """A show named after its title character ("who plays Wednesday?" in *Wednesday*):
        when the question type needs a person and the only candidate is the show's name,
        the question read again with that name as a person, if it is one."""
        if not q.show_named:
            return None
        alt = self.reader.read(q.text, k, [], None)
        if not _has(alt, needs):
            return None
        log.info("the show's name read as a person's (%s) in %r", alt.links[0].person.name, q.text[:200])
        return alt

    def _unaccounted(self, q: Question, k: ShowKnowledge, intent, draft: Draft) -> set[str]:
        """Question words that neither choose the question type nor are in the answer: an
        answer about something else ("who plays Nam-ra's mother?" is not who plays Nam-ra)."""
        vocab = self.matcher.intent_words.get(intent.name, frozenset())
        leftover = {t for t in q.terms if t not in vocab and t not in draft.covers and t not in q.soft}
        leftover |= {t for t in q.relation_terms - vocab if t not in draft.covers}
        retriever = k.retriever
        missing = {t for t in leftover if not any(retriever.holds(s, t) for s in draft.sentences)}
        # a word of the show's own title ("game" in Squid Game) is said only where the
        # sentence uses it outside the title
        titled = {t for t in leftover - missing if t in _title_stems(k)}
        missing |= {t for t in titled if not any(t in _outside_title(s.text, k) for s in draft.sentences)}
        # a name the question adds ("the show Trap") must be in the sources, as a name
        missing |= {w for w in q.proper_words
                    if not any(re.search(rf"\b{re.escape(w)}\b", s.text) for s in draft.sentences)}
        # everyone the question names must be in the answer's sources ("how many episodes did
        # Tim Burton direct" is not answered by how many episodes the season has)
        missing |= {l.person.name for l in q.links if not any(l.person.id in s.people for s in draft.sentences)}
        return missing

    def _from_search(self, q: Question, k: ShowKnowledge, season, part) -> tuple[Draft, float] | None:
        if not q.terms:
            return None
        ask = Ask(q, None, 0.0, season, part)  # type: ignore[arg-type]
        query = query_for(self._context(k), ask)
        ranked = k.retriever.rank(query, limit=8)
        if not ranked:
            log.info("search found nothing for %r", q.text[:200])
            return None
        # a number the question names, other than its season's ("player 456", "episode 6"),
        # is one the sentence found must say
        numbers = {w for w in q.words if w.isdigit()} - {str(n) for n in q.seasons} - {str(q.part)}
        if numbers:
            ranked = [s for s in ranked if numbers <= set(tokens(s.sentence.text))]
        # what a possessive asks of a named person ("who plays Nam-ra's mom?") must be in the
        # sentence found: one naming only the person answers another question
        if query.expects in ("number", "date", "money", "age") and not q.other_titles:
            # a figure in a sentence naming another work may be that work's
            ranked = [s for s in ranked if not k.retriever.figures_of_other_work(s.sentence)]
        related = {t for t in q.relation_terms if t not in self.lexicon.stop_stems and t not in self.lexicon.weak}
        if related:
            ranked = [s for s in ranked if all(k.retriever.holds(s.sentence, t) for t in related)]
        for best in ranked[:3]:
            ok, why = search_ok(best, k.idf, self.thresholds, query.expects, query.terms, q.soft, q.proper, season)
            if ok:
                break
            log.info("search result for %r rejected: %s", q.text[:200], why)
        else:
            return None
        candidates = [best] + [s for s in ranked if s is not best
                               and search_ok(s, k.idf, self.thresholds, query.expects, query.terms, q.soft, q.proper, season)[0]]
        return compose(self._context(k), _SearchAsk(q, season, part), candidates, several=False), round(best.coverage, 3)

    def _answer(self, question: str, intent: str, confidence: float, draft: Draft, k: ShowKnowledge, reason: str) -> Answer:
        citations = tuple(Citation.of(s) for s in draft.sentences[:MAX_CITATIONS])
        spoiler = draft.spoiler or (intent in self.matcher.by_name and self.matcher.by_name[intent].spoiler
                                    and any(s.spoiler for s in draft.sentences))
        return Answer(question, True, intent, confidence, draft.text.strip(), citations, spoiler, (), reason, k.show.id)

    def _decline(self, question: str, why: str, k: ShowKnowledge | None, *, person: str | None = None,
                 other: bool = False, opinion: bool = False, which: bool = False) -> Answer:
        log.info("declined %r: %s", question[:200], why)
        t = self.lexicon.templates
        names = [s.name for s in self.library.shows.values()]
        if which:
            text = t["decline_which_show"].format(shows=_join(names[:8]))
        elif other:
            text = t["decline_show"].format(shows=_join(names[:3]))
        elif opinion:
            text = t["decline_opinion"]
        elif person:
            text = t["decline_entity"].format(name=person)
        else:
            text = t["decline"]
        suggestions = self.suggestions(k)[:6] if not which else ()
        return Answer(question, False, "none", 0.0, text, (), False, suggestions, why, k.show.id if k else None)


@dataclass(frozen=True)
class _SearchAsk:
    """The Ask a search answer is composed for: no question type."""
    q: Question
    season: int | None
    part: int | None
    intent: None = None


_COMPOUND = re.compile(r"\?\s+(?=\w)|,?\s+and\s+(?=(?:who|what|when|where|which|how|is|was|does|did)\b)", re.I)


def split_compound(text: str) -> list[str]:
    """A question that is two questions, split in two (or left whole)."""
    parts = [p.strip(" ?") for p in _COMPOUND.split(text, maxsplit=1)]
    if len(parts) == 2 and all(len(p.split()) >= 3 for p in parts):
        return parts
    return [text]


def _named_order(s, k: ShowKnowledge) -> list[int]:
    """The people a sentence names, in the order it names them (actors before the rest)."""
    low = s.text.casefold()
    found = []
    for pid in s.people:
        person = k.people.get(pid)
        if person is None:
            continue
        pos = min((low.find(a.casefold()) for a in person.aliases if a.casefold() in low), default=len(low))
        found.append((person.kind != "actor", pos, pid))
    return [pid for _, _, pid in sorted(found)]


def _title_stems(k: ShowKnowledge) -> frozenset[str]:
    return frozenset(stem(w) for n in k.show.names() for w in tokens(n))


def _outside_title(text: str, k: ShowKnowledge) -> set[str]:
    """The stems of a sentence's words, the show's name taken out."""
    for n in sorted(k.show.names(), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(n)}\b", " ", text, flags=re.I)
    return {stem(w) for w in tokens(text)}


def _has(q: Question, needs: str) -> bool:
    return any(needs == "person" or l.person.kind == needs for l in q.links)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "no show"


def clean_question(text: str) -> str:
    """The question as a line of text: Unicode-normalised, invisible and control characters
    gone, whitespace collapsed, at most MAX_QUESTION characters."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:MAX_QUESTION]


def example_values(k: ShowKnowledge | None) -> dict[str, str]:
    """What fills an example question: the show's name, its best-known character and actor."""
    if k is None:
        return {"show": "the show", "season": "the next season", "character": "the lead", "actor": "the lead actor"}
    from collections import Counter
    characters = Counter(f.character for f in k.cast if f.character)
    actors = Counter(f.actor for f in k.cast if f.character)
    return {"show": k.show.name,
            "character": k.people[characters.most_common(1)[0][0]].name if characters else "the lead",
            "actor": k.people[actors.most_common(1)[0][0]].name if actors else "the lead actor",
            "season": f"season {k.latest_season}" if k.latest_season else "the next season"}


def fill_example(example: str, values: dict[str, str]) -> str:
    """'Who plays {character}?' with one of the show's best-known characters."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), example)
