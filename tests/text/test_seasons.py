"""bot.text.seasons: season, part and relative references, in articles and questions alike."""
import pytest

from bot.text.seasons import find_seasons, number, numbered


def refs(text: str) -> list[tuple]:
    return [(r.season, r.part, r.relative) for r in find_seasons(text)]


@pytest.mark.parametrize("text,expected", [
    ("season 3", [(3, None, None)]),
    ("Season Three", [(3, None, None)]),
    ("s3", [(3, None, None)]),
    ("S02 is coming", [(2, None, None)]),
    ("s3e4", [(3, None, None)]),
    ("the third season", [(3, None, None)]),
    ("the 2nd season", [(2, None, None)]),
    ("its sophomore season", [(2, None, None)]),
])
def test_one_numbered_season_in_any_spelling(text, expected):
    assert refs(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("seasons 2 and 3", [2, 3]),
    ("seasons 1-3", [1, 2, 3]),
    ("the second and third seasons", [2, 3]),
])
def test_several_seasons_in_one_reference(text, expected):
    assert [r[0] for r in refs(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Part 2 of season two", (2, 2)),
    ("volume 1 of the second season", (2, 1)),
    ("season 2, part 1", (2, 1)),
    ("season two volume 1", (2, 1)),
    ("s2 part 2", (2, 2)),  # a part right after a season belongs to it
])
def test_parts_and_volumes_belong_to_their_season(text, expected):
    assert [(s, p) for s, p, _ in refs(text)] == [expected]


def test_a_part_alone_leaves_the_season_open():
    assert refs("when does part 2 come out") == [(None, 2, None)]
    assert refs("vol. 2") == [(None, 2, None)]


@pytest.mark.parametrize("text,relative", [
    ("the final season", "final"),
    ("its last season", "final"),
    ("next season", "next"),
    ("the upcoming season", "next"),
])
def test_relative_references_are_kept_for_the_show_to_resolve(text, relative):
    assert refs(text) == [(None, None, relative)]


def test_the_third_and_final_season_names_both():
    assert refs("a third and final season") == [(3, None, "final")]


def test_offsets_point_at_the_reference():
    text = "Filming on season 2 began."
    [ref] = find_seasons(text)
    assert text[ref.start:ref.end] == "season 2"


@pytest.mark.parametrize("text", ["a 12 percent rise", "season 12 percent", "it seasoned well", "S.W.A.T."])
def test_things_that_are_not_seasons(text):
    assert refs(text) == []


def test_numbered_lists_each_season_once_in_order():
    assert numbered(find_seasons("season 3, then season 2, then s3 again")) == [3, 2]


@pytest.mark.parametrize("word,value", [("two", 2), ("12", 12), ("third", 3), ("21st", 21), ("debut", 1), ("many", None)])
def test_number_words(word, value):
    assert number(word) == value
