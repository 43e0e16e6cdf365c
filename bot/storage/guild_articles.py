"""Owned data: the articles a server's admins added (``/knowledge add``).

They live in the settings database file (``Config.settings_db``), in their own table,
so the rolling backups that protect server settings protect them too, and a knowledge
rebuild (which only ever touches the derived ``knowledge.sqlite3``) never loses them.
Each row holds the article file text exactly as the intake layer wrote it (front matter
and verbatim body), so the engine reads it the same way as a file on disk.

:class:`GuildArticleStore` is the engine's ``bot.service.GuildArticles``: ``version()``
changes whenever a server's articles change, so the engine knows when to rebuild that
server's overlay. A trigger bumps a per-server revision in the same statement as every
change, and :meth:`GuildArticleStore.poll` reads the revisions, so a change made by another
process (``showbot knowledge import`` while the bot runs) is picked up too.

The export format, a zip with one article file per article and an ``index.json``, is read
back by :func:`read_archive` (``showbot knowledge import``), with limits against zip bombs.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import re
import time
import zipfile
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import aiosqlite

    from .guild_settings import GuildSettingsStore

#: A server may keep this many articles of its own; each is at most an intake-sized
#: article (1 MB uploaded, 2 MB fetched, usually far less once reduced to its text).
MAX_ARTICLES_PER_GUILD = 100
#: Limits on an archive to import: entries, and bytes of one entry and of all of them
#: once unpacked (checked before anything is decompressed).
MAX_ARCHIVE_ENTRIES = MAX_ARTICLES_PER_GUILD + 1
MAX_ENTRY_BYTES = 2 * 1024 * 1024
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
ARCHIVE_FORMAT = "showbot-guild-articles"
INDEX = "index.json"

#: The schema, applied as one step of the settings database's migrations
#: (bot.storage.guild_settings.MIGRATIONS): one row per article, and a revision per
#: server that triggers bump with every change, in the same statement.
MIGRATION = """
CREATE TABLE guild_article (
    id        INTEGER PRIMARY KEY,
    guild_id  INTEGER NOT NULL,
    show_id   TEXT    NOT NULL,
    name      TEXT    NOT NULL,       -- what /knowledge list shows: the file name or the page title
    title     TEXT    NOT NULL,
    publisher TEXT,
    date      TEXT,
    url       TEXT,
    sha       TEXT    NOT NULL,       -- sha256 of text
    text      TEXT    NOT NULL,       -- the article file: front matter, then the verbatim body
    added_by  INTEGER,
    added_at  REAL    NOT NULL,
    UNIQUE (guild_id, name)
);
CREATE INDEX guild_article_show ON guild_article (guild_id, show_id);
CREATE TABLE guild_article_revision (
    guild_id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL
);
CREATE TRIGGER guild_article_added AFTER INSERT ON guild_article BEGIN
    INSERT INTO guild_article_revision VALUES (NEW.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER guild_article_changed AFTER UPDATE ON guild_article BEGIN
    INSERT INTO guild_article_revision VALUES (NEW.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER guild_article_removed AFTER DELETE ON guild_article BEGIN
    INSERT INTO guild_article_revision VALUES (OLD.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
END;
"""

_COLUMNS = "id, guild_id, show_id, name, title, publisher, date, url, sha, added_by, added_at"


class GuildArticleRefused(ValueError):
    """An article the store will not keep (a duplicate, or one too many); the message
    says why, for the admin. Nothing was changed."""


class ArchiveError(ValueError):
    """A file that is not a usable export of a server's articles; the message says why."""


@dataclass(frozen=True)
class NewArticle:
    """What ``add`` stores: the article file text and the header fields shown in lists."""
    show_id: str
    name: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    text: str

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredArticle:
    """One stored article, without its text (see ``text_of``)."""
    id: int
    guild_id: int
    show_id: str
    name: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    sha: str
    added_by: int | None
    added_at: float


@dataclass(frozen=True)
class Added:
    article: StoredArticle
    replaced: bool  # an article of the same name was there before, and is no more


class GuildArticleStore:
    """The servers' own articles, over the settings store's open connection (one
    connection and one schema version for the whole owned file)."""

    def __init__(self, settings: "GuildSettingsStore", *, max_per_guild: int = MAX_ARTICLES_PER_GUILD) -> None:
        self.settings = settings
        self.max_per_guild = max_per_guild
        self._seen: dict[int, int] = {}  # guild -> stored revision last read
        self._versions: dict[int, int] = {}  # guild -> this process's version number
        self._counter = itertools.count(1)

    @property
    def db(self) -> "aiosqlite.Connection":
        return self.settings.db

    async def _write(self, sql: str, parameters: tuple = ()) -> None:
        """One statement (its triggers included), its cursor closed, committed."""
        async with self.db.execute(sql, parameters):
            pass
        await self.db.commit()

    # ------------------------------------------------------------ versions
    def version(self, guild_id: int) -> int:
        """A number that changes whenever the server's articles change (0: none added
        since this process started reading). Numbers are never reused within a process,
        even when a restored backup takes a revision back."""
        return self._versions.get(guild_id, 0)

    async def poll(self) -> set[int]:
        """Read every server's revision; the servers whose articles changed since the
        last read (by this process or another) get a new version, and are returned."""
        rows = await self.db.execute_fetchall("SELECT guild_id, revision FROM guild_article_revision")
        changed = set()
        for guild_id, revision in rows:
            if self._seen.get(guild_id) != revision:
                self._seen[guild_id] = revision
                self._versions[guild_id] = next(self._counter)
                changed.add(guild_id)
        return changed

    # ---------------------------------------------------------- the engine
    async def texts(self, guild_id: int, show_id: str) -> list[tuple[str, str]]:
        """(name, article file text) of the server's articles about one show, oldest first."""
        rows = await self.db.execute_fetchall(
            "SELECT name, text FROM guild_article WHERE guild_id = ? AND show_id = ? ORDER BY added_at, id",
            (guild_id, show_id))
        return [(name, text) for name, text in rows]

    # --------------------------------------------------------------- admin
    async def articles(self, guild_id: int) -> list[StoredArticle]:
        """The server's articles, newest first."""
        rows = await self.db.execute_fetchall(
            f"SELECT {_COLUMNS} FROM guild_article WHERE guild_id = ? ORDER BY added_at DESC, id DESC",
            (guild_id,))
        return [StoredArticle(*row) for row in rows]

    async def get(self, guild_id: int, name: str) -> StoredArticle | None:
        rows = await self.db.execute_fetchall(
            f"SELECT {_COLUMNS} FROM guild_article WHERE guild_id = ? AND name = ?", (guild_id, name))
        return StoredArticle(*rows[0]) if rows else None

    async def text_of(self, article: StoredArticle) -> str | None:
        rows = await self.db.execute_fetchall("SELECT text FROM guild_article WHERE id = ?", (article.id,))
        return rows[0][0] if rows else None

    async def add(self, guild_id: int, article: NewArticle, *, added_by: int | None) -> Added:
        """Store one article. An article of the same name is replaced (an updated file
        or page); the same text under another name, or one article too many, is refused
        with :class:`GuildArticleRefused` and nothing changes. One statement: the row and
        the server's revision change together or not at all."""
        replaced = await self.get(guild_id, article.name)
        await self._check_room(guild_id, article, replaced)
        sha = article.sha
        await self._write(
            "INSERT INTO guild_article (guild_id, show_id, name, title, publisher, date, url, sha, text, "
            "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (guild_id, name) DO UPDATE SET show_id = excluded.show_id, title = excluded.title, "
            "publisher = excluded.publisher, date = excluded.date, url = excluded.url, sha = excluded.sha, "
            "text = excluded.text, added_by = excluded.added_by, added_at = excluded.added_at",
            (guild_id, article.show_id, article.name, article.title, article.publisher, article.date,
             article.url, sha, article.text, added_by, time.time()))
        await self.poll()
        stored = await self.get(guild_id, article.name)
        assert stored is not None
        return Added(stored, replaced is not None)

    async def _check_room(self, guild_id: int, article: NewArticle, replaced: StoredArticle | None) -> None:
        twin = await self.db.execute_fetchall(
            "SELECT name FROM guild_article WHERE guild_id = ? AND sha = ? AND name != ?",
            (guild_id, article.sha, article.name))
        if twin:
            raise GuildArticleRefused(f"That article is already added, as {twin[0][0]!r}.")
        if replaced is None:
            (count,), = await self.db.execute_fetchall(
                "SELECT COUNT(*) FROM guild_article WHERE guild_id = ?", (guild_id,))
            if count >= self.max_per_guild:
                raise GuildArticleRefused(
                    f"This server already has {count} articles, the most it can keep: remove one with "
                    "/knowledge remove first.")

    async def remove(self, guild_id: int, name: str) -> StoredArticle | None:
        """Remove the article of that name; None (and nothing changed) if there is none."""
        article = await self.get(guild_id, name)
        if article is None:
            return None
        await self._write("DELETE FROM guild_article WHERE id = ?", (article.id,))
        await self.poll()
        return article

    async def names(self, guild_id: int, typed: str = "", limit: int = 25) -> list[str]:
        """Names for autocomplete: those containing what was typed, newest first."""
        key = typed.strip().casefold()
        return [a.name for a in await self.articles(guild_id) if key in a.name.casefold()][:limit]

    # ------------------------------------------------------ export, import
    async def export(self, guild_id: int) -> bytes:
        """A zip of the server's articles: one article file each (the format the articles
        folder reads) and an ``index.json`` with what the list shows."""
        articles = await self.articles(guild_id)
        index = []
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            used: set[str] = set()
            for article in reversed(articles):  # oldest first, as they were added
                text = await self.text_of(article)
                if text is None:  # removed meanwhile
                    continue
                file = _file_name(article.name, used)
                archive.writestr(file, text.encode("utf-8"))
                entry = asdict(article)
                for key in ("id", "guild_id", "sha"):
                    entry.pop(key)
                entry["file"] = file
                entry["added_at"] = _iso(article.added_at)
                entry["show"] = entry.pop("show_id")
                index.append(entry)
            archive.writestr(INDEX, json.dumps({
                "format": ARCHIVE_FORMAT, "version": 1, "guild_id": guild_id,
                "exported_at": _iso(time.time()), "articles": index}, ensure_ascii=False, indent=2))
        return buffer.getvalue()

    async def add_many(self, guild_id: int, articles: list[NewArticle], *, added_by: int | None = None) -> int:
        """Store several articles at once (an import): all or nothing. Same names are
        replaced; the limit and duplicate checks of ``add`` apply to the result."""
        existing = {a.name: a for a in await self.articles(guild_id)}
        final = {name: a.sha for name, a in existing.items()}
        for article in articles:
            final[article.name] = article.sha
        if len(final) > self.max_per_guild:
            raise GuildArticleRefused(f"That would make {len(final)} articles; a server keeps at most "
                                      f"{self.max_per_guild}. Nothing was imported.")
        by_sha: dict[str, str] = {}
        for name, sha in final.items():
            if sha in by_sha:
                raise GuildArticleRefused(f"{name!r} and {by_sha[sha]!r} are the same article. Nothing was imported.")
            by_sha[sha] = name
        now = time.time()
        rows = [(guild_id, a.show_id, a.name, a.title, a.publisher, a.date, a.url, a.sha, a.text, added_by, now)
                for a in articles]
        try:
            await self.db.executemany(
                "INSERT INTO guild_article (guild_id, show_id, name, title, publisher, date, url, sha, text, "
                "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (guild_id, name) DO UPDATE SET show_id = excluded.show_id, title = excluded.title, "
                "publisher = excluded.publisher, date = excluded.date, url = excluded.url, sha = excluded.sha, "
                "text = excluded.text, added_by = excluded.added_by, added_at = excluded.added_at", rows)
            await self.db.commit()
        except BaseException:
            await self.db.rollback()
            raise
        await self.poll()
        return len(rows)


@dataclass(frozen=True)
class ArchivedArticle:
    """One article read from an export: its file bytes and what the index said of it."""
    name: str
    data: bytes
    show_id: str | None


def read_archive(data: bytes) -> list[ArchivedArticle]:
    """The articles in an export made by :meth:`GuildArticleStore.export` (or any zip of
    article files, named by their file names). Raises :class:`ArchiveError`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ArchiveError("not a zip file (export one with /knowledge export or `showbot knowledge export`)") from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > MAX_ARCHIVE_ENTRIES:
            raise ArchiveError(f"{len(infos)} files; an export holds at most {MAX_ARCHIVE_ENTRIES}")
        if sum(i.file_size for i in infos) > MAX_ARCHIVE_BYTES or any(i.file_size > MAX_ENTRY_BYTES for i in infos):
            raise ArchiveError("too large once unpacked: not an export of a server's articles")
        files = {i.filename: i for i in infos}
        if INDEX in files:
            return _indexed(archive, files)
        out = []
        for info in infos:
            if PurePosixPath(info.filename).suffix.casefold() in (".md", ".txt", ".markdown"):
                out.append(ArchivedArticle(PurePosixPath(info.filename).name, archive.read(info), None))
        if not out:
            raise ArchiveError("no index.json and no .md or .txt article files in it")
        return out


def _indexed(archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo]) -> list[ArchivedArticle]:
    try:
        index = json.loads(archive.read(files[INDEX]).decode("utf-8"))
        entries = index["articles"]
        if index.get("format") != ARCHIVE_FORMAT or not isinstance(entries, list):
            raise ValueError("not a showbot export")
        out = []
        for entry in entries:
            name, file = str(entry["name"]), str(entry["file"])
            if file not in files:
                raise ArchiveError(f"index.json lists {file!r}, which is not in the zip")
            show = entry.get("show")
            out.append(ArchivedArticle(name, archive.read(files[file]), str(show) if show else None))
        return out
    except ArchiveError:
        raise
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise ArchiveError(f"index.json is not a showbot export index ({exc})") from None


def _file_name(name: str, used: set[str]) -> str:
    """A safe, unique file name in the zip for an article's display name."""
    stem = re.sub(r"[^0-9A-Za-z._-]+", "-", PurePosixPath(name).stem).strip("-.")[:60] or "article"
    candidate, n = f"articles/{stem}.md", 1
    while candidate in used:
        n += 1
        candidate = f"articles/{stem}-{n}.md"
    used.add(candidate)
    return candidate


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat(timespec="seconds")
