"""What the articles do not say is declined, politely, with suggestions and a logged reason;
no input crashes the engine."""
import pytest

from bot.qa.models import Answer

UNSAID = [
    ("thursday", "How much did season 2 of Thursday cost?"),
    ("thursday", "Who composed the music for Thursday?"),
    ("thursday", "What is Nora Fairweather's birthday?"),
    ("blue-hour-bakery", "What is Seo Ji-wan's birthday?"),
    ("blue-hour-bakery", "who plays Zanzibar Quill?"),
    ("blue-hour-bakery", "How old is Baek Yu-ri?"),
    ("blue-hour-bakery", "what is the capital of france"),
    ("blue-hour-bakery", "tell me a joke"),
    # a question type that needs a person, with none named: only words that describe the
    # person could find one, and the articles have none of them
    ("thursday", "who plays?"),
    ("thursday", "who plays the villain?"),
    ("blue-hour-bakery", "who plays the landlord?"),
    # a possessive asks about someone else: a sentence naming only the person is no answer
    ("blue-hour-bakery", "who plays Kang Do-hyun's mom?"),
]


@pytest.mark.parametrize("show,question", UNSAID)
async def test_what_no_article_says_is_declined(engines, show, question, caplog):
    caplog.set_level("INFO", logger="bot.qa.engine")
    answer = await engines[show].ask(question)
    assert not answer.answered, answer.text
    assert answer.intent == "none" and answer.citations == () and answer.confidence == 0.0
    assert answer.suggestions and answer.reason and answer.show == show
    assert "declined" in caplog.text


async def test_an_opinion_is_declined_as_such(thursday_engine):
    answer = await thursday_engine.ask("Is Thursday better than Harbor Lights?")
    assert not answer.answered


@pytest.mark.parametrize("question", ["What is the show Glass about?", "who stars in the series glass"])
async def test_another_show_named_by_a_common_word_is_declined(thursday_engine, question):
    # "Glass" is one of the director's other shows: after "the show" it is that title, not the word
    answer = await thursday_engine.ask(question)
    assert not answer.answered and "not that show" in answer.text, answer.text


async def test_a_person_the_articles_know_but_not_for_that(bakery_engine):
    answer = await bakery_engine.ask("What is Seo Ji-wan's birthday?")
    assert answer.text.startswith("Sorry, my sources don't say that about Seo Ji-wan.")


@pytest.mark.parametrize("question", [
    "", "   ", "\n\t", "x" * 5000, "who plays kang do-hyun " * 300, "\U0001f9c1\U0001f9c1", "\u200b\u200f\u202e",
    "who\u200b plays\u200f kang do-hyun \U0001f9c1", "**who plays** _kang do-hyun_?", "@everyone who plays kang do-hyun",
    "'; DROP TABLE records; --", "season 2 OR 1=1", "<script>alert(1)</script>", "\x00\x01", "\ua66e" * 50,
    "\u0645\u0646 \u064a\u0644\u0639\u0628", "s99e99", "season 0", "part 0 of season 0",
])
async def test_no_input_crashes_it(engines, question):
    for engine in engines.values():
        answer = await engine.ask(question)
        assert isinstance(answer, Answer) and answer.text.strip()
        assert len(answer.question) <= 4000
        if not answer.answered:
            assert answer.citations == ()
        assert answer.to_json()["question"] == answer.question


@pytest.mark.parametrize("question", ["@everyone who plays kang do-hyun", "**who plays** _kang do-hyun_?",
                                      "who\u200b plays\u200f kang do-hyun \U0001f9c1"])
async def test_decorated_questions_still_answer(bakery_engine, question):
    answer = await bakery_engine.ask(question)
    assert answer.answered and "Seo Ji-wan" in answer.text


async def test_a_figure_is_not_given_for_a_season_its_sentence_does_not_name(tmp_path):
    # the article is about season 2, but its episode count is the first season's
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "thursday"
    write_article(folder, "a.md", "Streamly renewed Thursday for season 2 on May 1, 2023.\n\n"
                  "Thursday started out with an initial batch of eight episodes.\n",
                  title="Thursday season 2: everything we know", date="2023-05-02")
    answer = await ask_once(Config(articles_dir=folder, data_dir=tmp_path / "data"),
                            "how many episodes will season 2 have")
    assert not answer.answered, answer.text


async def test_a_type_with_no_facts_does_not_hand_its_words_to_another(thursday_engine):
    # "what country was it filmed in" with no filming country: not the viewership type's
    # countries, whose answer says nothing of filming
    answer = await thursday_engine.ask("in what country did they film the sequel episodes")
    assert not answer.answered or "film" in answer.text.lower(), answer.text


async def test_a_word_of_the_shows_title_is_not_said_by_the_title_itself(bakery_engine):
    # "bakery" is in the sentence only as part of "Blue Hour Bakery": no release date answers it
    answer = await bakery_engine.ask("what is the first bakery")
    assert answer.intent != "release", answer.text
