"""Start-up: create_bot() from the environment, minimal intents, deliberate
command sync, and a friendly one-line message for a missing/rejected token."""
import io
import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import aiohttp
import discord
import pytest

from bot import logs
from bot.discord_app import app
from bot.discord_app.app import create_bot
from bot.discord_app.client import ShowBot


def _command_syncs(env) -> int:
    return sum(1 for r in env.http_requests if r.method == "PUT" and r.path.endswith("/commands"))


def test_create_bot_with_no_arguments_reads_the_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("SHOWBOT_DATA_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("SHOWBOT_DEV_GUILD", "1234")

    bot = create_bot()

    assert isinstance(bot, ShowBot)
    assert bot.config.data_dir == tmp_path / "state" and bot.config.dev_guild == 1234
    assert bot.guild_settings.path == tmp_path / "state" / "settings.sqlite3"
    assert bot.engine is None  # opened in setup_hook, not on import or construction


def test_only_the_needed_intents_and_no_pings():
    bot = create_bot(config=app.Config())
    enabled = {name for name, on in bot.intents if on}

    assert enabled == {"guilds", "guild_messages", "message_content"}
    assert bot.allowed_mentions.to_dict() == {"parse": []}


def test_missing_token_gives_one_line_of_help(capsys):
    assert app.run(app.Config(discord_token=None)) == 2

    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "DISCORD_TOKEN" in err and "discord.com/developers" in err and "showbot chat" in err


def test_rejected_token_gives_one_line_of_help(monkeypatch, capsys, tmp_path):
    async def refuse(self, token):
        raise discord.LoginFailure("Improper token has been passed.")
    monkeypatch.setattr(ShowBot, "login", refuse)

    code = app.run(app.Config(discord_token="not-a-real-token", data_dir=tmp_path))

    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "rejected" in err
    assert "not-a-real-token" not in err


@pytest.fixture
def log_stream():
    return io.StringIO()  # tests/conftest.py puts the logging configuration back afterwards


def test_the_token_never_reaches_the_logs(log_stream):
    logs.configure("INFO", secrets=("secret.token.value",), stream=log_stream)

    logging.getLogger("x").info("connecting with %s", "secret.token.value")

    assert "secret.token.value" not in log_stream.getvalue() and "[token]" in log_stream.getvalue()


def test_the_token_is_redacted_from_exception_text_and_tracebacks(log_stream):
    token = "MTIz.secret.token"
    app.configure_logging(app.Config(discord_token=token))
    logging.getLogger().handlers[0].setStream(log_stream)

    try:
        raise discord.LoginFailure(f"Improper token has been passed: {token}")
    except discord.LoginFailure:
        logging.getLogger("discord.client").exception("Login failed")

    text = log_stream.getvalue()
    assert "Traceback" in text and "Improper token" in text
    assert token not in text


def test_debug_logging_keeps_third_party_chatter_at_info(log_stream):
    logs.configure("DEBUG", stream=log_stream)

    for name in ("aiosqlite", "discord.gateway", "asyncio"):
        logging.getLogger(name).debug("noise from %s", name)
    logging.getLogger("bot.qa").debug("ours")

    assert "noise" not in log_stream.getvalue() and "ours" in log_stream.getvalue()


@pytest.mark.parametrize("failure, code", [
    (discord.LoginFailure("Improper token has been passed."), app.EXIT_CONFIG),
    (aiohttp.ClientConnectionError("Cannot connect to host discord.com:443"), app.EXIT_UNAVAILABLE),
    (OSError(101, "Network is unreachable"), app.EXIT_UNAVAILABLE),
])
def test_a_bad_token_and_an_unreachable_discord_exit_differently(monkeypatch, capsys, tmp_path, failure, code):
    """systemd's RestartPreventExitStatus must stop retrying a bad token, not a network outage."""
    async def fail(self, token):
        raise failure
    monkeypatch.setattr(ShowBot, "login", fail)

    assert app.run(app.Config(discord_token="x.y.z", data_dir=tmp_path)) == code
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_an_unwritable_data_folder_is_one_clear_line(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    code = app.run(app.Config(discord_token="x.y.z", data_dir=blocker / "data"))

    err = capsys.readouterr().err.strip()
    assert code == app.EXIT_CONFIG and len(err.splitlines()) == 1 and "data folder" in err


async def test_commands_sync_on_first_start_only_and_again_when_the_tree_changes(
        world, config, engine, store):
    env = world.env
    assert _command_syncs(env) == 1  # fresh data dir: first start syncs

    await env.restart_bot(create_bot(config=config, engine=engine, guild_settings=store))
    assert _command_syncs(env) == 1  # unchanged tree: no sync on restart
    assert "ask" in world.fan.available_commands(world.general)

    changed = create_bot(config=config, engine=engine, guild_settings=store)

    @changed.tree.command(name="ping", description="new command")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    await env.restart_bot(changed)
    assert _command_syncs(env) == 2
    assert (await world.fan.slash(world.general, "ping")).response.content == "pong"


async def test_dev_guild_sync_targets_only_that_server(world, config, engine, store):
    env = world.env
    dev = replace(config, dev_guild=world.guild.id)

    await env.restart_bot(create_bot(config=dev, engine=engine, guild_settings=store))

    assert {c["name"] for c in env.backend.commands[world.guild.id].values()} >= {"ask", "config"}
    assert _command_syncs(env) == 2  # the global sync at first start, then the dev guild


async def test_a_failed_sync_is_logged_and_the_bot_still_starts(world, config, engine, store, caplog):
    world.env.inject_error("PUT", "/applications/*/guilds/*/commands", status=403, code=50001,
                           message="Missing Access")
    dev = replace(config, dev_guild=world.guild.id)

    await world.env.restart_bot(create_bot(config=dev, engine=engine, guild_settings=store))
    result = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra?")

    assert "Slash-command sync failed" in caplog.text
    assert "Cho Yi-hyun" in result.response.embeds[0].description


def test_sync_without_a_token_gives_one_line_of_help(capsys):
    assert app.sync(app.Config(discord_token=None)) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


SIGTERM_SCRIPT = """
import asyncio, os, signal, sys
from pathlib import Path
from bot.discord_app import app
from bot.discord_app.client import ShowBot

async def login(self, token):
    self.sync_on_start = False  # no application id without a real login
    await self.setup_hook()  # opens the settings store and the engine, as the real login does
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.sleep(30)  # the gateway would be here

bots = []
original_close = ShowBot.close
async def close(self):
    bots.append(self)
    await original_close(self)
ShowBot.login, ShowBot.close = login, close
code = app.run(app.Config(discord_token="x.y.z", data_dir=Path(sys.argv[1])))
print(code, [b.guild_settings._db is None for b in bots])
"""


def test_sigterm_stops_the_bot_cleanly(tmp_path):
    """docker stop / systemctl stop: the bot closes (its databases too) and exits 0,
    instead of dying mid-write (or being ignored as a container's PID 1)."""
    checkout = Path(__file__).resolve().parents[3]
    proc = subprocess.run([sys.executable, "-c", SIGTERM_SCRIPT, str(tmp_path)], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, PYTHONPATH=str(checkout)))

    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["0", "[True]"]
