"""/config: admins only (by default visibility AND a runtime check), settings
validated, stored, and kept across restarts."""
import asyncio

import pytest
import simcord
from discord import app_commands

from bot.discord_app.app import create_bot
from bot.storage.guild_settings import GuildSettingsStore, InvalidSetting
from tests.discord_app.exts.conftest import expected_errors

SUBCOMMANDS = [
    ("config show", {}),
    ("config show", {"show": "all-of-us-are-dead"}),
    ("config channels", {"action": "clear"}),
    ("config mentions", {"enabled": False}),
    ("config spoilers", {"enabled": False}),
    ("config cooldown", {"seconds": 10}),
    ("config report", {}),
]


async def test_config_is_hidden_from_members_without_manage_server(world):
    assert "config show" in world.admin.available_commands(world.general)
    assert "config show" not in world.fan.available_commands(world.general)
    assert "ask" in world.fan.available_commands(world.general)


@pytest.mark.parametrize("name, options", SUBCOMMANDS)
async def test_every_subcommand_refuses_a_non_admin_even_if_the_server_unhides_it(world, store, name, options):
    # A server admin can override default_permissions (Integrations settings):
    # the runtime check must still refuse.
    config = world.env.backend.find_command("config", None)
    world.guild.set_command_permissions(int(config["id"]), {world.guild.default_role: True})

    result = await world.fan.slash(world.general, name, **options)

    assert result.ephemeral and "Manage Server" in result.response.content
    assert expected_errors(world.env) == [app_commands.MissingPermissions]
    assert await store.get(world.guild.id) == await store.get(None)  # defaults: nothing changed


async def test_show_lists_every_setting(world):
    result = await world.admin.slash(world.general, "config show")

    assert result.ephemeral
    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields == {"Show": "All of Us Are Dead (default)", "Answer channels": "everywhere",
                      "Mention replies": "on", "Hide spoilers": "on", "Cooldown per user": "off"}


async def test_settings_change_and_survive_a_restart(world, config, engine, store):
    await world.admin.slash(world.general, "config channels", action="add", channel=world.general)
    await world.admin.slash(world.general, "config mentions", enabled=False)
    await world.admin.slash(world.general, "config spoilers", enabled=False)
    await world.admin.slash(world.general, "config cooldown", seconds=15)

    # A new process: a new bot with its own connection to the same database file.
    async with GuildSettingsStore(config.settings_db) as reopened:
        await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=reopened))
        result = await world.admin.slash(world.general, "config show")
        await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))

    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields == {"Show": "All of Us Are Dead (default)", "Answer channels": f"<#{world.general.id}>",
                      "Mention replies": "off", "Hide spoilers": "off", "Cooldown per user": "15 s"}


async def test_channels_add_remove_clear(world, store):
    added = await world.admin.slash(world.general, "config channels", action="add", channel=world.other)
    await world.admin.slash(world.general, "config channels", action="add", channel=world.general)
    await world.admin.slash(world.general, "config channels", action="remove", channel=world.other)
    assert (await store.get(world.guild.id)).allowed_channels == (world.general.id,)
    cleared = await world.admin.slash(world.general, "config channels", action="clear")

    assert f"<#{world.other.id}>" in added.response.content
    assert "every channel" in cleared.response.content
    assert (await store.get(world.guild.id)).allowed_channels == ()


async def test_invalid_values_give_a_clear_error_and_change_nothing(world, store):
    no_channel = await world.admin.slash(world.general, "config channels", action="add")
    not_listed = await world.admin.slash(world.general, "config channels", action="remove", channel=world.other)
    with pytest.raises(simcord.OptionError):  # Discord itself enforces the 0–3600 range
        await world.admin.slash(world.general, "config cooldown", seconds=3601)

    assert "Choose a channel to add" in no_channel.response.content and no_channel.ephemeral
    assert "is not in the list" in not_listed.response.content
    assert expected_errors(world.env) == [InvalidSetting, InvalidSetting]
    assert await store.get(world.guild.id) == await store.get(None)


async def test_report_shows_unanswered_questions_and_downvoted_answers(world):
    for _ in range(2):
        await world.fan.slash(world.general, "ask", question="Who is the zombie teacher?")
    await world.fan.send(world.general, f"<@{world.bot_id}> what's the budget??")
    answer = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    await world.fan.click(answer.response.message, custom_id="showbot:feedback:down")

    result = await world.admin.slash(world.general, "config report")

    fields = {f.name: f.value for f in result.response.embeds[0].fields}
    assert fields["Most asked, not answered"].splitlines() == [
        "2× who is the zombie teacher", "1× what's the budget"]
    assert "Who plays Nam-ra?" in fields["Answers that got 👎"]


async def test_config_is_not_available_in_dms(world):
    config = world.env.backend.find_command("config", None)
    assert config["contexts"] == [0] or config.get("dm_permission") is False


async def test_config_answers_discord_before_a_slow_settings_read(world, store, monkeypatch):
    env = world.env
    read = store.get

    async def slow_get(guild_id):
        await env.external_wait(asyncio.sleep(4), reason="a settings read on a very slow disk")
        return await read(guild_id)
    monkeypatch.setattr(store, "get", slow_get)

    result = await world.admin.slash(world.general, "config show")
    await env.advance_time(5)

    assert result.ephemeral and result.response.embeds
    assert expected_errors(env) == []
