"""/config show|channels|mentions|spoilers|cooldown|report.

Hidden from members without Manage Server by ``default_permissions`` AND
refused at run time by ``interaction_check``: server admins can override the
default visibility, so the default alone is not a security boundary. Autocomplete
runs no ``interaction_check`` (discord.py), so it checks the permission itself."""
from __future__ import annotations

import logging
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.render import shorten
from bot.storage.guild_settings import MAX_COOLDOWN, GuildSettings, InvalidSetting

log = logging.getLogger(__name__)


#: Autocomplete offers at most this many choices (Discord's limit).
MAX_CHOICES = 25


def describe_settings(settings: GuildSettings, engine) -> discord.Embed:
    channels = ", ".join(f"<#{c}>" for c in settings.allowed_channels) or "everywhere"
    cooldown = f"{settings.cooldown_seconds} s" if settings.cooldown_seconds else "off"
    embed = discord.Embed(title="showbot settings for this server", colour=discord.Colour.blurple())
    embed.add_field(name="Show", value=describe_show(settings, engine), inline=False)
    embed.add_field(name="Answer channels", value=channels, inline=False)
    embed.add_field(name="Mention replies", value="on" if settings.mentions_enabled else "off")
    embed.add_field(name="Hide spoilers", value="on" if settings.hide_spoilers else "off")
    embed.add_field(name="Cooldown per user", value=cooldown)
    return embed


def describe_show(settings: GuildSettings, engine) -> str:
    """The server's show as admins should read it: chosen, or the default, or none."""
    chosen = engine.shows.get(settings.show) if settings.show else None
    if chosen is not None:
        return discord.utils.escape_markdown(chosen.name)
    fallback = engine.show_for(None)
    if fallback is not None:
        return f"{discord.utils.escape_markdown(fallback.name)} (default)"
    return "none chosen: questions must name a show (pick one with `/config show`)"


def find_show(engine, text: str):
    """The loaded show ``text`` means: its id (what autocomplete sends), its name or an
    alias, in any case; or None."""
    key = " ".join(text.split()).casefold()
    for show in engine.shows.values():
        if key == show.id or key in (name.casefold() for name in show.names()):
            return show
    return None


def show_choices(engine, current: str) -> list[app_commands.Choice[str]]:
    """Loaded shows whose id, name or alias contains what was typed; name shown, id sent."""
    key = current.strip().casefold()
    shows = [s for s in engine.shows.values()
             if not key or key in s.id or any(key in name.casefold() for name in s.names())]
    return [app_commands.Choice(name=shorten(s.name, 100), value=s.id)
            for s in sorted(shows, key=lambda s: s.name.casefold())[:MAX_CHOICES]]


def _on_off(value: bool) -> str:
    return "on" if value else "off"


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class ConfigCommands(commands.GroupCog, group_name="config", group_description="showbot settings for this server"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    @property
    def store(self):
        return self.bot.guild_settings

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        # interaction.permissions: the invoker's resolved permissions in this channel.
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        # Every subcommand reads or writes the database, which may be slow:
        # answer Discord (privately) before any of it, within its 3 seconds.
        await interaction.response.defer(ephemeral=True, thinking=True)
        return True

    async def _reply(self, interaction: discord.Interaction, text: str | None = None,
                     embed: discord.Embed | None = None) -> None:
        # After a private deferral, the first follow-up replaces the "thinking…" message.
        await interaction.followup.send(
            text, embed=embed, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="show", description="Choose the show questions here are about; "
                                                   "without a choice, every setting")
    @app_commands.describe(show="The show questions are about when they name none")
    async def show_command(self, interaction: discord.Interaction,
                           show: app_commands.Range[str, 1, 100] | None = None) -> None:
        engine = self.bot.engine
        if show is None:
            settings = await self.store.get(interaction.guild_id)
            await self._reply(interaction, embed=describe_settings(settings, engine))
            return
        chosen = find_show(engine, show)
        if chosen is None:
            loaded = ", ".join(s.name for s in engine.shows.values()) or "none"
            raise InvalidSetting(f"No show called {shorten(show, 100)!r} is loaded (loaded: {shorten(loaded, 1500)}).")
        await self.store.set(interaction.guild_id, "show", chosen.id)
        await self._reply(interaction, f"Questions here that name no show are now about "
                                       f"{discord.utils.escape_markdown(chosen.name)}.")

    @show_command.autocomplete("show")
    async def show_autocomplete(self, interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        if not interaction.permissions.manage_guild:
            return []  # nothing to offer those who cannot choose
        return show_choices(self.bot.engine, current)

    @app_commands.command(name="channels", description="Choose the channels where showbot answers")
    @app_commands.describe(action="add or remove a channel, or clear the list (answer everywhere)",
                           channel="The channel to add or remove")
    async def channels(self, interaction: discord.Interaction, action: Literal["add", "remove", "clear"],
                       channel: discord.TextChannel | None = None) -> None:
        current = (await self.store.get(interaction.guild_id)).allowed_channels
        if action == "clear":
            new = ()
        elif channel is None:
            raise InvalidSetting(f"Choose a channel to {action}.")
        elif action == "add":
            new = current + (channel.id,)
        elif channel.id not in current:
            raise InvalidSetting(f"{channel.mention} is not in the list.")
        else:
            new = tuple(c for c in current if c != channel.id)
        settings = await self.store.set(interaction.guild_id, "allowed_channels", new)
        where = ", ".join(f"<#{c}>" for c in settings.allowed_channels)
        await self._reply(interaction, f"showbot now answers in {where}." if where
                          else "showbot now answers in every channel.")

    @app_commands.command(name="mentions", description="Answer when someone @mentions showbot")
    async def mentions(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self.store.set(interaction.guild_id, "mentions_enabled", enabled)
        await self._reply(interaction, f"Mention replies: {_on_off(enabled)}.")

    @app_commands.command(name="spoilers", description="Hide spoiler answers behind ||spoiler|| tags (default: on)")
    @app_commands.describe(enabled="true: spoiler answers are hidden until clicked; false: shown plainly")
    async def spoilers(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self.store.set(interaction.guild_id, "hide_spoilers", enabled)
        await self._reply(interaction, f"Hide spoilers: {_on_off(enabled)}.")

    @app_commands.command(name="cooldown", description="Seconds each member waits between questions (0 = off)")
    @app_commands.describe(seconds=f"0 to {MAX_COOLDOWN}")
    async def cooldown(self, interaction: discord.Interaction,
                       seconds: app_commands.Range[int, 0, MAX_COOLDOWN]) -> None:
        await self.store.set(interaction.guild_id, "cooldown_seconds", seconds)
        await self._reply(interaction, f"Cooldown per user: {seconds} s." if seconds else "Cooldown: off.")

    @app_commands.command(name="report", description="Questions showbot couldn't answer, and answers that got 👎")
    async def report(self, interaction: discord.Interaction) -> None:
        report = await self.store.report(interaction.guild_id)
        embed = discord.Embed(title="showbot report", colour=discord.Colour.blurple())
        unanswered = "\n".join(f"{n}× {discord.utils.escape_markdown(q)}" for q, n in report.unanswered)
        downvoted = "\n".join(f"{n}× 👎 {discord.utils.escape_markdown(q)} ({intent})"
                              for q, intent, n in report.downvoted)
        embed.add_field(name="Most asked, not answered", value=shorten(unanswered or "Nothing yet.", 1024),
                        inline=False)
        embed.add_field(name="Answers that got 👎", value=shorten(downvoted or "Nothing yet.", 1024), inline=False)
        await self._reply(interaction, embed=embed)
