"""@showbot questions: replies with the same cited answer, or a short help."""
from tests.discord_app.exts.conftest import bot_messages


async def test_mention_with_a_question_replies_with_cited_answer(world):
    question = await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    reply = world.general.last_message
    assert reply.author.id == world.bot_id
    assert reply.reference.message_id == question.id
    embed = reply.embeds[0]
    assert "Cho Yi-hyun" in embed.description
    assert "Netflix Tudum" in embed.fields[0].value and "Cho Yi-hyun plays" in embed.fields[0].value
    assert world.env.bot.engine.asked == ["who plays Nam-ra?"]


async def test_reply_does_not_ping_the_asker_or_anyone_else(world):
    await world.fan.send(world.general, f"<@{world.bot_id}> @everyone {world.admin.mention} who plays Nam-ra?")

    stored = world.env.backend.get_message(world.general.id, world.general.last_message.id)
    assert not stored.mention_everyone and not stored.ping_user_ids and not stored.ping_role_ids


async def test_mention_without_a_question_gets_short_help(world):
    await world.fan.send(world.general, f"<@{world.bot_id}>")

    embed = world.general.last_message.embeds[0]
    assert "/ask" in embed.fields[0].value
    assert world.env.bot.engine.asked == []


async def test_messages_without_a_mention_are_ignored(world):
    await world.fan.send(world.general, "who plays Nam-ra?")

    assert bot_messages(world.env, world.general) == []


async def test_messages_from_bots_are_ignored(world):
    other_bot = world.guild.add_member(world.env.create_user("otherbot", bot=True))

    await other_bot.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    assert bot_messages(world.env, world.general) == []


async def test_mentions_turned_off_means_silence(world, store):
    await store.set(world.guild.id, "mentions_enabled", False)

    await world.fan.send(world.general, f"<@{world.bot_id}> who plays Nam-ra?")

    assert bot_messages(world.env, world.general) == []


async def test_mention_spam_gets_one_cooldown_notice_per_window_then_silence(world, store):
    await store.set(world.guild.id, "cooldown_seconds", 30)
    ask = f"<@{world.bot_id}> who plays Nam-ra?"

    for _ in range(10):
        await world.fan.send(world.general, ask)
    first_window = bot_messages(world.env, world.general)
    await world.env.advance_time(30)
    for _ in range(10):
        await world.fan.send(world.general, ask)
    both_windows = bot_messages(world.env, world.general)

    assert len(first_window) == 2  # the answer, then one "you're asking quickly"
    assert first_window[0].embeds and "asking quickly" in first_window[1].content
    assert len(both_windows) == 4 and "asking quickly" in both_windows[3].content
    assert len(world.env.bot.engine.asked) == 2
