"""Wiring: process config -> (re)built knowledge database -> a Library of shows -> Engine.

The knowledge database is derived: it is built when missing or stale, and healed (moved
aside and rebuilt) on any sign of damage. Shows are loaded one at a time, on first need,
and kept in a small cache, so start-up costs the same for five articles or ten thousand.
"""
from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from typing import Protocol

from .config import Config
from .pipeline.articles import ArticleError
from .pipeline.freshness import ensure_built
from .pipeline.language import load_language
from .qa.engine import Engine
from .qa.knowledge import ShowKnowledge, assemble
from .qa.lexicon import Lexicon
from .qa.models import Show
from .storage.knowledge import DamagedDatabase, KnowledgeStore, move_aside

log = logging.getLogger(__name__)

CACHED_SHOWS = 32


class GuildArticles(Protocol):
    """Articles a server's admins added (owned data, see storage.guild_articles)."""

    def version(self, guild_id: int) -> int:
        """A number that changes whenever the server's articles change."""

    async def texts(self, guild_id: int, show_id: str) -> list[tuple[str, str]]:
        """(name, article file text) of the server's articles about one show."""


class StoreLibrary:
    """The engine's Library over the knowledge database (see qa.engine.Library), with each
    server's own articles on top of the shared knowledge when a guild id is given."""

    def __init__(self, config: Config, lexicon: Lexicon, language=None, guild_articles: GuildArticles | None = None):
        self.config = config
        self.lexicon = lexicon
        self.language = language
        self.guild_articles = guild_articles
        self.shows: dict[str, Show] = {}
        self._store: KnowledgeStore | None = None
        self._cache: OrderedDict[tuple, ShowKnowledge] = OrderedDict()
        self._records: dict[str, dict] = {}  # a server article's record, by hash of its text

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
        old, self._store = self._store, store
        self.shows = {sid: Show(sid, info["name"], tuple(info.get("aliases", ())), info.get("platform"))
                      for sid, info in rows.items()}
        self._cache.clear()
        if old is not None:
            # after the swap: a question that started loading meanwhile reads the new store
            await old.close()

    async def _heal(self, why: str) -> None:
        if self._store is not None:
            await self._store.close()
            self._store = None
        move_aside(self.config.knowledge_db, why)
        from .pipeline.build import build  # the build pipeline only when a build is due
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
        base = await self._cached((show_id, None), lambda: self._load(show_id))
        if guild_id is None or self.guild_articles is None:
            return base
        version = self.guild_articles.version(guild_id)
        return await self._cached((show_id, guild_id, version), lambda: self._with_guild(base, show_id, guild_id))

    async def _cached(self, key: tuple, load) -> ShowKnowledge:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        try:
            loaded = await load()
        except DamagedDatabase as exc:
            await self._heal(str(exc))
            loaded = await load()
        if len(key) == 3:  # an older version of this server's overlay is stale now
            for old in [k for k in self._cache if len(k) == 3 and k[:2] == key[:2]]:
                del self._cache[old]
        self._cache[key] = loaded
        while len(self._cache) > CACHED_SHOWS:
            self._cache.popitem(last=False)
        return loaded

    async def _with_guild(self, base: ShowKnowledge, show_id: str, guild_id: int) -> ShowKnowledge:
        """The show's knowledge plus the server's own articles, their names clustered with
        the show's (the same rules the build uses)."""
        texts = await self.guild_articles.texts(guild_id, show_id)
        if not texts:
            return base
        # the extraction and clustering code, only for servers that added articles
        from .pipeline.build import mentions_of
        from .pipeline.people import cluster
        from .pipeline.preview import record_of
        from .pipeline.shows import ShowInfo
        guild_records = []
        for name, text in texts:
            digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
            record = self._records.get(digest)
            if record is None:
                try:
                    record = record_of(text, name, self.language)
                except ArticleError as exc:
                    log.warning("server %s article %s skipped: %s", guild_id, name, exc)
                    continue
                self._records[digest] = record
            guild_records.append((guild_id, record))
        info = ShowInfo(show_id, base.show.name, base.show.aliases, base.show.platform)
        people = cluster(mentions_of(base.records + [r for _, r in guild_records], info))
        return assemble(base.show, [p.to_json() for p in people], base.records, self.lexicon, guild_records)

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


async def open_engine(config: Config, *, rebuild: bool = False, progress=None,
                      guild_articles: GuildArticles | None = None) -> Engine:
    """An engine over the articles in `config`, building the database when missing or stale;
    with `guild_articles`, each server's own articles are added to its answers."""
    language = load_language(config.language_dir)
    lexicon = Lexicon.from_data(language)
    if rebuild:
        from .pipeline.build import build
        await build(config, progress)
    else:
        await ensure_built(config, progress)
    library = await StoreLibrary(config, lexicon, language, guild_articles).open()
    if config.default_show and config.default_show not in library.shows:
        log.warning("SHOWBOT_SHOW=%s is not a loaded show (loaded: %s)", config.default_show, ", ".join(sorted(library.shows)))
    return Engine(library, lexicon, default_show=config.default_show)
