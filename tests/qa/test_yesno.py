"""A yes/no question starts with "Yes.", "No." or "Not yet." and then quotes its evidence."""
import pytest

from bot.config import Config

from ..conftest import BAKERY, write_article
from ..helpers import ask_once, assert_quotes_verbatim

YES = [
    ("thursday", "Is Thursday renewed for season 3?"),
    ("thursday", "Did thursday get renewed?"),
    ("thursday", "Is Nora Fairweather in season 2?"),
    ("thursday", "Is Lila Montrose in season 3?"),
    ("thursday", "Is Petra Lindgren in season 2?"),
    ("blue-hour-bakery", "Will there be a season 3 of blue hour?"),
    ("blue-hour-bakery", "Is Baek Yu-ri in season 2?"),
]
NO = [
    ("thursday", "Is Desmond Achebe returning for season 3?"),
    ("thursday", "Will there be a season 4 of Thursday?"),
    ("blue-hour-bakery", "Is Park Jun-seo returning for season 3?"),
    ("blue-hour-bakery", "Is Park Jun-seo in season 3?"),
]


@pytest.mark.parametrize("show,question", YES)
async def test_yes(engines, fixture_bodies, show, question):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.text.startswith("Yes. "), answer.text
    assert answer.citations and answer.citations[0].quote in answer.text
    assert_quotes_verbatim(answer, fixture_bodies)


@pytest.mark.parametrize("show,question", NO)
async def test_no(engines, fixture_bodies, show, question):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.text.startswith("No. "), answer.text
    assert answer.citations and answer.citations[0].quote in answer.text
    assert_quotes_verbatim(answer, fixture_bodies)


async def test_not_yet(copy_show, tmp_path):
    articles = copy_show(BAKERY)
    write_article(articles, "005-blue-hour-bakery-season-4.md",
                  "Kovi has not yet renewed Blue Hour Bakery for a fourth season.\n",
                  title="Will there be a Blue Hour Bakery season 4?", publisher="Hanriver Herald", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"),
                            "Is Blue Hour Bakery renewed for season 4?")
    assert answer.text.startswith("Not yet. As of June 1, 2024"), answer.text


@pytest.mark.parametrize("show,question,verdict", [
    ("blue-hour-bakery", "Is there a release date for season 3?", ("No.", "Not yet.")),
    ("thursday", "Has season 2 come out yet?", ("Yes.",)),
])
async def test_a_yes_no_question_about_a_release_date(engines, show, question, verdict):
    answer = await engines[show].ask(question)
    assert answer.text.startswith(verdict), answer.text


@pytest.mark.parametrize("question", ["Was Thursday cancelled?", "Did Nora Fairweather leave the show?"])
async def test_a_question_asked_the_negative_way_round(thursday_engine, question):
    answer = await thursday_engine.ask(question)
    assert answer.text.startswith("No."), answer.text


async def test_a_question_offering_both_ways_is_answered_the_usual_way(thursday_engine):
    answer = await thursday_engine.ask("Is Thursday renewed or cancelled?")
    assert answer.text.startswith("Yes. Thursday was renewed"), answer.text


@pytest.mark.parametrize("question", ["Is Desmond Achebe leaving?", "Has Desmond Achebe left the show?"])
async def test_a_negative_question_about_someone_who_leaves(thursday_engine, question):
    answer = await thursday_engine.ask(question)
    assert answer.text.startswith("Yes. Desmond Achebe is not returning"), answer.text


async def test_filming_that_is_only_scheduled_has_not_started(thursday_engine):
    answer = await thursday_engine.ask("Has filming started for season 3?")
    assert answer.text.startswith(("No.", "Not yet.")), answer.text


@pytest.mark.parametrize("show,question", [("thursday", "When was Thursday renewed?"),
                                           ("blue-hour-bakery", "when did kovi greenlight season 3")])
async def test_a_question_that_is_not_yes_or_no_gets_no_verdict(engines, show, question):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.intent == "renewal", answer.text
    assert not answer.text.startswith(("Yes", "No", "Not yet")), answer.text


async def test_two_people_in_one_yes_or_no_question_are_each_answered(thursday_engine):
    answer = await thursday_engine.ask("Are Nora Fairweather and Lila Montrose in season 2?")
    assert answer.answered and answer.text.startswith("Yes. "), answer.text
    assert "Nora Fairweather" in answer.text and "Lila Montrose" in answer.text and answer.text.count("Yes.") == 1


@pytest.mark.parametrize("question", ["is season 3 the last one", "is it over after season 3"])
async def test_the_last_one_is_the_last_season(thursday_engine, question):
    answer = await thursday_engine.ask(question)
    assert answer.answered and answer.text.startswith("Yes."), answer.text


async def test_a_show_whose_last_season_is_out_is_over(tmp_path):
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "thursday"
    write_article(folder, "a.md", "Streamly renewed Thursday for a second and final season.\n",
                  title="Thursday renewed for a final season", date="2024-01-10")
    write_article(folder, "b.md", "Season 2 of Thursday premiered on March 7, 2024.\n",
                  title="Thursday season 2 is out", date="2024-03-10")
    config = Config(articles_dir=folder, data_dir=tmp_path / "data")
    over = await ask_once(config, "is thursday over")
    more = await ask_once(config, "are they making more thursday")
    assert over.text.startswith("Yes.") and more.text.startswith("No."), (over.text, more.text)


async def test_no_yes_or_no_from_a_sentence_without_the_name_asked_about(copy_show, tmp_path):
    from bot.config import Config

    from ..conftest import THURSDAY, write_article
    from ..helpers import ask_once
    articles = copy_show(THURSDAY)
    write_article(articles, "009-awards.md",
                  "# Awards night\n\nNora Fairweather was nominated for an Emmy but did not win.\n\n"
                  "Lila Montrose won a Golden Lantern in February.\n",
                  title="Thursday's awards season", publisher="Screenline", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "did lila montrose win an emmy")
    assert not answer.text.startswith("Yes"), answer.text
