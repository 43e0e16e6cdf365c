"""bot.pipeline.preview: an article given as text -> its record and what it teaches, with no database."""
import pytest

from bot.config import BUNDLED_LANGUAGE
from bot.pipeline.articles import ArticleError
from bot.pipeline.language import load_language
from bot.pipeline.preview import describe_summary, record_of, summary

from ..conftest import THURSDAY


@pytest.fixture(scope="module")
def language():
    return load_language(BUNDLED_LANGUAGE)


def test_a_file_text_gives_the_same_record_as_the_build(language):
    path = THURSDAY / "002-thursday-season-2-renewed.md"
    rec = record_of(path.read_text(encoding="utf-8"), path.name, language)
    assert rec["name"] == path.name and rec["date"] == "2023-04-12" and rec["facts"]


def test_summary_counts_what_an_article_teaches(language):
    text = (THURSDAY / "002-thursday-season-2-renewed.md").read_text(encoding="utf-8")
    counts = summary(record_of(text, "002.md", language))
    assert counts == {"cast facts": 3, "release dates": 1, "renewal dates": 1, "other dates": 1, "release updates": 1,
                      "sentences": 5}


def test_summary_in_words(language):
    assert describe_summary({"sentences": 12, "cast facts": 3, "release dates": 1}) == \
        "12 sentences, 3 cast facts, 1 release date"
    assert describe_summary({"sentences": 0}) == "nothing usable"


def test_a_bad_article_is_refused_with_the_reason(language):
    with pytest.raises(ArticleError, match="not a real date"):
        record_of("---\ndate: 2024-02-30\n---\nText.\n", "bad.md", language)
