"""A damaged knowledge database (it is derived) is moved aside and built again, whether the
damage is found by the builder, at start-up or while answering."""
import sqlite3

import pytest

from bot.config import Config
from bot.pipeline.build import build, ensure_built
from bot.service import open_engine

from ..conftest import THURSDAY
from ..helpers import says


@pytest.fixture
async def built(tmp_path) -> Config:
    config = Config(articles_dir=THURSDAY, data_dir=tmp_path / "data")
    await build(config)
    return config


def checkpoint(path) -> None:
    """Fold the WAL into the main file, so that damage to the file is damage to the data."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def garbage(path) -> None:
    path.write_bytes(b"this is not a database " * 200)


def dropped_table(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE records")
    conn.commit()
    conn.close()


def folder_in_its_place(path) -> None:
    path.unlink()
    path.mkdir()
    (path / "something").write_text("x")


def damaged_pages(path) -> None:
    checkpoint(path)
    data = bytearray(path.read_bytes())
    data[4096:3 * 4096] = b"\x5a" * (2 * 4096)
    path.write_bytes(bytes(data))


def truncated(path) -> None:
    checkpoint(path)
    path.write_bytes(path.read_bytes()[:6000])


DAMAGE = [garbage, dropped_table, folder_in_its_place, damaged_pages, truncated]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
async def test_the_next_ensure_built_heals_it(built, damage, caplog):
    damage(built.knowledge_db)
    report = await ensure_built(built)
    assert report is not None and report.healed and report.articles == 4
    assert built.knowledge_db.is_file()
    assert built.knowledge_db.with_name("knowledge.sqlite3.damaged").exists()  # kept for a post-mortem
    assert "damaged" in caplog.text and "rebuilding" in caplog.text
    assert await ensure_built(built) is None


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
async def test_open_engine_heals_it_and_answers(built, damage):
    damage(built.knowledge_db)
    engine = await open_engine(built)
    try:
        answer = await engine.ask("Who plays Juniper Vale?")
    finally:
        await engine.close()
    assert answer.answered and says(answer, "Lila Montrose")


async def test_damage_found_while_answering_is_healed_on_the_same_question(built):
    engine = await open_engine(built)  # shows are loaded lazily: nothing read yet
    try:
        dropped_table(built.knowledge_db)
        answer = await engine.ask("Who plays Juniper Vale?")
        assert answer.answered and says(answer, "Lila Montrose")
    finally:
        await engine.close()


async def test_a_damaged_file_left_from_before_does_not_stop_healing(built):
    built.knowledge_db.with_name("knowledge.sqlite3.damaged").mkdir()
    garbage(built.knowledge_db)
    report = await ensure_built(built)
    assert report.healed and built.knowledge_db.with_name("knowledge.sqlite3.damaged").is_file()
