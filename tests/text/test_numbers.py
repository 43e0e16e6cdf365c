"""bot.text.numbers: counts with what they count."""
import pytest

from bot.text.dates import find_dates
from bot.text.numbers import count_of, find_numbers


def numbers(text: str) -> list[tuple]:
    return [(n.text, n.value, n.unit, n.rank) for n in find_numbers(text, find_dates(text))]


@pytest.mark.parametrize("text,expected", [
    ("It logged 120 million viewing hours.", ("120 million", 120e6, "viewing hours", False)),
    ("It topped the chart in 41 countries.", ("41", 41.0, "countries", False)),
    ("all eight episodes", ("eight", 8.0, "episodes", False)),
    ("12 Emmy nominations", ("12", 12.0, "emmy nominations", False)),
    ("341.23 million hours", ("341.23 million", 341.23e6, "hours", False)),
    ("a budget of $27 million", ("$27 million", 27e6, "", False)),
    ("30 billion won", ("30 billion", 30e9, "won", False)),
    ("a 43.6% share", ("43.6%", 43.6, "share", False)),
])
def test_numbers_with_their_unit(text, expected):
    assert numbers(text) == [expected]


def test_ranks_are_marked():
    assert numbers("No. 1 in 83 countries") == [("No. 1", 1.0, "", True), ("83", 83.0, "countries", False)]


@pytest.mark.parametrize("text", ["It premiered on March 7, 2024.", "released in 2023", "season S2 and episode S2E4"])
def test_dates_years_and_ids_are_not_counts(text):
    assert numbers(text) == []


def test_a_hyphenated_id_is_not_a_count():
    assert numbers("the MH-5 strain") == []


@pytest.mark.parametrize("raw,count", [("eight", 8), ("12", 12), ("ten", 10), ("4.5", None), ("1,000,000", None)])
def test_count_of_small_whole_numbers(raw, count):
    assert count_of(raw) == count
