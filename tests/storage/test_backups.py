"""Owned data is never lost silently: rolling backups of settings.sqlite3 and a
loud restore from the newest good one when the file is missing, empty or damaged."""
import logging
import sqlite3

import pytest

from bot.storage.backups import Backups, problem
from bot.storage.guild_settings import MIGRATIONS, GuildSettings, GuildSettingsStore
from tests.helpers import leaked_threads, process_keepers


@pytest.fixture
def paths(tmp_path):
    return tmp_path / "settings.sqlite3", tmp_path / "backups"


def _store(paths, **kw) -> GuildSettingsStore:
    db, folder = paths
    return GuildSettingsStore(db, backups=Backups(db, folder, **kw))


async def _settings_with_a_backup(paths) -> None:
    async with _store(paths) as store:
        await store.set(1, "cooldown_seconds", 30)
        await store.set(1, "allowed_channels", (5,))
        await store.backup()


def _errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def _damage(path) -> None:
    """Overwrite the middle of the file (table pages) with garbage, as a bad disk would."""
    with sqlite3.connect(path) as db:  # make sure everything is in the main file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xde\xad\xbe\xef" * 1024
    path.write_bytes(bytes(data))


async def test_a_backup_is_a_complete_copy_of_the_file_with_every_owned_table(paths):
    db, folder = paths
    async with _store(paths) as store:
        await store.set(1, "cooldown_seconds", 30)
        # A table added later (e.g. admin-added articles) is backed up without code changes.
        await store.db.execute("CREATE TABLE admin_article (id INTEGER PRIMARY KEY, body TEXT)")
        await store.db.execute("INSERT INTO admin_article (body) VALUES ('news')")
        await store.db.commit()
        copy = await store.backup()

    assert copy.parent == folder and problem(copy) is None
    with sqlite3.connect(copy) as backup:
        assert backup.execute("SELECT body FROM admin_article").fetchall() == [("news",)]
        assert backup.execute("SELECT value FROM guild_setting").fetchall() == [("30",)]


async def test_only_the_newest_copies_are_kept(paths):
    async with _store(paths, keep=3) as store:
        taken = [await store.backup() for _ in range(5)]

    assert Backups(*paths).copies() == taken[:-4:-1]  # the three newest, newest first


@pytest.mark.parametrize("accident", ["deleted", "emptied", "garbage", "damaged page"])
async def test_an_unusable_settings_file_is_restored_from_the_newest_backup_loudly(paths, caplog, accident):
    db, _ = paths
    await _settings_with_a_backup(paths)
    if accident == "deleted":
        db.unlink()
    elif accident == "emptied":
        db.write_bytes(b"")
    elif accident == "garbage":
        db.write_bytes(b"not a database" * 100)
    else:
        _damage(db)

    async with _store(paths) as store:
        settings = await store.get(1)

    assert settings == GuildSettings(allowed_channels=(5,), cooldown_seconds=30)
    assert any("restored server settings from the backup" in m for m in _errors(caplog))
    if accident != "deleted":  # the unusable file is kept for the admin, not deleted
        assert list(db.parent.glob("settings.sqlite3.unusable-*"))


async def test_a_damaged_backup_is_skipped_for_an_older_good_one(paths, caplog):
    db, _ = paths
    await _settings_with_a_backup(paths)
    async with _store(paths) as store:
        newest = await store.backup()
    newest.write_bytes(b"junk")
    db.unlink()

    async with _store(paths) as store:
        assert (await store.get(1)).cooldown_seconds == 30


async def test_no_backup_and_a_damaged_file_starts_empty_but_says_so(paths, caplog):
    db, _ = paths
    async with GuildSettingsStore(db) as store:  # no backups configured back then
        await store.set(1, "cooldown_seconds", 30)
    db.write_bytes(b"garbage" * 100)

    async with _store(paths) as store:
        assert await store.schema_version() == len(MIGRATIONS)  # it starts
        assert (await store.get(1)).cooldown_seconds == 0

    assert any("STARTING WITH EMPTY SERVER SETTINGS" in m for m in _errors(caplog))


async def test_a_first_start_is_announced_as_such(paths, caplog):
    async with _store(paths):
        pass

    assert any(r.levelname == "WARNING" and "starting with empty server settings" in r.getMessage()
               for r in caplog.records)
    assert not _errors(caplog)


async def test_a_healthy_file_is_left_alone(paths, caplog):
    await _settings_with_a_backup(paths)
    caplog.clear()

    async with _store(paths) as store:
        assert (await store.get(1)).cooldown_seconds == 30

    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_an_upgrade_backs_up_the_old_schema_first(paths):
    db, _ = paths
    with sqlite3.connect(db) as old:  # an "older" file: schema version 1 of a longer list
        old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    store = _store(paths)
    store_migrations = MIGRATIONS + ("CREATE TABLE later (x);",)

    import bot.storage.guild_settings as module
    original, module.MIGRATIONS = module.MIGRATIONS, store_migrations
    try:
        async with store:
            assert await store.schema_version() == len(store_migrations)
    finally:
        module.MIGRATIONS = original

    (copy,) = Backups(*paths).copies()
    with sqlite3.connect(copy) as backup:
        assert backup.execute("PRAGMA user_version").fetchone() == (1,)


async def test_a_failed_open_closes_its_connection(tmp_path):
    """A connection left open keeps a non-daemon thread, so the process never exits."""
    path = tmp_path / "settings.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    before = process_keepers()

    with pytest.raises(RuntimeError, match="newer"):
        await GuildSettingsStore(path).open()

    assert leaked_threads(before) == set()


async def test_the_settings_cache_is_bounded(tmp_path):
    async with GuildSettingsStore(tmp_path / "s.sqlite3", cache_size=2) as store:
        for guild in (1, 2, 3):
            await store.get(guild)

        assert store.cached(1) is None  # least recently used: dropped
        assert store.cached(2) is not None and store.cached(3) is not None
        assert (await store.get(1)).cooldown_seconds == 0  # and read again on demand
