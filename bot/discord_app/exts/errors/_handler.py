"""App-command error handler (python-discord/bot style).

Expected refusals (wrong channel, cooldown, missing permission, invalid value, an
article refused by the intake layer) get a specific ephemeral message and are logged at DEBUG; anything else is a
bug or a Discord outage: logged with its traceback and answered with a short
apology, so one failure never stops the bot serving everyone else.
"""
from __future__ import annotations

import logging
import math

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.refusals import ChannelNotAllowed, EmptyQuestion, KnowledgeRefused, UserOnCooldown
from bot.discord_app.render import render_notice
from bot.intake import IntakeRefused
from bot.storage.guild_articles import GuildArticleRefused
from bot.storage.guild_settings import InvalidSetting

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong while answering that. Please try again in a moment."
DISCORD_TROUBLE = "Sorry, Discord had a hiccup while I was answering. Please try again in a moment."


def _channels(ids: tuple[int, ...]) -> str:
    return ", ".join(f"<#{i}>" for i in ids)


def describe_error(error: BaseException) -> tuple[str, bool]:
    """What to tell the user, and whether the error is expected (no traceback)."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, ChannelNotAllowed):
        return f"I only answer questions in {_channels(error.channel_ids)} on this server.", True
    if isinstance(error, UserOnCooldown):
        return f"You're asking quickly! Try again in {max(1, math.ceil(error.retry_after))} s.", True
    if isinstance(error, EmptyQuestion):
        return "Please type a question, for example: `/ask question: Who is in the cast?`", True
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server.", True
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the **Manage Server** permission to manage showbot on this server.", True
    if isinstance(error, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ") for p in error.missing_permissions)
        return f"I'm missing permissions here: {missing}.", True
    if isinstance(error, InvalidSetting):
        return f"{error} Nothing was changed.", True
    if isinstance(error, (IntakeRefused, GuildArticleRefused)):
        return f"{error} Nothing was added.", True
    if isinstance(error, KnowledgeRefused):
        return str(error), True
    if isinstance(error, app_commands.TransformerError):
        return f"That value isn't valid: {error.value!r}.", True
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here.", True
    if isinstance(error, discord.HTTPException):
        return DISCORD_TROUBLE, False
    return APOLOGY, False


async def tell(interaction: discord.Interaction, text: str) -> None:
    """Reply ephemerally whether or not the interaction was already answered;
    never raises (the apology itself may hit the same outage)."""
    text = render_notice(text)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException as exc:
        log.warning("Could not tell the user about an error: %s", exc)


class ErrorHandler(commands.Cog):
    """Receives every app-command failure, checks included, from ``ShowTree.on_error``."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    async def on_app_command_error(self, interaction: discord.Interaction,
                                   error: app_commands.AppCommandError) -> None:
        text, expected = describe_error(error)
        command = interaction.command.qualified_name if interaction.command else "?"
        if expected:
            log.debug("/%s refused for user %s: %s", command, interaction.user.id, error)
        else:
            original = getattr(error, "original", error)
            log.error("/%s failed in guild %s", command, interaction.guild_id, exc_info=original)
        await tell(interaction, text)
