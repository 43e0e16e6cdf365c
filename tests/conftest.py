"""Shared fixtures for the core's tests: the bundled articles, copies of them to edit,
and one engine over them built once per session in a temporary data directory."""
from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import pytest

from bot.config import BUNDLED_ARTICLES, BUNDLED_LANGUAGE, Config
from bot.pipeline.articles import read_article
from bot.pipeline.segment import Boilerplate, segment

#: The bundled show's own folder (the bundled articles root holds one folder per show).
BUNDLED_SHOW = BUNDLED_ARTICLES / "all-of-us-are-dead"


def find_articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))


@pytest.fixture(autouse=True)
def _restore_logging():
    """Entry points under test (`showbot ...`, `run()`) configure logging for a
    whole process; put it back so later tests log where pytest expects."""
    from bot.logs import CHATTY
    root = logging.getLogger()
    saved = root.handlers[:], root.level, {name: logging.getLogger(name).level for name in CHATTY}
    yield
    root.handlers[:], level, chatty = saved
    root.setLevel(level)
    for name, value in chatty.items():
        logging.getLogger(name).setLevel(value)


@pytest.fixture(scope="session")
def rules() -> Boilerplate:
    return Boilerplate.load(BUNDLED_LANGUAGE / "boilerplate.toml")


@pytest.fixture(scope="session")
def bundled_docs(rules):
    """Every bundled article, read and segmented: [(path, Document)]."""
    return [(p, segment(read_article(p), rules)) for p in find_articles(BUNDLED_SHOW)]


@pytest.fixture
def articles_copy(tmp_path) -> Path:
    """A private copy of the bundled articles, free to edit."""
    folder = tmp_path / "articles"
    shutil.copytree(BUNDLED_SHOW, folder)
    return folder


@pytest.fixture
def tmp_config(articles_copy, tmp_path) -> Config:
    return Config(articles_dir=articles_copy, data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def bundled_config(tmp_path_factory) -> Config:
    return Config(articles_dir=BUNDLED_ARTICLES, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def qa_engine(bundled_config):
    """One engine over the bundled articles for the whole session.

    Built in its own event loop; aiosqlite answers each call on the caller's loop,
    so the function-scoped loops of async tests can use it."""
    from bot.service import open_engine

    engine = asyncio.run(open_engine(bundled_config))
    yield engine
    asyncio.run(engine.close())


@pytest.fixture(scope="session")
def article_texts() -> list[str]:
    """Every bundled article body, for verbatim checks."""
    return [read_article(p).body for p in find_articles(BUNDLED_SHOW)]


def write_article(folder: Path, name: str, body: str, **meta: str) -> Path:
    """Write an article file with an optional front-matter header."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ""
    if meta:
        header = "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n"
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path
