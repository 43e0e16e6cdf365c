"""Wiring: process config -> (re)built knowledge database -> a Library of shows -> Engine.

The knowledge database is derived: it is built when missing or stale, and healed (moved
aside and rebuilt) on any sign of damage. Shows are loaded one at a time, on first need,
and kept in a small cache, so start-up costs the same for five articles or ten thousand.
"""
from __future__ import annotations

import logging
from collections import OrderedDict

from .config import Config
from .pipeline.build import build, ensure_built
from .pipeline.language import load_language
from .qa.engine import Engine
from .qa.knowledge import ShowKnowledge, assemble
from .qa.lexicon import Lexicon
from .qa.models import Show
from .storage.knowledge import DamagedDatabase, KnowledgeStore, move_aside

log = logging.getLogger(__name__)

CACHED_SHOWS = 32


class StoreLibrary:
    """The engine's Library over the knowledge database (see qa.engine.Library)."""

    def __init__(self, config: Config, lexicon: Lexicon):
        self.config = config
        self.lexicon = lexicon
        self.shows: dict[str, Show] = {}
        self._store: KnowledgeStore | None = None
        self._cache: OrderedDict[tuple[str, int | None], ShowKnowledge] = OrderedDict()

    async def open(self) -> "StoreLibrary":
        try:
            await self._open()
        except DamagedDatabase as exc:
            await self._heal(str(exc))
        return self

    async def _open(self) -> None:
        store = await KnowledgeStore(self.config.knowledge_db).open()
        try:
            rows = await store.shows()
        except BaseException:
            await store.close()
            raise
        if self._store is not None:
            await self._store.close()
        self._store = store
        self.shows = {sid: Show(sid, info["name"], tuple(info.get("aliases", ())), info.get("platform"))
                      for sid, info in rows.items()}
        self._cache.clear()

    async def _heal(self, why: str) -> None:
        if self._store is not None:
            await self._store.close()
            self._store = None
        move_aside(self.config.knowledge_db, why)
        await build(self.config)
        await self._open()

    async def refresh(self) -> bool:
        """Rebuild what changed on disk and reload; True when the knowledge changed."""
        report = await ensure_built(self.config)
        if report is None or not (report.changed or report.healed):
            return False
        await self._open()
        return True

    async def knowledge(self, show_id: str, guild_id: int | None = None) -> ShowKnowledge:
        key = (show_id, None)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        try:
            loaded = await self._load(show_id)
        except DamagedDatabase as exc:
            await self._heal(str(exc))
            loaded = await self._load(show_id)
        self._cache[key] = loaded
        while len(self._cache) > CACHED_SHOWS:
            self._cache.popitem(last=False)
        return loaded

    async def _load(self, show_id: str) -> ShowKnowledge:
        if self._store is None:
            raise RuntimeError("library is not open")
        row = await self._store.show(show_id)
        if row is None:
            raise KeyError(show_id)
        info, people, records = row
        show = self.shows.get(show_id) or Show(show_id, info["name"], tuple(info.get("aliases", ())), info.get("platform"))
        return assemble(show, people, [r for _, r in records], self.lexicon)

    async def close(self) -> None:
        if self._store is not None:
            await self._store.close()
            self._store = None


async def open_engine(config: Config, *, rebuild: bool = False, progress=None) -> Engine:
    """An engine over the articles in `config`, building the database when missing or stale."""
    lexicon = Lexicon.from_data(load_language(config.language_dir))
    if rebuild:
        await build(config, progress)
    else:
        await ensure_built(config, progress)
    library = await StoreLibrary(config, lexicon).open()
    if config.default_show and config.default_show not in library.shows:
        log.warning("SHOWBOT_SHOW=%s is not a loaded show (loaded: %s)", config.default_show, ", ".join(sorted(library.shows)))
    return Engine(library, lexicon, default_show=config.default_show)
