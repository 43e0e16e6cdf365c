"""A running `showbot chat` answers from an article dropped into its folder, changed or
deleted, and from another process's `showbot build`, without a restart (issue 9)."""
from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_SHOW
from tests.helpers import SEASON_3_ARTICLE as SEASON_3, SEASON_3_QUESTION as QUESTION

CHECKOUT = Path(__file__).resolve().parents[2]


class Chat:
    """`showbot chat` in a subprocess, driven line by line."""

    def __init__(self, articles: Path, data: Path) -> None:
        env = dict(os.environ, SHOWBOT_ARTICLES=str(articles), SHOWBOT_DATA_DIR=str(data),
                   PYTHONPATH=str(CHECKOUT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "chat"], env=env, cwd=data.parent,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._until(lambda line: line.startswith("showbot chat"), 60)

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    def _until(self, done, timeout: float) -> list[str]:
        seen, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            seen.append(line)
            if done(line):
                return seen
        raise AssertionError(f"no expected output within {timeout} s: {seen!r}")

    def ask(self, question: str, timeout: float = 15) -> str:
        """The answer's first lines (until the blank line that ends an answer)."""
        self.proc.stdin.write(question + "\n")
        self.proc.stdin.flush()
        return "".join(self._until(lambda line: line.strip() == "", timeout))

    def close(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def folders(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(BUNDLED_SHOW, articles)
    return articles, tmp_path / "data"


@pytest.fixture
def chat(folders):
    chat = Chat(*folders)
    yield chat
    chat.close()


def test_an_article_dropped_into_the_folder_is_answered_from_within_15_seconds(chat, folders):
    articles, _ = folders
    before = chat.ask(QUESTION)

    (articles / "season-3.md").write_text(SEASON_3, encoding="utf-8")
    dropped = time.monotonic()
    after = chat.ask(QUESTION)
    took = time.monotonic() - dropped

    assert "June 5, 2026" not in before
    assert "June 5, 2026" in after and "Showbot Test News" in after
    assert took < 15


def test_a_changed_then_deleted_article_is_followed(chat, folders):
    articles, _ = folders
    path = articles / "season-3.md"
    path.write_text(SEASON_3, encoding="utf-8")
    assert "June 5, 2026" in chat.ask(QUESTION)

    path.write_text(SEASON_3.replace("June 5", "July 17"), encoding="utf-8")
    changed = chat.ask(QUESTION)
    path.unlink()
    deleted = chat.ask(QUESTION)

    assert "July 17, 2026" in changed and "June 5" not in changed
    assert "July 17" not in deleted


def test_a_build_by_another_process_is_picked_up(chat, folders):
    articles, data = folders
    (articles / "season-3.md").write_text(SEASON_3, encoding="utf-8")
    env = dict(os.environ, SHOWBOT_ARTICLES=str(articles), SHOWBOT_DATA_DIR=str(data), PYTHONPATH=str(CHECKOUT))
    built = subprocess.run([sys.executable, "-m", "bot", "build", "--quiet"], env=env, capture_output=True,
                           text=True, timeout=120)

    assert built.returncode == 0, built.stderr
    assert "June 5, 2026" in chat.ask(QUESTION)
