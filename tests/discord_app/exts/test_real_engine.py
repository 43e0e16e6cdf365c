"""End to end with the real core (bot.service.open_engine) instead of the fake:
the bundled articles, through discord.py, under SimCord. Marked ``real_engine``
(deselect with ``-m "not real_engine"``)."""
import pytest

from bot.service import open_engine

pytestmark = pytest.mark.real_engine


@pytest.fixture
async def engine(config):
    engine = await open_engine(config)
    yield engine
    await engine.close()


async def test_ask_who_plays_nam_ra(world):
    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    embed = result.response.embeds[0]
    assert "Cho Yi-hyun" in embed.description
    assert embed.fields and embed.fields[0].value  # at least one cited source


async def test_mention_reply_cites_sources(world):
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    embed = world.general.last_message.embeds[0]
    assert "Cho Yi-hyun" in embed.description and embed.fields


async def test_cast_with_a_name_and_autocomplete(world):
    choices = await world.fan.autocomplete(world.general, "cast", "name", "namra")
    result = await world.fan.slash(world.general, "cast", name=choices[0]["value"])

    assert "Choi Nam-ra" in [c["value"] for c in choices]
    assert "Cho Yi-hyun" in result.response.embeds[0].description


async def test_cast_list_release_and_sources(world):
    cast = await world.fan.slash(world.general, "cast")
    release = await world.fan.slash(world.general, "release")
    sources = await world.fan.slash(world.general, "sources")

    assert "Park Ji-hu" in cast.response.embeds[0].description
    assert release.response.embeds[0].fields
    assert sources.response.embeds[0].description.count("•") == len(await world.env.bot.engine.articles())


async def test_spoiler_answer_is_hidden(world):
    result = await world.fan.slash(world.general, "ask", question="How did the first season end?")

    embed = result.response.embeds[0]
    assert embed.description.startswith("||") and embed.description.endswith("||")


async def test_a_4000_character_question_is_answered_or_declined_within_limits(world):
    result = await world.fan.slash(world.general, "ask", question=("zombie " * 600)[:4000])

    embed = result.response.embeds[0]
    assert len(embed) <= 6000 and embed.description
