"""The server-settings database: defaults, validation, migrations, logs."""
import sqlite3

import pytest

from bot.storage.guild_settings import (
    DEFAULTS,
    MIGRATIONS,
    GuildSettings,
    GuildSettingsStore,
    InvalidSetting,
    normalise_question,
)


@pytest.fixture
async def store(tmp_path):
    async with GuildSettingsStore(tmp_path / "settings.sqlite3") as store:
        yield store


async def test_new_server_gets_the_declared_defaults(store):
    assert await store.get(1) == GuildSettings() == DEFAULTS
    assert DEFAULTS.hide_spoilers and DEFAULTS.mentions_enabled and DEFAULTS.allowed_channels == ()


async def test_schema_version_is_recorded(store):
    assert await store.schema_version() == len(MIGRATIONS)


async def test_settings_survive_reopening(tmp_path):
    path = tmp_path / "settings.sqlite3"
    async with GuildSettingsStore(path) as store:
        await store.set(1, "cooldown_seconds", 30)
        await store.set(1, "allowed_channels", (5, 6))
    async with GuildSettingsStore(path) as store:
        assert await store.get(1) == GuildSettings(allowed_channels=(5, 6), cooldown_seconds=30)
        assert await store.get(2) == DEFAULTS  # per server


@pytest.mark.parametrize("key, value", [
    ("cooldown_seconds", -1), ("cooldown_seconds", 3601), ("cooldown_seconds", True), ("cooldown_seconds", "5"),
    ("hide_spoilers", "yes"), ("allowed_channels", range(26)), ("no_such_setting", 1),
    ("show", "All of Us Are Dead"), ("show", ""), ("show", 3), ("show", "-x"),
])
async def test_invalid_values_raise_and_change_nothing(store, key, value):
    with pytest.raises(InvalidSetting):
        await store.set(1, key, value)
    assert await store.get(1) == DEFAULTS


async def test_the_server_show_is_stored_and_can_be_unset(tmp_path):
    path = tmp_path / "settings.sqlite3"
    async with GuildSettingsStore(path) as store:
        assert DEFAULTS.show is None
        await store.set(1, "show", "sweet-home")
    async with GuildSettingsStore(path) as store:
        assert (await store.get(1)).show == "sweet-home"
        assert (await store.set(1, "show", None)).show is None


async def test_unknown_stored_keys_are_ignored(store):
    await store.db.execute("INSERT INTO guild_setting VALUES (1, 'retired_setting', '1')")
    await store.db.commit()
    assert await store.get(1) == DEFAULTS


async def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "settings.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    store = GuildSettingsStore(path)
    with pytest.raises(RuntimeError, match="newer"):
        await store.open()
    await store.close()


async def test_one_vote_per_user_per_answer(store):
    await store.log_answer(message_id=10, guild_id=1, channel_id=2, question="Q?", intent="i", answered=True)
    await store.record_vote(message_id=10, user_id=7, guild_id=1, vote=1)
    await store.record_vote(message_id=10, user_id=7, guild_id=1, vote=-1)
    await store.record_vote(message_id=10, user_id=8, guild_id=1, vote=-1)

    assert await store.votes(10) == {7: -1, 8: -1}
    assert (await store.report(1)).downvoted == [("Q?", "i", 2)]
    with pytest.raises(ValueError):
        await store.record_vote(message_id=10, user_id=7, guild_id=1, vote=0)


async def test_unanswered_questions_are_normalised_counted_and_per_server(store):
    for q in ["Who is the teacher?", "who  is the TEACHER", "What's the budget", "x" * 1000]:
        await store.log_unanswered(1, q)
    await store.log_unanswered(2, "other server")
    await store.log_unanswered(1, "   ")

    report = await store.report(1)
    assert report.unanswered[0] == ("who is the teacher", 2)
    assert {q for q, _ in report.unanswered} == {"who is the teacher", "what's the budget", "x" * 200}


def test_normalise_question():
    assert normalise_question("  Who   plays Nam-ra?? ") == "who plays nam-ra"


async def test_meta(store):
    assert await store.get_meta("k") is None
    await store.set_meta("k", "v1")
    await store.set_meta("k", "v2")
    assert await store.get_meta("k") == "v2"


async def test_dms_use_defaults(store):
    assert await store.get(None) == DEFAULTS
