"""bot.text.required: the plain strings a regular expression cannot match without. The check
must only ever skip expressions that could not match: never change what matches."""
import re

import pytest

from bot.config import BUNDLED_LANGUAGE
from bot.pipeline.articles import read_article
from bot.pipeline.extract.topics import load_topics
from bot.pipeline.language import load_language
from bot.text.required import Guarded, required

from ..conftest import BUNDLED_SHOW, FIXTURE_SHOWS, find_articles


@pytest.mark.parametrize("pattern,flags,expected", [
    (r"\bglimpse", re.I, (("glimpse",),)),
    (r"\b\d{1,3}%", 0, (("%",),)),
    (r"most[- ](watched|popular)", re.I, (("most popular", "most watched", "most-popular", "most-watched"),)),
    (r"\bRenewed\b", 0, (("renewed",),)),  # folded: the check runs on folded text
    (r"^[\"\u201c]", 0, (('"', "\u201c"),)),
    (r"\bhooks?\b.*\bleft\b|\bleft (two|a)\b", re.I, (("hook", "hooks", "left a", "left two"),)),
])
def test_what_a_pattern_needs(pattern, flags, expected):
    assert required(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(a|\d)+", r".*", r"x?y?", r"(?=abc)", r"(", r"[^a]"])
def test_nothing_is_required_when_nothing_is_certain(pattern):
    assert required(pattern) == ()


def test_the_longest_strings_are_checked_first():
    needs = required(r"\bseason\b.*\bof\b.*\bpremiere[sd]?\b", re.I)
    assert needs[0] == ("premiere", "premiered", "premieres") and needs[-1] == ("of",)


def test_finditer_is_empty_without_what_it_needs():
    guarded = Guarded(r"\bseason (\d+)", re.I)
    assert list(guarded.finditer("No news yet.")) == []
    assert [m.group(1) for m in guarded.finditer("Season 2 and season 3")] == ["2", "3"]


def _sentences() -> list[str]:
    paths = find_articles(BUNDLED_SHOW) + sorted(FIXTURE_SHOWS.rglob("*.md"))
    out = []
    for path in paths:
        body = read_article(path).body
        out += [line for line in re.split(r"(?<=[.!?])\s+|\n+", body) if line.strip()]
    return out


def test_guarded_topic_patterns_match_exactly_as_the_plain_ones():
    """Every regular expression of the bundled topics, on every sentence of the bundled and
    fixture articles (and their case-swapped copies): the guard never hides a match."""
    topics = load_topics(load_language(BUNDLED_LANGUAGE).topics_data)
    patterns = [p for t in topics for p in t.patterns]
    assert patterns
    for text in _sentences():
        for variant in (text, text.upper(), text.swapcase()):
            for guarded in patterns:
                assert bool(guarded.search(variant)) == bool(guarded.pattern.search(variant)), \
                    (guarded.pattern.pattern, variant)
