"""bot.qa.engine.Engine's API beside ask: slash-command shortcuts, name completion, the
articles per show, compound questions, question cleaning."""
import pytest

from bot.qa.engine import clean_question, split_compound

from ..helpers import says


async def test_a_shortcut_answers_one_question_type(shows_engine):
    answer = await shows_engine.answer_for("who_plays", "Kang Do-hyun", show="blue-hour-bakery")
    assert answer.answered and answer.text == "Seo Ji-wan plays Kang Do-hyun."
    answer = await shows_engine.answer_for("release", show="thursday")
    assert answer.answered and answer.text.startswith("As of May 20, 2024")


async def test_a_shortcut_for_someone_unknown_or_no_show_is_declined(shows_engine):
    answer = await shows_engine.answer_for("who_plays", "Nobody Here", show="blue-hour-bakery")
    assert not answer.answered and "Nobody Here" in answer.reason
    answer = await shows_engine.answer_for("release")
    assert not answer.answered and answer.reason == "no show chosen"
    with pytest.raises(ValueError):
        await shows_engine.answer_for("no_such_intent")


async def test_names_complete_within_the_chosen_show(shows_engine):
    assert (await shows_engine.complete_names("kang", show="blue-hour-bakery"))[0] == "Kang Do-hyun"
    assert await shows_engine.complete_names("kang") == []  # no show chosen among two
    assert "Nora Fairweather" in await shows_engine.complete_names("nora", show="thursday")


async def test_articles_newest_first_per_show_or_all(shows_engine):
    everything = await shows_engine.articles()
    assert len(everything) == 8 and {a.show for a in everything} == {"thursday", "blue-hour-bakery"}
    assert [a.date for a in everything] == sorted((a.date for a in everything), reverse=True)
    thursday = await shows_engine.articles(show="thursday")
    assert [a.name for a in thursday] == [
        "thursday/004-thursday-season-3-final-season.md", "thursday/003-thursday-season-2-premiere-date.md",
        "thursday/002-thursday-season-2-renewed.md", "thursday/001-thursday-season-1-review.md"]


async def test_two_questions_in_one(shows_engine):
    answer = await shows_engine.ask("who plays kang do-hyun in blue hour bakery and who directed it")
    assert answer.answered and answer.intent == "who_plays+director"
    assert says(answer, "Seo Ji-wan") and says(answer, "Jeong Tae-kyu"), answer.text


async def test_two_questions_with_one_answer_answer_once(bakery_engine):
    answer = await bakery_engine.ask("is it based on a webtoon? whats it called")
    assert answer.answered and answer.intent == "source", (answer.intent, answer.text)
    assert answer.text.count("It is based on") == 1, answer.text


def test_suggestions_name_no_show_of_their_own(thursday_engine):
    suggestions = thursday_engine.suggestions()
    assert suggestions and all("{" not in s for s in suggestions)


@pytest.mark.parametrize("text,parts", [
    ("who plays kang do-hyun and who directed it", ["who plays kang do-hyun", "who directed it"]),
    ("Who plays Kang Do-hyun? Who directed it?", ["Who plays Kang Do-hyun", "Who directed it"]),
    ("who plays kang do-hyun and choi min-ho", ["who plays kang do-hyun and choi min-ho"]),
])
def test_split_compound(text, parts):
    assert split_compound(text) == parts


def test_clean_question():
    assert clean_question("  who\u200b plays\n\tkang\u202e do-hyun  ") == "who plays kang do-hyun"
    assert clean_question("x" * 5000) == "x" * 4000
    assert clean_question(None) == ""
