"""Season resolution: "s2", "the third season", "next season" (after the newest released
one), "the final season", "part 2", and a season the articles do not cover."""
import pytest

from ..helpers import says


@pytest.mark.parametrize("show,question,expected", [
    ("thursday", "when is s2 out", "March 7, 2024"),
    ("thursday", "When does Thursday season 2 come out?", "March 7, 2024"),
    ("thursday", "When did thursday season 1 come out?", "February 16, 2023"),
    ("thursday", "When did Thursday come out?", "February 16, 2023"),  # the show's first release
    ("blue-hour-bakery", "When did season 1 come out?", "September 23, 2022"),
])
async def test_numbered_seasons(engines, show, question, expected):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.intent == "release" and says(answer, expected), answer.text


@pytest.mark.parametrize("show,question", [
    ("thursday", "When is the third season of thursday coming out?"),
    ("thursday", "wen does thursdy s3 come out"),
    ("blue-hour-bakery", "when is s3 coming"),
])
async def test_the_third_season(engines, show, question):
    answer = await engines[show].ask(question)
    assert answer.answered and says(answer, "season 3") and says(answer, "no release date"), answer.text


@pytest.mark.parametrize("show", ["thursday", "blue-hour-bakery"])
async def test_next_season_is_the_one_after_the_newest_released(engines, show):
    answer = await engines[show].ask("When does the next season come out?")
    assert answer.answered and says(answer, "season 3"), answer.text  # seasons 1 and 2 are out


async def test_the_final_season_is_the_one_the_articles_call_final(thursday_engine):
    answer = await thursday_engine.ask("When does the final season come out?")
    assert answer.answered and says(answer, "season 3"), answer.text


async def test_no_season_after_the_final_one(thursday_engine):
    answer = await thursday_engine.ask("Will there be a season 4 of Thursday?")
    assert answer.answered and answer.text.startswith("No.") and says(answer, "Season 3 is the final season")


@pytest.mark.parametrize("question,expected", [
    ("When does part 2 come out?", "August 4, 2023"),
    ("When does season 2 part 2 come out?", "August 4, 2023"),
    ("when did part 1 of season 2 come out", "July 14, 2023"),
])
async def test_parts_of_a_season(bakery_engine, question, expected):
    answer = await bakery_engine.ask(question)
    assert answer.answered and says(answer, expected), answer.text


async def test_episodes_per_season(engines):
    for show, season, count in (("thursday", 1, 8), ("thursday", 2, 10), ("blue-hour-bakery", 2, 8),
                                ("blue-hour-bakery", 1, 12)):
        answer = await engines[show].ask(f"How many episodes does season {season} have?")
        assert answer.answered and says(answer, f"Season {season} has {count} episodes"), (show, answer.text)


@pytest.mark.parametrize("show,question", [
    ("thursday", "When does season 4 come out?"),
    ("thursday", "who plays iris calloway in season 5"),
    ("blue-hour-bakery", "How many episodes are in season 6?"),
    ("thursday", "when did part 2 come out"),  # Thursday has no parts
])
async def test_a_season_the_articles_do_not_cover_is_declined(engines, show, question):
    answer = await engines[show].ask(question)
    assert not answer.answered and answer.citations == (), answer.text


async def test_a_show_named_with_all_is_not_asked_for_all_seasons(tmp_path):
    # "season 1 of All Hands": the show's own name does not ask for the episodes of every season
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once, says
    show = tmp_path / "articles" / "all-hands"
    write_article(show, "001-premiere.md", "# All Hands arrives\n\nAll Hands will premiere on Kovi on May 5, 2023, "
                  "with all 10 episodes released at once.\n", title="All Hands premieres in May",
                  publisher="Screenline", date="2023-04-01")
    (show / "show.toml").write_text('name = "All Hands"\nplatform = "Kovi"\n', encoding="utf-8")
    answer = await ask_once(Config(articles_dir=tmp_path / "articles", data_dir=tmp_path / "data"),
                            "How many episodes were in season 1 of All Hands?")
    assert answer.answered and answer.intent == "episodes" and says(answer, "10"), answer.text
