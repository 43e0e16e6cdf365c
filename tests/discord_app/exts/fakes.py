"""A small stand-in for the QA engine: same methods, canned answers with
citations, so Discord-mechanics tests don't depend on the real core."""
from __future__ import annotations

from rapidfuzz import process

from bot.qa.models import Answer, Article, Citation

TUDUM = Citation(
    title="Meet the cast of All of Us Are Dead", publisher="Netflix Tudum", date="2022-01-28",
    url="https://www.netflix.com/tudum/articles/all-of-us-are-dead-cast",
    quote="Cho Yi-hyun plays Choi Nam-ra, the class president.")
VARIETY = Citation(
    title="All of Us Are Dead season 2 confirmed", publisher="Variety", date="2022-06-09",
    url="https://variety.com/2022/tv/news/all-of-us-are-dead-season-2",
    quote="Netflix confirmed a second season on June 9, 2022.")
ENDING = Citation(
    title="All of Us Are Dead ending explained", publisher="Example News", date="2022-02-01", url=None,
    quote="Nam-ra becomes a hambie and leaves her friends.")
SUGGESTIONS = ("Who plays Nam-ra?", "When was All of Us Are Dead released?", "Is there a season 2?")
NAMES = ["Choi Nam-ra", "Cho Yi-hyun", "Nam On-jo", "Park Ji-hu", "Lee Su-hyeok", "Yoon Chan-young",
         "Lee Cheong-san", "Yoon Gwi-nam"]


class FakeEngine:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.closed = False

    async def ask(self, question: str) -> Answer:
        self.asked.append(question)
        q = question.lower()
        if "nam-ra" in q and ("end" in q or "happen" in q):
            return Answer(question, True, "ending", 0.8, "Nam-ra becomes a hambie and leaves with the army.",
                          (ENDING,), spoiler=True)
        if "nam-ra" in q or "nam ra" in q:
            return Answer(question, True, "who_plays", 0.95, "Choi Nam-ra is played by Cho Yi-hyun.", (TUDUM,))
        if "season 2" in q:
            return Answer(question, True, "season2", 0.9, "Yes: Netflix confirmed season 2 in June 2022.",
                          (VARIETY,))
        return Answer(question, False, "none", 0.1, "I couldn't find that in my articles.",
                      suggestions=SUGGESTIONS, reason="no intent matched")

    async def answer_for(self, intent: str, entity: str | None = None) -> Answer:
        if intent == "cast_list":
            return Answer("Who is in the cast?", True, intent, 1.0,
                          "Park Ji-hu (Nam On-jo), Yoon Chan-young (Lee Cheong-san), Cho Yi-hyun (Choi Nam-ra).",
                          (TUDUM,))
        if intent == "who_is" and entity:
            return await self.ask(f"who plays {entity}")
        if intent == "release":
            return Answer("When was it released?", True, intent, 1.0,
                          "All of Us Are Dead premiered on Netflix on January 28, 2022.", (TUDUM, VARIETY))
        return Answer(intent, False, intent, 0.0, "I don't know.", suggestions=SUGGESTIONS)

    def complete_names(self, text: str, limit: int = 25) -> list[str]:
        if not text:
            return NAMES[:limit]
        return [name for name, _score, _i in process.extract(text, NAMES, limit=limit, score_cutoff=50)]

    def articles(self) -> list[Article]:
        return [Article(1, "cast.md", TUDUM.title, TUDUM.publisher, TUDUM.date, TUDUM.url),
                Article(2, "s2.md", VARIETY.title, VARIETY.publisher, VARIETY.date, VARIETY.url)]

    def suggestions(self) -> tuple[str, ...]:
        return SUGGESTIONS

    async def close(self) -> None:
        self.closed = True
