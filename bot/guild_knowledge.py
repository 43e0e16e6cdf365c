"""A server's own articles, from what an admin hands in to what is stored.

One workflow for `/knowledge add` (a file or a link) and `showbot knowledge import` (an
export): the intake layer (bot.intake) checks and reads the input safely, the build
pipeline's reader (bot.pipeline.preview) reads the result as the engine will, and only an
article that passes both is stored (bot.storage.guild_articles). Every refusal is an
`IntakeRefused` (or a `GuildArticleRefused` from the store) whose message is for the admin,
raised before anything is written: nothing is ever half-added.

No Discord here, and nothing global: the store, the language data and the fetch
allow-list are passed in.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from bot.intake import IntakeArticle, IntakeRefused, Reason, article_from_upload, article_from_url, check_upload_size
from bot.intake.article import clean_line
from bot.intake.text import article_from_text
from bot.intake.upload import decode_upload
from bot.pipeline.articles import ArticleError
from bot.pipeline.preview import describe_summary, record_of, summary
from bot.storage.guild_articles import Added, GuildArticleStore, NewArticle

log = logging.getLogger(__name__)

#: Longest name an article is listed under (a page title can be longer): Discord's limit
#: for an autocomplete choice, so that /knowledge remove can offer every name.
MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class Checked:
    """An article read as the engine will read it, and what it teaches."""
    article: IntakeArticle
    counts: dict[str, int]

    @property
    def learned(self) -> str:
        """'12 sentences, 3 cast facts, 1 release date'."""
        return describe_summary(self.counts)


class GuildKnowledge:
    """Adds articles to a server's knowledge: checked, previewed, then stored."""

    def __init__(self, store: GuildArticleStore, language, *, allow_hosts: Iterable[str] = ()) -> None:
        self.store = store
        self.language = language
        self.allow_hosts = tuple(allow_hosts)

    async def from_upload(self, filename: str, content_type: str | None, data: bytes) -> Checked:
        """An uploaded file as an article (read in a thread: HTML extraction is CPU work)."""
        article = await asyncio.to_thread(article_from_upload, filename, content_type, data)
        return await self.check(article)

    async def from_url(self, url: str) -> Checked:
        """A linked page as an article, fetched safely (see bot.intake.fetch)."""
        return await self.check(await article_from_url(url, allow_hosts=self.allow_hosts))

    async def from_archived(self, name: str, data: bytes) -> Checked:
        """An article file from an export (front matter and body), checked like an upload."""
        check_upload_size(len(data))
        article = article_from_text(decode_upload(data), source_name=clean_line(name, limit=MAX_NAME_CHARS))
        return await self.check(article)

    async def check(self, article: IntakeArticle) -> Checked:
        """Read the article as the engine will; refuse one it could not quote from."""
        try:
            record = await asyncio.to_thread(record_of, article.to_file_text(), article.source_name, self.language)
        except ArticleError as exc:
            raise IntakeRefused(f"That article can't be read: {exc}.", Reason.HEADER) from None
        counts = summary(record)
        if not counts.get("sentences"):
            raise IntakeRefused("That article has no sentences I could quote: add an article with text in it.",
                                Reason.NO_TEXT)
        return Checked(article, counts)

    async def add(self, guild_id: int, show_id: str, checked: Checked, *, added_by: int | None) -> Added:
        """Store a checked article for one server and one show (replacing one of the same name)."""
        article = checked.article
        added = await self.store.add(guild_id, _stored(show_id, checked), added_by=added_by)
        log.info("guild %s: article %r %s for %s by %s (%s)", guild_id, article.source_name,
                 "replaced" if added.replaced else "added", show_id, added_by, checked.learned)
        return added

    async def add_many(self, guild_id: int, items: list[tuple[str, Checked]]) -> int:
        """Store checked articles ((show id, checked) each) at once: all or none."""
        count = await self.store.add_many(guild_id, [_stored(show_id, checked) for show_id, checked in items])
        log.info("guild %s: %d article(s) imported", guild_id, count)
        return count


def _stored(show_id: str, checked: Checked) -> NewArticle:
    article = checked.article
    return NewArticle(show_id, clean_line(article.source_name, limit=MAX_NAME_CHARS), article.title,
                      article.publisher, article.date, article.url, article.to_file_text())


def declared_size_ok(size: int) -> None:
    """Refuse an upload by its declared size, before downloading it."""
    check_upload_size(size)
