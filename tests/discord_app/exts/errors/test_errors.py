"""One failure (Discord 5xx/429, a bug in the core) is logged and apologised
for; the next question is answered as usual."""
import discord

from tests.discord_app.exts.conftest import expected_errors


async def test_discord_500_on_the_answer_is_apologised_for_and_the_next_answer_works(world):
    world.env.inject_error("PATCH", "/webhooks/*/messages/@original", status=500)

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
    async def broken(question):
        raise RuntimeError("boom")
    world.env.bot.engine.ask, working = broken, world.env.bot.engine.ask

    failed = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    world.env.bot.engine.ask = working
    next_one = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Sorry, something went wrong" in failed.response.content
    assert "boom" not in failed.response.content  # no internals shown
    assert "Cho Yi-hyun" in next_one.response.embeds[0].description
    assert expected_errors(world.env) == [RuntimeError]


async def test_a_failed_mention_reply_does_not_stop_the_next_one(world):
    world.env.inject_error("POST", "/channels/*/messages", status=503)

    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    replies = [m for m in world.general.history() if m.author.id == world.bot_id]
    # The first reply failed; the apology went out instead, then the real answer.
    assert "hiccup" in replies[0].content
    assert "Cho Yi-hyun" in replies[-1].embeds[0].description
