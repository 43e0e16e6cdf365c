"""The article model, header dates and text articles: what is stored reads back exactly."""
from __future__ import annotations

import pytest

from bot.pipeline.articles import read_article
from bot.intake.article import IntakeArticle, clean_url, make_article, safe_file_name
from bot.intake.dates import header_date, page_date
from bot.intake.errors import IntakeRefused, Reason
from bot.intake.text import article_from_text


def read_back(article: IntakeArticle, tmp_path):
    path = tmp_path / "article.md"
    path.write_bytes(article.to_bytes())
    return read_article(path)


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2024-02-29", "2024-02-29"), ("2022-06", "2022-06"), ("2022", "2022"), ("2022-6-6", "2022-06-06"),
])
def test_header_dates_in_canonical_form(value, expected):
    assert header_date(value) == expected


@pytest.mark.parametrize("value, words", [
    ("2024-02-30", "February 2024 has 29 days"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("2022-04-31", "April 2022 has 30 days"),
    ("2022-13-01", "there is no month 13"),
    ("2022-00", "there is no month 0"),
    ("June 2022", "must be written YYYY-MM-DD"),
    ("06/06/2022", "must be written YYYY-MM-DD"),
    ("soon", "must be written YYYY-MM-DD"),
])
def test_bad_header_dates_are_explained(value, words):
    with pytest.raises(IntakeRefused) as info:
        header_date(value)
    assert info.value.reason == Reason.DATE and words in str(info.value)


@pytest.mark.parametrize("raw, expected", [
    ("2022-06-06T10:00:00+09:00", "2022-06-06"),
    ("2022-06-06 10:00", "2022-06-06"),
    ("2022-06", "2022-06"),  # a month stays a month: no day is made up
    ("2022", "2022"),
    ("2022/06/06", "2022-06-06"),
    ("20220606", "2022-06-06"),
    ("June 6, 2022", "2022-06-06"),
    ("Monday, June 6th 2022 10:00 KST", "2022-06-06"),
    ("6 June 2022", "2022-06-06"),
    ("6th of Sept. 2022", "2022-09-06"),
    ("June 2022", "2022-06"),
    ("2022-02-30", None),
    ("yesterday", None),
    ("2022 was a great year", None),
    ("", None),
    (None, None),
])
def test_page_dates_keep_their_precision(raw, expected):
    assert page_date(raw) == expected


# --- the model and its file -------------------------------------------------------------------

@pytest.mark.parametrize("title", [
    '"Squid Game" is back', "'Tis the season for zombies'", "Season 2: what we know",
    "#1 show returns", "A title with -- dashes", "Zombies 'return'",
])
def test_file_text_reads_back_exactly(tmp_path, title):
    article = make_article(body="---\nNot a header: the body starts with a rule.\n\nSecond paragraph.",
                           source_name="story.md", title=title, publisher="Example News",
                           date="2022-06", url="https://example.com/story?id=1&ref=x")
    back = read_back(article, tmp_path)
    assert (back.title, back.publisher, back.date, back.url, back.body) == (
        article.title, article.publisher, article.date, article.url, article.body)
    assert back.body == "---\nNot a header: the body starts with a rule.\n\nSecond paragraph."


def test_file_text_layout():
    article = make_article(body="Body.\n", source_name="a.md", title="T", date="2022-06-06")
    assert article.to_file_text() == "---\ntitle: T\ndate: 2022-06-06\n---\nBody.\n"
    assert article.to_bytes() == article.to_file_text().encode("utf-8")


def test_fields_are_one_clean_line():
    article = make_article(body="Body\r\nwith CRLF\rand CR\n", source_name="../../etc/x.md",
                           title="  A\ntitle\twith\x07 breaks  ", publisher="Example\u2028News")
    assert article.title == "A title with breaks" and article.publisher == "Example News"
    assert article.body == "Body\nwith CRLF\nand CR\n"
    assert safe_file_name("..\\..\\evil\\x.md") == "x.md" == safe_file_name("../../x.md")


def test_title_falls_back_like_the_reader():
    assert make_article(body="\n\n## Zombies return\n\nText.", source_name="a.md").title == "Zombies return"
    assert make_article(body="Text.", source_name="news.md", title="").title == "Text."
    long = make_article(body="word " * 100, source_name="a.md")
    assert len(long.title) <= 200 and long.title.endswith("\u2026")


def test_invalid_articles_cannot_be_built():
    good = dict(title="T", publisher=None, date=None, url=None, body="Text.", source_name="a.md")
    IntakeArticle(**good)
    for change in ({"date": "2024-02-30"}, {"date": "2022-6"}, {"url": "ftp://x.com/"},
                   {"body": "  \n"}, {"body": "a\r\nb"}, {"title": "two\nlines"}, {"title": ""}):
        with pytest.raises(ValueError):
            IntakeArticle(**{**good, **change})


@pytest.mark.parametrize("value, base, expected", [
    ("https://example.com/a", None, "https://example.com/a"),
    ("/tv/story", "https://example.com/x/y", "https://example.com/tv/story"),
    ("javascript:alert(1)", None, None),
    ("https://user:pw@example.com/", None, None),
    ("not a link", None, None),
    ("/relative", None, None),
])
def test_clean_url(value, base, expected):
    assert clean_url(value, base=base) == expected


# --- text articles ------------------------------------------------------------------------------

def test_text_with_header(tmp_path):
    text = ("\ufeff---\r\ntitle: Season 2 wraps filming\r\npublisher: \"Example News\"\r\n# a comment\r\n"
            "Date: 2026-03-01\r\nurl: https://example.com/wrap\r\n---\r\nProduction has wrapped.\r\n")
    article = article_from_text(text, source_name="wrap.md")
    assert (article.title, article.publisher, article.date, article.url, article.source_name) == (
        "Season 2 wraps filming", "Example News", "2026-03-01", "https://example.com/wrap", "wrap.md")
    assert article.body == "Production has wrapped.\n"
    assert read_back(article, tmp_path).body == article.body


def test_text_without_header_keeps_everything_as_body():
    article = article_from_text("# Zombies return\n\nThe students are back.\n", source_name="z.txt",
                                url="https://example.com/z")
    assert article.title == "Zombies return" and article.url == "https://example.com/z"
    assert article.body == "# Zombies return\n\nThe students are back.\n"


@pytest.mark.parametrize("text, reason, words", [
    ("---\ntitle: T\nBody without a closing line.\n", Reason.HEADER, "never closed"),
    ("---\ntitle: T\nauthor: Jane\n---\nBody.\n", Reason.HEADER, "Header line 3 ('author: Jane')"),
    ("---\ntitle: T\nno colon here\n---\nBody.\n", Reason.HEADER, "Header line 3"),
    ("---\ndate: 2022\ndate: 2023\n---\nBody.\n", Reason.HEADER, "gives date: twice"),
    ("---\ntitle: T\nurl: www.example.com\n---\nBody.\n", Reason.HEADER, "url must be a full web address"),
    ("---\ntitle: T\ndate: 2024-02-30\n---\nBody.\n", Reason.DATE, "isn't a real date"),
    ("---\ntitle: T\n---\n\n   \n", Reason.NO_TEXT, "no article text"),
])
def test_malformed_headers_are_refused(text, reason, words):
    with pytest.raises(IntakeRefused) as info:
        article_from_text(text, source_name="a.md")
    assert info.value.reason == reason and words in str(info.value)


def test_a_fetched_page_with_an_unreadable_header_keeps_it_as_text():
    text = "---\nlayout: post\n---\nThe article text.\n"
    article = article_from_text(text, source_name=None, url="https://example.com/p", strict=False)
    assert article.body == text and article.title == "layout: post"
