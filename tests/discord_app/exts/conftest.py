"""SimCord fixtures: the real bot (create_bot) with a fake engine and a
settings database in tmp_path, in a server with a member and an admin."""
from __future__ import annotations

from dataclasses import dataclass

import discord
import pytest
import simcord

from bot.discord_app.app import create_bot
from bot.config import Config
from bot.storage.guild_settings import GuildSettingsStore

from .fakes import FakeEngine


@pytest.fixture
def config(tmp_path) -> Config:
    return Config(data_dir=tmp_path)


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
async def store(config):
    store = GuildSettingsStore(config.settings_db)
    await store.open()
    yield store
    await store.close()


@pytest.fixture
def simcord_bot(config, engine, store):
    return create_bot(config=config, engine=engine, guild_settings=store)


@dataclass
class World:
    env: simcord.Env
    guild: simcord.GuildHandle
    general: simcord.ChannelHandle
    other: simcord.ChannelHandle
    fan: simcord.MemberActor
    admin: simcord.MemberActor

    @property
    def bot_id(self) -> int:
        return self.env.bot.user.id


@pytest.fixture
def world(simcord_env) -> World:
    guild = simcord_env.create_guild("K-drama fans")
    general = guild.create_text_channel("general")
    other = guild.create_text_channel("off-topic")
    mods = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    fan = guild.add_member(simcord_env.create_user("fan"))
    admin = guild.add_member(simcord_env.create_user("admin"), roles=[mods])
    return World(simcord_env, guild, general, other, fan, admin)


def expected_errors(env: simcord.Env) -> list[type]:
    """Acknowledge the errors the bot handled (SimCord re-raises unacknowledged
    ones at teardown) and return their types, unwrapping invoke errors."""
    return [type(getattr(e, "original", e)) for e in env.errors]


def bot_messages(env: simcord.Env, channel: simcord.ChannelHandle) -> list[discord.Message]:
    return [m for m in channel.history() if m.author.id == env.bot.user.id]


def private_reply(result: simcord.InteractionResult) -> simcord.ResponseMessage:
    """The one message a refusal left, checked to be private: an ephemeral response,
    or (after a public "thinking…" deferral) the deferred message gone and one
    ephemeral follow-up in its place."""
    if result.ephemeral:
        assert result.response is not None and not result.followups
        return result.response
    assert result.response is None, "the public deferred message was not retracted"
    assert len(result.followups) == 1 and result.followups[0].ephemeral
    return result.followups[0]


def pytest_configure(config):
    config.addinivalue_line("markers", "real_engine: uses the real QA core instead of the fake engine")
