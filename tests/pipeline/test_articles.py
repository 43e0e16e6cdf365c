"""bot.pipeline.articles: front matter, calendar-checked dates, a verbatim body."""
import pytest

from bot.pipeline.articles import ArticleError, decode, parse_article, read_article

from ..conftest import THURSDAY

HEADER = "---\ntitle: Thursday season 2 gets a date\npublisher: The Evening Ledger\ndate: {date}\nurl: https://x.example/a\n---\n"
BODY = "Streamly has confirmed that Thursday season 2 will premiere on March 7, 2024.\n"


def test_front_matter_and_a_verbatim_body():
    a = parse_article(HEADER.format(date="2024-01-15") + BODY, "003.md")
    assert (a.name, a.title, a.publisher, a.date, a.url) == (
        "003.md", "Thursday season 2 gets a date", "The Evening Ledger", "2024-01-15", "https://x.example/a")
    assert a.body == BODY


def test_every_fixture_article_has_a_full_header():
    for path in sorted(THURSDAY.glob("*.md")):
        a = read_article(path)
        assert a.title and a.publisher and a.date and a.url and a.body.strip()


@pytest.mark.parametrize("date", ["2024-01-15", "2024-01", "2024", "2024-02-29"])
def test_dates_to_the_day_month_or_year(date):
    assert parse_article(HEADER.format(date=date) + BODY, "a.md").date == date


@pytest.mark.parametrize("date,message", [
    ("2024-02-30", "not a real date"),
    ("2023-02-29", "not a real date"),
    ("2024-13-01", "not a real date"),
    ("March 2024", "date must be YYYY-MM-DD"),
    ("2024/01/15", "date must be YYYY-MM-DD"),
])
def test_impossible_or_malformed_dates_are_refused(date, message):
    with pytest.raises(ArticleError, match=message):
        parse_article(HEADER.format(date=date) + BODY, "a.md")


@pytest.mark.parametrize("text,message", [
    ("---\ntitle: x\n\nBody text.\n", "never closed"),
    ("---\nauthor: Someone\n---\nBody text.\n", "not one of title:, publisher:, date:, url:"),
    ("---\njust words\n---\nBody text.\n", "not one of"),
    ("---\ntitle: x\n---\n  \n\n", "no text"),
])
def test_header_errors_say_what_is_wrong(text, message):
    with pytest.raises(ArticleError, match=message) as err:
        parse_article(text, "bad.md")
    assert str(err.value).startswith("bad.md: ")


def test_quotes_comments_and_empty_values_in_the_header():
    text = "---\n# written by hand\ntitle: \"Thursday: a review\"\npublisher:\ndate: '2023-02-20'\n---\nBody.\n"
    a = parse_article(text, "a.md")
    assert (a.title, a.publisher, a.date) == ("Thursday: a review", None, "2023-02-20")


def test_without_a_header_the_title_is_the_first_heading_or_line():
    assert parse_article("# Thursday renewed\n\nStreamly renewed it.\n", "a.md").title == "Thursday renewed"
    plain = parse_article("Thursday renewed\n\nStreamly renewed it.\n", "b.txt")
    assert (plain.title, plain.date, plain.publisher) == ("Thursday renewed", None, None)


def test_a_site_tagline_before_the_headline_is_not_the_title():
    text = ("The Night Owl TV Digest\n\nThursday Season 3 Release Date: Is the Final Season Coming?\n\n"
            "Streamly has renewed Thursday for a third and final season. The release date of season 3 "
            "is not known yet.\n")
    assert parse_article(text, "c.txt").title == "Thursday Season 3 Release Date: Is the Final Season Coming?"


def test_line_endings_are_normalised_and_a_bom_is_dropped():
    a = parse_article(decode(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nOne.\r\nTwo.\r\n", "a.md"), "a.md")
    assert a.title == "T" and a.body == "One.\nTwo.\n"


@pytest.mark.parametrize("data,message", [(b"\x00\x01binary", "not text"), (b"caf\xe9 au lait", "not UTF-8")])
def test_binary_and_non_utf8_files_are_refused(data, message):
    with pytest.raises(ArticleError, match=message):
        decode(data, "a.md")


def test_an_unreadable_file_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError, match="cannot be read"):
        read_article(tmp_path / "missing.md")
