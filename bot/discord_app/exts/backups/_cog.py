"""Takes a backup of the settings database at start-up and every day after.

The copying itself is :mod:`bot.storage.backups`; this cog only schedules it,
because only the long-running bot process needs a schedule. A failed backup is
logged and retried the next day: it must never stop the bot answering.
"""
from __future__ import annotations

import logging

from discord.ext import commands, tasks

log = logging.getLogger(__name__)

#: Hours between backups; the first one runs as soon as the extension loads.
INTERVAL_HOURS = 24


class SettingsBackups(commands.Cog):
    def __init__(self, store) -> None:
        self.store = store

    async def cog_load(self) -> None:
        if self.store.backups is not None:  # stores injected by tests usually have none
            self.daily.start()

    async def cog_unload(self) -> None:
        self.daily.cancel()

    @tasks.loop(hours=INTERVAL_HOURS)
    async def daily(self) -> None:
        try:
            await self.store.backup()
        except Exception:
            log.exception("Backing up the settings database failed; next try in %d h", INTERVAL_HOURS)
