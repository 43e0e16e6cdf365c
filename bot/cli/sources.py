"""`showbot sources`: the articles answers come from, as /sources shows them, per show;
with --guild, a server's own articles too (marked as added on that server)."""
from __future__ import annotations

import sys

from bot.config import EXIT_CONFIG, Config

from .textout import format_sources


async def sources(config: Config, show: str | None, guild_id: int | None) -> int:
    from bot.service import open_engine
    from bot.storage.guild_articles import GuildArticleStore
    from bot.storage.guild_settings import GuildSettingsStore

    settings = None
    guild_articles = None
    if guild_id is not None and config.settings_db.is_file():
        settings = await GuildSettingsStore(config.settings_db).open()
        guild_articles = GuildArticleStore(settings)
        await guild_articles.poll()
    try:
        engine = await open_engine(config, guild_articles=guild_articles)
        try:
            if show is not None and show not in engine.shows:
                loaded = ", ".join(sorted(engine.shows)) or "none"
                print(f"showbot: no show {show!r} is loaded; loaded: {loaded}", file=sys.stderr)
                return EXIT_CONFIG
            names = {s.id: s.name for s in engine.shows.values()}
            articles = await engine.articles(show=show, guild_id=guild_id)
            print(format_sources(articles, names))
        finally:
            await engine.close()
    finally:
        if settings is not None:
            await settings.close()
    return 0
