"""Fans' commands and @mention replies. Formatting is bot.discord_app.render's job; what a
failure looks like is bot.discord_app.exts.errors' job; this module only routes."""
from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.refusals import EmptyQuestion, UserOnCooldown
from bot.discord_app.exts.errors import describe_error
from bot.discord_app.render import (
    commands_show_name, describe_command, render_answer, render_help, render_notice, render_sources, show_name,
)
from bot.storage.guild_settings import GuildSettings

from ._delivery import RETRY_DELAY, deliver, retract
from ._gate import MAX_QUESTION, Cooldowns, allowed_here, clean_question, enforce, mentions_bot

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
#: Command descriptions that name the show, filled in when the cog loads (from the
#: shows loaded then), before the command tree is synced.
DESCRIPTIONS = {
    "ask": "Ask a question about {show}; the answer cites its sources.",
    "release": "When {show} came out, season by season.",
    "sources": "The news articles about {show} that showbot's answers come from.",
    "help": "What showbot can answer about {show}, and how to ask.",
}


class Answers(commands.Cog):
    def __init__(self, bot: commands.Bot, *, retry_delay: float = RETRY_DELAY) -> None:
        self.bot = bot
        self.cooldowns = Cooldowns()
        self.retry_delay = retry_delay

    async def cog_load(self) -> None:
        """Name the show in the command descriptions (they are global: see
        render.commands_show_name). Runs in setup_hook, after the engine opened and
        before the tree is synced, so the synced descriptions are these."""
        engine = self.bot.engine
        name = commands_show_name(engine.shows if engine is not None else {})
        for command in self.walk_app_commands():
            template = DESCRIPTIONS.get(command.name)
            if template:
                command.description = describe_command(template, name)

    @property
    def feedback_view(self) -> discord.ui.View | None:
        """The one 👍/👎 view, reused for every answer (None without the feedback extension)."""
        feedback = self.bot.get_cog("Feedback")
        return feedback.view if feedback is not None else None

    # ------------------------------------------------------------- interactions
    async def _start(self, interaction: discord.Interaction, *, cooldown: bool,
                     ephemeral: bool = False) -> GuildSettings:
        """Defer first, then everything else (Discord drops an interaction that is not
        answered within 3 seconds, and a settings read has no such bound).

        The refusals (wrong channel, cooldown) need the settings, so they are decided
        after a deferral that may be public; a public "thinking…" message is then
        retracted, so that the error handler's follow-up is private, as a refusal should be."""
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)
        settings = await self.bot.guild_settings.get(interaction.guild_id)
        try:
            self._enforce(interaction, settings, cooldown)
        except app_commands.AppCommandError:
            if not ephemeral:
                await retract(interaction)
            raise
        return settings

    def _enforce(self, interaction: discord.Interaction, settings: GuildSettings, cooldown: bool) -> None:
        enforce(settings, self.cooldowns, guild_id=interaction.guild_id, channel=interaction.channel,
                user_id=interaction.user.id, cooldown=cooldown)

    async def _send(self, interaction: discord.Interaction, *, ephemeral: bool = False,
                    **payload) -> discord.Message:
        """Replace the deferred "thinking…" message with ``payload``; through a
        5xx or 429, retry once, then send it as a follow-up."""
        command = interaction.command.name if interaction.command else "?"
        return await deliver(
            lambda: interaction.edit_original_response(allowed_mentions=NO_MENTIONS, **payload),
            lambda: interaction.followup.send(wait=True, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS,
                                              **payload),
            what=f"the /{command} response", delay=self.retry_delay)

    async def _answer(self, interaction: discord.Interaction, get_answer, **start) -> None:
        """Defer, check, then ``get_answer(where)`` where ``where`` holds the keywords
        that scope an answer: the server's show and the server (for its own articles)."""
        settings = await self._start(interaction, **start)
        answer = await get_answer(self._where(interaction.guild_id, settings))
        message = await self._send(interaction, **self._answer_payload(answer, settings))
        await self._record(message, answer)

    @staticmethod
    def _where(guild_id: int | None, settings: GuildSettings) -> dict:
        return {"show": settings.show, "guild_id": guild_id}

    def _show_name(self, show_id: str | None, settings: GuildSettings) -> str:
        """The name of the show an answer is about: the one it names, else the
        server's, else the default, else "the show"."""
        engine = self.bot.engine
        shown = engine.shows.get(show_id) if show_id else None
        return show_name(shown or engine.show_for(settings.show))

    def _loaded_names(self) -> list[str]:
        return [show.name for show in self.bot.engine.shows.values()]

    def _answer_payload(self, answer, settings: GuildSettings) -> dict:
        payload = {"embed": render_answer(answer, hide_spoilers=settings.hide_spoilers,
                                          show=self._show_name(answer.show, settings))}
        view = self.feedback_view
        if answer.answered and view is not None:
            payload["view"] = view
        return payload

    def _help(self, settings: GuildSettings, *, mention_hint: bool = True) -> discord.Embed:
        return render_help(self.bot.engine.suggestions(), show=self._show_name(None, settings),
                           shows=self._loaded_names(), mention_hint=mention_hint)

    async def _record(self, message: discord.Message, answer) -> None:
        """Log for /config report and feedback; never lets logging fail an answer."""
        store = self.bot.guild_settings
        guild_id = message.guild.id if message.guild else getattr(message, "guild_id", None)
        try:
            await store.log_answer(message_id=message.id, guild_id=guild_id, channel_id=message.channel.id,
                                   question=answer.question, intent=answer.intent, answered=answer.answered)
            if not answer.answered:
                await store.log_unanswered(guild_id, answer.question)
        except Exception:
            log.exception("Could not log answer %s", message.id)

    # -------------------------------------------------------------- /ask
    @app_commands.command(name="ask", description=DESCRIPTIONS["ask"].format(show="the show"))
    @app_commands.describe(question="Your question, in your own words")
    async def ask(self, interaction: discord.Interaction,
                  question: app_commands.Range[str, 1, MAX_QUESTION]) -> None:
        text = clean_question(question)
        if not text:
            # Decided from the option alone, in memory: the private reply is itself the
            # answer to Discord, so nothing can make it late.
            raise EmptyQuestion()
        await self._answer(interaction, lambda where: self.bot.engine.ask(text, **where), cooldown=True)

    # --------------------------------------------------------- shortcuts
    @app_commands.command(name="cast", description="The cast, or who plays a character (or whom an actor plays).")
    @app_commands.describe(name="A character or actor (optional)")
    async def cast(self, interaction: discord.Interaction,
                   name: app_commands.Range[str, 1, 100] | None = None) -> None:
        name = clean_question(name or "")
        if name:
            await self._answer(interaction, lambda where: self.bot.engine.answer_for("who_is", name, **where),
                               cooldown=True)
        else:
            await self._answer(interaction, lambda where: self.bot.engine.answer_for("cast_list", **where),
                               cooldown=True)

    @cast.autocomplete("name")
    async def cast_name_autocomplete(self, interaction: discord.Interaction,
                                     current: str) -> list[app_commands.Choice[str]]:
        try:
            settings = await self.bot.guild_settings.get(interaction.guild_id)
            names = await self.bot.engine.complete_names(current, limit=25,
                                                         **self._where(interaction.guild_id, settings))
        except Exception:  # autocomplete must never error: offer nothing instead
            log.exception("Autocomplete failed for %r", current)
            return []
        unique = dict.fromkeys(n.strip()[:100] for n in names if n and n.strip())
        return [app_commands.Choice(name=n, value=n) for n in list(unique)[:25]]

    @app_commands.command(name="release", description=DESCRIPTIONS["release"].format(show="the show"))
    async def release(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, lambda where: self.bot.engine.answer_for("release", **where), cooldown=True)

    @app_commands.command(name="sources", description=DESCRIPTIONS["sources"].format(show="the show"))
    async def sources(self, interaction: discord.Interaction) -> None:
        settings = await self._start(interaction, cooldown=False)
        articles = await self.bot.engine.articles(**self._where(interaction.guild_id, settings))
        await self._send(interaction, embed=render_sources(articles, show=self._show_name(None, settings)))

    @app_commands.command(name="help", description=DESCRIPTIONS["help"].format(show="the show"))
    async def help_command(self, interaction: discord.Interaction) -> None:
        settings = await self._start(interaction, cooldown=False, ephemeral=True)
        await self._send(interaction, ephemeral=True, embed=self._help(settings))

    # ---------------------------------------------------------- mentions
    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if message.author.bot or message.guild is None or me is None:
            return  # bots (ourselves included) never trigger an answer
        if not mentions_bot(message.content, me.id):
            return
        settings = await self.bot.guild_settings.get(message.guild.id)
        if not settings.mentions_enabled or not allowed_here(settings, message.channel):
            return  # stay silent: admins chose where (and whether) the bot talks
        try:
            await self._reply_to_mention(message, settings)
        except Exception as error:
            log.error("Mention reply failed in guild %s", message.guild.id, exc_info=error)
            try:
                await self._reply(message, content=render_notice(describe_error(error)[0]))
            except discord.HTTPException as again:
                log.error("Could not even apologise in channel %s: %s", message.channel.id, again)

    async def _reply(self, message: discord.Message, **payload) -> discord.Message:
        """Reply to ``message``; through a 5xx or 429, retry once, then post in
        its channel without the reply link: a failed reply must not be silence."""
        return await deliver(
            lambda: message.reply(allowed_mentions=NO_MENTIONS, **payload),
            lambda: message.channel.send(allowed_mentions=NO_MENTIONS, **payload),
            what="a mention reply", delay=self.retry_delay)

    async def _reply_to_mention(self, message: discord.Message, settings: GuildSettings) -> None:
        question = clean_question(message.content, bot_id=self.bot.user.id)
        if not question:
            await self._reply(message, embed=self._help(settings))
            return
        wait = self.cooldowns.retry_after(message.guild.id, message.author.id, settings.cooldown_seconds)
        if wait:
            if self.cooldowns.first_refusal(message.guild.id, message.author.id):
                await self._reply(message, content=render_notice(describe_error(UserOnCooldown(wait))[0]))
            return
        answer = await self.bot.engine.ask(question, **self._where(message.guild.id, settings))
        reply = await self._reply(message, **self._answer_payload(answer, settings))
        await self._record(reply, answer)
