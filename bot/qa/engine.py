"""engine.ask(question) -> Answer: understanding, intent, answer or fallback, or decline.

Rasa-style fallback: the intent matcher's answer is used only when its confidence is
high enough and clearly ahead of the runner-up; otherwise sentence search (FTS5, then
re-ranking by how much of the question a sentence covers) is tried; otherwise the
engine declines and says what it can answer. Every decline logs why.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Awaitable, Callable

from .answers import Builders, Query
from .intents import IntentMatcher, Match
from .kb import KnowledgeBase, cite, recency, stem
from .models import Answer, Article
from .understand import Reader

log = logging.getLogger(__name__)

MAX_QUESTION = 4000  # characters, as Discord allows
EXACT = 0.95  # a question this close to a phrasing needs no further evidence of its intent


@dataclass(frozen=True)
class Thresholds:
    intent: float = 0.5  # confidence below which the intent is not trusted
    unfamiliar: float = 0.65  # confidence needed to answer despite one word the articles never use
    asks_for_person: float = 0.35  # a question this much like "who plays X?" with no known X is declined
    margin: float = 0.04  # top two intents closer than this are ambiguous
    search: float = 0.75  # share of the question's meaning a found sentence must cover


Search = Callable[[list[str]], Awaitable[list[tuple[int, float]]]]


class Engine:
    def __init__(self, kb: KnowledgeBase, reader: Reader, matcher: IntentMatcher, builders: Builders,
                 templates: dict[str, str], search: Search, domain: set[str], question_words: set[str],
                 thresholds: Thresholds = Thresholds(), close: Callable[[], Awaitable[None]] | None = None):
        self.kb = kb
        self.reader = reader
        self.matcher = matcher
        self.builders = builders
        self.templates = templates
        self._search = search
        self._domain = domain
        # stemmed, like the question words they are compared with
        self._unmeaning = {stem(w) for w in reader.stopwords} | reader.stopwords | question_words
        self.thresholds = thresholds
        self._close = close
        self._intents = {i.name: i for i in matcher.intents}

    # -- public API used by the CLI and the Discord adapters ----------------------------

    async def ask(self, question: str) -> Answer:
        try:
            return await self._ask(question)
        except Exception:  # one bad recipe must not take the bot (or a CLI batch) down
            log.exception("answering %r failed", (question or "")[:200])
            return self._decline((question or "").strip(), "internal error")

    async def _ask(self, question: str) -> Answer:
        question = (question or "").strip()
        if not question:
            return self._decline(question, "empty question")
        if len(question) > MAX_QUESTION:
            question = question[:MAX_QUESTION]
        understood = self.reader.read(question)
        if not understood.words:
            return self._decline(question, "no words in the question")
        if understood.unknown:
            return self._decline(question, f"unknown words {understood.unknown[:5]}",
                                 person=understood.links[0].person.name if understood.links else None)
        if not self._seasons_known(understood.plain):
            return self._decline(question, "asks about a season the articles do not cover")
        ranked = self.matcher.rank(understood.words)
        try:
            answer = self._from_intent(question, understood, ranked)
        except _Decline as why:
            return self._decline(question, str(why))
        if answer is not None:
            return answer
        found = await self._from_search(question, understood)
        if found is not None:
            return found
        top = ranked[0] if ranked else None
        return self._decline(question, f"no intent ({top.intent.name} {top.score:.2f}) and no sentence"
                             if top else "nothing matched",
                             person=understood.links[0].person.name if understood.links else None)

    async def answer_for(self, intent: str, entity: str | None = None) -> Answer:
        """Answer one question type directly (slash-command shortcuts)."""
        if intent not in self._intents:
            raise ValueError(f"unknown intent {intent!r}")
        it = self._intents[intent]
        if entity is not None:
            understood = self.reader.read(entity)
            people = tuple(l.person for l in understood.links)
            if not people:
                return self._decline(entity, f"no person called {entity!r}")
        else:
            people = ()
        q = Query(entity or it.example, [], frozenset(), people, it, 1.0)
        return self.builders.build(q) or self._decline(q.question, f"{intent}: no facts")

    def complete_names(self, text: str, limit: int = 25) -> list[str]:
        people = [p for p in self.kb.people.values() if p.kind in ("character", "actor")]
        return self.reader.linker.complete(text or "", people, limit)

    def articles(self) -> list[Article]:
        return sorted(self.kb.articles.values(), key=recency, reverse=True)

    def suggestions(self) -> tuple[str, ...]:
        return tuple(i.example for i in self.matcher.intents if i.example)

    async def close(self) -> None:
        if self._close is not None:
            await self._close()

    # -- the steps ------------------------------------------------------------------

    def _from_intent(self, question, understood, ranked: list[Match]) -> Answer | None:
        if not ranked:
            return None
        top = ranked[0]
        if top.intent.needs and not understood.links and top.score >= self.thresholds.asks_for_person:
            raise _Decline(f"{top.intent.name} ({top.score:.2f}) about a person the articles do not know")
        runner_up = next((m for m in ranked[1:] if m.intent.builder != top.intent.builder
                          or m.intent.topics != top.intent.topics), None)
        if top.score < self.thresholds.intent:
            log.info("intent %s below confidence (%.2f) for %r", top.intent.name, top.score, question)
            return None
        if runner_up and top.score - runner_up.score < self.thresholds.margin:
            log.info("intents %s and %s too close (%.2f/%.2f) for %r", top.intent.name,
                     runner_up.intent.name, top.score, runner_up.score, question)
            return None
        people = tuple(l.person for l in understood.links)
        # words that say what is asked: not "season" or "show" (every intent has them), but a
        # season's number counts ("is there a season 2?")
        meaningful = {w for i, w in enumerate(understood.words)
                      if not w.isdigit() or (i and understood.words[i - 1] == "season")}
        meaningful -= self._unmeaning | {"season", "show"}
        vocab = self.matcher.intent_words[top.intent.name]
        if top.score < EXACT and not (meaningful & vocab or (people and (_SLOTS & vocab))):
            log.info("intent %s shares no meaningful word with %r", top.intent.name, question)
            return None
        # an ordinary word the articles never use ("birthday", "tall") is usually the very thing
        # asked about; only a clear match to a question type may carry one such word
        # (and only for answers quoted from sentences: a cast or date fact would answer another
        # question, "who plays Nam-ra's mother?")
        if understood.unfamiliar and (len(understood.unfamiliar) > 1 or top.score < self.thresholds.unfamiliar
                                      or top.intent.builder != "topic"):
            log.info("intent %s cannot account for %s in %r", top.intent.name, understood.unfamiliar, question)
            return None
        if top.intent.needs and not _has(people, top.intent.needs):
            # the question is clear, the person is not one the articles know: no search
            # result would answer it ("who plays Woo-jin?")
            log.info("intent %s needs a %s, none named in %r", top.intent.name, top.intent.needs, question)
            raise _Decline(f"no known {top.intent.needs} for {top.intent.name}")
        q = Query(question, understood.words, self._content(understood), people, top.intent, top.score,
                  _expects(understood.words), vocab)
        answer = self.builders.build(q)
        if answer is None:
            log.info("intent %s has no facts for %r", top.intent.name, question)
            return None
        if not self._covers_names(understood, answer, top):
            log.info("answer to %r does not mention the question's own names; declining", question)
            return None
        return answer

    async def _from_search(self, question, understood) -> Answer | None:
        content = self._content(understood)
        unfamiliar = {stem(w) for w in understood.unfamiliar}
        if len(unfamiliar) * 3 > len(content):
            return None  # too much of the question is about things the articles never mention
        content -= unfamiliar
        if not content:
            return None
        hits = await self._search(sorted(set(understood.plain) - self.reader.stopwords))
        wanted = {l.person.id for l in understood.links}
        if sum(not w.isdigit() for w in content) < 2:
            return None  # one word is too little to trust a sentence found by search
        total = sum(self.kb.idf(w) for w in content)
        best, best_cover = None, 0.0
        for sid, _ in hits:
            s = self.kb.sentences.get(sid)
            if s is None:
                continue
            shared = content & s.words
            if sum(not w.isdigit() for w in shared) < 2:
                continue
            cover = sum(self.kb.idf(w) for w in shared) / total
            relation = {w for w in content if w not in self.kb.proper and not w.isdigit()}
            if relation and not relation & shared:
                continue  # names alone: the sentence mentions them but does not answer the question
            if wanted and not wanted & self.kb.people_in.get(s.id, set()):
                cover *= 0.8  # the question names someone this sentence does not
            if cover > best_cover:
                best, best_cover = s, cover
        if best is None or best_cover < self.thresholds.search:
            log.info("search found nothing covering %r (best %.2f)", question, best_cover)
            return None
        text = self.builders.attributed(best)
        return Answer(question, True, "search", round(best_cover, 3), text, (cite(best),),
                      self.builders.is_spoiler(best), reason="sentence search")

    def _content(self, understood) -> frozenset[str]:
        """The words that say what the question is about: no question words, no names, and
        none that the articles never use (nothing could hold them)."""
        skip = self._unmeaning | {"show", "season"} | {stem(w) for w in understood.unfamiliar}
        return frozenset(w for w in understood.words if not w.startswith("<") and w not in skip)

    def _seasons_known(self, words: list[str]) -> bool:
        for a, b in zip(words, words[1:]):
            if a == "season" and b.isdigit() and b not in self.kb.seasons:
                return False
        return True

    def _covers_names(self, understood, answer: Answer, match: Match) -> bool:
        """Proper nouns the question adds (another show's title, say) must be in the sources."""
        own = self.matcher.intent_words.get(match.intent.name, frozenset())
        extra = {w for w in understood.words if w in self.kb.proper and w not in own
                 and w not in self._domain and not w.startswith("<")}
        if not extra:
            return True
        quoted: set[str] = set()
        for c in answer.citations:
            s = self.kb.sentence_for(c)
            if s is not None:
                quoted |= s.words
        return extra <= quoted

    def _decline(self, question: str, why: str, person: str | None = None) -> Answer:
        log.info("declined %r: %s", question[:200], why)
        text = (self.templates["decline_entity"].format(name=person) if person
                else self.templates["decline"])
        suggestions = self.suggestions()[:6]
        return Answer(question, False, "none", 0.0, text, (), False, suggestions, reason=why)


_SLOTS = {"<character>", "<actor>", "<crew>", "<person>"}


class _Decline(Exception):
    """Raised inside the pipeline when the right answer is a decline, not a fallback."""


def _expects(words: list[str]) -> str | None:
    """The kind of answer a wh-question wants, so sentences holding one rank higher."""
    for a, b in zip(words, words[1:] + [""]):
        if a == "how" and b in ("many", "much", "long"):
            return "number"
        if a in ("when", "where", "who"):
            return {"when": "date", "where": "place", "who": "person"}[a]
    return None


def _has(people, needs: str) -> bool:
    return any(needs == "person" or p.kind == needs for p in people)
