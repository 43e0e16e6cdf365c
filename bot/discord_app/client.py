"""The Bot subclass: holds its dependencies and loads the extensions.

Follows discord.py's examples/advanced_startup.py: dependencies are built
outside and passed in; extensions load in ``setup_hook``.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

import discord
from discord import app_commands
from discord.ext import commands

from bot.config import Config
from bot.storage.guild_articles import GuildArticleStore
from bot.storage.guild_settings import GuildSettingsStore

log = logging.getLogger(__name__)

EXTENSIONS: tuple[str, ...] = (
    "bot.discord_app.exts.errors",
    "bot.discord_app.exts.feedback",
    "bot.discord_app.exts.answers",
    "bot.discord_app.exts.config",
    "bot.discord_app.exts.knowledge",
    "bot.discord_app.exts.backups",
    "bot.discord_app.exts.live",
)


def bot_intents() -> discord.Intents:
    """Only what the bot uses: guilds (channels, permissions), guild messages
    and their content (to answer @mentions). No members, presences or DMs."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = True
    return intents


class ShowTree(app_commands.CommandTree):
    """Hands every app-command error to the error-handler extension, the one
    place that decides what users see (and falls back to logging without it)."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        handler = self.client.get_cog("ErrorHandler")
        if handler is None:
            await super().on_error(interaction, error)
            return
        await handler.on_app_command_error(interaction, error)


class ShowBot(commands.Bot):
    def __init__(
        self,
        *,
        config: Config,
        guild_settings: GuildSettingsStore,
        guild_articles: GuildArticleStore | None = None,
        engine=None,
        owns_guild_settings: bool = True,
        sync_on_start: bool = True,
        load_engine: bool = True,
        extensions: Sequence[str] = EXTENSIONS,
    ) -> None:
        super().__init__(
            # No prefix commands: mentions are questions, handled by bot.discord_app.exts.answers.
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=ShowTree,
            intents=bot_intents(),
            # Nothing the bot sends may ever ping anyone, whatever the question contains.
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.config = config
        self.guild_settings = guild_settings
        #: The servers' own articles, in the settings file (over its connection).
        self.guild_articles = guild_articles or GuildArticleStore(guild_settings)
        self.engine = engine
        self._owns_engine = engine is None
        self._owns_guild_settings = owns_guild_settings
        self.sync_on_start = sync_on_start
        self.load_engine = load_engine
        self.initial_extensions = tuple(extensions)

    async def setup_hook(self) -> None:
        try:
            await self._open_dependencies()
        except BaseException:
            # Nothing may stay open after a failed start: an open database
            # connection keeps its thread, and so the process, alive.
            await self._close_owned()
            raise
        for extension in self.initial_extensions:
            await self.load_extension(extension)
        if self.sync_on_start:
            from .command_sync import sync_commands
            try:
                await sync_commands(self)
            except discord.HTTPException as exc:
                # Commands from the last sync keep working; don't refuse to start over it.
                log.error("Slash-command sync failed (%s). Is the bot in SHOWBOT_DEV_GUILD? "
                          "Retry with `showbot sync`.", exc)

    async def _open_dependencies(self) -> None:
        await self.guild_settings.open()
        await self.guild_articles.poll()
        if self.engine is None and self.load_engine:
            from bot.service import open_engine  # the core, only when the bot really runs
            log.info("Opening the knowledge base")
            self.engine = await open_engine(self.config, guild_articles=self.guild_articles)

    async def on_message(self, message: discord.Message) -> None:
        # Deliberately no process_commands(): there are no prefix commands, and
        # "@showbot who plays X" must not be parsed as a command named "who".
        return

    async def on_ready(self) -> None:
        log.info("Connected as %s (id %s) to %d server(s)", self.user, getattr(self.user, "id", "?"),
                 len(self.guilds))

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            await self._close_owned()

    async def _close_owned(self) -> None:
        """Close only what this bot created; injected dependencies belong to the caller."""
        try:
            if self._owns_engine and self.engine is not None:
                engine, self.engine = self.engine, None
                await engine.close()
        finally:
            if self._owns_guild_settings:
                await self.guild_settings.close()
