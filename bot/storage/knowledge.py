"""The derived knowledge database (aiosqlite): written by `showbot build`, read at start-up.

Everything here can be deleted and rebuilt from the articles; owned data (server
settings, feedback) lives in another file and is never touched.
"""
from __future__ import annotations

import logging
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL,
    publisher TEXT, date TEXT, url TEXT);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL, heading TEXT NOT NULL);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
    section_id INTEGER NOT NULL REFERENCES sections(id), position INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, list_item INTEGER NOT NULL);
CREATE TABLE people (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, roles TEXT NOT NULL);
CREATE TABLE aliases (person_id INTEGER NOT NULL REFERENCES people(id), alias TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY, sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    kind TEXT NOT NULL, subject TEXT, object TEXT,
    subject_id INTEGER REFERENCES people(id), object_id INTEGER REFERENCES people(id),
    value TEXT, weight REAL NOT NULL);
CREATE TABLE mentions (sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    person_id INTEGER NOT NULL REFERENCES people(id));
CREATE TABLE removed (article_id INTEGER NOT NULL REFERENCES articles(id), text TEXT NOT NULL);
CREATE INDEX facts_kind ON facts(kind);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2');
"""


async def connect(path: Path) -> aiosqlite.Connection:
    conn = await aiosqlite.connect(path)
    conn.row_factory = aiosqlite.Row
    return conn


async def read_meta(path: Path) -> dict[str, str]:
    """The build's metadata, or {} when the database is missing or from another schema."""
    if not path.exists():
        return {}
    try:
        async with aiosqlite.connect(path) as conn:
            rows = await conn.execute_fetchall("SELECT key, value FROM meta")
    except aiosqlite.Error:
        return {}
    meta = dict(rows)
    return meta if meta.get("schema") == str(SCHEMA_VERSION) else {}


async def write(path: Path, rows: dict[str, list[tuple]], meta: dict[str, str]) -> None:
    """Write a complete knowledge database atomically: build beside it, then replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    async with aiosqlite.connect(tmp) as conn:
        await conn.executescript(SCHEMA)
        await conn.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("schema", str(SCHEMA_VERSION)), *meta.items()])
        for table, values in rows.items():
            if values:
                marks = ",".join("?" * len(values[0]))
                await conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
        await conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
        await conn.commit()
    tmp.replace(path)


async def load(conn: aiosqlite.Connection) -> dict[str, list[aiosqlite.Row]]:
    """Every table the engine keeps in memory."""
    out = {}
    for table in ("articles", "sections", "sentences", "people", "aliases", "facts", "mentions"):
        out[table] = await conn.execute_fetchall(f"SELECT * FROM {table}")
    return out


async def search(conn: aiosqlite.Connection, words: list[str], limit: int = 20) -> list[tuple[int, float]]:
    """Sentence ids matching any of `words` (FTS5, BM25), best first."""
    terms = [w for w in words if w.isalnum()]
    if not terms:
        return []
    query = " OR ".join(f'"{w}"' for w in terms)  # quoted: user text is never FTS syntax
    rows = await conn.execute_fetchall(
        "SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH ? "
        "ORDER BY bm25(sentences_fts) LIMIT ?", (query, limit))
    return [(row[0], -row[1]) for row in rows]
