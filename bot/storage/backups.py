"""Rolling backups of an owned SQLite file, and restoring from them.

The settings database is the one file showbot cannot rebuild: server settings,
votes, the unanswered log (and any owned table added later, because a backup
copies the whole file). So it is copied with SQLite's online backup API, which
gives a consistent snapshot while the bot keeps writing, to
``<data>/backups/<name>-<UTC time>.sqlite3``; the newest ``keep`` copies stay.

Before the database is opened, :meth:`Backups.heal` checks it (missing, empty,
not a database, failing ``PRAGMA integrity_check``) and, if it is unusable, moves
it aside and restores the newest backup that passes the same check. Everything
here is blocking file work: callers run it in a thread.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)

#: Copies kept; at one a day plus one per start, that is a few days of history.
KEEP = 5
#: SQLite's companions of a database file; they belong to the file they sit next to.
SIDECARS = ("-wal", "-shm", "-journal")


def problem(path: Path) -> str | None:
    """Why ``path`` is not a usable database, or None when it is.

    A file without any schema (``user_version`` 0) counts as empty: SQLite
    happily opens a zero-byte or brand-new file, which is how settings used to
    vanish without a word."""
    if not path.exists():
        return "missing"
    if not path.is_file():
        return "not a file"
    if path.stat().st_size == 0:
        return "empty (0 bytes)"
    try:
        with closing(sqlite3.connect(path)) as db:
            verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
            version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        raise  # locked, unreadable, read-only: a problem to report, not a damaged file to replace
    except sqlite3.DatabaseError as exc:  # corrupt, or not a database at all
        return f"damaged ({exc})"
    if verdict != ["ok"]:
        return f"damaged (integrity check: {'; '.join(verdict[:3])})"
    if version == 0:
        return "empty (no schema)"
    return None


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def _copy(source: Path, target: Path) -> None:
    """A consistent copy through the online backup API, in rollback-journal mode
    (a lone file, no -wal needed), written beside ``target`` then renamed in."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


@dataclass(frozen=True)
class Healed:
    """What :meth:`Backups.heal` found and did."""
    problem: str | None = None       # None: the database was fine
    restored_from: Path | None = None
    moved_to: Path | None = None     # where the unusable file went


class Backups:
    """Rolling copies of ``database`` in ``folder``."""

    def __init__(self, database: Path, folder: Path, keep: int = KEEP) -> None:
        if keep < 1:
            raise ValueError("keep at least one backup")
        self.database = Path(database)
        self.folder = Path(folder)
        self.keep = keep

    def copies(self) -> list[Path]:
        """Existing backups, newest first (the UTC stamp in the name sorts by time)."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{self.database.stem}-*.sqlite3"), reverse=True)

    def take(self) -> Path:
        """Copy the database now; drop the oldest copies beyond ``keep``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / f"{self.database.stem}-{_stamp()}.sqlite3"
        _copy(self.database, target)
        for old in self.copies()[self.keep:]:
            old.unlink(missing_ok=True)
        log.info("Backed up %s to %s", self.database.name, target)
        return target

    def newest_good(self) -> Path | None:
        for copy in self.copies():
            trouble = problem(copy)
            if trouble is None:
                return copy
            log.warning("Backup %s is unusable: %s", copy, trouble)
        return None

    def heal(self) -> Healed:
        """Make ``database`` usable before it is opened, saying loudly what happened.

        An unusable file is moved aside (never deleted: it is someone's data)
        and the newest good backup restored; with no good backup the database
        starts empty, and the log says so at ERROR (or WARNING on what looks
        like a first start: no file and no backups folder)."""
        trouble = problem(self.database)
        if trouble is None:
            return Healed()
        moved = self._move_aside()
        source = self.newest_good()
        if source is not None:
            _copy(source, self.database)
            log.error("%s was %s; restored server settings from the backup %s. Changes made after "
                      "that backup are lost.%s", self.database, trouble, source.name, _kept(moved))
            return Healed(trouble, source, moved)
        if trouble == "missing" and not self.folder.exists():
            log.warning("No %s and no backups in %s: starting with empty server settings "
                        "(normal on a first start; otherwise restore the file from your own copy).",
                        self.database, self.folder)
        else:
            log.error("%s was %s and there is no usable backup in %s: STARTING WITH EMPTY SERVER "
                      "SETTINGS.%s", self.database, trouble, self.folder, _kept(moved))
        return Healed(trouble, None, moved)

    def _move_aside(self) -> Path | None:
        """Rename the unusable file and its sidecars (a stale -wal must never be
        replayed onto the restored file); None when there was no file."""
        aside = self.database.with_name(f"{self.database.name}.unusable-{_stamp()}")
        for suffix in SIDECARS:
            sidecar = self.database.with_name(self.database.name + suffix)
            if sidecar.exists():
                os.replace(sidecar, aside.with_name(aside.name + suffix))
        if not (self.database.exists() or self.database.is_symlink()):
            return None
        os.replace(self.database, aside)
        return aside


def _kept(moved: Path | None) -> str:
    return f" The unusable file was kept as {moved}." if moved else ""
