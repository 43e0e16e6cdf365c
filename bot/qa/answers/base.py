"""What every answer recipe shares: the knowledge base, the wording, citing and ranking."""
from __future__ import annotations

from dataclasses import dataclass

from ..intents import Intent
from ..kb import Fact, KnowledgeBase, SentenceRec, cite, quoted, recency
from ..models import Answer, Citation
from ..people import Person
from .helpers import NUMBER, YEAR, month_year, shorten

MAX_QUOTES = 3
GENERIC_WORD_CREDIT = 0.25


@dataclass(frozen=True)
class Query:
    question: str
    words: list[str]  # normalised, stemmed question words (names replaced by slots)
    content: frozenset[str]  # the words that carry meaning (no stopwords, slots or names)
    people: tuple[Person, ...]  # people named, in order
    intent: Intent
    confidence: float
    expects: str | None = None  # date | place | person | number, from the wh-word
    intent_words: frozenset[str] = frozenset()  # every word of the intent's phrasings


class Recipes:
    """Base of the recipe mixins; see Builders for the registry."""

    def __init__(self, kb: KnowledgeBase, templates: dict[str, str],
                 related: dict[str, frozenset[str]] | None = None):
        self.kb = kb
        self.t = templates
        self.related = related or {}

    # -- helpers --------------------------------------------------------------------

    def source(self, s: SentenceRec) -> str:
        a = s.article
        label = a.publisher or f"“{shorten(a.title, 60)}”"
        return f"{label} ({month_year(a.date)})" if a.date else label

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
        held = 0.0
        for w in q.content:
            if _has_word(s.words, w):
                credit = 1.0
            elif self.related.get(w, frozenset()) & s.words:
                credit = 0.5
            else:
                continue
            # the intent's own words ("end" in "how did season 1 end") were spent choosing the
            # intent; the question's other words are what the sentence must hold
            held += self.kb.idf(w) * credit * (GENERIC_WORD_CREDIT if w in q.intent_words else 1.0)
        return held / total

    def _holds_any(self, s: SentenceRec, words) -> bool:
        """Whether the sentence holds any of the words, in some form or by a related word."""
        return any(_has_word(s.words, w) or self.related.get(w, frozenset()) & s.words for w in words)

    def _holds(self, s: SentenceRec, expects: str, q: Query) -> bool:
        """Whether the sentence contains the kind of thing the question asks for."""
        if expects == "date":
            return bool(YEAR.search(s.text))
        if expects == "number":
            return bool(NUMBER.search(s.text))
        if expects == "person":
            return bool(self.kb.people_in.get(s.id))
        # a place: a proper noun the question did not bring itself
        return bool((s.words & self.kb.proper) - set(q.words) - {"netflix", "show"})

    def attributed(self, *run: SentenceRec) -> str:
        """'Source: “sentence(s)”': one sentence, or a run of them from one article."""
        return self.t["attribution"].format(source=self.source(run[0]),
                                            quote=quoted(" ".join(s.text for s in run)))

    def is_spoiler(self, s: SentenceRec) -> bool:
        return any(s is t for t, w in self.kb.topics.get("ending", ()) if w >= 0.8)


def _has_word(words: frozenset[str], w: str) -> bool:
    """The word, or a longer form of it ("unique" ~ "uniqueness"), is among `words`."""
    if w in words:
        return True
    return len(w) >= 5 and any(x.startswith(w) or (len(x) >= 5 and w.startswith(x)) for x in words)
