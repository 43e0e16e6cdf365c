"""/config show: the server's show, among those loaded, with autocomplete; every answer
command then asks the engine about that show, for this server."""
import pytest

from bot.storage.guild_settings import InvalidSetting
from tests.discord_app.exts.conftest import expected_errors
from tests.discord_app.exts.fakes import AOUAD, SWEET_HOME, FakeEngine


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine(shows=(AOUAD, SWEET_HOME))


async def test_autocomplete_offers_the_loaded_shows_by_name(world):
    every = await world.admin.autocomplete(world.general, "config show", "show", "")
    typed = await world.admin.autocomplete(world.general, "config show", "show", "swe")

    assert [(c["name"], c["value"]) for c in every] == [("All of Us Are Dead", "all-of-us-are-dead"),
                                                         ("Sweet Home", "sweet-home")]
    assert [c["value"] for c in typed] == ["sweet-home"]


async def test_autocomplete_offers_nothing_to_members(world):
    config = world.env.backend.find_command("config", None)
    world.guild.set_command_permissions(int(config["id"]), {world.guild.default_role: True})

    assert await world.fan.autocomplete(world.general, "config show", "show", "") == []


async def test_an_admin_picks_the_show_and_answers_are_about_it_in_this_server_only(world, store):
    other = world.env.create_guild("Other server")
    other_channel = other.create_text_channel("general")
    other_fan = other.add_member(world.env.create_user("other-fan"))

    picked = await world.admin.slash(world.general, "config show", show="sweet-home")
    await world.fan.slash(world.general, "ask", question="Who plays the lead?")
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays the lead?")
    await world.fan.slash(world.general, "cast", name="Nam-ra")
    await world.fan.slash(world.general, "release")
    await world.fan.slash(world.general, "sources")
    await other_fan.slash(other_channel, "ask", question="Who plays the lead?")

    assert picked.ephemeral and "Sweet Home" in picked.response.content
    assert (await store.get(world.guild.id)).show == "sweet-home"
    calls = world.env.bot.engine.calls
    here = [(c.method, c.show, c.guild_id) for c in calls[:-1]]
    assert here == [("ask", "sweet-home", world.guild.id), ("ask", "sweet-home", world.guild.id),
                    ("answer_for:who_is", "sweet-home", world.guild.id),
                    ("answer_for:release", "sweet-home", world.guild.id),
                    ("articles", "sweet-home", world.guild.id)]
    assert (calls[-1].show, calls[-1].guild_id) == (None, other.id)


async def test_a_name_or_alias_typed_instead_of_chosen_is_understood(world, store):
    await world.admin.slash(world.general, "config show", show="aouad")

    assert (await store.get(world.guild.id)).show == "all-of-us-are-dead"


async def test_a_show_that_is_not_loaded_is_refused_and_nothing_changes(world, store):
    result = await world.admin.slash(world.general, "config show", show="Squid Game")

    assert result.ephemeral and "No show called 'Squid Game' is loaded" in result.response.content
    assert "Sweet Home" in result.response.content and "Nothing was changed" in result.response.content
    assert (await store.get(world.guild.id)).show is None
    assert expected_errors(world.env) == [InvalidSetting]


async def test_settings_name_the_chosen_show_or_say_none_is_chosen(world):
    before = await world.admin.slash(world.general, "config show")
    await world.admin.slash(world.general, "config show", show="sweet-home")
    after = await world.admin.slash(world.general, "config show")

    assert "none chosen" in before.response.embeds[0].fields[0].value
    assert after.response.embeds[0].fields[0].value == "Sweet Home"


async def test_cast_autocomplete_is_about_the_server_show(world, store):
    await store.set(world.guild.id, "show", "sweet-home")

    await world.fan.autocomplete(world.general, "cast", "name", "nam")

    call = world.env.bot.engine.calls[-1]
    assert (call.method, call.show, call.guild_id) == ("complete_names", "sweet-home", world.guild.id)
