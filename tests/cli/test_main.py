"""The `showbot` command line: ask --json (the eval contract), ask, eval, build."""
import json
import os
import subprocess
import sys

import pytest

import bot.cli.main as cli
from bot.config import BUNDLED_ARTICLES

from tests.helpers import is_verbatim

KEYS = {"question", "answered", "intent", "confidence", "answer", "citations"}
CITATION_KEYS = {"title", "source", "url", "date", "quote"}


@pytest.fixture
def run_cli(tmp_path, monkeypatch, capsys):
    """Run `showbot ...` in-process with stdin text; returns (exit code, stdout)."""
    monkeypatch.setenv("SHOWBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SHOWBOT_ARTICLES", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(args, stdin=""):
        import io
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(args)
        return code, capsys.readouterr().out
    return run


def test_ask_json_reads_stdin_lines(run_cli, article_texts):
    questions = ["Who plays Nam-ra?", "", "   ", "x" * 4000, "🧟\u200b\u200f", "'; DROP TABLE facts; --",
                 'NEAR(" OR *', "@everyone **hi**", "When is Lupin season 3 coming out?", "hyo kyung actor"]
    code, out = run_cli(["ask", "--json"], "\n".join(questions) + "\n")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(questions)
    replies = [json.loads(line) for line in lines]
    for q, r in zip(questions, replies):
        assert KEYS <= r.keys()
        assert r["question"] == q.strip()[:4000]
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
    """The installed `showbot ask --json` as the shared scorer runs it."""
    env = dict(os.environ, SHOWBOT_DATA_DIR=str(tmp_path), SHOWBOT_ARTICLES=str(BUNDLED_ARTICLES))
    proc = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], input="Who directed it?\ntell me a joke\n",
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    a, b = [json.loads(line) for line in proc.stdout.splitlines()]
    assert a["answered"] and "Lee Jae" in a["answer"]
    assert not b["answered"]
