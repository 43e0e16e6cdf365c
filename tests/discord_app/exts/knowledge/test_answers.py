"""Server articles through the real engine (bot.service.open_engine over a copy of the
bundled show), under SimCord: an article an admin adds answers in that server only, a
newer one leads, it survives a restart and a knowledge rebuild, removing it takes it out,
and a page fetched from an allowed local host answers too. The invented articles give
season 3 a release date, which the bundled articles do not have, so the answer visibly
changes. Marked ``real_engine``."""
from __future__ import annotations

import shutil
from dataclasses import replace

import discord
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.config import Config
from bot.discord_app.app import create_bot
from bot.intake import IntakeRefused
from bot.service import open_engine
from bot.storage.guild_articles import GuildArticleStore
from bot.storage.guild_settings import GuildSettingsStore
from tests.conftest import BUNDLED_SHOW
from tests.discord_app.exts.conftest import expected_errors

pytestmark = pytest.mark.real_engine

QUESTION = "When does season 3 come out?"
JUNE = b"""---
title: All of Us Are Dead season 3 gets a release date
publisher: Showbot Test News
date: 2026-01-10
---
Netflix announced that All of Us Are Dead season 3 will premiere on June 5, 2026.
The third season brings back Park Ji-hu as Nam On-jo.
"""
OCTOBER = b"""---
title: All of Us Are Dead season 3 moved to autumn
publisher: Showbot Test Daily
date: 2026-03-01
---
Netflix has moved All of Us Are Dead season 3 to October 9, 2026.
The streamer said the third season will premiere on October 9, 2026, after reshoots.
"""
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Season 3 premiere date | Local News</title>
<meta property="og:site_name" content="Local Test News">
<meta property="og:title" content="All of Us Are Dead season 3 premiere date">
<meta property="article:published_time" content="2026-04-02T09:00:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<article><h1>All of Us Are Dead season 3 premiere date</h1>
<p>Netflix confirmed that All of Us Are Dead season 3 will premiere on November 20, 2026, the
streamer said on Thursday.</p>
<p>Park Ji-hu returns as Nam On-jo for the third season, which was filmed in Seoul.</p>
</article><footer>Copyright Local Test News</footer></body></html>"""


@pytest.fixture
def config(tmp_path) -> Config:
    articles = tmp_path / "articles"
    shutil.copytree(BUNDLED_SHOW, articles)
    return Config(articles_dir=articles, data_dir=tmp_path / "data")


@pytest.fixture
def guild_articles(store) -> GuildArticleStore:
    return GuildArticleStore(store)


@pytest.fixture
async def engine(config, guild_articles):
    engine = await open_engine(config, guild_articles=guild_articles)
    yield engine
    await engine.close()


@pytest.fixture
def simcord_bot(config, engine, store, guild_articles):
    return create_bot(config=config, engine=engine, guild_settings=store, guild_articles=guild_articles)


@pytest.fixture
def other(world):
    """A second server with its own member, where nothing was added."""
    guild = world.env.create_guild("Another server")
    channel = guild.create_text_channel("general")
    return channel, guild.add_member(world.env.create_user("elsewhere"))


async def _ask(actor, channel) -> str:
    result = await actor.slash(channel, "ask", question=QUESTION)
    return result.response.embeds[0].description


async def test_an_added_article_answers_in_its_server_only(world, other):
    before = await _ask(world.fan, world.general)
    added = await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))
    result = await world.fan.slash(world.general, "ask", question=QUESTION)
    elsewhere = await _ask(other[1], other[0])

    assert "June 5, 2026" not in before
    assert "release date" in {f.name: f.value for f in added.response.embeds[0].fields}["Extracted"]
    embed = result.response.embeds[0]
    assert "June 5, 2026" in embed.description
    assert "Showbot Test News" in embed.fields[0].value
    assert "June 5, 2026" not in elsewhere


async def test_mentions_use_the_server_articles_too(world, other):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))

    await world.fan.send(world.general, f"<@{world.bot_id}> {QUESTION}")
    await other[1].send(other[0], f"<@{world.bot_id}> {QUESTION}")

    assert "June 5, 2026" in world.general.last_message.embeds[0].description
    assert "June 5, 2026" not in other[0].last_message.embeds[0].description


async def test_a_newer_added_article_leads(world):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))
    await world.admin.slash(world.general, "knowledge add", file=("season3-delay.md", OCTOBER))

    answer = await _ask(world.fan, world.general)

    first_sentence = answer.split(". ")[0]
    assert first_sentence.startswith("As of March 1, 2026") and "October 9, 2026" in first_sentence


async def test_added_articles_survive_a_restart(world, config, guild_articles):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))

    # A new process: its own settings connection, its own engine over the same files.
    async with GuildSettingsStore(config.settings_db) as reopened:
        articles = GuildArticleStore(reopened)
        engine = await open_engine(config, guild_articles=articles)
        try:
            await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=reopened,
                                                   guild_articles=articles))
            answer = await _ask(world.fan, world.general)
            listed = await world.admin.slash(world.general, "knowledge list")
        finally:
            await world.env.bot.close()
            await engine.close()

    assert "June 5, 2026" in answer
    assert "season3.md" in listed.response.embeds[0].description


async def test_added_articles_survive_a_rebuild_of_the_knowledge(world, config, engine):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))
    from bot.pipeline.build import build

    config.knowledge_db.unlink()  # derived: `showbot build` may throw it away
    await build(config)
    await engine.library.open()  # what live reload does after another process's build

    assert "June 5, 2026" in await _ask(world.fan, world.general)


async def test_removing_the_article_takes_it_out_of_answers(world):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))
    assert "June 5, 2026" in await _ask(world.fan, world.general)

    await world.admin.slash(world.general, "knowledge remove", article="season3.md")

    assert "June 5, 2026" not in await _ask(world.fan, world.general)


async def test_sources_list_the_server_articles_as_added_here(world, other):
    await world.admin.slash(world.general, "knowledge add", file=("season3.md", JUNE))

    here = await world.fan.slash(world.general, "sources")
    there = await other[1].slash(other[0], "sources")

    text = here.response.embeds[0].description
    assert "All of Us Are Dead season 3 gets a release date" in text and "added on this server" in text
    assert "season 3 gets a release date" not in there.response.embeds[0].description


async def test_a_member_cannot_add(world):
    command = world.env.backend.find_command("knowledge", None)
    world.guild.set_command_permissions(int(command["id"]), {world.guild.default_role: True})

    refused = await world.fan.slash(world.general, "knowledge add", file=("season3.md", JUNE))

    assert refused.ephemeral and "Manage Server" in refused.response.content
    assert "June 5, 2026" not in await _ask(world.fan, world.general)
    expected_errors(world.env)


@pytest.mark.parametrize("upload", [
    ("poster.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
    ("huge.md", JUNE + b"x" * (6 * 1024 * 1024)),
    ("empty.md", b""),
])
async def test_refused_files_leave_nothing_behind(world, upload):
    refused = await world.admin.slash(world.general, "knowledge add", file=upload)
    listed = await world.admin.slash(world.general, "knowledge list")

    assert refused.ephemeral and "Nothing was added" in refused.response.content
    assert "None yet" in listed.response.embeds[0].description
    assert "June 5, 2026" not in await _ask(world.fan, world.general)
    assert expected_errors(world.env) == [IntakeRefused]


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]/", "file:///etc/passwd"])
async def test_private_links_are_refused(world, url):
    refused = await world.admin.slash(world.general, "knowledge add", url=url)

    assert refused.ephemeral and "Nothing was added" in refused.response.content
    assert expected_errors(world.env) == [IntakeRefused]


@pytest.fixture
async def local_site():
    async def page(request):
        return web.Response(text=PAGE, content_type="text/html", charset="utf-8")
    app = web.Application()
    app.router.add_get("/news/season-3", page)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield server
    await server.close()


@pytest.mark.parametrize("allowed", [True, False])
async def test_a_page_on_an_allowed_local_host_is_added_and_answers(world, config, engine, store, guild_articles,
                                                                   local_site, allowed):
    hosts = ("127.0.0.1",) if allowed else ()
    await world.env.restart_bot(create_bot(config=replace(config, fetch_allow_hosts=hosts), engine=engine,
                                           guild_settings=store, guild_articles=guild_articles))
    url = str(local_site.make_url("/news/season-3"))

    added = await world.admin.slash(world.general, "knowledge add", url=url)
    answer = await _ask(world.fan, world.general)

    if not allowed:
        assert "Nothing was added" in added.response.content and "November 20, 2026" not in answer
        assert expected_errors(world.env) == [IntakeRefused]
        return
    embed = added.response.embeds[0]
    fields = {f.name: f.value for f in embed.fields}
    assert embed.title == "Added: All of Us Are Dead season 3 premiere date"
    assert fields["Date"] == "2026-04-02" and fields["Publisher"] == "Local Test News"
    assert "November 20, 2026" in answer
    listed = await world.admin.slash(world.general, "knowledge list")
    assert "All of Us Are Dead season 3 premiere date" in listed.response.embeds[0].description
