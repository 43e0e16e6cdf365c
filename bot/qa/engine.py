"""engine.ask(question) -> Answer. STUB: being replaced by the real core."""
from __future__ import annotations

from .models import Answer, Article


class Engine:
    async def ask(self, question: str) -> Answer:
        return Answer(question, False, "none", 0.0, "I don't know yet.")

    async def answer_for(self, intent: str, entity: str | None = None) -> Answer:
        return Answer(intent, False, intent, 0.0, "I don't know yet.")

    def complete_names(self, text: str, limit: int = 25) -> list[str]:
        return []

    def articles(self) -> list[Article]:
        return []

    def suggestions(self) -> tuple[str, ...]:
        return ()

    async def close(self) -> None:
        pass
