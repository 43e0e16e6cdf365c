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
    if files or any(p.name == SHOW_FILE for p, kind in entries):
        # one show's folder: nested folders are not shows here
        for path, kind in entries:
            if kind == "dir":
                skipped.append(Skipped(_rel(path, root) + "/", "nested folder inside a show folder (not read)"))
        return [_show(root, root, entries, max_bytes, skipped)], skipped
    shows = []
    for path, kind in entries:
        if kind != "dir":
            continue
        inner = _entries(path, root, skipped)
        for sub, sub_kind in inner:
            if sub_kind == "dir":
                skipped.append(Skipped(_rel(sub, root) + "/", "nested folder inside a show folder (not read)"))
        show = _show(path, root, inner, max_bytes, skipped)
        if show.articles:
            shows.append(show)
        elif not any(p.name == SHOW_FILE for p, _ in inner):
            skipped.append(Skipped(_rel(path, root) + "/", "folder holds no articles"))
    return shows, skipped


def _entries(folder: Path, root: Path, skipped: list[Skipped]) -> list[tuple[Path, str]]:
    """(path, "file" | "dir" | "show") for the folder's usable entries, sorted by name."""
    out = []
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise ArticlesFolderError(f"cannot read {folder}: {exc.strerror}") from None
    for name in names:
        if _IGNORED.match(name):
            continue
        path = folder / name
        rel = _rel(path, root)
        try:
            target = path.resolve(strict=True)
            info = target.stat()
        except (OSError, RuntimeError):
            skipped.append(Skipped(rel, "broken link or unreadable"))
            continue
        if not target.is_relative_to(root):
            skipped.append(Skipped(rel, "outside the articles folder (a link leading elsewhere is not followed)"))
            continue
        if stat.S_ISDIR(info.st_mode):
            out.append((path, "dir"))
        elif not stat.S_ISREG(info.st_mode):
            skipped.append(Skipped(rel, "not a regular file"))
        elif name == SHOW_FILE:
            out.append((path, "show"))
        elif path.suffix.casefold() not in ARTICLE_SUFFIXES:
            skipped.append(Skipped(rel, f"unsupported type {path.suffix or '(none)'}: articles are "
                                        + ", ".join(sorted(ARTICLE_SUFFIXES)) + " files"))
        else:
            out.append((path, "file"))
    return out


def _show(folder: Path, root: Path, entries, max_bytes: int, skipped: list[Skipped]) -> ShowFolder:
    show_id = show_id_for(folder)
    show_file = next((p for p, kind in entries if kind == "show"), None)
    refs = []
    for path, kind in entries:
        if kind != "file":
            continue
        info = path.resolve().stat()
        if info.st_size > max_bytes:
            skipped.append(Skipped(_rel(path, root), f"too big ({info.st_size:,} bytes; the limit is {max_bytes:,})"))
            continue
        refs.append(ArticleFileRef(show_id, path.resolve(), _rel(path, root), info.st_size, info.st_mtime_ns))
    return ShowFolder(show_id, folder, show_file, tuple(refs))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name
