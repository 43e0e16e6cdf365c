"""Shared fixtures.

The core is tested on two small invented shows under tests/fixtures/shows/ (see the
README there): *Thursday* (Western names, a weekday for a title, no show.toml) and *Blue
Hour Bakery* (a Korean drama with hyphenated names, with a show.toml). Engines over them
are built once per session in temporary data folders; tests that change articles work on
copies. The bundled show (knowledge/shows/) serves only our own question set and the
front-end tests.
"""
from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import pytest

from bot.config import BUNDLED_ARTICLES, BUNDLED_LANGUAGE, Config
from bot.pipeline.articles import read_article
from bot.pipeline.segment import Boilerplate

#: The bundled show's own folder (the bundled articles root holds one folder per show).
BUNDLED_SHOW = BUNDLED_ARTICLES / "all-of-us-are-dead"

#: Invented shows for the core's tests: a folder of show folders.
FIXTURE_SHOWS = Path(__file__).resolve().parent / "fixtures" / "shows"
THURSDAY = FIXTURE_SHOWS / "thursday"
BAKERY = FIXTURE_SHOWS / "blue-hour-bakery"


def find_articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))


def write_article(folder: Path, name: str, body: str, **meta: str) -> Path:
    """Write an article file with an optional front-matter header."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ""
    if meta:
        header = "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n"
    path = folder / name
    path.write_text(header + body, encoding="utf-8")
    return path


def start_engine(config: Config):
    """An engine over `config`, built and with every show's knowledge loaded, for a
    session-scoped fixture (opened in its own event loop; aiosqlite answers each call on
    the caller's loop, so the function-scoped loops of async tests can use it)."""
    from bot.service import open_engine

    async def start():
        engine = await open_engine(config)
        for show_id in engine.shows:
            await engine.articles(show=show_id)  # loads and caches the show's knowledge
        return engine

    return asyncio.run(start())


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
def tools():
    """What extraction needs, built from the bundled language data as a build does."""
    from bot.pipeline.extract import Tools
    from bot.pipeline.language import load_language
    language = load_language(BUNDLED_LANGUAGE)
    return Tools.from_data(language.boilerplate_data, language.topics_data, language.language)


# -- the bundled show ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def bundled_config(tmp_path_factory) -> Config:
    return Config(articles_dir=BUNDLED_ARTICLES, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="session")
def article_texts() -> list[str]:
    """Every bundled article body, for verbatim checks."""
    return [read_article(p).body for p in find_articles(BUNDLED_SHOW)]


# -- the invented shows ----------------------------------------------------------------------

@pytest.fixture(scope="session")
def thursday_engine(tmp_path_factory):
    """*Thursday* alone: its folder as a flat articles folder."""
    engine = start_engine(Config(articles_dir=THURSDAY, data_dir=tmp_path_factory.mktemp("thursday")))
    yield engine
    asyncio.run(engine.close())


@pytest.fixture(scope="session")
def bakery_engine(tmp_path_factory):
    """*Blue Hour Bakery* alone: its folder as a flat articles folder."""
    engine = start_engine(Config(articles_dir=BAKERY, data_dir=tmp_path_factory.mktemp("bakery")))
    yield engine
    asyncio.run(engine.close())


@pytest.fixture(scope="session")
def engines(thursday_engine, bakery_engine) -> dict:
    """Show id -> an engine that has only that show loaded."""
    return {"thursday": thursday_engine, "blue-hour-bakery": bakery_engine}


@pytest.fixture(scope="session")
def shows_config(tmp_path_factory) -> Config:
    """Both invented shows in one folder-per-show root, no default show."""
    return Config(articles_dir=FIXTURE_SHOWS, data_dir=tmp_path_factory.mktemp("shows"))


@pytest.fixture(scope="session")
def shows_engine(shows_config):
    engine = start_engine(shows_config)
    yield engine
    asyncio.run(engine.close())


@pytest.fixture(scope="session")
def fixture_bodies() -> dict[str, str]:
    """Article title -> body, for every invented article (titles are unique)."""
    bodies = {}
    for path in sorted(FIXTURE_SHOWS.rglob("*.md")):
        article = read_article(path)
        bodies[article.title] = article.body
    return bodies


@pytest.fixture
def copy_show(tmp_path):
    """copy_show(source, name=None) -> a private copy of a fixture show folder, free to edit."""
    def copy(source: Path = THURSDAY, name: str | None = None) -> Path:
        target = tmp_path / "articles" / (name or source.name)
        shutil.copytree(source, target)
        return target
    return copy
