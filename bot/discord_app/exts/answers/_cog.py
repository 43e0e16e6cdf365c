"""Fans' commands and @mention replies. Formatting is bot.discord_app.render's job; what a
failure looks like is bot.discord_app.exts.errors' job; this module only routes."""
from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.refusals import EmptyQuestion, UserOnCooldown
from bot.discord_app.exts.errors import describe_error
from bot.discord_app.exts.feedback import FeedbackView
from bot.qa.models import Answer
from bot.discord_app.render import render_answer, render_help, render_notice, render_sources

from ._gate import (
    MAX_QUESTION,
    Cooldowns,
    allowed_here,
    answer_gate,
    clean_question,
    mentions_bot,
)

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


class Answers(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.cooldowns = Cooldowns()

    # ------------------------------------------------------------- delivery
    async def _deliver(self, interaction: discord.Interaction, answer: Answer) -> None:
        """Replace the deferred "thinking…" response with the answer embed."""
        settings = await self.bot.guild_settings.get(interaction.guild_id)
        embed = render_answer(answer, hide_spoilers=settings.hide_spoilers)
        view = FeedbackView() if answer.answered else None
        kwargs = {"view": view} if view else {}
        message = await interaction.edit_original_response(
            embed=embed, allowed_mentions=NO_MENTIONS, **kwargs)
        await self._record(message, answer)

    async def _record(self, message: discord.Message, answer: Answer) -> None:
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

    async def _answer(self, interaction: discord.Interaction, get_answer) -> None:
        # The core may take a moment (first query, big knowledge base): defer
        # so Discord's 3-second limit never turns a slow answer into an error.
        await interaction.response.defer(thinking=True)
        answer = await get_answer()
        await self._deliver(interaction, answer)

    # -------------------------------------------------------------- /ask
    @app_commands.command(name="ask", description="Ask a question about All of Us Are Dead; the answer cites its sources.")
    @app_commands.describe(question="Your question, e.g. Who plays Nam-ra?")
    @answer_gate(cooldown=True)
    async def ask(self, interaction: discord.Interaction,
                  question: app_commands.Range[str, 1, MAX_QUESTION]) -> None:
        text = clean_question(question)
        if not text:
            raise EmptyQuestion()
        await self._answer(interaction, lambda: self.bot.engine.ask(text))

    # --------------------------------------------------------- shortcuts
    @app_commands.command(name="cast", description="The cast, or who plays a character (or whom an actor plays).")
    @app_commands.describe(name="A character or actor (optional)")
    @answer_gate(cooldown=True)
    async def cast(self, interaction: discord.Interaction,
                   name: app_commands.Range[str, 1, 100] | None = None) -> None:
        name = clean_question(name or "")
        if name:
            await self._answer(interaction, lambda: self.bot.engine.answer_for("who_is", name))
        else:
            await self._answer(interaction, lambda: self.bot.engine.answer_for("cast_list"))

    @cast.autocomplete("name")
    async def cast_name_autocomplete(self, interaction: discord.Interaction,
                                     current: str) -> list[app_commands.Choice[str]]:
        try:
            names = self.bot.engine.complete_names(current, limit=25)
        except Exception:  # autocomplete must never error: offer nothing instead
            log.exception("Autocomplete failed for %r", current)
            return []
        unique = dict.fromkeys(n.strip()[:100] for n in names if n and n.strip())
        return [app_commands.Choice(name=n, value=n) for n in list(unique)[:25]]

    @app_commands.command(name="release", description="When All of Us Are Dead (and season 2) came out.")
    @answer_gate(cooldown=True)
    async def release(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, lambda: self.bot.engine.answer_for("release"))

    @app_commands.command(name="sources", description="The news articles showbot's answers come from.")
    @answer_gate(cooldown=False)
    async def sources(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(embed=render_sources(self.bot.engine.articles()),
                                                allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="help", description="What showbot can answer, and how to ask.")
    @answer_gate(cooldown=False)
    async def help_command(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(embed=render_help(self.bot.engine.suggestions()),
                                                ephemeral=True, allowed_mentions=NO_MENTIONS)

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
                await message.reply(render_notice(describe_error(error)[0]), allowed_mentions=NO_MENTIONS)
            except discord.HTTPException:
                pass  # Discord itself is failing; the log has it

    async def _reply_to_mention(self, message: discord.Message, settings) -> None:
        question = clean_question(message.content, bot_id=self.bot.user.id)
        if not question:
            await message.reply(embed=render_help(self.bot.engine.suggestions()), allowed_mentions=NO_MENTIONS)
            return
        wait = self.cooldowns.retry_after(message.guild.id, message.author.id, settings.cooldown_seconds)
        if wait:
            await message.reply(render_notice(describe_error(UserOnCooldown(wait))[0]),
                                allowed_mentions=NO_MENTIONS)
            return
        answer = await self.bot.engine.ask(question)
        embed = render_answer(answer, hide_spoilers=settings.hide_spoilers)
        kwargs = {"view": FeedbackView()} if answer.answered else {}
        reply = await message.reply(embed=embed, allowed_mentions=NO_MENTIONS, **kwargs)
        await self._record(reply, answer)
