"""Entry points: ``create_bot()`` builds the bot, ``run()`` and ``sync()`` are
what ``showbot run`` / ``showbot sync`` (bot/cli) call. Nothing runs on import."""
from __future__ import annotations

import asyncio
import logging
import sys

import aiohttp
import discord

from .client import ShowBot
from bot.config import Config
from bot.storage.guild_settings import GuildSettingsStore

log = logging.getLogger(__name__)

PORTAL = "https://discord.com/developers/applications"
NO_TOKEN = (f"DISCORD_TOKEN is not set: create a bot at {PORTAL} (your app -> Bot -> Reset Token), "
            "put DISCORD_TOKEN=... in .env or the environment, or try the bot offline with `showbot chat`.")
BAD_TOKEN = (f"Discord rejected DISCORD_TOKEN: copy a fresh one from {PORTAL} (your app -> Bot -> Reset Token) "
             "into .env or the environment, or try the bot offline with `showbot chat`.")
NO_INTENT = (f"Discord refused the Message Content intent: enable it at {PORTAL} "
             "(your app -> Bot -> Privileged Gateway Intents -> Message Content Intent), then start again.")


def create_bot(*, config: Config | None = None, engine=None,
               guild_settings: GuildSettingsStore | None = None,
               sync_on_start: bool = True, load_engine: bool = True) -> ShowBot:
    """A ready-to-run bot. With no arguments everything comes from the environment
    (and ``.env``); tests pass fakes. The engine, if not given, is opened in
    ``setup_hook`` (it may build the knowledge database)."""
    config = config or Config.from_env()
    return ShowBot(
        config=config,
        engine=engine,
        guild_settings=guild_settings or GuildSettingsStore(config.settings_db),
        owns_guild_settings=guild_settings is None,
        sync_on_start=sync_on_start,
        load_engine=load_engine,
    )


class _RedactToken(logging.Filter):
    """Belt and braces: the token must never reach a log line, even via a
    library's debug output or an exception message."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg, record.args = message.replace(self.token, "[token]"), None
        return True


def configure_logging(config: Config) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"))
    if config.discord_token:
        handler.addFilter(_RedactToken(config.discord_token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(config.log_level)
    # discord.py's gateway chatter is noise at INFO.
    logging.getLogger("discord").setLevel(max(logging.INFO, root.level))


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def run(config: Config | None = None) -> int:
    """Start the bot and serve until interrupted. Returns a process exit code."""
    config = config or Config.from_env()
    if not config.discord_token:
        return _fail(NO_TOKEN)
    configure_logging(config)
    bot = create_bot(config=config)

    async def main() -> None:
        async with bot:
            await bot.start(config.discord_token)

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except discord.PrivilegedIntentsRequired:
        return _fail(NO_INTENT)
    except (aiohttp.ClientConnectionError, OSError) as exc:
        return _fail(f"Could not reach Discord ({exc.__class__.__name__}): check the network; "
                     "`showbot chat` works offline.")
    except KeyboardInterrupt:
        pass
    return 0


async def sync_commands(config: Config, *, force: bool = True) -> bool:
    """Log in over REST only (no gateway) and sync the slash commands."""
    from .command_sync import sync_commands as _sync
    bot = create_bot(config=config, sync_on_start=False, load_engine=False)
    async with bot:
        await bot.login(config.discord_token)  # runs setup_hook: extensions load, nothing syncs
        return await _sync(bot, force=force)


def sync(config: Config | None = None) -> int:
    """``showbot sync``: force a slash-command sync now. Returns an exit code."""
    config = config or Config.from_env()
    if not config.discord_token:
        return _fail(NO_TOKEN)
    configure_logging(config)
    try:
        synced = asyncio.run(sync_commands(config))
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except (aiohttp.ClientConnectionError, OSError) as exc:
        return _fail(f"Could not reach Discord ({exc.__class__.__name__}): check the network.")
    except discord.HTTPException as exc:
        where = f"server {config.dev_guild} (is the bot in it?)" if config.dev_guild else "Discord"
        return _fail(f"Syncing slash commands to {where} failed: {exc}")
    target = f"server {config.dev_guild}" if config.dev_guild else "all servers (global; may take up to an hour)"
    print(f"Slash commands {'synced' if synced else 'already up to date'} for {target}.")
    return 0
