"""Reading article files: optional front matter, then the body kept verbatim.

    ---
    title: All of Us Are Dead season 2 confirmed
    publisher: Radio Times
    date: 2022-06-06        # YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)
    url: https://...
    ---
    Body text, plain or Markdown.

Lines starting with '#' inside the header are comments. Without a header the title is
the body's first Markdown heading, else its first non-empty line.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_KEYS = {"title", "publisher", "date", "url"}


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class ArticleFile:
    name: str  # relative file name, as reports and /sources show it
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    body: str  # verbatim text after the header


def read_article(path: Path, name: str | None = None) -> ArticleFile:
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror})") from None
    return parse_article(decode(data, name), name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is fine); binary data is refused, not guessed at."""
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: not text (binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def parse_article(text: str, name: str) -> ArticleFile:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body = _split_header(text, name)
    date = meta.get("date")
    if date is not None:
        check_date(date, name)
    if not body.strip():
        raise ArticleError(f"{name}: the article has no text")
    title = meta.get("title") or _first_heading(body) or Path(name).stem
    return ArticleFile(name, title, meta.get("publisher"), date, meta.get("url"), body)


def check_date(date: str, name: str) -> None:
    m = _DATE.match(date)
    if not m:
        raise ArticleError(f"{name}: date must be YYYY-MM-DD, YYYY-MM or YYYY, not {date!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ArticleError(f"{name}: {date!r} is not a real date") from None


def _split_header(text: str, name: str) -> tuple[dict[str, str], str]:
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
            raise ArticleError(f"{name}: header line {line[:80]!r} is not one of title:, publisher:, date:, url:")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if value:
            meta[key] = value
    return meta, "\n".join(lines[end + 1:])


def _first_heading(body: str) -> str | None:
    first = None
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip() or first
        if stripped and first is None:
            first = stripped
            if len(body) < 2000 or not any(l.lstrip().startswith("#") for l in body.splitlines()[:15]):
                return _headline(body) or first
    return first


def _headline(body: str) -> str | None:
    """Of a plain text's first few lines, the first the article goes on to talk about: a
    copied page often starts with the site's tagline ("Your Daily Dose Of News") and only
    then the headline."""
    lines = [l.strip() for l in body.splitlines() if l.strip()][:3]
    rest = body.casefold()
    for line in lines:
        if len(line) > 200:
            break
        words = {w for w in re.findall(r"[^\W\d_]{4,}", line.casefold())}
        later = rest[rest.find(line.casefold()) + len(line):]
        if sum(1 for w in words if re.search(rf"\b{re.escape(w)}", later)) >= 2:
            return line
    return None
