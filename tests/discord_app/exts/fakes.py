"""A small stand-in for the QA engine: the same API as bot.qa.engine.Engine (async
``ask``/``answer_for``/``complete_names``/``articles``, ``show=``/``guild_id=`` keywords,
``shows``/``show_for``/``suggestions``), canned answers with citations, so tests of the
Discord mechanics don't depend on the real core. Every call is recorded with the show and
server it was made for."""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import process

from bot.qa.models import Answer, Article, Citation, Show

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
SUGGESTIONS = ("Who plays Nam-ra?", "When was the show released?", "Is there a season 2?")
NAMES = ["Choi Nam-ra", "Cho Yi-hyun", "Nam On-jo", "Park Ji-hu", "Lee Su-hyeok", "Yoon Chan-young",
         "Lee Cheong-san", "Yoon Gwi-nam"]
AOUAD = Show("all-of-us-are-dead", "All of Us Are Dead", ("AOUAD",), "Netflix")
SWEET_HOME = Show("sweet-home", "Sweet Home", (), "Netflix")


@dataclass(frozen=True)
class Call:
    """One engine call: what was asked, for which show and server."""
    method: str
    text: str | None
    show: str | None
    guild_id: int | None


class FakeEngine:
    def __init__(self, shows: tuple[Show, ...] = (AOUAD,), default_show: str | None = None) -> None:
        self.shows = {s.id: s for s in shows}
        self.default_show = default_show
        self.asked: list[str] = []
        self.calls: list[Call] = []
        self.closed = False

    def show_for(self, show: str | None = None) -> Show | None:
        for candidate in (show, self.default_show):
            if candidate and candidate in self.shows:
                return self.shows[candidate]
        return next(iter(self.shows.values())) if len(self.shows) == 1 else None

    async def ask(self, question: str, *, show: str | None = None, guild_id: int | None = None) -> Answer:
        self.asked.append(question)
        self.calls.append(Call("ask", question, show, guild_id))
        return self._answer(question)

    def _answer(self, question: str) -> Answer:
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

    async def answer_for(self, intent: str, entity: str | None = None, *, show: str | None = None,
                         guild_id: int | None = None) -> Answer:
        self.calls.append(Call(f"answer_for:{intent}", entity, show, guild_id))
        if intent == "cast_list":
            return Answer("Who is in the cast?", True, intent, 1.0,
                          "Park Ji-hu (Nam On-jo), Yoon Chan-young (Lee Cheong-san), Cho Yi-hyun (Choi Nam-ra).",
                          (TUDUM,))
        if intent == "who_is" and entity:
            return self._answer(f"who plays {entity}")
        if intent == "release":
            return Answer("When was it released?", True, intent, 1.0,
                          "All of Us Are Dead premiered on Netflix on January 28, 2022.", (TUDUM, VARIETY))
        return Answer(intent, False, intent, 0.0, "I don't know.", suggestions=SUGGESTIONS)

    async def complete_names(self, text: str, limit: int = 25, *, show: str | None = None,
                             guild_id: int | None = None) -> list[str]:
        self.calls.append(Call("complete_names", text, show, guild_id))
        if not text:
            return NAMES[:limit]
        return [name for name, _score, _i in process.extract(text, NAMES, limit=limit, score_cutoff=50)]

    async def articles(self, *, show: str | None = None, guild_id: int | None = None) -> list[Article]:
        self.calls.append(Call("articles", None, show, guild_id))
        return [Article(1, AOUAD.id, "cast.md", TUDUM.title, TUDUM.publisher, TUDUM.date, TUDUM.url),
                Article(2, AOUAD.id, "s2.md", VARIETY.title, VARIETY.publisher, VARIETY.date, VARIETY.url)]

    def suggestions(self, k=None) -> tuple[str, ...]:
        return SUGGESTIONS

    async def close(self) -> None:
        self.closed = True
