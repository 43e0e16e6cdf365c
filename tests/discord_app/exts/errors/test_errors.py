"""One failure (Discord 5xx/429, a bug in the core) is retried or routed
around, or else logged and apologised for; the next question is answered as usual."""
import discord
import pytest

from tests.discord_app.exts.conftest import expected_errors

EDIT = ("PATCH", "/webhooks/*/messages/@original")
FOLLOW_UP = ("POST", "/webhooks/*/*")
CHANNEL_SEND = ("POST", "/channels/*/messages")


@pytest.fixture(autouse=True)
def quick_retries(world):
    world.env.bot.get_cog("Answers").retry_delay = 0.01


def _calls(env, method: str, pattern: str) -> int:
    import fnmatch
    return sum(1 for r in env.http_requests if r.method == method and fnmatch.fnmatch(r.path, pattern))


@pytest.mark.parametrize("status", [500, 502, 429])
async def test_a_5xx_or_429_on_the_answer_is_retried_and_the_answer_arrives(world, status):
    world.env.inject_error(*EDIT, status=status)

    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Cho Yi-hyun" in result.response.embeds[0].description
    assert _calls(world.env, *EDIT) == 2
    assert expected_errors(world.env) == []


async def test_when_editing_keeps_failing_the_answer_arrives_as_a_follow_up(world):
    world.env.inject_error(*EDIT, status=503, times=None)

    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Cho Yi-hyun" in result.response.embeds[0].description
    assert result.response.components  # with its 👍/👎
    assert _calls(world.env, *EDIT) == 2 and expected_errors(world.env) == []


async def test_when_every_route_fails_the_user_gets_the_apology_and_the_next_answer_works(world):
    world.env.inject_error(*EDIT, status=500, times=2)
    world.env.inject_error(*FOLLOW_UP, status=500)

    failed = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    next_one = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    # After a deferral, the first follow-up replaces the "thinking…" message.
    assert "hiccup" in failed.response.content
    assert "Cho Yi-hyun" in next_one.response.embeds[0].description
    assert expected_errors(world.env) == [discord.HTTPException]


async def test_rate_limited_429_does_not_stop_the_bot(world):
    world.env.inject_error("POST", "/interactions/*/callback", status=429, message="You are being rate limited.")

    await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    next_one = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Cho Yi-hyun" in next_one.response.embeds[0].description
    assert expected_errors(world.env)  # logged, not swallowed silently


async def test_a_bug_in_the_engine_gets_a_short_apology(world):
    async def broken(question, **where):
        raise RuntimeError("boom")
    world.env.bot.engine.ask, working = broken, world.env.bot.engine.ask

    failed = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    world.env.bot.engine.ask = working
    next_one = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Sorry, something went wrong" in failed.response.content
    assert "boom" not in failed.response.content  # no internals shown
    assert "Cho Yi-hyun" in next_one.response.embeds[0].description
    assert expected_errors(world.env) == [RuntimeError]


@pytest.mark.parametrize("status", [503, 429])
async def test_a_failed_mention_reply_is_retried(world, status):
    world.env.inject_error(*CHANNEL_SEND, status=status)

    question = await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    reply = world.general.last_message
    assert "Cho Yi-hyun" in reply.embeds[0].description and reply.reference.message_id == question.id


async def test_a_mention_reply_that_keeps_failing_is_posted_in_the_channel_instead(world):
    world.env.inject_error(*CHANNEL_SEND, status=500, times=2)  # the reply and its retry

    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    answer = world.general.last_message
    assert answer.author.id == world.bot_id and "Cho Yi-hyun" in answer.embeds[0].description


async def test_a_failed_mention_reply_does_not_stop_the_next_one(world):
    world.env.inject_error(*CHANNEL_SEND, status=503, times=3)  # reply, retry, plain message

    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    replies = [m for m in world.general.history() if m.author.id == world.bot_id]
    # Every route for the first answer failed; the apology went out instead, then the real answer.
    assert "hiccup" in replies[0].content
    assert "Cho Yi-hyun" in replies[-1].embeds[0].description


async def test_a_refusal_whose_deferral_cannot_be_retracted_still_reaches_the_user(world, store):
    from bot.discord_app.refusals import ChannelNotAllowed
    await store.set(world.guild.id, "allowed_channels", (world.general.id,))
    world.env.inject_error(*EDIT, status=500)

    refused = await world.fan.slash(world.other, "ask", question="Who plays Nam-ra?")

    # Not private this once (the "thinking…" message could not be taken back), but not lost.
    assert f"<#{world.general.id}>" in refused.response.content
    assert expected_errors(world.env) == [ChannelNotAllowed]
