"""Small helpers shared by the tests."""
from __future__ import annotations

import shutil

import pytest

from bot.cli.evaluate import verbatim, words

# A news article that changes an answer visibly, for the tests of adding articles to a
# running bot, chat or server: the season 3 question declines without it.
SEASON_3_QUESTION = "When does season 3 come out?"
SEASON_3_ARTICLE = """---
title: All of Us Are Dead season 3 gets a release date
publisher: Showbot Test News
date: 2026-01-10
---
Netflix announced that All of Us Are Dead season 3 will premiere on June 5, 2026.
"""


def is_verbatim(quote: str, bodies: list[str]) -> bool:
    q = verbatim(quote)
    return bool(q) and any(q in verbatim(b) for b in bodies)


def says(answer, *alternatives: str) -> bool:
    """Whether the answer's text holds one of `alternatives`, as whole words."""
    text = words(answer.text)
    return any(words(a) in text for a in alternatives)


def assert_quotes_verbatim(answer, bodies: dict[str, str]) -> None:
    """Every citation quotes its own article word for word: a substring of its body."""
    for c in answer.citations:
        assert c.title in bodies, c
        assert c.quote and c.quote in bodies[c.title], (c.quote, c.title)


async def ask_once(config, question: str, **kw):
    """Open an engine over `config` (building as needed), ask one question, close it."""
    from bot.service import open_engine
    engine = await open_engine(config)
    try:
        return await engine.ask(question, **kw)
    finally:
        await engine.close()


def process_keepers() -> set:
    """Threads that would keep the process alive at exit (an open aiosqlite
    connection has one); asyncio's executor threads end with their loop."""
    import threading
    return {t for t in threading.enumerate()
            if t.is_alive() and not t.daemon and not t.name.startswith("asyncio_")}


def leaked_threads(before: set) -> set:
    """Process-keeping threads started since `before`, after giving closing ones a moment."""
    new = process_keepers() - before
    for thread in new:
        thread.join(timeout=2)
    return {t for t in new if t.is_alive()}


@pytest.fixture
def config(tmp_path):
    """A process config over a copy of the bundled show, with a fresh data folder: import
    it (with `engine`) into a test module that adds articles to a running engine."""
    from bot.config import Config
    from tests.conftest import BUNDLED_SHOW
    articles = tmp_path / "articles"
    shutil.copytree(BUNDLED_SHOW, articles)
    return Config(articles_dir=articles, data_dir=tmp_path / "data")


@pytest.fixture
async def engine(config):
    from bot.service import open_engine
    engine = await open_engine(config)
    yield engine
    await engine.close()
