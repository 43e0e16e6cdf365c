"""Deliberate slash-command sync: only when the command tree changed.

Syncing on every start is rate-limited by Discord and slow to propagate, so we
hash the exact JSON payload discord.py would send and compare it with the hash
stored (per application and target) in the settings database.
"""
from __future__ import annotations

import hashlib
import json
import logging

import discord

log = logging.getLogger(__name__)


def _target(bot) -> discord.Object | None:
    guild_id = bot.config.dev_guild
    return discord.Object(id=guild_id) if guild_id else None


def tree_payload(bot, guild: discord.abc.Snowflake | None = None) -> list[dict]:
    tree = bot.tree
    commands = tree.get_commands(guild=guild)
    return sorted((command.to_dict(tree) for command in commands),
                  key=lambda payload: (payload.get("type", 1), payload["name"]))


def tree_hash(bot, guild: discord.abc.Snowflake | None = None) -> str:
    payload = json.dumps(tree_payload(bot, guild), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


async def sync_commands(bot, *, force: bool = False) -> bool:
    """Sync to ``SHOWBOT_DEV_GUILD`` if set (instant), else globally; skip when
    the tree is unchanged unless ``force``. Returns whether a sync happened."""
    guild = _target(bot)
    if guild is not None:
        # Development: the global commands appear instantly in the one test server.
        bot.tree.copy_global_to(guild=guild)
    digest = tree_hash(bot, guild)
    key = f"command_tree_hash:{bot.application_id}:{guild.id if guild else 'global'}"
    if not force and await bot.guild_settings.get_meta(key) == digest:
        log.info("Slash commands unchanged; not syncing (run `showbot sync` to force)")
        return False
    synced = await bot.tree.sync(guild=guild)
    await bot.guild_settings.set_meta(key, digest)
    log.info("Synced %d slash command(s) %s", len(synced),
             f"to server {guild.id}" if guild else "globally (may take up to an hour to appear)")
    return True
