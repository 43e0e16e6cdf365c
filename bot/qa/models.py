"""The core's data types: what goes in and out of `Engine.ask`. No Discord here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    path: str
    title: str
    publisher: str | None
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, as the article states it
    url: str | None


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an answer came from: the article and the verbatim sentence used."""
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    quote: str

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
    spoiler: bool = False  # front ends may hide the text (season 1 ending)
    suggestions: tuple[str, ...] = ()  # what the bot can answer, shown with declines
    reason: str = ""  # why it declined or how it matched, for logs and /config report

    def to_json(self) -> dict:
        return {"question": self.question, "answered": self.answered, "intent": self.intent,
                "confidence": round(self.confidence, 3), "answer": self.text,
                "citations": [c.to_json() for c in self.citations],
                "spoiler": self.spoiler}
