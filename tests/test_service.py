"""bot.service: the knowledge database (re)built as needed, a Library that loads shows
lazily and caches them, and each server's own articles on top of the shared knowledge."""
from collections import Counter

import pytest

import bot.service as service
from bot.config import Config
from bot.pipeline.language import load_language
from bot.qa.lexicon import Lexicon
from bot.service import StoreLibrary, open_engine
from bot.storage.knowledge import KnowledgeStore

from .conftest import BAKERY, FIXTURE_SHOWS, THURSDAY, write_article
from .helpers import leaked_threads, process_keepers, says

SEASON_3_DATE = ("---\ntitle: Blue Hour Bakery season 3 gets a date\npublisher: Server News\ndate: 2024-09-01\n---\n"
                 "Kovi has confirmed that Blue Hour Bakery season 3 will premiere on June 20, 2025.\n\n"
                 "Newcomer Kwon Na-rae joins the cast as Han Ji-ho.\n")


class MemoryGuildArticles:
    """The GuildArticles protocol (bot.service), kept in memory."""

    def __init__(self):
        self.articles: dict[tuple[int, str], list[tuple[str, str]]] = {}
        self.versions: Counter = Counter()

    def add(self, guild_id: int, show_id: str, name: str, text: str) -> None:
        self.articles.setdefault((guild_id, show_id), []).append((name, text))
        self.versions[guild_id] += 1

    def version(self, guild_id: int) -> int:
        return self.versions[guild_id]

    async def texts(self, guild_id: int, show_id: str) -> list[tuple[str, str]]:
        return list(self.articles.get((guild_id, show_id), []))


@pytest.fixture
async def library(shows_config):
    language = load_language(shows_config.language_dir)
    lib = await StoreLibrary(shows_config, Lexicon.from_data(language), language).open()
    yield lib
    await lib.close()


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The show ids read from the knowledge database, in order (a spy on the store)."""
    seen: list[str] = []
    original = KnowledgeStore.show

    async def show(self, show_id):
        seen.append(show_id)
        return await original(self, show_id)
    monkeypatch.setattr(KnowledgeStore, "show", show)
    return seen


async def test_the_library_knows_the_shows_but_loads_none_at_first(shows_engine, library, loads):
    assert sorted(library.shows) == ["blue-hour-bakery", "thursday"]
    assert library.shows["blue-hour-bakery"].aliases == ("Blue Hour", "BHB")
    assert loads == []


async def test_a_show_is_loaded_on_first_need_and_then_cached(shows_engine, library, loads):
    first = await library.knowledge("thursday")
    assert first.show.name == "Thursday" and loads == ["thursday"]
    assert await library.knowledge("thursday") is first and loads == ["thursday"]
    await library.knowledge("blue-hour-bakery")
    assert loads == ["thursday", "blue-hour-bakery"]


async def test_the_cache_keeps_the_most_recently_used_shows(shows_engine, library, loads, monkeypatch):
    monkeypatch.setattr(service, "CACHED_SHOWS", 1)
    await library.knowledge("thursday")
    await library.knowledge("blue-hour-bakery")
    await library.knowledge("thursday")  # pushed out by the other show: read again
    assert loads == ["thursday", "blue-hour-bakery", "thursday"]


async def test_an_unknown_show_is_a_key_error(shows_engine, library):
    with pytest.raises(KeyError):
        await library.knowledge("lupin")


async def test_open_engine_builds_when_missing_and_refresh_follows_the_folder(copy_show, tmp_path):
    config = Config(articles_dir=copy_show(BAKERY), data_dir=tmp_path / "data")
    assert not config.knowledge_db.exists()
    engine = await open_engine(config)
    try:
        assert config.knowledge_db.is_file() and list(engine.shows) == ["blue-hour-bakery"]
        assert not await engine.library.refresh()  # nothing changed
        write_article(config.articles_dir, "005.md", SEASON_3_DATE.split("---\n", 2)[2],
                      title="Blue Hour Bakery season 3 gets a date", publisher="Server News", date="2024-09-01")
        assert await engine.library.refresh()
        answer = await engine.ask("When does season 3 come out?")
        assert says(answer, "June 20, 2025"), answer.text
    finally:
        await engine.close()


async def test_a_servers_own_articles_answer_for_that_server_only(tmp_path):
    guild_articles = MemoryGuildArticles()
    engine = await open_engine(Config(articles_dir=FIXTURE_SHOWS, data_dir=tmp_path / "data"),
                               guild_articles=guild_articles)
    try:
        question = "When does Blue Hour Bakery season 3 come out?"
        before = await engine.ask(question, guild_id=1)
        assert says(before, "no release date"), before.text

        guild_articles.add(1, "blue-hour-bakery", "season-3-date.md", SEASON_3_DATE)
        mine = await engine.ask(question, guild_id=1)
        assert mine.answered and says(mine, "June 20, 2025"), mine.text
        assert mine.citations[0].publisher == "Server News" and mine.citations[0].sentence.article.guild_id == 1

        for other in (await engine.ask(question, guild_id=2), await engine.ask(question)):
            assert says(other, "no release date") and not says(other, "June 20, 2025"), other.text

        # the server's people are clustered with the show's: a new face, and the old ones still
        assert says(await engine.ask("who plays han ji-ho in blue hour bakery", guild_id=1), "Kwon Na-rae")
        assert not (await engine.ask("who plays han ji-ho in blue hour bakery", guild_id=2)).answered
        assert says(await engine.ask("who plays kang do-hyun in blue hour bakery", guild_id=1), "Seo Ji-wan")
        # another show is not touched by this show's server articles
        thursday = await engine.ask("When is Thursday season 3 coming out?", guild_id=1)
        assert says(thursday, "no release date")
    finally:
        await engine.close()


async def test_a_new_version_of_a_servers_articles_replaces_the_old_overlay(tmp_path):
    guild_articles = MemoryGuildArticles()
    engine = await open_engine(Config(articles_dir=BAKERY, data_dir=tmp_path / "data"), guild_articles=guild_articles)
    try:
        guild_articles.add(7, "blue-hour-bakery", "a.md", SEASON_3_DATE)
        assert says(await engine.ask("When does season 3 come out?", guild_id=7), "June 20, 2025")
        guild_articles.add(7, "blue-hour-bakery", "b.md", SEASON_3_DATE.replace("2024-09-01", "2024-10-01")
                           .replace("June 20, 2025", "July 1, 2025"))
        answer = await engine.ask("When does season 3 come out?", guild_id=7)
        assert says(answer, "July 1, 2025"), answer.text
    finally:
        await engine.close()


async def test_an_unreadable_server_article_is_skipped_and_the_rest_used(tmp_path, caplog):
    guild_articles = MemoryGuildArticles()
    guild_articles.add(3, "blue-hour-bakery", "bad.md", "---\ndate: 2024-02-30\n---\nText.\n")
    guild_articles.add(3, "blue-hour-bakery", "good.md", SEASON_3_DATE)
    engine = await open_engine(Config(articles_dir=BAKERY, data_dir=tmp_path / "data"), guild_articles=guild_articles)
    try:
        answer = await engine.ask("When does season 3 come out?", guild_id=3)
        assert says(answer, "June 20, 2025")
        assert "bad.md skipped" in caplog.text and "not a real date" in caplog.text
    finally:
        await engine.close()


async def test_closing_the_engine_leaves_no_thread_behind(tmp_path):
    before = process_keepers()
    engine = await open_engine(Config(articles_dir=THURSDAY, data_dir=tmp_path / "data"))
    assert (await engine.ask("Who plays Juniper Vale?")).answered
    await engine.close()
    assert not leaked_threads(before)
