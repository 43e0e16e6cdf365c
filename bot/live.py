"""Live reload: a running process (the Discord bot, ``showbot chat``) follows the
articles folder and the knowledge database without a restart. The bot looks every
``POLL_SECONDS`` (bot.discord_app.exts.live), the chat before each question.

One :meth:`KnowledgeWatcher.check` notices, within one poll:

- article files added, changed or deleted (size and modification time, as the build
  compares them): the knowledge database is rebuilt incrementally, in a worker thread
  with its own event loop, so extracting new articles never blocks the process's loop
  (a Discord interaction must be answered within 3 seconds);
- a ``showbot build`` (or a heal) by another process: the database's build stamp changed
  although this process built nothing;
- server articles changed by another process (``showbot knowledge import``): their
  per-server revisions (bot.storage.guild_articles).

The engine's library is then reloaded (``library.refresh()`` / ``library.open()``). A
reload swaps the library's knowledge for the next question; a question being answered
keeps the knowledge it already holds, so no answer in flight is dropped or mixed.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from bot.config import Config
from bot.pipeline.freshness import ensure_built

log = logging.getLogger(__name__)

#: Seconds between two looks at the articles folder: "within a few seconds".
POLL_SECONDS = 3.0


def build_stamp(database: Path) -> str | None:
    """What identifies one build of the knowledge database: its meta (build time,
    pipeline, articles root) and its file rows. None when there is no usable database
    (the library's own refresh heals that). Blocking: run it in a thread."""
    if not database.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=10)) as db:
            digest = hashlib.sha256()
            for row in db.execute("SELECT key, value FROM meta ORDER BY key"):
                digest.update(repr(row).encode())
            for row in db.execute("SELECT path, size, mtime_ns, sha FROM files ORDER BY path"):
                digest.update(repr(row).encode())
            return digest.hexdigest()
    except sqlite3.Error as exc:
        log.debug("build stamp of %s unreadable: %s", database, exc)
        return None


class KnowledgeWatcher:
    """Keeps one engine's knowledge in step with the disk; see the module docstring."""

    def __init__(self, engine, config: Config, *, guild_articles=None) -> None:
        self.engine = engine
        self.config = config
        self.guild_articles = guild_articles
        self._stamp: str | None = None
        self._problem: str | None = None  # the last failure, logged once
        self._lock = asyncio.Lock()

    async def mark_loaded(self) -> None:
        """Remember the build the engine was opened on (call right after opening it)."""
        self._stamp = await asyncio.to_thread(build_stamp, self.config.knowledge_db)

    async def check(self) -> bool:
        """One look at the folder and the database; True when the engine now answers from
        new knowledge. Never raises: a failed look is logged (once while it keeps failing
        the same way) and tried again next time."""
        async with self._lock:  # a slow look and the next tick never overlap
            try:
                changed = await self._check()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                problem = f"{exc.__class__.__name__}: {exc}"
                if problem != self._problem:
                    log.exception("Checking the articles for changes failed; trying again at every look")
                self._problem = problem
                return False
            if self._problem is not None:
                log.info("Checking the articles works again")
                self._problem = None
            return changed

    async def _check(self) -> bool:
        # All the blocking work (listing and hashing files, extracting new articles, reading
        # the database) happens in threads; the build runs on a loop of its own there.
        report = await asyncio.to_thread(asyncio.run, ensure_built(self.config))
        stamp = await asyncio.to_thread(build_stamp, self.config.knowledge_db)
        if stamp == self._stamp:
            changed = False
        else:  # built just now in the thread, or by another process: load it
            library = self.engine.library
            if not await library.refresh():  # the library's own reload (it finds little left to build)
                await library.open()
            self.engine.refresh_shows()
            self._stamp = stamp  # read before the reload: a build after it is seen next time
            changed = True
            log.info("Knowledge reloaded from %s%s", self.config.articles_dir,
                     f" ({report.articles} articles)" if report is not None else " (built elsewhere)")
        if self.guild_articles is not None:
            servers = await self.guild_articles.poll()
            if servers:
                log.info("Server articles changed for %d server(s)", len(servers))
        return changed


def can_reload(engine) -> bool:
    """Whether ``engine`` has a library that reloads (test doubles may not)."""
    library = getattr(engine, "library", None)
    return callable(getattr(library, "refresh", None)) and callable(getattr(library, "open", None))
