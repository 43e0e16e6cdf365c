"""Which files are articles, and of which show.

`SHOWBOT_ARTICLES` points at one show's folder (article files directly inside) or at a
folder of show folders (one sub-folder per show; the folder name is the show's id). Only
regular files inside the folder are read: a symlink that leads out of it, a file over the
size cap, an unsupported type or a nested folder is skipped, and each skip is reported
with its reason, so an admin can see why an article is missing.
"""
from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".md", ".txt", ".markdown"})
SHOW_FILE = "show.toml"
MAX_ARTICLE_BYTES = 1_000_000  # a long feature is ~50 KB; anything near this is not an article
_IGNORED = re.compile(r"^(?:\.|readme(?:\.\w+)?$|facts\.md$|questions\.jsonl$|~|.*~$)", re.I)


class ArticlesFolderError(ValueError):
    """The articles folder itself cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class ArticleFileRef:
    show_id: str
    path: Path  # resolved, inside the articles folder
    name: str  # relative to the articles folder, with "/" separators
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class ShowFolder:
    id: str
    folder: Path
    show_file: Path | None
    articles: tuple[ArticleFileRef, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def show_id_for(folder: Path) -> str:
    """A folder name as a show id: lower-case words joined by dashes."""
    slug = re.sub(r"[^0-9a-z]+", "-", folder.name.casefold()).strip("-")
    return slug or "show"


def discover(root: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> tuple[list[ShowFolder], list[Skipped]]:
    """The shows under `root` and the files skipped, each with its reason."""
    try:
        root = root.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):
        raise ArticlesFolderError(f"articles folder not found: {root}") from None
    if not root.is_dir():
        raise ArticlesFolderError(f"articles folder is not a folder: {root}")
    skipped: list[Skipped] = []
    entries = _entries(root, root, skipped)
    files = [e for e in entries if e[1] == "file"]
    if files or any(kind == "show" for _, kind, _, _ in entries):
        # one show's folder: nested folders are not shows here
        for _, kind, _, rel in entries:
            if kind == "dir":
                skipped.append(Skipped(rel + "/", "nested folder inside a show folder (not read)"))
        return [_show(root, root, entries, max_bytes, skipped)], skipped
    shows = []
    for path, kind, _, rel in entries:
        if kind != "dir":
            continue
        inner = _entries(path, root, skipped)
        for _, sub_kind, _, sub_rel in inner:
            if sub_kind == "dir":
                skipped.append(Skipped(sub_rel + "/", "nested folder inside a show folder (not read)"))
        show = _show(path, root, inner, max_bytes, skipped)
        if show.articles:
            shows.append(show)
        elif not any(kind == "show" for _, kind, _, _ in inner):
            skipped.append(Skipped(rel + "/", "folder holds no articles"))
    return shows, skipped


def _entries(folder: Path, root: Path, skipped: list[Skipped]) -> list[tuple[Path, str, os.stat_result, str]]:
    """(path, "file" | "dir" | "show", stat, name) for the folder's usable entries, sorted by
    name; a link's path is its target but its name stays the link's own.
    One directory read and no path resolution per entry, except for symlinks (the only
    entries that can lead out of the folder): a fresh `showbot ask` scans every article
    file, so this runs 10,000 times for a big corpus."""
    out = []
    try:
        with os.scandir(folder) as it:
            found = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise ArticlesFolderError(f"cannot read {folder}: {exc.strerror}") from None
    prefix = "" if folder == root else _rel(folder, root) + "/"
    for entry in found:
        name = entry.name
        if _IGNORED.match(name):
            continue
        path = Path(entry.path)
        rel = prefix + name
        try:
            if entry.is_symlink():
                target = path.resolve(strict=True)
                if not target.is_relative_to(root):
                    skipped.append(Skipped(rel, "outside the articles folder (a link leading elsewhere is not followed)"))
                    continue
                info = target.stat()
                path = target
            else:
                info = entry.stat()
        except (OSError, RuntimeError):
            skipped.append(Skipped(rel, "broken link or unreadable"))
            continue
        if stat.S_ISDIR(info.st_mode):
            out.append((path, "dir", info, rel))
        elif not stat.S_ISREG(info.st_mode):
            skipped.append(Skipped(rel, "not a regular file"))
        elif name == SHOW_FILE:
            out.append((path, "show", info, rel))
        elif os.path.splitext(name)[1].casefold() not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(rel, f"unsupported type {os.path.splitext(name)[1] or '(none)'}: articles are "
                                        + ", ".join(sorted(ARTICLE_SUFFIXES)) + " files"))
        else:
            out.append((path, "file", info, rel))
    return out


def _show(folder: Path, root: Path, entries, max_bytes: int, skipped: list[Skipped]) -> ShowFolder:
    show_id = show_id_for(folder)
    show_file = next((p for p, kind, _, _ in entries if kind == "show"), None)
    refs = []
    for path, kind, info, rel in entries:
        if kind != "file":
            continue
        if info.st_size > max_bytes:
            skipped.append(Skipped(rel, f"too big ({info.st_size:,} bytes; the limit is {max_bytes:,})"))
            continue
        refs.append(ArticleFileRef(show_id, path, rel, info.st_size, info.st_mtime_ns))
    return ShowFolder(show_id, folder, show_file, tuple(refs))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name
