"""bot.pipeline.extract.titles: titles of works, quoted or emphasised."""
import pytest

from bot.pipeline.extract.titles import looks_like_title, title_spans, titles_in


@pytest.mark.parametrize("text,expected", [
    ("Related: Why *Harbor Lights* season 4 is the best", ["Harbor Lights"]),
    ("\u201cMidnight Tailor\u201d and 'Salt and Sky' are both back", ["Midnight Tailor", "Salt and Sky"]),
    ("the drama _Blue Hour Bakery_ returns", ["Blue Hour Bakery"]),
    ("he said it *really* loudly", []),
    ("the \"best thing\" on TV", []),
    ("\"It was a long night. We loved it.\"", []),
    ("best known for the TV shows Undertow, Salt Road, and Glass.", ["Undertow", "Salt Road", "Glass"]),
    ("She directed films like Harbor Lights and Tin Crown", ["Harbor Lights", "Tin Crown"]),
    ("The series Thursday premiered in 2023 and Streamly loved it.", []),  # a list needs two titles
    ("the shows and films on Streamly and Kovi", []),
    # a word the sentence coins or defines is a term, not a work
    ("\"Dawnie\" is the fan nickname for the bakery's regulars.", []),
    ("Fans nicknamed them \"Dawnies\".", []),
    ("a baking drama called \"Crumb\" is next", ["Crumb"]),
    ("\"Crumb\" is the name of the new drama", ["Crumb"]),
])
def test_titles_in_text(text, expected):
    assert titles_in(text) == expected


def test_title_spans_include_the_marks():
    text = "Why *Harbor Lights* works"
    [(title, start, end)] = title_spans(text)
    assert title == "Harbor Lights" and text[start:end] == "*Harbor Lights*"


@pytest.mark.parametrize("span,ok", [("All Roads Lead Home", True), ("Salt and Sky", True), ("Thursday", True),
                                     ("best thing", False), ("Who did it?", False)])
def test_looks_like_a_title(span, ok):
    assert looks_like_title(span) is ok
