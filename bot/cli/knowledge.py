"""`showbot knowledge export|import GUILD_ID`: a server's own articles, for the host admin.

Export writes the zip `/knowledge export` gives (one article file each, an index.json).
Import reads such a zip (or any zip of article files) into a server: every article is
checked as an upload would be and read as the engine will, and then all are stored at
once, or none (one bad article refuses the whole file). The settings database is backed
up first: server articles are owned data. A running bot picks the import up within a few
seconds (bot.live).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from bot.config import Config
from bot.guild_knowledge import GuildKnowledge
from bot.intake import IntakeRefused
from bot.pipeline.files import ArticlesFolderError, discover
from bot.pipeline.language import load_language
from bot.storage.backups import Backups
from bot.storage.guild_articles import ArchiveError, GuildArticleRefused, GuildArticleStore, read_archive
from bot.storage.guild_settings import GuildSettingsStore

log = logging.getLogger(__name__)

EXIT_REFUSED = 2


async def export(config: Config, guild_id: int, out: Path | None) -> int:
    if not config.settings_db.is_file():
        return _fail("export", f"no settings database at {config.settings_db}: nothing was ever added")
    async with GuildSettingsStore(config.settings_db) as settings:
        store = GuildArticleStore(settings)
        count = len(await store.articles(guild_id))
        data = await store.export(guild_id)
    target = out or Path(f"showbot-articles-{guild_id}.zip")
    target.write_bytes(data)
    print(f"exported {count} article(s) of server {guild_id} to {target}")
    return 0


async def import_(config: Config, guild_id: int, source: Path, show: str | None) -> int:
    try:
        data = source.read_bytes()
    except OSError as exc:
        return _fail("import", f"cannot read {source} ({exc.strerror})")
    try:
        entries = read_archive(data)
    except ArchiveError as exc:
        return _fail("import", f"{source}: {exc}")
    shows = _loaded_shows(config)
    fallback = show or config.default_show or (next(iter(shows)) if len(shows) == 1 else None)
    backups = Backups(config.settings_db, config.backups_dir)
    async with GuildSettingsStore(config.settings_db, backups=backups) as settings:
        desk = GuildKnowledge(GuildArticleStore(settings), load_language(config.language_dir))
        items = []
        for entry in entries:
            show_id = show or entry.show_id or fallback
            if show_id is None:
                return _fail("import", f"{entry.name}: which show is it about? Several shows are loaded "
                                       f"({', '.join(sorted(shows))}): pass --show ID. Nothing was imported.")
            if show_id not in shows:
                log.warning("%s is about %r, which is not in %s: it answers once that show is loaded",
                            entry.name, show_id, config.articles_dir)
            try:
                items.append((show_id, await desk.from_archived(entry.name, entry.data)))
            except IntakeRefused as exc:
                return _fail("import", f"{entry.name}: {exc} Nothing was imported.")
        await settings.backup()
        try:
            count = await desk.add_many(guild_id, items)
        except GuildArticleRefused as exc:
            return _fail("import", str(exc))
    print(f"imported {count} article(s) into server {guild_id}; a running bot uses them within a few seconds")
    return 0


def _loaded_shows(config: Config) -> set[str]:
    try:
        return {show.id for show in discover(config.articles_dir)[0]}
    except ArticlesFolderError:
        return set()


def _fail(command: str, message: str) -> int:
    print(f"showbot knowledge {command}: {message}", file=sys.stderr)
    return EXIT_REFUSED
