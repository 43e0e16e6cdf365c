"""The bot exactly as ``showbot run`` builds it: ``create_bot()`` with nothing
injected, on an empty data folder, opening its own settings store (with backups)
and the real engine over the bundled articles, under SimCord. The other Discord
tests inject a store opened by a fixture, which hid a start-up that could not
commit its first migration and a connection that kept the process alive."""
from __future__ import annotations

import discord
import pytest
import simcord

from bot.config import Config
from bot.discord_app.app import create_bot
from bot.storage.backups import Backups
from tests.helpers import leaked_threads, process_keepers


@pytest.fixture
def config(tmp_path) -> Config:
    """Config() as from an environment that only names an empty data folder."""
    return Config(data_dir=tmp_path / "data")


def _server(env: simcord.Env):
    guild = env.create_guild("K-drama fans")
    general = guild.create_text_channel("general")
    mods = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    fan = guild.add_member(env.create_user("fan"))
    admin = guild.add_member(env.create_user("admin"), roles=[mods])
    return general, fan, admin


async def test_create_bot_as_run_builds_it_starts_answers_and_keeps_settings_across_a_restart(config):
    threads_before = process_keepers()
    first = create_bot(config=config)
    second = create_bot(config=config)
    try:
        async with simcord.run(first) as env:
            general, fan, admin = _server(env)
            answer = await fan.slash(general, "ask", question="Who plays Nam-ra?")
            await admin.slash(general, "config cooldown", seconds=42)
            await admin.slash(general, "config spoilers", enabled=False)

            await first.close()  # the old process ends before the new one starts
            await env.restart_bot(second)
            shown = await admin.slash(general, "config show")
            again = await fan.slash(general, "ask", question="Who plays Nam-ra?")
    finally:
        await first.close()
        await second.close()

    assert "Cho Yi-hyun" in answer.response.embeds[0].description
    fields = {f.name: f.value for f in shown.response.embeds[0].fields}
    assert fields["Cooldown per user"] == "42 s" and fields["Hide spoilers"] == "off"
    assert again.response.embeds  # the restarted bot answers too
    assert config.settings_db.is_file() and config.knowledge_db.is_file()
    # No database connection (a non-daemon thread each) outlives the bots:
    # the process can exit.
    assert leaked_threads(threads_before) == set()


async def test_the_started_bot_backs_up_its_settings_at_start(config):
    bot = create_bot(config=config)
    try:
        async with simcord.run(bot):
            pass
    finally:
        await bot.close()

    copies = Backups(config.settings_db, config.backups_dir).copies()
    assert len(copies) == 1 and copies[0].parent == config.data_dir / "backups"


async def test_deleted_settings_come_back_from_the_backup_on_the_next_start(config, caplog):
    first = create_bot(config=config)
    second = create_bot(config=config)
    try:
        async with simcord.run(first) as env:
            general, fan, admin = _server(env)
            await admin.slash(general, "config cooldown", seconds=42)
            await first.close()
            await first.guild_settings.open()
            await first.guild_settings.backup()  # e.g. the daily backup, after the change
            await first.guild_settings.close()
            config.settings_db.unlink()  # the admin's accident

            await env.restart_bot(second)
            shown = await admin.slash(general, "config show")
    finally:
        await first.close()
        await second.close()

    fields = {f.name: f.value for f in shown.response.embeds[0].fields}
    assert fields["Cooldown per user"] == "42 s"
    assert any(r.levelname == "ERROR" and "restored server settings" in r.getMessage() for r in caplog.records)


async def test_a_failed_start_leaves_no_connection_open(config, monkeypatch):
    """A start-up that fails after the settings store opened (here: the knowledge
    base cannot be opened) must close the store again, or the process never exits."""
    import bot.service

    async def unavailable(config, **kw):
        raise RuntimeError("knowledge base unavailable")
    monkeypatch.setattr(bot.service, "open_engine", unavailable)
    threads_before = process_keepers()
    broken = create_bot(config=config)

    with pytest.raises(RuntimeError, match="knowledge base unavailable"):
        async with simcord.run(broken):
            pass

    assert leaked_threads(threads_before) == set()
    assert broken.guild_settings._db is None
