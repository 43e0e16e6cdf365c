"""/cast, /release, /sources, /help and /cast autocomplete."""


async def test_cast_without_a_name_lists_the_cast(world):
    result = await world.fan.slash(world.general, "cast")

    embed = result.response.embeds[0]
    assert "Park Ji-hu" in embed.description and "Netflix Tudum" in embed.fields[0].value


async def test_cast_with_a_name_says_who_plays_them(world):
    result = await world.fan.slash(world.general, "cast", name="Choi Nam-ra")

    assert "Cho Yi-hyun" in result.response.embeds[0].description


async def test_cast_autocomplete_is_fuzzy_over_characters_and_actors(world):
    choices = await world.fan.autocomplete(world.general, "cast", "name", "namra")

    names = [c["name"] for c in choices]
    assert "Choi Nam-ra" in names and len(names) <= 25


async def test_cast_autocomplete_with_nothing_typed_offers_names(world):
    choices = await world.fan.autocomplete(world.general, "cast", "name", "")

    assert choices and all(c["name"] == c["value"] for c in choices)


async def test_release(world):
    result = await world.fan.slash(world.general, "release")

    embed = result.response.embeds[0]
    assert "January 28, 2022" in embed.description and len(embed.fields) == 2


async def test_sources_lists_articles_with_publisher_date_and_link(world):
    result = await world.fan.slash(world.general, "sources")

    text = result.response.embeds[0].description
    assert "Netflix Tudum" in text and "2022-01-28" in text
    assert "(https://variety.com/2022/tv/news/all-of-us-are-dead-season-2)" in text


async def test_help_lists_commands_and_suggestions(world):
    result = await world.fan.slash(world.general, "help")

    assert result.ephemeral
    embed = result.response.embeds[0]
    text = " ".join(f.value for f in embed.fields)
    assert "/ask" in text and "/cast" in text and "Who plays Nam-ra?" in text
