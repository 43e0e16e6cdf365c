"""Texts that name the show get it from the show data: the server's chosen show, else
the default, else "the show" when several are loaded (issue 6). Command descriptions are
global: they name the show only when one is loaded."""
import pytest

from bot.discord_app.app import create_bot
from tests.discord_app.exts.fakes import AOUAD, SWEET_HOME, FakeEngine


def _description(env, name: str) -> str:
    return env.backend.find_command(name, None)["description"]


async def test_with_one_show_the_commands_help_and_footer_name_it(world):
    help_ = await world.fan.slash(world.general, "help")
    answer = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert _description(world.env, "ask") == "Ask a question about All of Us Are Dead; the answer cites its sources."
    assert "All of Us Are Dead" in _description(world.env, "release")
    embed = help_.response.embeds[0]
    assert "All of Us Are Dead" in embed.title and "*All of Us Are Dead*" in embed.description
    assert "When All of Us Are Dead came out" in embed.fields[0].value
    assert "When was All of Us Are Dead released?" in embed.fields[-1].value  # the example names it
    assert "about All of Us Are Dead" in answer.response.embeds[0].footer.text


async def test_with_several_shows_and_none_chosen_texts_say_the_show(world, config, store):
    engine = FakeEngine(shows=(AOUAD, SWEET_HOME))
    await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))

    help_ = await world.fan.slash(world.general, "help")
    answer = await world.fan.slash(world.general, "ask", question="What is the meaning of life?")

    assert _description(world.env, "ask") == "Ask a question about the show; the answer cites its sources."
    fields = {f.name: f.value for f in help_.response.embeds[0].fields}
    assert "All of Us Are Dead, Sweet Home" in fields["Shows I know"] and "/config show" in fields["Shows I know"]
    assert "When was the show released?" in fields["Try asking"]
    assert "about the show" in answer.response.embeds[0].footer.text


async def test_the_server_show_is_named_in_help_and_footers(world, config, store):
    engine = FakeEngine(shows=(AOUAD, SWEET_HOME))
    await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))
    await store.set(world.guild.id, "show", "sweet-home")

    help_ = await world.fan.slash(world.general, "help")
    answer = await world.fan.slash(world.general, "ask", question="Is there a season 2?")
    sources = await world.fan.slash(world.general, "sources")

    assert "*Sweet Home*" in help_.response.embeds[0].description
    assert "about Sweet Home" in answer.response.embeds[0].footer.text
    assert sources.response.embeds[0].title == "Sources about Sweet Home"
    assert _description(world.env, "ask").startswith("Ask a question about the show")  # global: not one server's


async def test_the_default_show_is_named_when_the_server_chose_none(world, config, store):
    engine = FakeEngine(shows=(AOUAD, SWEET_HOME), default_show="sweet-home")
    await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))

    help_ = await world.fan.slash(world.general, "help")

    assert "*Sweet Home*" in help_.response.embeds[0].description


@pytest.mark.parametrize("length", [20, 150])
def test_long_show_names_keep_command_descriptions_within_discord_limits(length):
    from bot.discord_app.exts.answers._cog import DESCRIPTIONS
    from bot.discord_app.render import describe_command

    for template in DESCRIPTIONS.values():
        text = describe_command(template, "S" * length)
        assert len(text) <= 100 and text.startswith(template.split("{show}")[0])
