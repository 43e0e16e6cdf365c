"""Server policy on answers: channel restriction, cooldown, spoiler tags."""
from bot.discord_app.refusals import ChannelNotAllowed, UserOnCooldown
from tests.discord_app.exts.conftest import bot_messages, expected_errors, private_reply


async def test_restricted_channels_answer_ask_ephemerally_elsewhere(world, store):
    await store.set(world.guild.id, "allowed_channels", (world.general.id,))

    refused = await world.fan.slash(world.other, "ask", question="Who plays Nam-ra?")
    allowed = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert f"<#{world.general.id}>" in private_reply(refused).content
    assert bot_messages(world.env, world.other) == []  # nothing left in the channel
    assert "Cho Yi-hyun" in allowed.response.embeds[0].description
    assert expected_errors(world.env) == [ChannelNotAllowed]


async def test_restricted_channels_mean_silence_on_mentions_elsewhere(world, store):
    await store.set(world.guild.id, "allowed_channels", (world.general.id,))

    await world.fan.send(world.other, f"<@{world.bot_id}> who plays Nam-ra?")
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    assert bot_messages(world.env, world.other) == []
    assert len(bot_messages(world.env, world.general)) == 1


async def test_cooldown_tells_the_user_when_to_try_again(world, store):
    await store.set(world.guild.id, "cooldown_seconds", 30)

    first = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    second = await world.fan.slash(world.general, "ask", question="Is there a season 2?")
    other_user = await world.admin.slash(world.general, "ask", question="Is there a season 2?")
    await world.env.advance_time(30)
    later = await world.fan.slash(world.general, "ask", question="Is there a season 2?")

    assert first.response.embeds and other_user.response.embeds and later.response.embeds
    assert "Try again in 30 s" in private_reply(second).content
    assert expected_errors(world.env) == [UserOnCooldown]


async def test_cooldown_applies_to_mentions_too(world, store):
    await store.set(world.guild.id, "cooldown_seconds", 60)

    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")
    await world.fan.send(world.general, f"<@{world.bot_id}> is there a season 2?")

    assert "Try again in 60 s" in world.general.last_message.content
    assert world.env.bot.engine.asked == ["who plays Nam-ra?"]


async def test_spoiler_answers_are_hidden_by_default(world):
    result = await world.fan.slash(world.general, "ask", question="What happens to Nam-ra at the end?")

    embed = result.response.embeds[0]
    assert embed.description.startswith("||") and embed.description.endswith("||")
    assert "||Nam-ra becomes a hambie" in embed.fields[0].value  # the quote gives it away too


async def test_spoilers_shown_plainly_when_the_server_turns_tags_off(world, store):
    await store.set(world.guild.id, "hide_spoilers", False)

    result = await world.fan.slash(world.general, "ask", question="What happens to Nam-ra at the end?")

    embed = result.response.embeds[0]
    assert embed.description.startswith("Nam-ra becomes") and "||" not in embed.fields[0].value
