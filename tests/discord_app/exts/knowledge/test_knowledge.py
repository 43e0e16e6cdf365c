"""/knowledge add|list|remove|export with the fake engine: who may use them, what is
refused (clearly, privately, nothing stored), what the replies show. How added articles
change answers is tests/discord_app/exts/knowledge/test_answers.py (real engine)."""
import io
import json
import zipfile

import discord
import pytest
from discord import app_commands

from bot.discord_app.app import create_bot
from bot.discord_app.refusals import KnowledgeRefused
from bot.intake import IntakeRefused
from bot.storage.guild_articles import GuildArticleRefused
from tests.discord_app.exts.conftest import expected_errors
from tests.discord_app.exts.fakes import AOUAD, SWEET_HOME, FakeEngine

ARTICLE = b"""---
title: Season 3 gets a date
publisher: Showbot Test News
date: 2026-03-01
---
Netflix said season 3 will premiere on October 9, 2026.
Park Ji-hu returns as Nam On-jo in the third season.
"""
SUBCOMMANDS = [
    ("knowledge add", {"file": ("s3.md", ARTICLE)}),
    ("knowledge add", {"url": "https://example.com/news"}),
    ("knowledge list", {}),
    ("knowledge remove", {"article": "s3.md"}),
    ("knowledge export", {}),
]


async def _listed(world) -> list[str]:
    return [a.name for a in await world.env.bot.guild_articles.articles(world.guild.id)]


async def test_knowledge_is_hidden_from_members_and_not_in_dms(world):
    assert "knowledge add" in world.admin.available_commands(world.general)
    assert "knowledge add" not in world.fan.available_commands(world.general)
    command = world.env.backend.find_command("knowledge", None)
    assert command["contexts"] == [0] or command.get("dm_permission") is False
    options = {o["name"]: {p["name"] for p in o.get("options", [])} for o in command["options"]}
    assert options == {"add": {"file", "url"}, "list": set(), "remove": {"article"}, "export": set()}


@pytest.mark.parametrize("name, options", SUBCOMMANDS)
async def test_a_member_cannot_use_knowledge_even_if_the_server_unhides_it(world, name, options):
    command = world.env.backend.find_command("knowledge", None)
    world.guild.set_command_permissions(int(command["id"]), {world.guild.default_role: True})

    result = await world.fan.slash(world.general, name, **options)

    assert result.ephemeral and "Manage Server" in result.response.content
    assert expected_errors(world.env) == [app_commands.MissingPermissions]
    assert await _listed(world) == []


async def test_an_admin_adds_a_file_and_sees_what_was_read(world):
    result = await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))

    assert result.ephemeral
    embed = result.response.embeds[0]
    fields = {f.name: f.value for f in embed.fields}
    assert embed.title == "Added: Season 3 gets a date"
    assert fields["Date"] == "2026-03-01" and fields["Publisher"] == "Showbot Test News"
    assert fields["Show"] == "All of Us Are Dead" and "2 sentences" in fields["Extracted"]
    assert await _listed(world) == ["s3.md"]
    stored = (await world.env.bot.guild_articles.articles(world.guild.id))[0]
    assert (stored.show_id, stored.added_by) == ("all-of-us-are-dead", world.admin.id)


async def test_the_same_name_again_updates_the_article(world):
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    again = await world.admin.slash(world.general, "knowledge add",
                                    file=("s3.md", ARTICLE.replace(b"October 9", b"October 16")))

    assert again.response.embeds[0].title.startswith("Updated:")
    assert await _listed(world) == ["s3.md"]


@pytest.mark.parametrize("upload, says", [
    (("poster.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200), "an image (PNG)"),
    (("huge.md", b"word " * (6 * 1024 * 1024 // 5)), "at most 1 MB"),
    (("empty.md", b""), "That file is empty"),
    (("blank.txt", b"  \n\n "), "no text"),
    (("latin1.txt", "Caf\xe9 news about the show".encode("latin-1")), "isn't UTF-8"),
    (("notes.docx", b"plain words"), "must be .md, .txt or .html"),
    (("bad-date.md", b"---\ndate: 2026-02-30\n---\nText about the show.\n"), "2026-02-30"),
])
async def test_refused_uploads_get_a_clear_private_message_and_nothing_is_listed(world, upload, says):
    result = await world.admin.slash(world.general, "knowledge add", file=upload)
    listed = await world.admin.slash(world.general, "knowledge list")

    assert result.ephemeral and says in result.response.content and "Nothing was added" in result.response.content
    assert expected_errors(world.env) == [IntakeRefused]
    assert await _listed(world) == [] and "None yet" in listed.response.embeds[0].description


async def test_a_6_mb_upload_is_refused_before_it_is_downloaded(world, monkeypatch):
    downloads = []
    read = discord.Attachment.read

    async def spy(self, **kwargs):
        downloads.append(self.filename)
        return await read(self, **kwargs)
    monkeypatch.setattr(discord.Attachment, "read", spy)

    result = await world.admin.slash(world.general, "knowledge add", file=("huge.md", b"x" * (6 * 1024 * 1024)))
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))

    assert "6.0 MB" in result.response.content
    assert downloads == ["s3.md"]
    assert expected_errors(world.env) == [IntakeRefused]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/news", "http://169.254.169.254/latest/meta-data/", "http://[::1]/news",
    "file:///etc/passwd", "http://localhost:8080/", "http://10.0.0.7/article", "ftp://example.com/a.md",
])
async def test_private_and_non_web_links_are_refused_without_a_connection(world, url):
    result = await world.admin.slash(world.general, "knowledge add", url=url)

    assert result.ephemeral and "Nothing was added" in result.response.content
    assert expected_errors(world.env) == [IntakeRefused]
    assert await _listed(world) == []


@pytest.mark.parametrize("options", [{}, {"file": ("s3.md", ARTICLE), "url": "https://example.com/a"}])
async def test_a_file_or_a_url_exactly_one(world, options):
    result = await world.admin.slash(world.general, "knowledge add", **options)

    assert "one of the two" in result.response.content
    assert expected_errors(world.env) == [KnowledgeRefused]


async def test_with_several_shows_the_server_must_choose_one_first(world, config, store):
    engine = FakeEngine(shows=(AOUAD, SWEET_HOME))
    await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))

    refused = await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    await world.admin.slash(world.general, "config show", show="sweet-home")
    added = await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))

    assert "/config show" in refused.response.content and expected_errors(world.env) == [KnowledgeRefused]
    assert {f.name: f.value for f in added.response.embeds[0].fields}["Show"] == "Sweet Home"
    assert (await world.env.bot.guild_articles.articles(world.guild.id))[0].show_id == "sweet-home"


async def test_the_same_article_under_another_name_is_refused(world):
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    twin = await world.admin.slash(world.general, "knowledge add", file=("copy.md", ARTICLE))

    assert "already added, as 's3.md'" in twin.response.content
    assert expected_errors(world.env) == [GuildArticleRefused]


async def test_list_is_newest_first_with_who_and_when(world):
    await world.admin.slash(world.general, "knowledge add", file=("older.md", ARTICLE))
    await world.env.advance_time(60)
    await world.admin.slash(world.general, "knowledge add", file=("newer.md", ARTICLE.replace(b"9", b"16")))

    result = await world.admin.slash(world.general, "knowledge list")

    lines = result.response.embeds[0].description.splitlines()
    assert lines[0].startswith("• **newer.md**") and lines[2].startswith("• **older.md**")
    assert f"added by <@{world.admin.id}> <t:" in lines[1]


async def test_remove_with_autocomplete(world):
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    await world.admin.slash(world.general, "knowledge add", file=("cast.md", ARTICLE.replace(b"9", b"16")))

    choices = await world.admin.autocomplete(world.general, "knowledge remove", "article", "s3")
    removed = await world.admin.slash(world.general, "knowledge remove", article=choices[0]["value"])
    missing = await world.admin.slash(world.general, "knowledge remove", article="s3.md")

    assert [c["value"] for c in choices] == ["s3.md"]
    assert removed.ephemeral and "Removed “s3.md”" in removed.response.content
    assert "no article called" in missing.response.content and expected_errors(world.env) == [KnowledgeRefused]
    assert await _listed(world) == ["cast.md"]


async def test_remove_autocomplete_offers_nothing_to_members(world):
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    command = world.env.backend.find_command("knowledge", None)
    world.guild.set_command_permissions(int(command["id"]), {world.guild.default_role: True})

    assert await world.fan.autocomplete(world.general, "knowledge remove", "article", "") == []


async def test_export_is_a_zip_of_the_articles_with_an_index(world):
    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))

    result = await world.admin.slash(world.general, "knowledge export")

    assert result.ephemeral and "1 article(s)" in result.response.content
    (attachment,) = result.response.attachments
    assert attachment.filename == f"showbot-articles-{world.guild.id}.zip"
    with zipfile.ZipFile(io.BytesIO(await attachment.read())) as archive:
        index = json.loads(archive.read("index.json"))
        text = archive.read(index["articles"][0]["file"]).decode()
    assert index["articles"][0]["name"] == "s3.md" and index["articles"][0]["show"] == "all-of-us-are-dead"
    assert "October 9, 2026" in text and text.startswith("---\ntitle: Season 3 gets a date")


async def test_articles_are_per_server(world):
    other = world.env.create_guild("Other server")
    channel = other.create_text_channel("general")
    mods = other.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    other_admin = other.add_member(world.env.create_user("other-admin"), roles=[mods])

    await world.admin.slash(world.general, "knowledge add", file=("s3.md", ARTICLE))
    theirs = await other_admin.slash(channel, "knowledge list")

    assert "None yet" in theirs.response.embeds[0].description
