"""bot.storage.knowledge: the derived database, written in one transaction per build and
read one show at a time; any sign of damage is a DamagedDatabase."""
import json
import sqlite3

import pytest

from bot.storage import knowledge as store
from bot.storage.knowledge import SCHEMA_VERSION, BuildChanges, DamagedDatabase, FileRow, KnowledgeStore

THURSDAY_INFO = {"id": "thursday", "name": "Thursday", "aliases": [], "platform": None, "source": "inferred"}
BAKERY_INFO = {"id": "blue-hour-bakery", "name": "Blue Hour Bakery", "aliases": ["BHB"], "platform": "Kovi",
               "source": "show.toml"}


def record(name: str, text: str) -> bytes:
    return store.pack(json.dumps({"name": name, "title": name, "sentences": [{"t": text}], "facts": []}))


def changes(pipeline: str = "p1", files=None, records=None, shows=None, all_shows=None) -> BuildChanges:
    files = files if files is not None else [
        FileRow("/a/thursday/002.md", "thursday", "thursday/002.md", 20, 2, "sha2"),
        FileRow("/a/thursday/001.md", "thursday", "thursday/001.md", 10, 1, "sha1"),
        FileRow("/a/bakery/001.md", "blue-hour-bakery", "bakery/001.md", 30, 3, "sha3"),
    ]
    records = records if records is not None else {
        "sha1": record("thursday/001.md", "Thursday premiered."), "sha2": record("thursday/002.md", "It was renewed."),
        "sha3": record("bakery/001.md", "Blue Hour Bakery premiered.")}
    shows = shows if shows is not None else {
        "thursday": (json.dumps(THURSDAY_INFO), json.dumps([[1, "actor", "Nora Fairweather", ["Nora Fairweather"], []]]), "s1"),
        "blue-hour-bakery": (json.dumps(BAKERY_INFO), "[]", "s2")}
    return BuildChanges(pipeline, files, records, shows, all_shows or set(shows), {"root": "/a"})


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / "knowledge.sqlite3"


async def test_a_written_build_reads_back_show_by_show(db):
    await store.write(db, changes())
    async with store.opened(db) as knowledge:
        meta = await knowledge.meta()
        assert meta["schema"] == str(SCHEMA_VERSION) and meta["pipeline"] == "p1" and meta["root"] == "/a"
        assert await knowledge.shows() == {"blue-hour-bakery": BAKERY_INFO, "thursday": THURSDAY_INFO}
        info, people, records = await knowledge.show("thursday")
        assert info == THURSDAY_INFO and people == [[1, "actor", "Nora Fairweather", ["Nora Fairweather"], []]]
        assert [name for name, _ in records] == ["thursday/001.md", "thursday/002.md"]  # by file name
        assert records[0][1]["sentences"] == [{"t": "Thursday premiered."}]
        assert await knowledge.show("lupin") is None


async def test_the_builder_reads_its_state_back(db):
    assert await store.read_state(db) == ({}, [], {}, set())  # no database yet
    await store.write(db, changes())
    meta, files, states, shas = await store.read_state(db)
    assert meta["pipeline"] == "p1" and states == {"thursday": "s1", "blue-hour-bakery": "s2"}
    assert {f.sha for f in files} == shas == {"sha1", "sha2", "sha3"}
    found = await store.records_by_sha(db, ["sha3", "sha1"])
    assert sorted(r["name"] for r in found) == ["bakery/001.md", "thursday/001.md"]


async def test_a_later_build_replaces_files_and_drops_what_no_file_uses(db):
    await store.write(db, changes())
    one_file = [FileRow("/a/thursday/001.md", "thursday", "thursday/001.md", 10, 1, "sha1")]
    await store.write(db, changes(files=one_file, records={}, shows={}, all_shows={"thursday"}))
    meta, files, states, shas = await store.read_state(db)
    assert files == one_file and shas == {"sha1"} and set(states) == {"thursday"}  # thursday kept, unchanged


async def test_records_of_another_pipeline_version_are_dropped(db):
    await store.write(db, changes())
    await store.write(db, changes(pipeline="p2", records={"sha1": record("thursday/001.md", "New.")}))
    _, _, _, shas = await store.read_state(db)
    assert shas == {"sha1"}


@pytest.mark.parametrize("damage,message", [
    (lambda p: p.write_bytes(b"garbage " * 500), "file is not a database"),
    (lambda p: p.mkdir(), "is not a file"),
])
async def test_damage_is_reported_as_damaged(db, damage, message):
    db.parent.mkdir()
    damage(db)
    with pytest.raises(DamagedDatabase, match=message):
        await KnowledgeStore(db).open()


async def test_a_dropped_table_or_another_schema_is_damage(db):
    await store.write(db, changes())
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedDatabase, match="schema"):
        await KnowledgeStore(db).open()
    await store.write(db, changes())  # a build over another schema starts afresh
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE files")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedDatabase, match="tables missing"):
        await store.read_state(db)
    async with store.opened(db) as knowledge:
        with pytest.raises(DamagedDatabase):
            await knowledge.show("thursday")


async def test_move_aside_keeps_one_damaged_copy(db):
    await store.write(db, changes())
    store.move_aside(db, "testing")
    assert not db.exists() and db.with_name("knowledge.sqlite3.damaged").is_file()
    db.write_bytes(b"second")
    store.move_aside(db, "testing again")
    assert db.with_name("knowledge.sqlite3.damaged").read_bytes() == b"second"
    assert not db.with_name("knowledge.sqlite3-wal").exists()


async def test_a_closed_store_refuses_to_read(db):
    await store.write(db, changes())
    knowledge = await KnowledgeStore(db).open()
    await knowledge.close()
    with pytest.raises(RuntimeError):
        await knowledge.shows()
