"""👍/👎 under answers: one vote per user per answer, kept across restarts."""
from bot.discord_app.app import create_bot
from bot.discord_app.exts.feedback._view import DOWN_ID, UP_ID


async def test_votes_are_recorded_and_a_later_vote_replaces_the_earlier(world, store):
    answer = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
    message = answer.response.message

    up = await world.fan.click(message, custom_id=UP_ID)
    await world.admin.click(message, custom_id=UP_ID)
    down = await world.fan.click(message, custom_id=DOWN_ID)

    assert up.ephemeral and "Thanks" in up.response.content
    assert down.ephemeral
    assert await store.votes(message.id) == {world.fan.id: -1, world.admin.id: 1}
    report = await store.report(world.guild.id)
    assert report.downvoted == [("Who plays Nam-ra?", "who_plays", 1)]


async def test_buttons_keep_working_after_a_restart(world, config, engine, store):
    answer = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    await world.env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))
    click = await world.fan.click(answer.response.message, custom_id=DOWN_ID)

    assert click.ephemeral and "Thanks" in click.response.content
    assert await store.votes(answer.response.id) == {world.fan.id: -1}


async def test_mention_replies_get_buttons_too(world, store):
    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")
    reply = world.general.last_message

    await world.fan.click(reply, custom_id=UP_ID)

    assert await store.votes(reply.id) == {world.fan.id: 1}


async def test_answers_reuse_one_registered_view_instead_of_keeping_one_per_answer(world, store):
    """discord.py keeps every dispatchable View it sends; one per answer grew without end."""
    for _ in range(10):
        await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")
        await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")
    last = world.general.last_message

    assert len(world.env.bot.persistent_views) <= 1
    click = await world.fan.click(last, custom_id=UP_ID)
    assert click.ephemeral and await store.votes(last.id) == {world.fan.id: 1}
