"""Web pages to articles: the main text as quotable lines, metadata only as the page states it."""
from __future__ import annotations

import pytest

from bot.pipeline.articles import read_article
from bot.config import BUNDLED_LANGUAGE
from bot.pipeline.segment import Boilerplate, segment
from bot.intake.errors import IntakeRefused, Reason
from bot.intake.html import article_from_html, decode_page, read_page_meta

from .conftest import ARTICLE_HTML

PARAGRAPH = ("<p>Netflix has confirmed that All of Us Are Dead will return for a second season, "
             "the streamer announced on Monday during its Geeked Week event for fans.</p>"
             "<p>Filming is expected to begin next year, according to the production company, with "
             "the same writer returning to adapt the webcomic for the new episodes.</p>")


def page(head: str = "", body: str = PARAGRAPH) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_main_text_without_the_site_around_it():
    article = article_from_html(ARTICLE_HTML, url="https://example.com/news/123")
    body = article.body
    assert body.startswith("# All of Us Are Dead season 2 confirmed\n\nNetflix has confirmed that "
                           "All of Us Are Dead will return for a second season")
    assert "\n\n## Who is coming back?\n\n" in body
    assert "- Cho Yi-hyun as Choi Nam-ra\n- Park Solomon as Lee Su-hyeok" in body
    for boilerplate in ("cookies", "Home", "Related articles", "zombie shows", "Copyright",
                        "newsletter", "**", "*All"):
        assert boilerplate not in body
    assert (article.title, article.publisher, article.date, article.url, article.source_name) == (
        "All of Us Are Dead season 2 confirmed", "Example News", "2022-06-06",
        "https://example.com/tv/aouad-season-2", "All of Us Are Dead season 2 confirmed")


def test_every_sentence_the_bot_can_quote_is_page_text(tmp_path):
    article = article_from_html(ARTICLE_HTML, url="https://example.com/news/123")
    path = tmp_path / "page.md"
    path.write_bytes(article.to_bytes())
    doc = segment(read_article(path), Boilerplate.load(BUNDLED_LANGUAGE / "boilerplate.toml"))
    quotes = [s.text for s in doc.sentences]
    assert ("Netflix has confirmed that All of Us Are Dead will return for a second season, the "
            "streamer announced on Monday during its Geeked Week event.") in quotes
    assert "Cho Yi-hyun as Choi Nam-ra" in quotes
    assert all("*" not in q and "<" not in q for q in quotes)


def test_uploaded_page_keeps_the_file_name_as_source():
    article = article_from_html(ARTICLE_HTML, source_name="saved-page.html")
    assert article.source_name == "saved-page.html" and article.title.startswith("All of Us")
    assert article.url is None  # a relative canonical link means nothing without an address


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2022-06">', "2022-06"),
    ('<meta name="date" content="June 6, 2022">', "2022-06-06"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
     '"NewsArticle", "datePublished": "2022-07-11T08:00:00Z"}]}</script>', "2022-07-11"),
    ('<meta itemprop="datePublished" content="2022">', "2022"),
    ("", None),
])
def test_date_only_as_precise_as_the_page_states(head, expected):
    body = "<p>Posted 3 March 2021. Copyright 2020.</p>" + PARAGRAPH
    assert article_from_html(page(head, body)).date == expected


def test_date_in_the_address_counts_when_spelled_out():
    assert article_from_html(page(), url="https://example.com/2022/06/06/s2").date == "2022-06-06"
    assert article_from_html(page(), url="https://example.com/2022/06/s2").date is None


def test_metadata_from_json_ld_and_title_tags():
    head = ('<title>Season 2 is coming</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Korea Daily"}}'
            '</script>')
    article = article_from_html(page(head))
    assert article.title == "Season 2 is coming" and article.publisher == "Korea Daily"


def test_page_meta_reader_on_its_own():
    meta = read_page_meta('<?xml version="1.0" encoding="utf-8"?><html><head>'
                          '<meta property="og:title" content="OG title">'
                          '<meta property="og:site_name" content="@SiteName">'
                          '<meta property="og:url" content="https://example.com/og"></head>'
                          '<body><time itemprop="datePublished" datetime="2023-01-02">Jan 2</time>'
                          '</body></html>')
    assert meta.title == "OG title" and meta.site_name == "SiteName"
    assert meta.canonical == "https://example.com/og" and meta.date == "2023-01-02"
    assert read_page_meta("") == read_page_meta("not html at all").__class__()


@pytest.mark.parametrize("html", [
    "<html><body><script>renderApp()</script></body></html>",
    "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body><p>Please enable cookies.</p></body></html>",
    "",
])
def test_a_page_without_main_text_is_refused(html):
    with pytest.raises(IntakeRefused) as info:
        article_from_html(html, url="https://example.com/app")
    assert info.value.reason == Reason.NO_TEXT and "couldn't find any article text" in str(info.value)


def test_page_bytes_are_decoded_by_the_declared_charset():
    html = page(body=PARAGRAPH.replace("Monday", "Monday at the caf\u00e9")).encode("cp1252")
    assert "caf\u00e9" in article_from_html(html, charset="windows-1252").body
    sniffed = b'<meta charset="iso-8859-1">' + html
    assert "caf\u00e9" in article_from_html(sniffed).body
    assert decode_page("caf\u00e9".encode()) == "caf\u00e9"
    assert decode_page(b"\xef\xbb\xbfcaf\xc3\xa9") == "caf\u00e9"
    assert decode_page(b"caf\xe9") == "caf\u00e9"  # undeclared legacy bytes: windows-1252


@pytest.mark.parametrize("html", [
    "<html><body><main><p>Netflix confirmed on Monday that season 2 of All of Us Are Dead will "
    "start filming in May.</p></main></body></html>",
    "<html><body>Netflix confirmed on Monday that season 2 will start filming in May.</body></html>",
])
def test_a_short_news_brief_is_enough(html):
    article = article_from_html(html)
    assert article.body.startswith("Netflix confirmed on Monday that season 2")
    assert article.title == article.body.strip()
