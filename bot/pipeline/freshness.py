"""Whether the knowledge database is up to date, without loading the build pipeline.

Every `showbot ask` and every look of a running bot asks this, so it imports only the file
scanner and the store: at 10,000 articles, importing the extraction code (hundreds of
regular expressions) would cost more than the check itself. The build is imported only when
one is needed.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from bot.config import Config
from bot.storage import knowledge as store

from .files import discover

if TYPE_CHECKING:
    from .build import BuildReport

RECORD_VERSION = 2  # bump when the record's shape changes
# The code whose output the records are: a new version of it re-extracts every article.
DERIVING = ("pipeline/articles.py", "pipeline/segment.py", "pipeline/extract", "text")
Progress = Callable[[int, int, str], None]  # (done, total, article name)


def pipeline_version(language_dir: Path) -> str:
    """What an article's record depends on besides its text: the record format, the
    language data ingestion reads, and the deriving code, byte for byte."""
    digest = hashlib.sha256(f"record {RECORD_VERSION}".encode())
    root = Path(__file__).resolve().parent.parent
    paths = [language_dir / "boilerplate.toml", language_dir / "topics.toml", language_dir / "language.toml"]
    for rel in DERIVING:
        p = root / rel
        paths.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()[:24]


async def ensure_built(config: Config, progress: Progress | None = None) -> "BuildReport | None":
    """Build when the database is missing, damaged or stale; None when it was up to date."""
    try:
        if not await is_stale(config):
            return None
    except store.DamagedDatabase as exc:
        async with build_lock(config.data_dir):
            if config.knowledge_db.exists() or config.knowledge_db.is_symlink():
                store.move_aside(config.knowledge_db, str(exc))
        from .build import build
        report = await build(config, progress)
        report.healed = True
        return report
    from .build import build
    return await build(config, progress)


async def is_stale(config: Config) -> bool:
    """Whether any article or show file was added, removed or changed (by size and time)
    since the last build, or the pipeline changed. The last build's file list is kept as
    one digest in the database's meta, so this reads one small table however many files."""
    meta = await store.read_meta(config.knowledge_db)
    if meta.get("pipeline") != pipeline_version(config.language_dir) or meta.get("root") != str(config.articles_dir.resolve()):
        return True
    shows, _ = discover(config.articles_dir)
    current = []
    for show in shows:
        current.extend((str(ref.path), ref.size, ref.mtime_ns) for ref in show.articles)
        if show.show_file:
            st = show.show_file.stat()
            current.append((str(show.show_file), st.st_size, st.st_mtime_ns))
    if "files" in meta:
        return files_digest(current) != meta["files"]
    _, files, _, _ = await store.read_state(config.knowledge_db, files_only=True)
    return {p: (size, mtime) for p, size, mtime in current} != {f.path: (f.size, f.mtime_ns) for f in files}


def files_digest(files) -> str:
    """One digest of (path, size, modification time) triples, in any order."""
    digest = hashlib.sha256()
    for path, size, mtime in sorted(files):
        digest.update(f"{path}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


@asynccontextmanager
async def build_lock(data_dir: Path):
    """An inter-process lock around a build (POSIX flock; elsewhere builds just take turns
    less politely, and the database's own locking still keeps them consistent)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / "knowledge.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            fcntl = None
        if fcntl is not None:
            await asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
