"""The façade: a link or an upload in, a stored-ready article or a clear refusal out."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.intake import (
    FetchedPage, IntakeArticle, IntakeRefused, Reason, article_from_page, article_from_upload,
    article_from_url,
)

from .conftest import FakeDNS

LOCAL = ("127.0.0.1",)


async def test_page_on_an_allowed_host_becomes_an_article(site):
    article = await article_from_url(site.url("/article"), allow_hosts=LOCAL)
    assert isinstance(article, IntakeArticle)
    assert (article.title, article.publisher, article.date) == (
        "All of Us Are Dead season 2 confirmed", "Example News", "2022-06-06")
    assert article.url == site.url("/tv/aouad-season-2")  # the page's canonical link
    assert article.source_name == article.title
    assert "Park Solomon as Lee Su-hyeok" in article.body


async def test_plain_text_page_is_kept_as_is(site):
    article = await article_from_url(site.url("/plain"), allow_hosts=LOCAL)
    assert (article.title, article.date, article.url) == (
        "Season 2 wraps filming", "2026-03-01", site.url("/plain"))
    assert article.body == "Production on season 2 has wrapped, the studio said.\n"


async def test_private_links_are_refused_by_default(site):
    for link in (site.url("/article"), "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                 "file:///etc/passwd"):
        with pytest.raises(IntakeRefused):
            await article_from_url(link, resolve=FakeDNS({}))
    assert site.hits == []


async def test_page_without_article_text_is_refused(site):
    with pytest.raises(IntakeRefused) as info:
        await article_from_url(site.url("/app"), allow_hosts=LOCAL)
    assert info.value.reason == Reason.NO_TEXT


async def test_allow_list_comes_from_the_environment(site):
    config = Config.from_env({"SHOWBOT_FETCH_ALLOW_HOSTS": " 127.0.0.1, intranet.local ,,"})
    assert config.fetch_allow_hosts == ("127.0.0.1", "intranet.local")
    assert Config.from_env({}).fetch_allow_hosts == ()
    article = await article_from_url(site.url("/article"), allow_hosts=config.fetch_allow_hosts)
    assert article.title.startswith("All of Us Are Dead")


def test_fetched_binary_text_is_refused():
    page = FetchedPage(url="https://example.com/x", media_type="text/plain", charset=None,
                       data=b"\x00\x01\x02")
    with pytest.raises(IntakeRefused) as info:
        article_from_page(page)
    assert info.value.reason == Reason.BINARY


def test_upload_facade_is_exported():
    article = article_from_upload("a.txt", "text/plain", b"A short article.\n")
    assert article.title == "A short article."
    assert repr(IntakeRefused("x.", Reason.EMPTY)) == "IntakeRefused('x.', reason='empty')"
