"""Reading article files: optional front matter, then the body kept verbatim.

    ---
    title: All of Us Are Dead season 2 confirmed
    publisher: Radio Times
    date: 2022-06-06        # YYYY-MM-DD, YYYY-MM or YYYY
    url: https://...
    ---
    Body text, plain or Markdown.

Lines starting with '#' inside the header are comments. Without a header the first
non-empty line of the body is the title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = {".md", ".txt", ".markdown"}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_KEYS = {"title", "publisher", "date", "url"}


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class ArticleFile:
    path: Path
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    body: str  # verbatim text after the header


def find_articles(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ArticleError(f"articles folder not found: {folder}")
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                  and not p.name.startswith(".") and p.name.upper() != "README.MD")


def read_article(path: Path) -> ArticleFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path.name}: not UTF-8 text ({exc.reason})") from None
    meta, body = _split_header(text, path.name)
    date = meta.get("date")
    if date is not None and not _DATE.match(date):
        raise ArticleError(f"{path.name}: date must be YYYY-MM-DD, YYYY-MM or YYYY, not {date!r}")
    title = meta.get("title") or _first_line(body) or path.stem
    if not body.strip():
        raise ArticleError(f"{path.name}: the article has no text")
    return ArticleFile(path, title, meta.get("publisher"), date, meta.get("url"), body)


def _split_header(text: str, name: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise ArticleError(f"{name}: the header opened with '---' is never closed")
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _KEYS:
            raise ArticleError(f"{name}: header line {line!r} is not one of title:, publisher:, date:, url:")
        value = value.strip().strip('"').strip("'")
        if value:
            meta[key] = value
    return meta, "\n".join(lines[end + 1:])


def _first_line(body: str) -> str | None:
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line
    return None
