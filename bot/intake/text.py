"""Plain-text and Markdown articles: the optional `---` header, then the body verbatim.

This mirrors the header rules of `bot/pipeline/articles.py` (keys title, publisher, date, url;
`#` comment lines; surrounding quotes dropped) but refuses, with a sentence the admin
can act on, what the reader would only log at build time or would let through: an
unclosed header, an unknown or repeated key, a date that is not a real day, a url that
is not a web link, a header with no article under it.
"""
from __future__ import annotations

import logging

from .article import IntakeArticle, clean_url, make_article, normalise_newlines
from .dates import header_date
from .errors import IntakeRefused, Reason

log = logging.getLogger(__name__)

HEADER_KEYS = ("title", "publisher", "date", "url")


def article_from_text(text: str, *, source_name: str | None, url: str | None = None,
                      strict: bool = True) -> IntakeArticle:
    """Read `text` (already decoded) as an article file.

    `source_name` is the uploaded file's name; None (a fetched page) uses the title.
    `url` is used when the header names none (the address a page was fetched from).
    With `strict=False`, text whose header cannot be read is kept whole as the body
    (a fetched page is not the admin's to fix); uploads are strict.
    """
    text = normalise_newlines(text.removeprefix("\ufeff"))
    try:
        meta, body = split_header(text)
        date = header_date(meta["date"]) if "date" in meta else None
        link = url
        if "url" in meta:
            link = clean_url(meta["url"])
            if link is None:
                raise IntakeRefused(f"The header's url must be a full web address starting with "
                                    f"http:// or https://, not {meta['url']!r}.", Reason.HEADER)
    except IntakeRefused as exc:
        if strict:
            raise
        log.info("keeping an unreadable header as text (%s)", exc.reason)
        meta, body, date, link = {}, text, None, url
    if not body.strip():
        if meta:
            raise IntakeRefused("The file has a header but no article text after it.", Reason.NO_TEXT)
        raise IntakeRefused("That file has no text in it, only blank space.", Reason.EMPTY)
    return make_article(body=body, source_name=source_name, title=meta.get("title"),
                        publisher=meta.get("publisher"), date=date, url=link)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, body) under the article reader's rules; refuses a malformed header."""
    lines = text.split("\n")
    if not text.startswith("---") or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise IntakeRefused("The header that opens with '---' on the first line is never closed: "
                            "add a line with just '---' after the last header line.", Reason.HEADER)
    meta: dict[str, str] = {}
    seen: set[str] = set()
    for number, raw in enumerate(lines[1:end], start=2):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in HEADER_KEYS:
            shown = line if len(line) <= 60 else line[:57] + "..."
            raise IntakeRefused(f"Header line {number} ({shown!r}) isn't one of title:, publisher:, "
                                "date: or url:.", Reason.HEADER)
        if key in seen:
            raise IntakeRefused(f"The header gives {key}: twice.", Reason.HEADER)
        seen.add(key)
        value = value.strip().strip('"').strip("'")
        if value:
            meta[key] = value
    return meta, "\n".join(lines[end + 1:])
