"""Entry points: ``create_bot()`` builds the bot, ``run()`` and ``sync()`` are
what ``showbot run`` / ``showbot sync`` (bot/cli) call. Nothing runs on import."""
from __future__ import annotations

import asyncio
import logging
import signal
import sqlite3
import sys

import aiohttp
import discord

from .client import ShowBot
from bot import logs
from bot.config import EXIT_CONFIG, EXIT_UNAVAILABLE, Config, ConfigError, prepare_data_dir
from bot.storage.backups import Backups
from bot.storage.guild_articles import GuildArticleStore
from bot.storage.guild_settings import GuildSettingsStore

log = logging.getLogger(__name__)

PORTAL = "https://discord.com/developers/applications"
NO_TOKEN = (f"DISCORD_TOKEN is not set: create a bot at {PORTAL} (your app -> Bot -> Reset Token), "
            "put DISCORD_TOKEN=... in .env or the environment, or try the bot offline with `showbot chat`.")
BAD_TOKEN = (f"Discord rejected DISCORD_TOKEN: copy a fresh one from {PORTAL} (your app -> Bot -> Reset Token) "
             "into .env or the environment, or try the bot offline with `showbot chat`.")
NO_INTENT = (f"Discord refused the Message Content intent: enable it at {PORTAL} "
             "(your app -> Bot -> Privileged Gateway Intents -> Message Content Intent), then start again.")
#: Failures to reach Discord at start-up: the network or Discord itself, worth a later retry.
UNREACHABLE = (aiohttp.ClientError, OSError, discord.GatewayNotFound, discord.DiscordServerError)


def create_bot(*, config: Config | None = None, engine=None,
               guild_settings: GuildSettingsStore | None = None,
               guild_articles: GuildArticleStore | None = None,
               sync_on_start: bool = True, load_engine: bool = True) -> ShowBot:
    """A ready-to-run bot. With no arguments everything comes from the environment
    (and ``.env``); tests pass fakes. The engine, if not given, is opened in
    ``setup_hook`` (it may build the knowledge database) over the servers' own
    articles, kept in the settings store's file. A settings store it opens itself
    keeps rolling backups in ``config.backups_dir``. An injected engine must have
    been opened over the same ``guild_articles`` (see bot.service.open_engine)."""
    config = config or Config.from_env()
    if guild_settings is None:
        backups = Backups(config.settings_db, config.backups_dir)
        guild_settings_store = GuildSettingsStore(config.settings_db, backups=backups)
    else:
        guild_settings_store = guild_settings
    return ShowBot(
        config=config,
        engine=engine,
        guild_settings=guild_settings_store,
        guild_articles=guild_articles,
        owns_guild_settings=guild_settings is None,
        sync_on_start=sync_on_start,
        load_engine=load_engine,
    )


def configure_logging(config: Config) -> logging.Handler:
    """The bot's logging; the token is redacted from every formatted line."""
    return logs.configure(config.log_level, secrets=(config.discord_token,))


def _fail(message: str, code: int = EXIT_CONFIG) -> int:
    print(message, file=sys.stderr)
    return code


def _unreachable(exc: BaseException, hint: str = "") -> int:
    return _fail(f"Could not reach Discord ({exc.__class__.__name__}): check the network{hint}. "
                 f"Exit status {EXIT_UNAVAILABLE}: worth retrying later.", EXIT_UNAVAILABLE)


def _prepare(config: Config | None) -> Config | int:
    """The config, checked before any connection: or the exit code of a one-line failure."""
    try:
        config = config or Config.from_env()
        if not config.discord_token:
            return _fail(NO_TOKEN)
        prepare_data_dir(config.data_dir)
    except ConfigError as exc:
        return _fail(f"showbot: {exc}")
    configure_logging(config)
    return config


def run(config: Config | None = None) -> int:
    """Start the bot and serve until interrupted. Returns a process exit code:
    ``EXIT_CONFIG`` (2) for what an admin must fix (token, intents, settings,
    data folder), ``EXIT_UNAVAILABLE`` (75) when Discord can't be reached."""
    config = _prepare(config)
    if isinstance(config, int):
        return config
    bot = create_bot(config=config)

    async def main() -> None:
        _stop_on_sigterm(asyncio.current_task())
        async with bot:  # closes the bot, its databases included, however start() ends
            await bot.start(config.discord_token)

    try:
        asyncio.run(main())
    except asyncio.CancelledError:  # SIGTERM
        log.info("Stopped")
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except discord.PrivilegedIntentsRequired:
        return _fail(NO_INTENT)
    except sqlite3.Error as exc:
        return _fail(f"showbot: a database in {config.data_dir} cannot be used ({exc}).")
    except UNREACHABLE as exc:
        return _unreachable(exc, "; `showbot chat` works offline")
    except KeyboardInterrupt:
        pass
    return 0


def _stop_on_sigterm(task: asyncio.Task | None) -> None:
    """`docker stop` and `systemctl stop` send SIGTERM: end like Ctrl-C, closing
    everything, rather than dying mid-write (or, as PID 1 in a container,
    ignoring it until SIGKILL)."""
    if task is None:
        return
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    except (NotImplementedError, RuntimeError):  # Windows; or not in the main thread
        pass


async def sync_commands(config: Config, *, force: bool = True) -> bool:
    """Log in over REST only (no gateway) and sync the slash commands. The engine is
    opened too: command descriptions name the loaded show, and must be the ones
    ``showbot run`` would sync, or its start would sync them again."""
    from .command_sync import sync_commands as _sync
    bot = create_bot(config=config, sync_on_start=False)
    async with bot:
        await bot.login(config.discord_token)  # runs setup_hook: extensions load, nothing syncs
        return await _sync(bot, force=force)


def sync(config: Config | None = None) -> int:
    """``showbot sync``: force a slash-command sync now. Returns an exit code."""
    config = _prepare(config)
    if isinstance(config, int):
        return config
    try:
        synced = asyncio.run(sync_commands(config))
    except discord.LoginFailure:
        return _fail(BAD_TOKEN)
    except UNREACHABLE as exc:
        return _unreachable(exc)
    except discord.HTTPException as exc:
        where = f"server {config.dev_guild} (is the bot in it?)" if config.dev_guild else "Discord"
        return _fail(f"Syncing slash commands to {where} failed: {exc}")
    target = f"server {config.dev_guild}" if config.dev_guild else "all servers (global; may take up to an hour)"
    print(f"Slash commands {'synced' if synced else 'already up to date'} for {target}.")
    return 0
