"""The two ways an article comes in: an uploaded file, or a link to a page.

Both return a complete `IntakeArticle` or raise `IntakeRefused`; the caller stores the
article and reports its title, date and publisher, or shows the refusal as it is.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from .article import IntakeArticle
from .addresses import Resolve
from .errors import IntakeRefused, Reason
from .fetch import FetchedPage, FetchLimits, fetch_page
from .html import article_from_html, decode_page
from .text import article_from_text
from .upload import article_from_upload

__all__ = ["article_from_upload", "article_from_url", "article_from_page"]

log = logging.getLogger(__name__)


async def article_from_url(url: str, *, allow_hosts: Iterable[str] = (), resolve: Resolve | None = None,
                           limits: FetchLimits = FetchLimits(),
                           user_agent: str | None = None) -> IntakeArticle:
    """Fetch `url` safely (see `fetch.fetch_page`) and turn the page into an article.

    `allow_hosts` is the `SHOWBOT_FETCH_ALLOW_HOSTS` list (`Config.fetch_allow_hosts`).
    The HTML extraction runs in a worker thread so the event loop keeps serving Discord.
    """
    page = await fetch_page(url, allow_hosts=allow_hosts, resolve=resolve, limits=limits,
                            user_agent=user_agent)
    if page.is_html:
        return await asyncio.to_thread(article_from_page, page)
    return article_from_page(page)


def article_from_page(page: FetchedPage) -> IntakeArticle:
    """A fetched page as an article: HTML reduced to its main text, plain text kept as is."""
    if page.is_html:
        return article_from_html(page.data, url=page.url, charset=page.charset)
    if b"\x00" in page.data:
        raise IntakeRefused("That link's content isn't readable text: link an article page.",
                            Reason.BINARY)
    text = decode_page(page.data, page.charset)
    if not text.strip():
        raise IntakeRefused("That page is empty: link an article page with text on it.", Reason.EMPTY)
    # A plain-text page may carry an article header of its own; one that cannot be read
    # stays part of the text, since the page is not the admin's to fix.
    return article_from_text(text, source_name=None, url=page.url, strict=False)
