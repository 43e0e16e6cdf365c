"""Which show a question is about: a show named in the question (loaded or not), the
`--show` choice, the default show, a title that is a common word."""
import asyncio
import dataclasses
import logging

import pytest

from bot.service import open_engine

from ..helpers import assert_quotes_verbatim, says


@pytest.mark.parametrize("show,question", [
    ("thursday", "Who plays Kang Do-hyun in Blue Hour Bakery?"),
    ("thursday", "who plays kang do-hyun in blue hour bakery"),
    ("blue-hour-bakery", "Who plays Iris Calloway in Thursday?"),
    ("blue-hour-bakery", "who plays iris calloway"),
])
async def test_a_show_that_is_not_loaded_is_declined(engines, show, question):
    answer = await engines[show].ask(question)
    assert not answer.answered and answer.citations == (), answer.text


@pytest.mark.parametrize("show,question,other", [
    ("thursday", "When does Harbor Lights season 4 come out?", "Harbor Lights"),
    ("blue-hour-bakery", "when does midnight tailor season 2 come out", "Midnight Tailor"),
])
async def test_another_work_the_articles_name_is_declined_politely(engines, show, question, other):
    answer = await engines[show].ask(question)
    assert not answer.answered and answer.citations == ()
    assert other in answer.reason
    name = {"thursday": "Thursday", "blue-hour-bakery": "Blue Hour Bakery"}[show]
    assert f"I only know about {name}" in answer.text


@pytest.mark.parametrize("question,show,expected", [
    ("who plays kang do-hyun in blue hour bakery", "blue-hour-bakery", "Seo Ji-wan"),
    ("Who plays Iris Calloway in Thursday?", "thursday", "Nora Fairweather"),
    ("when is bhb season 3 coming out", "blue-hour-bakery", "As of February 10, 2024"),
    ("when does thursday season 3 come out", "thursday", "As of May 20, 2024"),
])
async def test_with_both_shows_loaded_the_named_one_answers(shows_engine, fixture_bodies, question, show, expected):
    answer = await shows_engine.ask(question)
    assert answer.answered and answer.show == show and says(answer, expected), answer.text
    assert_quotes_verbatim(answer, fixture_bodies)
    other_titles = {"thursday": "Blue Hour", "blue-hour-bakery": "Thursday"}[show]
    assert not any(c.title.startswith(other_titles) for c in answer.citations)  # never the other show's articles


async def test_with_both_shows_loaded_a_question_naming_none_asks_which(shows_engine):
    answer = await shows_engine.ask("who plays iris calloway")
    assert not answer.answered and answer.show is None
    assert answer.text == "Which show do you mean? I know about Blue Hour Bakery and Thursday."


async def test_the_show_chosen_for_the_question(shows_engine):
    answer = await shows_engine.ask("who plays iris calloway", show="thursday")
    assert answer.answered and says(answer, "Nora Fairweather")
    answer = await shows_engine.ask("When does the next season come out?", show="blue-hour-bakery")
    assert answer.show == "blue-hour-bakery" and says(answer, "As of February 10, 2024")


async def test_a_show_named_in_the_question_wins_over_the_chosen_one(shows_engine):
    answer = await shows_engine.ask("who plays kang do-hyun in blue hour bakery", show="thursday")
    assert answer.answered and answer.show == "blue-hour-bakery"


async def test_the_default_show(shows_config):
    engine = await open_engine(dataclasses.replace(shows_config, default_show="blue-hour-bakery"))
    try:
        assert engine.show_for().id == "blue-hour-bakery" and engine.show_for("thursday").id == "thursday"
        answer = await engine.ask("who plays kang do-hyun")
        assert answer.answered and answer.show == "blue-hour-bakery"
        answer = await engine.ask("Who plays Iris Calloway in Thursday?")
        assert answer.answered and answer.show == "thursday"
    finally:
        await engine.close()


async def test_an_unknown_default_show_is_logged_and_ignored(shows_config, caplog):
    caplog.set_level(logging.WARNING)
    engine = await open_engine(dataclasses.replace(shows_config, default_show="lupin"))
    try:
        assert "SHOWBOT_SHOW=lupin is not a loaded show" in caplog.text
        assert engine.show_for() is None
    finally:
        await engine.close()


def test_with_one_show_loaded_it_is_the_default(thursday_engine):
    assert list(thursday_engine.shows) == ["thursday"]
    assert thursday_engine.show_for().name == "Thursday"
    assert thursday_engine.show_for("no-such-show").id == "thursday"


# -- a title that is a common word ------------------------------------------------------------

async def test_the_weekday_title_is_the_show(shows_engine):
    answer = await shows_engine.ask("who created thursday")
    assert answer.answered and answer.show == "thursday" and says(answer, "Maren Holt")


async def test_the_weekday_title_is_not_a_person(thursday_engine):
    answer = await thursday_engine.ask("Who plays Thursday?")
    assert not answer.answered
    k = await thursday_engine.library.knowledge("thursday")
    assert not k.person_ids("Thursday")


async def test_the_weekday_as_a_day_is_not_the_show(shows_engine):
    answer = await shows_engine.ask("do new episodes come out on thursday")
    assert answer.show is None and not answer.answered  # no show named: which one?


async def test_who_plays_someone_on_the_weekday_show(shows_engine):
    answer = await shows_engine.ask("Who plays Juniper Vale on Thursday?")
    assert answer.answered and answer.show == "thursday" and says(answer, "Lila Montrose")


async def test_a_show_named_after_its_title_character(copy_show, tmp_path):
    """"Who plays Marigold?" in *Marigold*: the show's name is the person asked about."""
    from bot.config import Config
    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "shows" / "marigold"
    write_article(folder, "001-marigold-cast.md",
                  "Marigold is a detective drama streaming on Kovi.\n\n"
                  "Ada Winslow plays Marigold Finch, a detective who solves crimes with her bakery's regulars.\n\n"
                  "Tom Reyes plays Inspector Hale.\n\n"
                  "In the second season Ada Winslow returns as Marigold, now running the bakery alone.\n",
                  title="Marigold cast: who stars in the detective drama", publisher="Kovi Weekly", date="2024-03-01")
    answer = await ask_once(Config(articles_dir=folder, data_dir=tmp_path / "data"), "who plays marigold?")
    assert answer.answered and answer.text.startswith("Ada Winslow plays Marigold"), answer.text
