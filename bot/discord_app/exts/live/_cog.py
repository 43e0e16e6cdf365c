"""Looks at the articles folder every few seconds while the bot runs.

The looking itself is bot.live's; this cog only schedules it, because only the
long-running bot needs a schedule (`showbot chat` looks before each question). It
starts as the extension loads in setup_hook, after the engine opened, and stops as
the bot closes (extensions are unloaded before the engine is closed).
"""
from __future__ import annotations

import logging

from discord.ext import commands, tasks

from bot.live import POLL_SECONDS, KnowledgeWatcher, can_reload

log = logging.getLogger(__name__)


class LiveReload(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.watcher: KnowledgeWatcher | None = None

    async def cog_load(self) -> None:
        engine = self.bot.engine
        if not can_reload(engine):  # no engine (`showbot sync`), or a test double
            return
        self.watcher = KnowledgeWatcher(engine, self.bot.config, guild_articles=self.bot.guild_articles)
        await self.watcher.mark_loaded()
        self.poll.start()

    async def cog_unload(self) -> None:
        self.poll.cancel()

    @tasks.loop(seconds=POLL_SECONDS)
    async def poll(self) -> None:
        await self.watcher.check()  # never raises: a failed look is logged, the next one comes
