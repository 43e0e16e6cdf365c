"""The derived knowledge database (aiosqlite): what the build wrote, read per show.

Everything here can be deleted and rebuilt from the articles; owned data (server settings,
admin-added articles) lives in another file and is never touched. Rows are keyed so that a
build only redoes what changed: an article's record by the hash of its content (and the
pipeline version that made it), a show's people by the hashes of its articles.

The file is in WAL mode and every build writes in one transaction, so any number of
readers see a complete database, old or new, while a build runs. Any sign of damage
(`DamagedDatabase`) means: move the file aside and build again (see pipeline.build).
"""
from __future__ import annotations

import json
import logging
import sqlite3
import time
import zlib
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shows (
    id TEXT PRIMARY KEY, info TEXT NOT NULL, people TEXT NOT NULL, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, show_id TEXT NOT NULL, name TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_show ON files(show_id);
CREATE TABLE IF NOT EXISTS records (sha TEXT PRIMARY KEY, pipeline TEXT NOT NULL, record BLOB NOT NULL);
"""


def pack(record_json: str) -> bytes:
    """A record as stored: JSON, zlib-compressed (records are most of the database). The
    build's workers pack what they extract, so a big build holds compressed records only."""
    return zlib.compress(record_json.encode("utf-8"), 6)


def unpack(blob: bytes) -> dict:
    try:
        return json.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, TypeError) as exc:
        raise DamagedDatabase(f"unreadable record: {exc}") from None


class DamagedDatabase(Exception):
    """The knowledge database is unreadable or inconsistent; rebuild it."""


@dataclass(frozen=True, slots=True)
class FileRow:
    path: str
    show_id: str
    name: str
    size: int
    mtime_ns: int
    sha: str


@dataclass
class BuildChanges:
    """Everything one build writes, applied in a single transaction."""
    pipeline: str
    files: list[FileRow]  # the complete set of files after the build
    records: dict[str, bytes]  # sha -> packed record (see pack), for new content only
    shows: dict[str, tuple[str, str, str]]  # id -> (info JSON, people JSON, state), changed shows only
    all_shows: set[str]  # every show id after the build
    meta: dict[str, str]


def _damaged(exc: BaseException, path: Path) -> DamagedDatabase:
    return DamagedDatabase(f"{path}: {exc.__class__.__name__}: {exc}")


async def _connect(path: Path) -> aiosqlite.Connection:
    if path.exists() and not path.is_file():
        raise DamagedDatabase(f"{path} is not a file")
    conn = await aiosqlite.connect(path, timeout=30)
    try:
        async with conn.execute("PRAGMA journal_mode=WAL") as cursor:
            await cursor.fetchall()
        await conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.DatabaseError as exc:
        await conn.close()
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise
        raise _damaged(exc, path) from None
    return conn


class KnowledgeStore:
    """Read access for the engine: the show directory, and one show's records on demand."""

    def __init__(self, path: Path):
        self.path = path
        self._conn: aiosqlite.Connection | None = None

    async def open(self) -> "KnowledgeStore":
        self._conn = await _connect(self.path)
        try:
            meta = await self.meta()
        except sqlite3.DatabaseError as exc:
            await self.close()
            raise _damaged(exc, self.path) from None
        if meta.get("schema") != str(SCHEMA_VERSION):
            await self.close()
            raise DamagedDatabase(f"{self.path}: schema {meta.get('schema')!r}, expected {SCHEMA_VERSION}")
        return self

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        if self._conn is None:
            raise RuntimeError("knowledge store is not open")
        try:
            async with self._conn.execute(sql, args) as cursor:
                return list(await cursor.fetchall())
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            raise _damaged(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            raise _damaged(exc, self.path) from None

    async def meta(self) -> dict[str, str]:
        return dict(await self._rows("SELECT key, value FROM meta"))

    async def shows(self) -> dict[str, dict]:
        """Show id -> info (name, aliases, platform): small, loaded at start."""
        out = {}
        for show_id, info in await self._rows("SELECT id, info FROM shows ORDER BY id"):
            try:
                out[show_id] = json.loads(info)
            except ValueError as exc:
                raise _damaged(exc, self.path) from None
        return out

    async def show(self, show_id: str) -> tuple[dict, list, list[tuple[str, dict]]] | None:
        """(info, people, [(file name, record)]) for one show, or None if it is not built."""
        rows = await self._rows("SELECT info, people FROM shows WHERE id = ?", (show_id,))
        if not rows:
            return None
        records = await self._rows(
            "SELECT f.name, r.record FROM files f JOIN records r ON r.sha = f.sha WHERE f.show_id = ? ORDER BY f.name",
            (show_id,))
        try:
            return (json.loads(rows[0][0]), json.loads(rows[0][1]),
                    [(name, unpack(record)) for name, record in records])
        except ValueError as exc:
            raise _damaged(exc, self.path) from None


async def read_meta(path: Path) -> dict[str, str]:
    """The meta table alone (what a staleness check reads first); empty without a database."""
    meta, _, _, _ = await read_state(path, meta_only=True)
    return meta


async def read_state(path: Path, *, files_only: bool = False, meta_only: bool = False) -> tuple[dict[str, str], list[FileRow], dict[str, str], set[str]]:
    """(meta, files, show states, shas with records of each pipeline) for the builder;
    empty when there is no database yet. `files_only`: meta and files, all a staleness
    check needs (the shows and the records' shas are for a build)."""
    if not path.exists():
        return {}, [], {}, set()
    conn = await _connect(path)
    try:
        async def rows(sql):
            async with conn.execute(sql) as cursor:
                return list(await cursor.fetchall())
        tables = {r[0] for r in await rows("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"meta", "shows", "files", "records"} <= tables:
            if tables:
                raise DamagedDatabase(f"{path}: tables missing ({sorted({'meta', 'shows', 'files', 'records'} - tables)})")
            return {}, [], {}, set()
        meta = dict(await rows("SELECT key, value FROM meta"))
        if meta.get("schema") != str(SCHEMA_VERSION) or meta_only:
            return meta, [], {}, set()
        files = [FileRow(*r) for r in await rows("SELECT path, show_id, name, size, mtime_ns, sha FROM files")]
        if files_only:
            return meta, files, {}, set()
        states = dict(await rows("SELECT id, state FROM shows"))
        pipeline = meta.get("pipeline", "")
        shas = {r[0] for r in await rows(f"SELECT sha FROM records WHERE pipeline = '{pipeline.replace(chr(39), '')}'")}
        return meta, files, states, shas
    except sqlite3.DatabaseError as exc:
        raise _damaged(exc, path) from None
    finally:
        await conn.close()


async def write(path: Path, changes: BuildChanges) -> None:
    """Apply one build in one transaction: readers see the old database until it commits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = await _connect(path)
    try:
        meta = await _meta_or_empty(conn)
        await conn.execute("BEGIN IMMEDIATE")
        if meta.get("schema") != str(SCHEMA_VERSION):
            for table in ("meta", "shows", "files", "records"):
                await conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                await conn.execute(statement)
        await conn.execute("DELETE FROM records WHERE pipeline != ?", (changes.pipeline,))
        await conn.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?)",
                               [(sha, changes.pipeline, blob) for sha, blob in changes.records.items()])
        # only the file rows that changed: a one-article build rewrites one row, not ten thousand
        async with conn.execute("SELECT path, show_id, name, size, mtime_ns, sha FROM files") as cursor:
            before = {r[0]: tuple(r) for r in await cursor.fetchall()}
        after = {f.path: (f.path, f.show_id, f.name, f.size, f.mtime_ns, f.sha) for f in changes.files}
        gone = [(p,) for p in before.keys() - after.keys()]
        if gone:
            await conn.executemany("DELETE FROM files WHERE path = ?", gone)
        await conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                               [row for p, row in after.items() if before.get(p) != row])
        await conn.execute("DELETE FROM records WHERE sha NOT IN (SELECT sha FROM files)")
        for show_id, (info, people, state) in changes.shows.items():
            await conn.execute("INSERT OR REPLACE INTO shows VALUES (?, ?, ?, ?)", (show_id, info, people, state))
        if changes.all_shows:
            marks = ",".join("?" * len(changes.all_shows))
            await conn.execute(f"DELETE FROM shows WHERE id NOT IN ({marks})", tuple(changes.all_shows))
        else:
            await conn.execute("DELETE FROM shows")
        meta_rows = {"schema": str(SCHEMA_VERSION), "pipeline": changes.pipeline,
                     "built_at": str(int(time.time())), **changes.meta}
        await conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta_rows.items()))
        await conn.commit()
    except sqlite3.DatabaseError as exc:
        await conn.rollback()
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            raise
        raise _damaged(exc, path) from None
    finally:
        await conn.close()


async def _meta_or_empty(conn: aiosqlite.Connection) -> dict[str, str]:
    try:
        async with conn.execute("SELECT key, value FROM meta") as cursor:
            return dict(await cursor.fetchall())
    except sqlite3.OperationalError:
        return {}


def move_aside(path: Path, why: str) -> None:
    """A damaged derived database goes out of the way (kept once, for a post-mortem)."""
    aside = path.with_name(path.name + ".damaged")
    log.error("knowledge database damaged (%s): moving it to %s and rebuilding", why, aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists() and extra.is_file():
            extra.unlink()
    if aside.exists():
        if aside.is_dir():
            import shutil
            shutil.rmtree(aside, ignore_errors=True)
        else:
            aside.unlink()
    if path.exists() or path.is_symlink():
        path.rename(aside)


@asynccontextmanager
async def opened(path: Path):
    store = await KnowledgeStore(path).open()
    try:
        yield store
    finally:
        await store.close()


async def records_by_sha(path: Path, shas: list[str]) -> list[dict]:
    """Stored records by content hash (the builder re-clusters a show from them)."""
    conn = await _connect(path)
    try:
        out = []
        for i in range(0, len(shas), 500):
            chunk = shas[i:i + 500]
            marks = ",".join("?" * len(chunk))
            async with conn.execute(f"SELECT record FROM records WHERE sha IN ({marks})", chunk) as cursor:
                out.extend(unpack(r[0]) for r in await cursor.fetchall())
        return out
    except (sqlite3.DatabaseError, ValueError) as exc:
        raise _damaged(exc, path) from None
    finally:
        await conn.close()
