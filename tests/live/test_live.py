"""bot.live.KnowledgeWatcher: one look notices article files added, changed or deleted,
another process's build, and server articles changed elsewhere; questions asked while
it reloads are all answered."""
import asyncio
import logging

import pytest

from bot.live import KnowledgeWatcher, build_stamp, can_reload
from bot.pipeline.build import build
from bot.storage.guild_articles import GuildArticleStore, NewArticle
from bot.storage.guild_settings import GuildSettingsStore
from tests.helpers import SEASON_3_ARTICLE as SEASON_3, SEASON_3_QUESTION as QUESTION
from tests.helpers import config, engine  # noqa: F401  (fixtures: a copy of the bundled show)



@pytest.fixture
async def watcher(engine, config):
    watcher = KnowledgeWatcher(engine, config)
    await watcher.mark_loaded()
    return watcher


async def test_nothing_changed_nothing_reloaded(watcher):
    assert await watcher.check() is False


async def test_an_added_file_is_built_and_answered_from(watcher, engine, config):
    (config.articles_dir / "season-3.md").write_text(SEASON_3, encoding="utf-8")

    assert await watcher.check() is True
    assert "June 5, 2026" in (await engine.ask(QUESTION)).text
    assert await watcher.check() is False


async def test_a_build_by_another_process_is_loaded(watcher, engine, config):
    (config.articles_dir / "season-3.md").write_text(SEASON_3, encoding="utf-8")
    before = build_stamp(config.knowledge_db)
    await asyncio.to_thread(asyncio.run, build(config))  # as `showbot build` elsewhere would

    assert build_stamp(config.knowledge_db) != before
    assert await watcher.check() is True
    assert "June 5, 2026" in (await engine.ask(QUESTION)).text


async def test_questions_asked_during_a_reload_are_all_answered(watcher, engine, config):
    (config.articles_dir / "season-3.md").write_text(SEASON_3, encoding="utf-8")

    results = await asyncio.gather(watcher.check(), *(engine.ask(q) for q in ["Who plays Nam-ra?"] * 30))

    assert results[0] is True
    assert all(a.answered and "Cho Yi-hyun" in a.text for a in results[1:])


async def test_server_articles_changed_by_another_process_get_a_new_version(tmp_path, engine, config):
    async with GuildSettingsStore(config.settings_db) as settings:
        mine = GuildArticleStore(settings)
        await mine.poll()
        watcher = KnowledgeWatcher(engine, config, guild_articles=mine)
        await watcher.mark_loaded()
        before = mine.version(7)
        async with GuildSettingsStore(config.settings_db) as elsewhere:  # `showbot knowledge import`
            await GuildArticleStore(elsewhere).add(7, NewArticle("all-of-us-are-dead", "s3.md", "S3", None, None,
                                                                 None, SEASON_3), added_by=None)
        await watcher.check()

        assert mine.version(7) != before


async def test_a_failed_look_is_logged_once_and_never_raises(watcher, config, caplog, monkeypatch):
    import bot.live
    working = bot.live.ensure_built

    async def broken(config):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(bot.live, "ensure_built", broken)

    with caplog.at_level(logging.INFO, logger="bot.live"):
        assert await watcher.check() is False
        assert await watcher.check() is False  # the same failure: not logged again every 3 s
        monkeypatch.setattr(bot.live, "ensure_built", working)
        (config.articles_dir / "season-3.md").write_text(SEASON_3, encoding="utf-8")
        assert await watcher.check() is True

    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "disk on fire" in caplog.text and "works again" in caplog.text


async def test_the_quiet_path_does_no_reload(watcher, engine, monkeypatch):
    reloads = []

    async def record():
        reloads.append(1)
        return True
    monkeypatch.setattr(engine.library, "refresh", record)
    monkeypatch.setattr(engine.library, "open", record)

    assert await watcher.check() is False
    assert reloads == []


def test_test_doubles_without_a_library_are_not_watched():
    from tests.discord_app.exts.fakes import FakeEngine
    assert not can_reload(FakeEngine())
