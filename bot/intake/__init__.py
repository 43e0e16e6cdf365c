"""Intake: turning an uploaded file or a link into a validated article, safely.

Pure functions and small classes, no Discord and no database: the `/knowledge add`
command calls `article_from_upload` or `article_from_url`, stores the `IntakeArticle`
it gets (`to_bytes()` is the article file) or shows the `IntakeRefused` message.

    article = article_from_upload("news.md", "text/markdown", data)
    article = await article_from_url(link, allow_hosts=config.fetch_allow_hosts)
"""
from .api import article_from_page, article_from_upload, article_from_url
from .article import IntakeArticle
from .errors import IntakeRefused, Reason
from .fetch import FetchedPage, FetchLimits, fetch_page
from .upload import MAX_UPLOAD_BYTES, UPLOAD_KINDS, check_upload_size

__all__ = [
    "MAX_UPLOAD_BYTES", "UPLOAD_KINDS", "FetchLimits", "FetchedPage", "IntakeArticle",
    "IntakeRefused", "Reason", "article_from_page", "article_from_upload", "article_from_url",
    "check_upload_size", "fetch_page",
]
