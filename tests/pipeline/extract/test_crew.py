"""bot.pipeline.extract.crew: who made the show, in the wordings articles use."""
import pytest

from bot.pipeline.extract.crew import crew_in


def credits(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in crew_in(text)]


@pytest.mark.parametrize("sentence,expected", [
    ("Created by Maren Holt, the series follows a detective team.", [("Maren Holt", "creator")]),
    ("The first four episodes were directed by Oskar Lindqvist.", [("Oskar Lindqvist", "director")]),
    ("Oskar Lindqvist directed four episodes.", [("Oskar Lindqvist", "director")]),
    ("Showrunner Maren Holt said the story picks up six months later.", [("Maren Holt", "showrunner")]),
    ("Filming wrapped in April 2023, director Jeong Tae-kyu said.", [("Jeong Tae-kyu", "director")]),
    ("Jeong Tae-kyu is back in the director's chair.", [("Jeong Tae-kyu", "director")]),
    ("Written by Oh Min-seo, the script keeps the tension high.", [("Oh Min-seo", "writer")]),
    ("Music by Ines Okafor gives the show its eerie feel.", [("Ines Okafor", "composer")]),
    ("The synth-heavy score is by Ines Okafor and Tom Birch of a local band.",
     [("Ines Okafor", "composer"), ("Tom Birch", "composer")]),
    ("Maren Holt wrote the theme song.", [("Maren Holt", "composer")]),
    ("The executive producers Maren Holt and Tom Birch signed on.", [("Maren Holt", "producer"), ("Tom Birch", "producer")]),
    ("Maren Holt, a former crime reporter, is the showrunner.", [("Maren Holt", "showrunner")]),
])
def test_one_role_per_wording(sentence, expected):
    assert credits(sentence) == expected


def test_the_source_works_author_is_not_the_shows_writer():
    assert credits("The drama is based on the webtoon by Han Bo-ra and is directed by Jung Tae-gyu.") == [
        ("Jung Tae-gyu", "director"), ("Han Bo-ra", "author")]
    assert ("Han Bo-ra", "author") in credits("The webtoon was written by Han Bo-ra.")


def test_the_author_named_with_a_possessive():
    assert credits("It adapts Han Bo-ra's hit webtoon.") == [("Han Bo-ra", "author")]


def test_sentences_without_credits():
    assert credits("Streamly renewed Thursday for a second season.") == []
    assert credits("Filming took place in Busan's Yeongdo district over the winter.") == []
