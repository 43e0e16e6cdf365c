"""Answer recipes: facts from the knowledge base -> a short cited Answer.

Each recipe takes the understood question (`Query`) and returns an Answer, or None
when the knowledge base holds nothing for it (the engine then declines). Wording comes
from knowledge/answers.toml; every claim comes from a fact, every quote is a sentence
of an article, verbatim. Sources are ordered newest first; undated ones come last.
"""
from __future__ import annotations

from typing import Callable

from ..models import Answer
from .base import Query
from .cast import CastAnswers
from .crew import CrewAnswers
from .news import NewsAnswers
from .topics import TopicAnswers

__all__ = ["Builders", "Query"]


class Builders(TopicAnswers, NewsAnswers, CastAnswers, CrewAnswers):
    """Every recipe, by the name intents.toml gives it as `builder`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.registry: dict[str, Callable[[Query], Answer | None]] = {
            "topic": self.topic, "release": self.release, "renewal": self.renewal,
            "premiere": self.premiere, "episodes": self.episodes, "who_plays": self.who_plays,
            "actor_role": self.actor_role, "who_is": self.who_is, "cast_list": self.cast_list,
            "returning": self.returning, "crew": self.crew, "companies": self.companies,
        }

    def build(self, q: Query) -> Answer | None:
        return self.registry[q.intent.builder](q)
