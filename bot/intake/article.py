"""The validated article the intake layer hands back, and how it becomes an article file.

An `IntakeArticle` can only exist in a valid state: every refusal happens before one is
built, so a caller that holds one can store it without further checks. Its file text is
the front-matter format `bot/pipeline/articles.py` reads, written so that reading it back gives the
same title, publisher, date, url and body, character for character: the body is what the
bot will quote, so nothing in it may shift on the way to disk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from yarl import URL

from .dates import is_article_date

#: Titles longer than this are cut at a word (Discord embed titles stop at 256 characters).
MAX_TITLE_CHARS = 200
#: Publisher names and file names longer than this are cut.
MAX_NAME_CHARS = 120
#: Longest link kept as an article's url.
MAX_URL_CHARS = 2048

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTES = ('"', "'")


@dataclass(frozen=True)
class IntakeArticle:
    """An article ready to store: header fields, the verbatim body, and a display name.

    `source_name` is what the admin sees in lists: the uploaded file's name, or the page
    title for a link. `title` is never empty; the other header fields may be None.
    """

    title: str
    publisher: str | None
    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date
    url: str | None  # http(s) link, shown with citations
    body: str  # verbatim text, "\n" line ends only
    source_name: str

    def __post_init__(self) -> None:
        for name in ("title", "publisher", "url", "source_name"):
            value = getattr(self, name)
            if value is not None and value != clean_line(value, limit=len(value) + 1):
                raise ValueError(f"{name} must be one clean line of text, not {value!r}")
        if not self.title or not self.source_name:
            raise ValueError("an article needs a title and a source name")
        if self.date is not None and not is_article_date(self.date):
            raise ValueError(f"date must be YYYY-MM-DD, YYYY-MM or YYYY, not {self.date!r}")
        if self.url is not None and not re.match(r"^https?://\S+$", self.url, re.IGNORECASE):
            raise ValueError(f"url must be an http(s) link, not {self.url!r}")
        if "\r" in self.body or not self.body.strip():
            raise ValueError("body must be non-blank text with '\\n' line ends")
        self.body.encode("utf-8")  # lone surrogates cannot be written to a file

    def header(self) -> dict[str, str]:
        """The header fields that are set, in file order."""
        fields = {"title": self.title, "publisher": self.publisher, "date": self.date, "url": self.url}
        return {key: value for key, value in fields.items() if value}

    def to_file_text(self) -> str:
        """The article file: a `---` header, then the body exactly as held.

        Always writes a header, so a body that itself starts with `---` stays body text.
        Write it with `to_bytes()` (or `newline=""`) so no line ends are translated.
        """
        lines = ["---", *(f"{key}: {_header_value(value)}" for key, value in self.header().items()),
                 "---"]
        return "\n".join(lines) + "\n" + self.body

    def to_bytes(self) -> bytes:
        """The article file as UTF-8 bytes, without a byte-order mark."""
        return self.to_file_text().encode("utf-8")


def make_article(*, body: str, source_name: str | None, title: str | None = None,
                 publisher: str | None = None, date: str | None = None,
                 url: str | None = None) -> IntakeArticle:
    """Build an article from loosely formatted parts: one-line fields, a derived title.

    Callers have already validated `date` and `url`; this only tidies the text fields. The
    title falls back as the article reader's does (first non-empty body line, then the
    file name's stem), so the stored header names what a header-less file would have shown.
    Without a `source_name` (a fetched page) the title is the source name.
    """
    body = normalise_newlines(body)
    source = clean_line(source_name or "", limit=MAX_NAME_CHARS)
    clean_title = (clean_line(title or "", limit=MAX_TITLE_CHARS)
                   or clean_line(first_line(body) or "", limit=MAX_TITLE_CHARS)
                   or clean_line(PurePosixPath(source).stem, limit=MAX_TITLE_CHARS)
                   or source or "Untitled article")
    return IntakeArticle(title=clean_title,
                         publisher=clean_line(publisher or "", limit=MAX_NAME_CHARS) or None,
                         date=date, url=url, body=body, source_name=source or clean_title)


def safe_file_name(name: str) -> str:
    """The last component of an uploaded file's name, as one clean line (no folders)."""
    base = PurePosixPath(PureWindowsPath(name).name).name
    return clean_line(base, limit=MAX_NAME_CHARS)


def normalise_newlines(text: str) -> str:
    """CRLF and CR become LF, as reading the file back in text mode would do anyway."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_line(body: str) -> str | None:
    """The first line with words in it, without Markdown heading marks (the reader's title
    rule, except that rules such as `---` are passed over)."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if any(ch.isalnum() for ch in line):
            return line
    return None


def clean_line(value: str, *, limit: int) -> str:
    """One line of text: whitespace runs collapsed, control characters dropped, cut at a word.

    A straight single quote at either end becomes a typographic one, because the article
    reader strips straight quotes from the ends of header values and the value must read
    back unchanged.
    """
    text = " ".join(_CONTROL.sub("", value).split())
    if len(text) > limit:
        cut = text[: limit - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-") + "\u2026"
    if text.startswith("'"):
        text = "\u2018" + text[1:]
    if text.endswith("'"):
        text = text[:-1] + "\u2019"
    return text


def _header_value(value: str) -> str:
    # The reader strips '"' then "'" from both ends; wrapping a value that starts or ends
    # with '"' in single quotes keeps those double quotes (clean_line removed edge "'").
    if value.startswith('"') or value.endswith('"'):
        return f"'{value}'"
    return value


def clean_url(value: str | None, *, base: str | None = None) -> str | None:
    """An absolute http(s) link without credentials, or None if `value` is not one.

    Relative links (a page's canonical link may be one) are resolved against `base`.
    """
    if not value:
        return None
    text = value.strip()
    if not text or any(ch.isspace() for ch in text) or len(text) > MAX_URL_CHARS:
        return None
    try:
        url = URL(text)
        if base and not url.is_absolute():
            url = URL(base).join(url)
    except (ValueError, TypeError):
        return None
    if url.scheme not in ("http", "https") or not url.host or url.user or url.password:
        return None
    result = str(url)
    return result if len(result) <= MAX_URL_CHARS and _CONTROL.search(result) is None else None
