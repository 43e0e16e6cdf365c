"""bot.text.dates: dates as articles write them, their precision, and years filled in."""
import pytest

from bot.text.dates import find_dates, month_year, parse_iso, with_year


def one(text: str):
    [d] = find_dates(text)
    return d


@pytest.mark.parametrize("text,written,ymd,precision", [
    ("It premiered on February 16, 2023.", "February 16, 2023", (2023, 2, 16), 3),
    ("out on 16 February 2023", "16 February 2023", (2023, 2, 16), 3),
    ("due on Feb. 16, 2023", "Feb. 16, 2023", (2023, 2, 16), 3),
    ("filming wrapped in April 2023", "April 2023", (2023, 4, 0), 2),
    ("it landed in 2022", "2022", (2022, 0, 0), 1),
])
def test_dates_with_a_year(text, written, ymd, precision):
    d = one(text)
    assert (d.text, d.key(), d.precision, d.vague) == (written, ymd, precision, False)
    assert text[d.start:d.end] == written


def test_a_date_without_a_year_keeps_month_and_day():
    d = one("Part 2 arrives on August 4.")
    assert (d.year, d.month, d.day, d.precision) == (None, 8, 4, 3)


@pytest.mark.parametrize("text,written", [
    ("we expect it in early 2024", "early 2024"),
    ("expected in late 2023", "late 2023"),
    ("maybe summer 2024", "summer 2024"),
    ("late 2023 or 2024", "late 2023 or 2024"),
    ("2025 at the earliest", "2025 at the earliest"),
])
def test_periods_and_ranges_are_vague(text, written):
    d = one(text)
    assert d.text == written and d.vague


@pytest.mark.parametrize("text", ["next year", "later this year", "filming starts this autumn", "coming soon"])
def test_relative_times_are_vague_and_undated(text):
    d = one(text)
    assert d.vague and d.precision == 0 and d.year is None


def test_may_the_verb_is_not_a_date():
    assert find_dates("fans may 3 times rewatch it") == []
    assert one("It returns on May 3, 2024.").key() == (2024, 5, 3)
    assert one("Cameras started rolling on May 3.").key()[1:] == (5, 3)
    assert find_dates("The Third Season May 3 Times Outdo It") == []


def test_numbers_are_not_years():
    assert find_dates("It logged 120 million viewing hours.") == []
    assert find_dates("in 41 countries and 2,024 cinemas") == []


@pytest.mark.parametrize("article_date,future,expected", [
    ("2024-02-20", None, (2024, 3, 7)),  # tense unknown: up to a month ahead is this year
    ("2024-01-15", None, (2023, 3, 7)),  # ... further ahead, most likely last year's
    ("2024-01-15", True, (2024, 3, 7)),  # looking ahead: later this year
    ("2024-05-20", False, (2024, 3, 7)),  # looking back: earlier this year
    ("2023-11-20", True, (2024, 3, 7)),  # looking ahead: March after November is next year
    ("2024-11-20", False, (2024, 3, 7)),
    (None, None, (0, 3, 7)),
])
def test_a_missing_year_comes_from_the_article_date(article_date, future, expected):
    assert with_year(one("on March 7"), article_date, future) == expected


def test_parse_iso_and_month_year():
    assert parse_iso("2024-03-07") == (2024, 3, 7)
    assert parse_iso("2024-03") == (2024, 3, 0)
    assert parse_iso(None) == (0, 0, 0)
    assert month_year("2024-03-07") == "March 7, 2024"
    assert month_year("2024-03") == "March 2024"
    assert month_year("2024") == "2024"
    assert month_year(None) == ""
