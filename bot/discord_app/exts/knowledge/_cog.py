"""/knowledge add|list|remove|export: a server's own articles (issue 9).

Like /config, hidden from members without Manage Server by ``default_permissions`` AND
refused at run time by ``interaction_check``, which then defers privately: every reply
here is ephemeral. Autocomplete gets no ``interaction_check`` (discord.py), so it checks
the permission itself. The work is bot.guild_knowledge's (intake, preview, storage) and
the formatting render's; refusals are raised for the error handler to word.

An added article answers in this server only, on top of the shared show knowledge: the
engine reads the store (bot.storage.guild_articles) whenever its version for the server
changes, so nothing needs reloading here.
"""
from __future__ import annotations

import asyncio
import io
import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.refusals import KnowledgeRefused
from bot.discord_app.render import render_added, render_server_articles
from bot.guild_knowledge import MAX_NAME_CHARS, GuildKnowledge, declared_size_ok
from bot.intake.article import MAX_URL_CHARS
from bot.pipeline.language import load_language

log = logging.getLogger(__name__)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KnowledgeCommands(commands.GroupCog, group_name="knowledge",
                        group_description="News articles this server adds to showbot's answers"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.desk: GuildKnowledge | None = None
        super().__init__()

    async def cog_load(self) -> None:
        language = await asyncio.to_thread(load_language, self.bot.config.language_dir)
        self.desk = GuildKnowledge(self.bot.guild_articles, language,
                                   allow_hosts=self.bot.config.fetch_allow_hosts)

    @property
    def store(self):
        return self.bot.guild_articles

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        # Reading a file or a page, and the database, may be slow: answer Discord
        # (privately) first, within its 3 seconds.
        await interaction.response.defer(ephemeral=True, thinking=True)
        return True

    async def _reply(self, interaction: discord.Interaction, text: str | None = None, **payload) -> None:
        # After a private deferral, the first follow-up replaces the "thinking…" message.
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none(),
                                        **payload)

    async def _show(self, guild_id: int):
        """The show an added article is about: the server's, else the default, else the only one."""
        settings = await self.bot.guild_settings.get(guild_id)
        show = self.bot.engine.show_for(settings.show)
        if show is None:
            raise KnowledgeRefused("Several shows are loaded and this server has not chosen one: choose it with "
                                   "`/config show`, then add the article. Nothing was added.")
        return show

    # ------------------------------------------------------------------ add
    @app_commands.command(name="add", description="Add a news article to this server's answers: "
                                                  "a .md, .txt or .html file, or a link")
    @app_commands.describe(file="An article file: .md, .txt or .html, at most 1 MB, UTF-8",
                           url="A link to an article page (http or https)")
    async def add(self, interaction: discord.Interaction, file: discord.Attachment | None = None,
                  url: app_commands.Range[str, 1, MAX_URL_CHARS] | None = None) -> None:
        if (file is None) == (url is None):
            raise KnowledgeRefused("Give the article as a `file` or as a `url`: one of the two. Nothing was added.")
        show = await self._show(interaction.guild_id)
        if file is not None:
            declared_size_ok(file.size)  # a 6 MB upload is refused before it is downloaded
            checked = await self.desk.from_upload(file.filename, file.content_type, await file.read())
        else:
            checked = await self.desk.from_url(url.strip())
        added = await self.desk.add(interaction.guild_id, show.id, checked, added_by=interaction.user.id)
        article = checked.article
        await self._reply(interaction, embed=render_added(
            title=article.title, date=article.date, publisher=article.publisher, url=article.url,
            name=added.article.name, show=show.name, learned=checked.learned, replaced=added.replaced))

    # ----------------------------------------------------------------- list
    @app_commands.command(name="list", description="This server's own articles, newest first")
    async def list_command(self, interaction: discord.Interaction) -> None:
        articles = await self.store.articles(interaction.guild_id)
        names = {show.id: show.name for show in self.bot.engine.shows.values()}
        await self._reply(interaction, embed=render_server_articles(articles, names))

    # --------------------------------------------------------------- remove
    @app_commands.command(name="remove", description="Take one of this server's articles out of its answers")
    @app_commands.describe(article="The article's name, as /knowledge list shows it")
    async def remove(self, interaction: discord.Interaction, article: app_commands.Range[str, 1, MAX_NAME_CHARS]) -> None:
        removed = await self.store.remove(interaction.guild_id, article)
        if removed is None:
            raise KnowledgeRefused(f"This server has no article called {discord.utils.escape_markdown(article)!r} "
                                   "(see `/knowledge list`). Nothing was removed.")
        await self._reply(interaction, f"Removed “{discord.utils.escape_markdown(removed.name)}”: answers on this "
                                       "server no longer use it.")

    @remove.autocomplete("article")
    async def article_autocomplete(self, interaction: discord.Interaction,
                                   current: str) -> list[app_commands.Choice[str]]:
        if not interaction.permissions.manage_guild:
            return []
        try:
            names = await self.store.names(interaction.guild_id, current)
        except Exception:  # autocomplete must never error: offer nothing instead
            log.exception("Article autocomplete failed for %r", current)
            return []
        return [app_commands.Choice(name=name, value=name) for name in names]

    # --------------------------------------------------------------- export
    @app_commands.command(name="export", description="Download this server's articles as a zip (with an index)")
    async def export(self, interaction: discord.Interaction) -> None:
        articles = await self.store.articles(interaction.guild_id)
        data = await self.store.export(interaction.guild_id)
        file = discord.File(io.BytesIO(data), filename=f"showbot-articles-{interaction.guild_id}.zip")
        await self._reply(interaction, f"{len(articles)} article(s), one file each, and `index.json` (names, "
                                       "shows, who added them and when). `showbot knowledge import` on the "
                                       "host reads this file back.", file=file)
