"""/ask through the real discord.py stack (SimCord) with the fake engine."""
import asyncio

import pytest
import simcord

from bot.discord_app.refusals import ChannelNotAllowed, EmptyQuestion
from bot.discord_app.exts.feedback._view import DOWN_ID, UP_ID
from tests.discord_app.exts.conftest import bot_messages, expected_errors, private_reply


async def test_ask_answers_with_cited_sources_and_feedback_buttons(world):
    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert not result.ephemeral
    embed = result.response.embeds[0]
    assert embed.title == "Who plays Nam-ra?"
    assert "Cho Yi-hyun" in embed.description
    source = embed.fields[0]
    assert "Meet the cast" in source.name
    assert "Netflix Tudum" in source.value and "2022-01-28" in source.value
    assert "(https://www.netflix.com/tudum/articles/all-of-us-are-dead-cast)" in source.value
    assert "> Cho Yi-hyun plays Choi Nam-ra" in source.value
    buttons = [c["custom_id"] for row in result.response.components for c in row["components"]]
    assert buttons == [UP_ID, DOWN_ID]


async def test_decline_shows_suggestions_and_is_logged_for_the_report(world, store):
    result = await world.fan.slash(world.general, "ask", question="What is the meaning of life?")

    embed = result.response.embeds[0]
    assert "couldn't find" in embed.description
    assert "Who plays Nam-ra?" in embed.description  # a suggestion
    assert not result.response.components  # nothing to rate
    report = await store.report(world.guild.id)
    assert report.unanswered == [("what is the meaning of life", 1)]


async def test_everyone_role_and_user_mentions_in_a_question_ping_nobody(world):
    role = world.guild.create_role("Everyone-ish", mentionable=True)
    question = f"@everyone @here <@&{role.id}> {world.admin.mention} who plays Nam-ra?"

    result = await world.fan.slash(world.general, "ask", question=question)

    stored = world.env.backend.get_message(world.general.id, result.response.id)
    assert not stored.mention_everyone and not stored.ping_user_ids and not stored.ping_role_ids
    request = [r for r in world.env.http_requests if r.method == "PATCH"][-1]
    assert request.json["allowed_mentions"] == {"parse": []}
    # The engine never sees mention markup, only the words.
    assert world.env.bot.engine.asked[-1] == "@everyone @here who plays Nam-ra?"


async def test_a_4000_character_question_gets_an_answer_within_limits(world):
    question = ("Who plays Nam-ra? " * 300)[:4000]
    result = await world.fan.slash(world.general, "ask", question=question)

    embed = result.response.embeds[0]
    assert len(embed.title) <= 256 and embed.title.endswith("…")
    assert "Cho Yi-hyun" in embed.description


async def test_a_question_over_4000_characters_is_refused_by_discord(world):
    with pytest.raises(simcord.OptionError):
        await world.fan.slash(world.general, "ask", question="x" * 4001)


async def test_a_blank_question_gets_a_clear_ephemeral_message(world):
    result = await world.fan.slash(world.general, "ask", question="  \u200b ")

    assert result.ephemeral and "Please type a question" in result.response.content
    assert expected_errors(world.env) == [EmptyQuestion]
    assert world.env.bot.engine.asked == []


async def test_markdown_and_odd_unicode_show_as_typed(world):
    result = await world.fan.slash(world.general, "ask", question="**Nam-ra** ||ending|| 남라 \u202e?")

    embed = result.response.embeds[0]
    assert embed.title.startswith(r"\*\*Nam-ra\*\* \|\|ending\|\| 남라")


def _new_server(env):
    """A server joined after start: its settings are not in memory yet."""
    guild = env.create_guild("New server")
    answers, chat = guild.create_text_channel("answers"), guild.create_text_channel("chat")
    return guild, answers, chat, guild.add_member(env.create_user("newcomer"))


def _slow_settings(env, store, monkeypatch, seconds: float = 4) -> None:
    read = store.get

    async def slow_get(guild_id):
        await env.external_wait(asyncio.sleep(seconds), reason="a settings read on a very slow disk")
        return await read(guild_id)
    monkeypatch.setattr(store, "get", slow_get)


@pytest.mark.parametrize("command, options", [
    ("ask", {"question": "Who plays Nam-ra?"}), ("sources", {}), ("help", {}),
])
async def test_a_slow_settings_read_does_not_lose_the_interaction(world, store, monkeypatch, command, options):
    """Discord drops an interaction not answered within 3 s (10062 Unknown interaction):
    the deferral must not wait for the settings, whatever the disk does."""
    _, channel, _, fan = _new_server(world.env)
    _slow_settings(world.env, store, monkeypatch)

    result = await fan.slash(channel, command, **options)
    await world.env.advance_time(5)

    assert result.response.embeds
    assert expected_errors(world.env) == []


async def test_refusals_stay_private_when_settings_are_read_from_disk(world, store):
    guild, answers, chat, fan = _new_server(world.env)
    await store.set(guild.id, "allowed_channels", (answers.id,))
    store._cache.clear()  # as after a restart: nothing in memory

    refused = await fan.slash(chat, "ask", question="Who plays Nam-ra?")

    assert f"<#{answers.id}>" in private_reply(refused).content
    assert bot_messages(world.env, chat) == []
    assert expected_errors(world.env) == [ChannelNotAllowed]


async def test_a_refusal_after_a_slow_settings_read_still_reaches_the_user(world, store, monkeypatch):
    guild, answers, chat, fan = _new_server(world.env)
    await store.set(guild.id, "allowed_channels", (answers.id,))
    store._cache.clear()
    _slow_settings(world.env, store, monkeypatch)

    refused = await fan.slash(chat, "ask", question="Who plays Nam-ra?")
    await world.env.advance_time(5)

    assert f"<#{answers.id}>" in private_reply(refused).content  # private, though the deferral was public
    assert bot_messages(world.env, chat) == []
    assert world.env.bot.engine.asked == []
    assert expected_errors(world.env) == [ChannelNotAllowed]


@pytest.mark.parametrize("command, options", [
    ("ask", {"question": "Who plays Nam-ra?"}), ("cast", {}), ("cast", {"name": "Nam-ra"}), ("release", {}),
    ("sources", {}), ("help", {}),
])
async def test_the_deferral_comes_before_any_settings_read(world, store, monkeypatch, command, options):
    """Defer first, then everything else: not even the settings in memory are looked at
    before Discord has its answer (issue 7, defect 9)."""
    callbacks_at_read = []

    def spy(method):
        def wrapper(*args, **kwargs):
            callbacks_at_read.append(sum(1 for r in world.env.http_requests
                                         if r.method == "POST" and r.path.endswith("/callback")))
            return method(*args, **kwargs)
        return wrapper
    await store.get(world.guild.id)  # in memory already: the case a budget let go first
    monkeypatch.setattr(store, "get", spy(store.get))
    monkeypatch.setattr(store, "cached", spy(store.cached))

    result = await world.fan.slash(world.general, command, **options)

    assert result.deferred or result.response.embeds
    assert callbacks_at_read and all(n == 1 for n in callbacks_at_read)
