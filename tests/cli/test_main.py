"""The `showbot` command line: ask --json (the eval contract), ask, eval, build."""
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bot.cli.main as cli
from bot.config import BUNDLED_ARTICLES

from tests.helpers import is_verbatim

CHECKOUT = Path(__file__).resolve().parents[2]

KEYS = {"question", "answered", "intent", "confidence", "answer", "citations"}
CITATION_KEYS = {"title", "source", "url", "date", "quote"}


@pytest.fixture
def run_cli(tmp_path, monkeypatch, capsys):
    """Run `showbot ...` in-process with stdin text; returns (exit code, stdout)."""
    monkeypatch.setenv("SHOWBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SHOWBOT_ARTICLES", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(args, stdin: str | bytes = ""):
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        code = cli.main(args)
        captured = capsys.readouterr()
        run.err = captured.err
        return code, captured.out
    return run


def showbot(*args: str, data_dir: Path, **kw) -> subprocess.Popen | subprocess.CompletedProcess:
    """`showbot ARGS` as a separate process running this checkout's code."""
    env = dict(os.environ, SHOWBOT_DATA_DIR=str(data_dir), SHOWBOT_ARTICLES=str(BUNDLED_ARTICLES),
               PYTHONPATH=str(CHECKOUT), **kw.pop("env", {}))
    command = [sys.executable, "-m", "bot", *args]
    if kw.pop("popen", False):
        return subprocess.Popen(command, env=env, cwd=data_dir.parent, **kw)
    return subprocess.run(command, env=env, cwd=data_dir.parent, capture_output=True, timeout=120, **kw)


def test_ask_json_reads_stdin_lines(run_cli, article_texts):
    questions = ["Who plays Nam-ra?", "", "   ", "x" * 4000, "🧟\u200b\u200f", "'; DROP TABLE facts; --",
                 'NEAR(" OR *', "@everyone **hi**", "When is Lupin season 3 coming out?", "hyo kyung actor"]
    code, out = run_cli(["ask", "--json"], "\n".join(questions) + "\n")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(questions)
    replies = [json.loads(line) for line in lines]
    from bot.qa.engine import clean_question
    for q, r in zip(questions, replies):
        assert KEYS <= r.keys()
        assert r["question"] == clean_question(q)
        assert isinstance(r["answered"], bool) and isinstance(r["confidence"], (int, float))
        assert isinstance(r["answer"], str) and r["answer"]
        for c in r["citations"]:
            assert CITATION_KEYS <= c.keys() and is_verbatim(c["quote"], article_texts)
    assert replies[0]["answered"] and "Cho Yi-hyun" in replies[0]["answer"]
    assert replies[0]["intent"] == "who_plays" and replies[0]["citations"]
    assert not replies[8]["answered"] and replies[8]["citations"] == []
    assert replies[9]["answered"] and "Kim Bo-" in replies[9]["answer"]


def test_ask_argument_plain_text(run_cli):
    code, out = run_cli(["ask", "who", "plays", "On-jo?"])
    assert code == 0 and "Park Ji-hu" in out


def test_eval_command(run_cli, tmp_path):
    qs = tmp_path / "q.jsonl"
    qs.write_text(json.dumps({"id": "a", "q": "Who plays Nam-ra?", "answerable": True, "must": [["cho yi hyun"]],
                              "must_not": [], "sources": ["000"], "tags": []}) + "\n"
                  + json.dumps({"id": "b", "q": "Who plays Nam-ra?", "answerable": True, "must": [["lomon"]],
                                "must_not": [], "sources": [], "tags": []}) + "\n")
    code, out = run_cli(["eval", str(qs)])
    assert code == 1
    assert "FAIL b:" in out and "FAIL a:" not in out and "score: 1/2 (50.0%)" in out
    code, out = run_cli(["eval", "--quiet", str(qs)])
    assert "FAIL" not in out and "score: 1/2" in out


def test_bad_articles_folder_is_a_clear_error(run_cli, tmp_path, capsys):
    code = cli.main(["--articles", str(tmp_path / "nope"), "ask", "hi"])
    assert code == 2 and "articles folder not found" in capsys.readouterr().err


def test_console_script_ask_json(tmp_path):
    """`showbot ask --json` as the shared scorer runs it."""
    proc = showbot("ask", "--json", data_dir=tmp_path / "data", input=b"Who directed it?\ntell me a joke\n")
    assert proc.returncode == 0, proc.stderr
    a, b = [json.loads(line) for line in proc.stdout.splitlines()]
    assert a["answered"] and "Lee Jae" in a["answer"]
    assert not b["answered"]


# ------------------------------------------------------------ any bytes in, one line out each

HOSTILE_LINES = [
    b"Who plays Nam-ra?",
    b"\xff\xfe who plays \xc3\x28 namra",          # invalid UTF-8
    b"",                                                  # blank: still one output line
    "who plays\u2028namra\u2029 \x85 \x0b\x0c\x1c".encode(),  # characters readers split lines on
    b"\xed\xa0\x80 lone surrogate bytes",
    "Lomon \U0001f9df".encode() + b"\r",                 # CRLF input
    b"\xe2\x80",                                         # truncated sequence, last line, no newline
]


def test_ask_json_survives_any_bytes_with_one_valid_line_per_input_line(tmp_path):
    """Strict decoding is what an unwary reader does: PYTHONIOENCODING=utf-8:strict."""
    stdin = b"\n".join(HOSTILE_LINES)
    proc = showbot("ask", "--json", data_dir=tmp_path / "data", input=stdin,
                   env={"PYTHONIOENCODING": "utf-8:strict"})

    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # strict: raises on any invalid byte
    assert not any(c in text for c in "\x85\u2028\u2029")
    lines = text.splitlines()  # the scorer's (and the most eager) line splitting
    assert len(lines) == len(HOSTILE_LINES) == len(text.split("\n")) - 1
    replies = [json.loads(line) for line in lines]
    assert replies[0]["answered"] and "Cho Yi-hyun" in replies[0]["answer"]
    assert "\ufffd" in replies[1]["question"]
    assert replies[2]["question"] == "" and not replies[2]["answered"]
    # the engine echoes the question cleaned (line and paragraph separators are spaces)
    assert replies[3]["question"] == "who plays namra"


def test_line_separators_in_any_field_are_escaped_on_the_wire():
    from bot.cli.lines import json_line

    line = json_line({"answer": "a\u2028b\u2029c\x85d"})

    assert not any(c in line for c in "\x85\u2028\u2029") and len(line.splitlines()) == 1
    assert json.loads(line)["answer"] == "a\u2028b\u2029c\x85d"  # intact once parsed


def test_ask_json_in_process_reads_bytes_too(run_cli):
    code, out = run_cli(["ask", "--json"], b"who plays \xff namra\n\nis there a season 2\n")

    assert code == 0
    assert [json.loads(line)["question"] for line in out.splitlines()] == \
        ["who plays \ufffd namra", "", "is there a season 2"]


def test_a_reader_that_stops_early_gets_no_broken_pipe_traceback(tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text("Who plays Nam-ra?\n" * 3000)
    reader = showbot("ask", "--json", data_dir=tmp_path / "data", popen=True,
                     stdin=questions.open("rb"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    first = reader.stdout.readline()  # like `| head -1`
    reader.stdout.close()
    _, err = reader.communicate(timeout=120)

    assert json.loads(first)["answered"]
    assert b"BrokenPipeError" not in err and b"Traceback" not in err
    assert reader.returncode == cli.EXIT_BROKEN_PIPE


# ------------------------------------------------------------ clear one-line failures

def test_eval_on_a_missing_file_is_one_clear_line(run_cli, tmp_path):
    code, _ = run_cli(["eval", str(tmp_path / "nope.jsonl")])

    err = run_cli.err.strip()
    assert code == 2 and err.splitlines() == [f"showbot eval: {tmp_path / 'nope.jsonl'}: no such file"]


@pytest.mark.parametrize("content, message", [
    (b"id,q\n1,who plays namra\n", "not JSON"),
    (b"[1, 2]\n", 'expected a JSON object with a "q" question'),
    (b"\x89PNG\r\n\x1a\n\x00\xff", "not UTF-8"),
    (b"\n\n", "no questions"),
])
def test_eval_on_a_file_that_is_not_jsonl_is_one_clear_line(run_cli, tmp_path, content, message):
    bad = tmp_path / "questions.jsonl"
    bad.write_bytes(content)

    code, _ = run_cli(["eval", str(bad)])

    err = run_cli.err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and message in err


def test_an_invalid_log_level_is_one_clear_line(run_cli, monkeypatch):
    monkeypatch.setenv("SHOWBOT_LOG_LEVEL", "loud")

    code, _ = run_cli(["ask", "hi"])

    err = run_cli.err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "SHOWBOT_LOG_LEVEL" in err and "'loud'" in err


def test_an_unusable_data_folder_is_one_clear_line(run_cli, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")

    code, _ = run_cli(["--data-dir", str(blocker / "data"), "ask", "hi"])

    err = run_cli.err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and "data folder" in err and "--data-dir" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_data_folder_is_one_clear_line(run_cli, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)

    code, _ = run_cli(["--data-dir", str(folder), "ask", "hi"])

    assert code == 2 and len(run_cli.err.strip().splitlines()) == 1


def test_verbose_logs_ours_but_not_every_sql_statement(tmp_path):
    proc = showbot("-v", "ask", "who plays namra", data_dir=tmp_path / "data")

    err = proc.stderr.decode()
    assert proc.returncode == 0 and "bot.pipeline.build" in err  # ours, at INFO and below
    assert "aiosqlite" not in err and len(err) < 30_000


# ------------------------------------------------------------ chat

def test_chat_has_help(run_cli):
    code, out = run_cli(["chat"], "help\nquit\n")

    assert code == 0 and "Ask anything about All of Us Are Dead" in out and "quit" in out


def test_ctrl_c_ends_chat_at_once(tmp_path):
    chat = showbot("chat", data_dir=tmp_path / "data", popen=True, env={"PYTHONUNBUFFERED": "1"},
                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert chat.stdout.readline().startswith(b"showbot chat")  # the engine is open, input() is waiting
    time.sleep(0.2)

    chat.send_signal(signal.SIGINT)  # and nobody presses Enter
    try:
        code = chat.wait(timeout=5)
    finally:
        chat.kill()
        _, err = chat.communicate()

    assert code == cli.EXIT_INTERRUPTED and b"Traceback" not in err
