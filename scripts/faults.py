"""Fault injection: tries each failure from issue 7 and prints whether showbot held.

Not a test (nothing here is asserted; the table is the result) and not timed:
a careful admin's and an attacker's afternoon, replayed offline in about half a
minute. Each case runs the real thing: `showbot` as a subprocess, or the bot
exactly as `showbot run` builds it (create_bot(), real settings store with
backups, real engine over the bundled articles) under SimCord's simulated Discord.

    python scripts/faults.py              # every case, a Markdown table
    python scripts/faults.py -k backup    # only the cases whose name contains "backup"

A case is a function that takes a fresh temporary folder and returns an
Outcome(held, data_lost, note[, tried]): add one by writing the function and
listing it in CASES. "held" means the bot kept working and behaved as designed;
"data lost" means a setting, vote, answer or line of output did not survive.
"""
from __future__ import annotations

import argparse
import asyncio
import inspect
import io
import json
import logging
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import discord  # noqa: E402
import simcord  # noqa: E402

from bot import logs  # noqa: E402
from bot.config import EXIT_CONFIG, EXIT_UNAVAILABLE, Config  # noqa: E402
from bot.discord_app import app  # noqa: E402
from bot.discord_app.app import create_bot  # noqa: E402
from bot.discord_app.client import ShowBot  # noqa: E402
from bot.storage.backups import Backups  # noqa: E402
from bot.storage.guild_settings import GuildSettingsStore  # noqa: E402

ASK = "Who plays Nam-ra?"


@dataclass
class Outcome:
    held: bool
    data_lost: bool
    note: str
    tried: int = 1


# ---------------------------------------------------------------- helpers

def showbot(*args: str, data: Path, stdin: bytes | None = None, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    """`showbot ARGS` as its own process, running this checkout."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT), SHOWBOT_DATA_DIR=str(data))
    environment.pop("SHOWBOT_ARTICLES", None)  # the bundled show, unless the case says otherwise
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          env=environment, cwd=tempfile.gettempdir(), timeout=timeout)


def one_clear_line(proc: subprocess.CompletedProcess, code: int = EXIT_CONFIG) -> bool:
    err = proc.stderr.decode(errors="replace").strip()
    return proc.returncode == code and len(err.splitlines()) == 1 and "Traceback" not in err


def process_keepers() -> set[threading.Thread]:
    return {t for t in threading.enumerate()
            if t.is_alive() and not t.daemon and not t.name.startswith("asyncio_")}


def leaked(before: set[threading.Thread]) -> int:
    new = process_keepers() - before
    for thread in new:
        thread.join(timeout=2)
    return sum(t.is_alive() for t in new)


class Server:
    """One simulated server with a fan and an admin."""

    def __init__(self, env: simcord.Env, name: str = "K-drama fans") -> None:
        self.env = env
        self.guild = env.create_guild(name)
        self.channel = self.guild.create_text_channel("general")
        mods = self.guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
        self.fan = self.guild.add_member(env.create_user(f"fan-{name}"))
        self.admin = self.guild.add_member(env.create_user(f"admin-{name}"), roles=[mods])

    def bot_messages(self) -> list:
        return [m for m in self.channel.history() if m.author.id == self.env.bot.user.id]


async def running_bot(tmp: Path, body) -> object:
    """Run ``body(env, bot)`` against the bot as `showbot run` builds it; always closed after."""
    bot = create_bot(config=Config(data_dir=tmp / "data"))
    try:
        async with simcord.run(bot, check_errors=False) as env:
            env.bot.get_cog("Answers").retry_delay = 0.05
            return await body(env, bot)
    finally:
        await bot.close()


def answered(result) -> bool:
    return bool(result.response and result.response.embeds and "Cho Yi-hyun" in result.response.embeds[0].description)


# ---------------------------------------------------------------- start-up and owned data (defects 1, 5)

async def start_as_run_builds_it_and_restart(tmp: Path) -> Outcome:
    config = Config(data_dir=tmp / "data")
    before = process_keepers()
    first, second = create_bot(config=config), create_bot(config=config)
    try:
        async with simcord.run(first, check_errors=False) as env:
            server = Server(env)
            answer = await server.fan.slash(server.channel, "ask", question=ASK)
            await server.admin.slash(server.channel, "config cooldown", seconds=42)
            await first.close()
            await env.restart_bot(second)
            shown = await server.admin.slash(server.channel, "config show")
    finally:
        await first.close()
        await second.close()
    fields = {f.name: f.value for f in shown.response.embeds[0].fields}
    threads = leaked(before)
    return Outcome(answered(answer) and threads == 0, fields.get("Cooldown per user") != "42 s",
                   f"answered, restarted; {threads} connection thread(s) left")


def _accident(kind: str) -> Callable[[Path], None]:
    def damage(db: Path) -> None:
        if kind == "deleted":
            db.unlink()
        elif kind == "emptied":
            db.write_bytes(b"")
        elif kind == "garbage":
            db.write_bytes(os.urandom(8192))
        else:  # a bad sector in the middle of the table pages
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            data = bytearray(db.read_bytes())
            data[4096:8192] = b"\xde\xad" * 2048
            db.write_bytes(bytes(data))
    return damage


async def _settings_accident(tmp: Path, kind: str, *, with_backup: bool = True) -> Outcome:
    db, folder = tmp / "settings.sqlite3", tmp / "backups"
    async with GuildSettingsStore(db, backups=Backups(db, folder)) as store:
        await store.set(1, "cooldown_seconds", 30)
        await store.record_vote(message_id=5, user_id=7, guild_id=1, vote=1)
        if with_backup:
            await store.backup()
    _accident(kind)(db)
    try:
        async with GuildSettingsStore(db, backups=Backups(db, folder)) as store:
            kept = (await store.get(1)).cooldown_seconds == 30 and await store.votes(5) == {7: 1}
    except Exception as exc:
        return Outcome(False, True, f"did not start: {exc.__class__.__name__}")
    note = "restored from the newest backup, logged at ERROR" if kept else "started empty, logged at ERROR"
    return Outcome(True, not kept, note)


def settings_case(kind: str, *, with_backup: bool = True):
    async def case(tmp: Path) -> Outcome:
        return await _settings_accident(tmp, kind, with_backup=with_backup)
    return case


# ---------------------------------------------------------------- command line (defects 7, 13)

def hostile_lines(n: int, seed: int = 7) -> list[bytes]:
    """Questions as an attacker types them: invalid UTF-8, line-break look-alikes, controls."""
    rng = random.Random(seed)
    nasty = [b"\xff", b"\xfe\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xe2\x80", b"\x00", b"\r",
             "\u2028".encode(), "\u2029".encode(), "\x85".encode(), b"\x0b\x0c\x1c\x1d\x1e",
             "\U0001f9df".encode(), "남라".encode(), b"@everyone", b"'; DROP TABLE facts; --"]
    words = [b"who", b"plays", b"nam-ra", b"season", b"2", b"release", b"cast", b"?"]
    return [b" ".join(rng.choice(words + nasty) for _ in range(rng.randint(0, 8))) for _ in range(n)]


def ask_json_any_bytes_strict(tmp: Path) -> Outcome:
    lines = hostile_lines(2400)
    proc = showbot("ask", "--json", data=tmp / "data", stdin=b"\n".join(lines) + b"\n",
                   env={"PYTHONIOENCODING": "utf-8:strict"}, timeout=300)
    try:
        text = proc.stdout.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(False, True, "output is not valid UTF-8", len(lines))
    parsed = 0
    for line in text.splitlines():
        try:
            json.loads(line)
            parsed += 1
        except ValueError:
            pass
    return Outcome(proc.returncode == 0 and parsed == len(lines), parsed != len(lines),
                   f"{parsed} of {len(lines)} lines in, one valid JSON line out each (rc {proc.returncode})",
                   len(lines))


def ask_json_into_head(tmp: Path) -> Outcome:
    questions = tmp / "questions.txt"
    questions.write_text(f"{ASK}\n" * 3000)
    environment = dict(os.environ, PYTHONPATH=str(ROOT), SHOWBOT_DATA_DIR=str(tmp / "data"))
    with questions.open("rb") as stdin:
        reader = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json"], stdin=stdin,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
        first = reader.stdout.readline()
        reader.stdout.close()  # `| head -1`
        _, err = reader.communicate(timeout=120)
    quiet = b"Traceback" not in err and b"BrokenPipe" not in err
    return Outcome(quiet and json.loads(first)["answered"], False, f"quiet exit {reader.returncode}")


def unusable_data_folder(tmp: Path) -> Outcome:
    blocker = tmp / "a-file"
    blocker.write_text("")
    proc = showbot("ask", ASK, data=blocker / "data")
    note = "one line, exit 2"
    if os.geteuid() != 0:  # root writes anywhere; a read-only folder only bites other users
        read_only = tmp / "read-only"
        read_only.mkdir(mode=0o555)
        proc2 = showbot("ask", ASK, data=read_only)
        return Outcome(one_clear_line(proc) and one_clear_line(proc2), False, note + " (read-only too)")
    return Outcome(one_clear_line(proc), False, note)


def invalid_log_level(tmp: Path) -> Outcome:
    proc = showbot("ask", ASK, data=tmp / "data", env={"SHOWBOT_LOG_LEVEL": "loud"})
    return Outcome(one_clear_line(proc), False, "one line, exit 2")


def eval_bad_files(tmp: Path) -> Outcome:
    not_jsonl = tmp / "q.csv"
    not_jsonl.write_text("id,q\n1,who plays namra\n")
    results = [showbot("eval", str(path), data=tmp / "data") for path in (tmp / "missing.jsonl", not_jsonl)]
    return Outcome(all(one_clear_line(p) for p in results), False, "missing and CSV: one line each, exit 2",
                   len(results))


def verbose_log_volume(tmp: Path) -> Outcome:
    proc = showbot("-v", "ask", ASK, data=tmp / "data")
    size = len(proc.stderr)
    return Outcome(proc.returncode == 0 and b"aiosqlite" not in proc.stderr and size < 30_000, False,
                   f"{size / 1024:.1f} KB of log for one question")


def chat_ctrl_c(tmp: Path) -> Outcome:
    environment = dict(os.environ, PYTHONPATH=str(ROOT), SHOWBOT_DATA_DIR=str(tmp / "data"), PYTHONUNBUFFERED="1")
    chat = subprocess.Popen([sys.executable, "-m", "bot", "chat"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    chat.stdout.readline()
    time.sleep(0.2)
    chat.send_signal(signal.SIGINT)
    started = time.perf_counter()
    try:
        chat.wait(timeout=5)
    except subprocess.TimeoutExpired:
        chat.kill()
        chat.communicate()
        return Outcome(False, False, "still waiting for Enter after 5 s")
    chat.communicate()
    return Outcome(True, False, f"exited {chat.returncode} after {time.perf_counter() - started:.2f} s")


# ---------------------------------------------------------------- the bot process (defects 10, 13)

def token_in_exception_text(tmp: Path) -> Outcome:
    token = "MTIzNDU2Nzg5.fake.token-value"
    stream = io.StringIO()
    logs.configure("DEBUG", secrets=(token,), stream=stream)
    logging.disable(logging.NOTSET)
    try:
        raise discord.LoginFailure(f"Improper token has been passed: {token}")
    except discord.LoginFailure:
        logging.getLogger("discord.client").exception("login failed with %s", token)
    finally:
        logging.disable(logging.CRITICAL)
        logging.getLogger().handlers.clear()
    text = stream.getvalue()
    return Outcome(token not in text and "Traceback" in text, False, "message, exception and traceback redacted")


def exit_codes(tmp: Path) -> Outcome:
    """A bad token must stop a service manager's restarts; a network failure must not."""
    results = []
    original = ShowBot.login
    for failure, wanted in ((discord.LoginFailure("Improper token"), EXIT_CONFIG),
                            (OSError(101, "Network is unreachable"), EXIT_UNAVAILABLE)):
        async def fail(self, token, failure=failure):
            raise failure
        ShowBot.login = fail
        try:
            with open(os.devnull, "w") as sink:
                stderr, sys.stderr = sys.stderr, sink
                try:
                    results.append(app.run(Config(discord_token="x.y.z", data_dir=tmp / "data")) == wanted)
                finally:
                    sys.stderr = stderr
        finally:
            ShowBot.login = original
            logging.getLogger().handlers.clear()
    return Outcome(all(results), False, f"bad token {EXIT_CONFIG}, network {EXIT_UNAVAILABLE}", len(results))


SIGTERM_SCRIPT = """
import asyncio, os, signal, sys
from pathlib import Path
from bot.discord_app import app
from bot.discord_app.client import ShowBot

async def login(self, token):
    self.sync_on_start = False
    await self.setup_hook()
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.sleep(30)

closed = []
original_close = ShowBot.close
async def close(self):
    await original_close(self)
    closed.append(self.guild_settings._db is None)
ShowBot.login, ShowBot.close = login, close
print(app.run(app.Config(discord_token="x.y.z", data_dir=Path(sys.argv[1]))), all(closed) and bool(closed))
"""


def sigterm(tmp: Path) -> Outcome:
    proc = subprocess.run([sys.executable, "-c", SIGTERM_SCRIPT, str(tmp / "data")], capture_output=True,
                          timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    clean = proc.stdout.split() == [b"0", b"True"]
    return Outcome(clean, not clean, "databases closed, exit 0" if clean else f"exit {proc.returncode}")


# ---------------------------------------------------------------- Discord (defects 8, 9, 11, 12)

async def mention_spam(tmp: Path) -> Outcome:
    async def body(env, bot):
        server = Server(env)
        await bot.guild_settings.set(server.guild.id, "cooldown_seconds", 30)
        for _ in range(20):
            await server.fan.send(server.channel, f"<@{bot.user.id}> {ASK}")
        return len(server.bot_messages())
    sent = await running_bot(tmp, body)
    return Outcome(sent == 2, False, f"20 mentions in one cooldown: {sent} bot messages", 20)


async def slow_settings_read(tmp: Path) -> Outcome:
    async def body(env, bot):
        server = Server(env)  # joined after start: nothing cached
        read = bot.guild_settings.get

        async def slow(guild_id):
            await env.external_wait(asyncio.sleep(4), reason="slow disk")
            return await read(guild_id)
        bot.guild_settings.get = slow
        result = await server.fan.slash(server.channel, "ask", question=ASK)
        await env.advance_time(5)
        return answered(result)
    ok = await running_bot(tmp, body)
    return Outcome(ok, not ok, "4 s settings read: deferred first, answered")


async def views_per_answer(tmp: Path) -> Outcome:
    n = 1000

    async def body(env, bot):
        server = Server(env)
        for _ in range(n):
            await server.fan.slash(server.channel, "ask", question=ASK)
        return len(bot.persistent_views)
    kept = await running_bot(tmp, body)
    return Outcome(kept <= 1, False, f"{n} answers: {kept} view(s) kept by discord.py", n)


def rest_fault(method: str, path: str, status: int, times: int | None, mention: bool):
    async def case(tmp: Path) -> Outcome:
        async def body(env, bot):
            server = Server(env)
            env.inject_error(method, path, status=status, times=times)
            if mention:
                await server.fan.send(server.channel, f"<@{bot.user.id}> {ASK}")
                last = server.bot_messages()[-1:]
                return bool(last and last[0].embeds and "Cho Yi-hyun" in last[0].embeds[0].description)
            return answered(await server.fan.slash(server.channel, "ask", question=ASK))
        ok = await running_bot(tmp, body)
        return Outcome(ok, not ok, "answer delivered" if ok else "answer lost")
    return case


# ---------------------------------------------------------------- the knowledge pipeline

BUNDLED_SHOW = ROOT / "knowledge" / "shows" / "all-of-us-are-dead"


def _articles(tmp: Path) -> Path:
    """A private copy of the bundled show, free to edit."""
    import shutil
    folder = tmp / "articles"
    shutil.copytree(BUNDLED_SHOW, folder)
    return folder


def _ask_json(tmp: Path, articles: Path, question: str = ASK) -> tuple[subprocess.CompletedProcess, dict | None]:
    proc = showbot("ask", "--json", question, data=tmp / "data", env={"SHOWBOT_ARTICLES": str(articles)})
    try:
        return proc, json.loads(proc.stdout.decode().splitlines()[0])
    except (ValueError, IndexError):
        return proc, None


def concurrent_builds_and_askers(tmp: Path) -> Outcome:
    """Two builders and three askers at once, five times, an article changed before each."""
    articles = _articles(tmp)
    environment = dict(os.environ, PYTHONPATH=str(ROOT), SHOWBOT_DATA_DIR=str(tmp / "data"),
                       SHOWBOT_ARTICLES=str(articles))
    failures = tried = 0
    target = next(articles.glob("000-*"))
    for round_ in range(5):
        target.write_text(target.read_text(encoding="utf-8") + f"\nRound {round_} of edits.\n", encoding="utf-8")
        procs = [subprocess.Popen([sys.executable, "-m", "bot", "build", "--quiet"], env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        procs += [subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json", ASK], env=environment,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
        for p in procs:
            out, _ = p.communicate(timeout=300)
            tried += 1
            if p.returncode != 0 or (b"question" in out and b'"answered": true' not in out):
                failures += 1
    return Outcome(failures == 0, False, f"{failures} of {tried} processes failed", tried)


def _knowledge_accident(kind: str) -> Callable[[Path], Outcome]:
    def case(tmp: Path) -> Outcome:
        articles = _articles(tmp)
        proc, first = _ask_json(tmp, articles)
        db = tmp / "data" / "knowledge.sqlite3"
        if kind == "garbage":
            db.write_bytes(os.urandom(db.stat().st_size))
        elif kind == "damaged page":
            data = bytearray(db.read_bytes())
            for i in range(4096, min(len(data), 12288)):
                data[i] = random.randrange(256)
            db.write_bytes(bytes(data))
        elif kind == "dropped table":
            with sqlite3.connect(db) as conn:
                conn.execute("DROP TABLE shows")
        elif kind == "folder":
            db.unlink()
            for extra in db.parent.glob("knowledge.sqlite3-*"):
                extra.unlink()
            (db / "inside").mkdir(parents=True)
        proc, again = _ask_json(tmp, articles)
        healed = bool(again and again.get("answered") and "Cho Yi-hyun" in again.get("answer", ""))
        return Outcome(healed and proc.returncode == 0, False,
                       "rebuilt on the next question" if healed else f"rc {proc.returncode}: {proc.stderr.decode()[-120:]}")
    return case


def symlink_out_of_the_folder(tmp: Path) -> Outcome:
    articles = _articles(tmp)
    secret = tmp / "secret.txt"
    secret.write_text("---\ntitle: Leaked\n---\nThe root password is hunter2 and Nam-ra is played by nobody.\n")
    (articles / "leak.md").symlink_to(secret)
    proc = showbot("sources", data=tmp / "data", env={"SHOWBOT_ARTICLES": str(articles)})
    listed = b"Leaked" in proc.stdout
    _, answer = _ask_json(tmp, articles, "What is the root password?")
    quoted = bool(answer and "hunter2" in json.dumps(answer))
    check = showbot("check", data=tmp / "data", env={"SHOWBOT_ARTICLES": str(articles)})
    reported = b"leak.md" in check.stdout + check.stderr
    return Outcome(not listed and not quoted and reported, False,
                   f"listed: {listed}, quoted: {quoted}, reported by `showbot check`: {reported}")


def huge_and_binary_articles(tmp: Path) -> Outcome:
    articles = _articles(tmp)
    (articles / "huge.md").write_bytes(b"---\ntitle: Huge\n---\n" + b"All of Us Are Dead. " * 1_000_000)
    (articles / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (articles / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    started = time.perf_counter()
    proc, answer = _ask_json(tmp, articles)
    seconds = time.perf_counter() - started
    check = showbot("check", data=tmp / "data", env={"SHOWBOT_ARTICLES": str(articles)})
    report = (check.stdout + check.stderr).decode(errors="replace")
    reasons = all(name in report for name in ("huge.md", "picture.md", "latin1.txt"))
    ok = bool(answer and answer.get("answered")) and seconds < 15 and reasons
    return Outcome(ok, False, f"answered in {seconds:.1f} s; each skipped file reported with its reason: {reasons}", 3)


EDIT = ("PATCH", "/webhooks/*/messages/@original")
SEND = ("POST", "/channels/*/messages")

#: (name, case) in the order of the table.
CASES: list[tuple[str, Callable]] = [
    ("2 builders + 3 askers at once, article changed, x5", concurrent_builds_and_askers),
    ("knowledge.sqlite3 overwritten with garbage", _knowledge_accident("garbage")),
    ("knowledge.sqlite3 with a damaged page", _knowledge_accident("damaged page")),
    ("knowledge.sqlite3 with a dropped table", _knowledge_accident("dropped table")),
    ("a folder where knowledge.sqlite3 was", _knowledge_accident("folder")),
    ("symlink to a file outside the articles folder", symlink_out_of_the_folder),
    ("20 MB article, a PNG and a Latin-1 file in the folder", huge_and_binary_articles),
    ("bot as `showbot run` builds it: start, answer, restart", start_as_run_builds_it_and_restart),
    ("settings.sqlite3 deleted", settings_case("deleted")),
    ("settings.sqlite3 emptied (0 bytes)", settings_case("emptied")),
    ("settings.sqlite3 overwritten with garbage", settings_case("garbage")),
    ("settings.sqlite3 with a damaged page", settings_case("damaged page")),
    ("settings.sqlite3 garbage and no backup", settings_case("garbage", with_backup=False)),
    ("`ask --json`: hostile bytes, strict decoding", ask_json_any_bytes_strict),
    ("`ask --json` read by `head -1`", ask_json_into_head),
    ("mention spam during a cooldown", mention_spam),
    ("4 s settings read before /ask", slow_settings_read),
    ("token in an exception and its traceback", token_in_exception_text),
    ("feedback views kept per answer", views_per_answer),
    ("/ask answer edit: one 500", rest_fault(*EDIT, 500, 1, False)),
    ("/ask answer edit: one 429", rest_fault(*EDIT, 429, 1, False)),
    ("/ask answer edit: 503 every time", rest_fault(*EDIT, 503, None, False)),
    ("mention reply: one 503", rest_fault(*SEND, 503, 1, True)),
    ("mention reply: 500 twice", rest_fault(*SEND, 500, 2, True)),
    ("unusable data folder", unusable_data_folder),
    ("SHOWBOT_LOG_LEVEL=loud", invalid_log_level),
    ("`showbot eval` on a missing / CSV file", eval_bad_files),
    ("`-v` log volume", verbose_log_volume),
    ("exit status: bad token vs no network", exit_codes),
    ("Ctrl-C in `showbot chat`", chat_ctrl_c),
    ("SIGTERM while running", sigterm),
]


def run_case(case: Callable) -> Outcome:
    with tempfile.TemporaryDirectory() as folder:
        try:
            result = case(Path(folder))
            if inspect.isawaitable(result):
                result = asyncio.run(result)
            return result
        except Exception as exc:  # a case that crashes did not hold
            return Outcome(False, False, f"crashed: {exc.__class__.__name__}: {exc}"[:120])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only cases whose name contains this")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # the table is the output; the cases' own logs are expected noise
    started = time.perf_counter()
    print("| case | tried | held | data lost | what happened |")
    print("|---|---|---|---|---|")
    rows = []
    for name, case in CASES:
        if args.k.lower() not in name.lower():
            continue
        outcome = run_case(case)
        rows.append(outcome)
        print(f"| {name} | {outcome.tried} | {'yes' if outcome.held else 'NO'} | "
              f"{'YES' if outcome.data_lost else 'no'} | {outcome.note} |", flush=True)
    held = sum(o.held for o in rows)
    lost = sum(o.data_lost for o in rows)
    print(f"\n{len(rows)} cases tried, {held} held, {lost} lost data "
          f"({time.perf_counter() - started:.0f} s)")
    return 0 if held == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
