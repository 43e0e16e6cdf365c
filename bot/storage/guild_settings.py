"""Owned data: per-server settings, answer/feedback logs, unanswered questions (and,
in the same file, the servers' own articles: bot.storage.guild_articles).

This lives in its own SQLite file (``Config.settings_db``), separate from the
rebuildable knowledge database, so a knowledge rebuild never loses it.

Config are declared once, with their defaults, in :class:`GuildSettings`
(Red-DiscordBot style). Only values a server changed are stored, one row per
(guild, key), so adding a setting needs no migration: its default applies until
an admin changes it.
"""
from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiosqlite

from . import guild_articles
from .backups import Backups

log = logging.getLogger(__name__)

#: Longest question kept in the unanswered log (after normalisation).
MAX_LOGGED_QUESTION = 200
MAX_COOLDOWN = 3600
MAX_ALLOWED_CHANNELS = 25
#: A show id as bot.pipeline.files makes them from folder names.
_SHOW_ID = re.compile(r"^[0-9a-z](?:[0-9a-z-]{0,98}[0-9a-z])?$")
#: Servers whose settings stay in memory (least recently used ones are dropped).
CACHE_SIZE = 1024


@dataclass(frozen=True)
class GuildSettings:
    """Every per-server setting and its default. The single source of defaults."""
    #: Channels where the bot answers; empty means everywhere.
    allowed_channels: tuple[int, ...] = ()
    #: Answer when someone @mentions the bot with a question.
    mentions_enabled: bool = True
    #: Wrap spoiler answers in ||spoiler|| tags.
    hide_spoilers: bool = True
    #: Seconds a user waits between questions (0 = no cooldown).
    cooldown_seconds: int = 0
    #: The show questions are about when they name none (a loaded show's id). None:
    #: the process's default (SHOWBOT_SHOW), else the only show loaded.
    show: str | None = None

    def allows_channel(self, channel_id: int | None) -> bool:
        return not self.allowed_channels or channel_id in self.allowed_channels


DEFAULTS = GuildSettings()
_FIELDS = {f.name: f for f in dataclasses.fields(GuildSettings)}


class InvalidSetting(ValueError):
    """A value an admin tried to set is out of range; nothing was changed."""


def validate(key: str, value: Any) -> Any:
    """Return the normalised value for ``key`` or raise :class:`InvalidSetting`."""
    if key not in _FIELDS:
        raise InvalidSetting(f"Unknown setting {key!r}.")
    if key == "cooldown_seconds":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COOLDOWN:
            raise InvalidSetting(f"The cooldown must be a whole number of seconds from 0 to {MAX_COOLDOWN}.")
        return value
    if key == "allowed_channels":
        channels = tuple(dict.fromkeys(int(c) for c in value))
        if len(channels) > MAX_ALLOWED_CHANNELS:
            raise InvalidSetting(f"At most {MAX_ALLOWED_CHANNELS} channels can be chosen.")
        return channels
    if key == "show":
        if value is not None and not (isinstance(value, str) and _SHOW_ID.match(value)):
            raise InvalidSetting(f"{value!r} is not a show id.")
        return value
    if not isinstance(value, bool):
        raise InvalidSetting(f"{key} must be true or false.")
    return value


def normalise_question(question: str) -> str:
    """Lower-case, collapse whitespace, drop trailing punctuation, truncate: so
    "Who plays Nam-ra??" and "who plays  nam-ra" count as one question."""
    text = re.sub(r"\s+", " ", question).strip().lower().rstrip("?!.。？！ ")
    return text[:MAX_LOGGED_QUESTION]


# Each entry upgrades the schema by one version (PRAGMA user_version).
# Append only: never edit a migration that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE guild_setting (
        guild_id INTEGER NOT NULL,
        key      TEXT    NOT NULL,
        value    TEXT    NOT NULL,          -- JSON
        PRIMARY KEY (guild_id, key)
    );
    CREATE TABLE answer_log (
        message_id INTEGER PRIMARY KEY,     -- the bot's answer message
        guild_id   INTEGER,
        channel_id INTEGER,
        question   TEXT    NOT NULL,
        intent     TEXT    NOT NULL,
        answered   INTEGER NOT NULL,
        created_at REAL    NOT NULL
    );
    CREATE TABLE feedback (
        message_id INTEGER NOT NULL,
        user_id    INTEGER NOT NULL,
        guild_id   INTEGER,
        vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        created_at REAL    NOT NULL,
        PRIMARY KEY (message_id, user_id)   -- one vote per user per answer
    );
    CREATE TABLE unanswered (
        id       INTEGER PRIMARY KEY,
        guild_id INTEGER,
        question TEXT NOT NULL,
        asked_at REAL NOT NULL
    );
    CREATE INDEX unanswered_guild ON unanswered (guild_id, question);
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: the articles servers' admins add (bot.storage.guild_articles)
    guild_articles.MIGRATION,
)


@dataclass(frozen=True)
class Report:
    unanswered: list[tuple[str, int]] = field(default_factory=list)  # (question, times asked)
    downvoted: list[tuple[str, str, int]] = field(default_factory=list)  # (question, intent, 👎 count)


class GuildSettingsStore:
    """Async access to the settings database. ``await open()`` before use.

    With ``backups``, ``open()`` first heals an unusable file from the newest
    good backup (see :mod:`bot.storage.backups`) and :meth:`backup` takes a copy.
    Every cursor is closed before the next statement: an open ``PRAGMA`` cursor
    makes the migration's ``COMMIT`` fail with "SQL statements in progress"."""

    def __init__(self, path: Path | str, *, backups: Backups | None = None,
                 cache_size: int = CACHE_SIZE) -> None:
        self.path = Path(path)
        self.backups = backups
        self._db: aiosqlite.Connection | None = None
        self._cache: OrderedDict[int, GuildSettings] = OrderedDict()
        self._cache_size = cache_size

    # -------------------------------------------------------------- lifecycle
    async def open(self) -> "GuildSettingsStore":
        if self._db is not None:
            return self
        in_memory = str(self.path) == ":memory:"
        if not in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.backups is not None:
                await asyncio.to_thread(self.backups.heal)
        db = await aiosqlite.connect(self.path)
        try:
            async with db.execute("PRAGMA journal_mode=WAL") as cursor:
                await cursor.fetchone()
            self._db = db
            await self._migrate()
        except BaseException:
            # A connection left open keeps its thread, and so the process, alive.
            self._db = None
            await db.close()
            raise
        return self

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> "GuildSettingsStore":
        return await self.open()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("GuildSettingsStore is not open; await store.open() first")
        return self._db

    async def backup(self) -> Path | None:
        """Copy the whole file (every owned table) to the backups folder, if any."""
        if self.backups is None or str(self.path) == ":memory:":
            return None
        return await asyncio.to_thread(self.backups.take)

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cur:
            (version,) = await cur.fetchone()
        return version

    async def _migrate(self) -> None:
        current = await self.schema_version()
        if current > len(MIGRATIONS):
            raise RuntimeError(
                f"{self.path} has schema version {current}, newer than this showbot "
                f"understands ({len(MIGRATIONS)}); upgrade showbot")
        if 0 < current < len(MIGRATIONS):
            await self.backup()  # a copy from before the upgrade, whatever the upgrade does
        for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
            log.info("Migrating settings database to schema version %d", version)
            # executescript commits first; the version bump is part of the script
            # so a crash mid-way re-runs the whole step rather than skipping it.
            async with self.db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"):
                pass

    async def _write(self, sql: str, parameters: tuple = ()) -> None:
        """One statement, its cursor closed, committed."""
        async with self.db.execute(sql, parameters):
            pass
        await self.db.commit()

    # --------------------------------------------------------------- settings
    def cached(self, guild_id: int | None) -> GuildSettings | None:
        """The settings if known without touching the disk, else None. Lets a
        command decide what it may before its (3-second) deferral."""
        if guild_id is None:
            return DEFAULTS
        settings = self._cache.get(guild_id)
        if settings is not None:
            self._cache.move_to_end(guild_id)
        return settings

    async def get(self, guild_id: int | None) -> GuildSettings:
        cached = self.cached(guild_id)
        if cached is not None:  # DMs get the defaults: nothing to configure
            return cached
        values: dict[str, Any] = {}
        # fetch everything at once: a cursor left open across an await would let another
        # task's commit fail with "SQL statements in progress"
        rows = await self.db.execute_fetchall(
            "SELECT key, value FROM guild_setting WHERE guild_id = ?", (guild_id,))
        for key, raw in rows:
            if key not in _FIELDS:  # a setting removed in a later version
                continue
            value = json.loads(raw)
            values[key] = tuple(value) if isinstance(value, list) else value
        settings = dataclasses.replace(DEFAULTS, **values)
        self._cache[guild_id] = settings
        while len(self._cache) > self._cache_size:  # bounded: thousands of servers, one process
            self._cache.popitem(last=False)
        return settings

    async def set(self, guild_id: int, key: str, value: Any) -> GuildSettings:
        """Validate then store one setting; on :class:`InvalidSetting` nothing changes."""
        value = validate(key, value)
        stored = json.dumps(list(value) if isinstance(value, tuple) else value)
        await self._write(
            "INSERT INTO guild_setting (guild_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value",
            (guild_id, key, stored))
        self._cache.pop(guild_id, None)
        return await self.get(guild_id)

    # ------------------------------------------------------------------- logs
    async def log_answer(self, *, message_id: int, guild_id: int | None, channel_id: int | None,
                         question: str, intent: str, answered: bool) -> None:
        await self._write(
            "INSERT OR REPLACE INTO answer_log VALUES (?, ?, ?, ?, ?, ?, ?)",
            (message_id, guild_id, channel_id, question[:1000], intent, int(answered), time.time()))

    async def log_unanswered(self, guild_id: int | None, question: str) -> None:
        text = normalise_question(question)
        if not text:
            return
        await self._write(
            "INSERT INTO unanswered (guild_id, question, asked_at) VALUES (?, ?, ?)",
            (guild_id, text, time.time()))

    async def record_vote(self, *, message_id: int, user_id: int, guild_id: int | None, vote: int) -> None:
        """Store a 👍 (1) or 👎 (-1); a later vote by the same user replaces the earlier."""
        if vote not in (-1, 1):
            raise ValueError("vote must be 1 or -1")
        await self._write(
            "INSERT INTO feedback (message_id, user_id, guild_id, vote, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (message_id, user_id) DO UPDATE SET vote = excluded.vote, "
            "created_at = excluded.created_at",
            (message_id, user_id, guild_id, vote, time.time()))

    async def votes(self, message_id: int) -> dict[int, int]:
        rows = await self.db.execute_fetchall(
            "SELECT user_id, vote FROM feedback WHERE message_id = ?", (message_id,))
        return {user_id: vote for user_id, vote in rows}

    async def report(self, guild_id: int, limit: int = 10) -> Report:
        unanswered = [tuple(r) for r in await self.db.execute_fetchall(
            "SELECT question, COUNT(*) AS n FROM unanswered WHERE guild_id = ? "
            "GROUP BY question ORDER BY n DESC, MAX(asked_at) DESC LIMIT ?", (guild_id, limit))]
        downvoted = [tuple(r) for r in await self.db.execute_fetchall(
            "SELECT a.question, a.intent, COUNT(*) AS n FROM feedback f "
            "JOIN answer_log a ON a.message_id = f.message_id "
            "WHERE f.guild_id = ? AND f.vote = -1 "
            "GROUP BY a.question, a.intent ORDER BY n DESC LIMIT ?", (guild_id, limit))]
        return Report(unanswered, downvoted)

    # ------------------------------------------------------------------- meta
    async def get_meta(self, key: str) -> str | None:
        rows = await self.db.execute_fetchall("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
