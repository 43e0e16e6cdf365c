"""The core's data types: the knowledge of one show as the engine holds it, and what goes
in and out of `Engine.ask`. No I/O and no Discord here."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Show:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    platform: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    show: str
    name: str  # the file it came from (or the admin's upload)
    title: str
    publisher: str | None
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, as the article states it
    url: str | None
    guild_id: int | None = None  # set for an article a server's admins added


@dataclass(eq=False, slots=True)
class Sentence:
    """One sentence (or list item, or table row) of an article, verbatim."""
    id: int
    article: Article
    position: int  # index in its article
    heading: str
    text: str
    kind: str  # text | item | row
    seasons: tuple[tuple[int, int | None], ...]  # (season, part) it is about
    season_source: str | None  # sentence | heading | article (its title) | early (before later seasons) | dated (a release date of that season) | None
    words: frozenset[str]  # stems
    people: frozenset[int]  # ids of the people it names
    topics: dict[str, float]
    spoiler: bool = False
    context: frozenset[str] = frozenset()  # stems of its heading (the title, in the first section)


@dataclass
class Person:
    id: int
    kind: str  # actor | character | crew
    name: str  # canonical spelling
    aliases: list[str] = field(default_factory=list)  # every spelling, canonical first
    roles: list[str] = field(default_factory=list)  # crew roles

    def to_json(self) -> list:
        return [self.id, self.kind, self.name, self.aliases, self.roles]

    @classmethod
    def from_json(cls, row: list) -> "Person":
        return cls(row[0], row[1], row[2], list(row[3]), list(row[4]))


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an answer came from: the article and the verbatim sentence used."""
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    quote: str
    sentence: Sentence | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, s: Sentence) -> "Citation":
        a = s.article
        return cls(a.title, a.publisher, a.date, a.url, s.text, s)

    def to_json(self) -> dict:
        return {"title": self.title, "source": self.publisher or "", "url": self.url,
                "date": self.date, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    answered: bool
    intent: str
    confidence: float
    text: str
    citations: tuple[Citation, ...] = ()
    spoiler: bool = False  # front ends may hide the text
    suggestions: tuple[str, ...] = ()  # what the bot can answer, shown with declines
    reason: str = ""  # why it declined or how it matched, for logs and /config report
    show: str | None = None  # the show it is about

    def to_json(self) -> dict:
        return {"question": self.question, "answered": self.answered, "intent": self.intent,
                "confidence": round(self.confidence, 3), "answer": self.text,
                "citations": [c.to_json() for c in self.citations],
                "spoiler": self.spoiler, "show": self.show}
