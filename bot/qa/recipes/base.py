"""What every recipe gets and gives.

A recipe is a function `(Context, Ask) -> Draft | None`: the Context carries its
dependencies (the show's knowledge, the retriever, the wording), the Ask the understood
question, and the Draft is an answer before the engine's policy checks it. None means the
knowledge holds nothing for it. Every claim in a draft comes from a fact, every quote is a
sentence of an article, and citations carry the sentences they quote.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.text.dates import month_year
from bot.text.normalise import stem

from ..knowledge import ShowKnowledge
from ..lexicon import Lexicon
from ..models import Sentence
from ..retriever import Retriever
from ..understanding import Intent, Question

MAX_QUOTES = 3


@dataclass(frozen=True)
class Context:
    k: ShowKnowledge
    retriever: Retriever
    lexicon: Lexicon

    def t(self, key: str, **values) -> str:
        return self.lexicon.templates[key].format(**values)


@dataclass(frozen=True)
class Ask:
    q: Question
    intent: Intent
    confidence: float
    season: int | None  # resolved: "next season", "the final season" are numbers here
    part: int | None


def asked_negatively(ask: Ask) -> bool:
    """Whether a yes/no question asks about the opposite of what its recipe finds: "was it
    cancelled?" of a renewal, "did X leave?" of a cast credit (the intent's `negative`).
    "Renewed or cancelled?" offers both, and is answered the usual way round."""
    words = ask.q.words
    offers_both = "or" in words and words[-1] not in ("not", "nah")
    return ask.q.yesno and not offers_both and any(stem(w) in ask.intent.negative for w in words)


def verdict(ctx: Context, ask: Ask, said: str) -> str:
    """"Yes.", "No." or "Not yet." for what the facts say (`said`) to a yes/no question, turned round for a
    question asked negatively: a renewal is a no to "was it cancelled?", and "not renewed
    yet" is neither a yes nor a no to it."""
    if not ask.q.yesno:
        return ""  # "when was it renewed?" is answered by the fact, not by "Yes."
    if asked_negatively(ask):
        said = {"yes": "no", "no": "yes"}.get(said, "unclear")
    return ctx.t(said)


@dataclass
class Draft:
    text: str
    sentences: list[Sentence]
    spoiler: bool = False
    covers: frozenset[str] = frozenset()  # question words the answer accounts for itself
    note: str = ""

    def __post_init__(self) -> None:
        self.sentences = list(dict.fromkeys(self.sentences))


def source_label(s: Sentence) -> str:
    """'Radio Times (June 2022)', or the title when the publisher is unknown."""
    a = s.article
    label = a.publisher or f"\u201c{shorten(a.title, 60)}\u201d"
    return f"{label} ({month_year(a.date)})" if a.date else label


def quoted(text: str) -> str:
    """A sentence in quotation marks, unless it already opens with one."""
    return text if text[:1] in "\"\u201c\u2018" else f"\u201c{text}\u201d"


def attributed(ctx: Context, *run: Sentence) -> str:
    """'Source: “sentence(s)”': one sentence, or a run of them from one article."""
    return ctx.t("attribution", source=source_label(run[0]), quote=quoted(" ".join(s.text for s in run)))


def as_of(ctx: Context, s: Sentence) -> str:
    return ctx.t("as_of", when=month_year(s.article.date)) if s.article.date else ""


def recency(s: Sentence) -> str:
    """Sort key: newer first when sorted in reverse; undated articles count as oldest."""
    return s.article.date or ""


def newest_first(sentences) -> list[Sentence]:
    return sorted(sentences, key=recency, reverse=True)


def one_per_article(sentences, limit: int = MAX_QUOTES) -> list[Sentence]:
    seen, out = set(), []
    for s in sentences:
        if s.article.id not in seen:
            seen.add(s.article.id)
            out.append(s)
    return out[:limit]


def join(items: list[str], word: str = " and ") -> str:
    items = list(dict.fromkeys(items))
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(":,;") + "\u2026"


def season_label(ctx: Context, season: int | None, part: int | None = None) -> str:
    if season is None:
        return ctx.k.show.name
    if part:
        return ctx.t("part_label", part=part, season=season)
    return ctx.t("season_label", season=season)
