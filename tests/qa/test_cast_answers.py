"""Who plays whom, on both invented shows: typos, romanisations, cast lists, who is new and
who comes back."""
import pytest

from ..helpers import assert_quotes_verbatim, says

WHO_PLAYS = [
    ("thursday", "Who plays Iris Calloway?", "Nora Fairweather"),
    ("thursday", "who plays iris calowey", "Nora Fairweather"),
    ("thursday", "who plays detective iris calloway", "Nora Fairweather"),
    ("thursday", "who plays marguerite vale", "Petra Lindgren"),
    ("thursday", "juniper vale actress", "Lila Montrose"),
    ("thursday", "who plays sergeant tobias reed", "Desmond Achebe"),
    ("blue-hour-bakery", "Who plays Kang Do-hyun?", "Seo Ji-wan"),
    ("blue-hour-bakery", "who plays kang dohyun", "Seo Ji-wan"),
    ("blue-hour-bakery", "who plays do hyun", "Seo Ji-wan"),
    ("blue-hour-bakery", "who plays Yoon Seol-a?", "Baek Yu-ri"),
    ("blue-hour-bakery", "who plays yun seol ah", "Baek Yu-ri"),
    ("blue-hour-bakery", "who plays choe min ho", "Park Jun-seo"),
]

ACTOR_ROLE = [
    ("thursday", "Who does Nora Fairweather play?", "Iris Calloway"),
    ("thursday", "who does desmond achebe play", "Tobias Reed"),
    ("thursday", "what role does Petra Lindgren have", "Marguerite Vale"),
    ("blue-hour-bakery", "Who does Baek Yoo-ri play?", "Yoon Seol-a"),
    ("blue-hour-bakery", "who does baek yu ri play", "Yoon Seol-a"),
    ("blue-hour-bakery", "what role does Park Joon-seo play", "Choi Min-ho"),
    ("blue-hour-bakery", "who does pak jun seo play", "Choi Min-ho"),
    ("blue-hour-bakery", "who does Lim Ha-eun play", "Yoon Da-bin"),
]


@pytest.mark.parametrize("show,question,actor", WHO_PLAYS)
async def test_who_plays_a_character(engines, fixture_bodies, show, question, actor):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.intent == "who_plays", answer
    assert says(answer, actor), answer.text
    assert answer.citations and answer.show == show
    assert_quotes_verbatim(answer, fixture_bodies)


@pytest.mark.parametrize("show,question,character", ACTOR_ROLE)
async def test_whom_an_actor_plays(engines, fixture_bodies, show, question, character):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.intent == "actor_role", answer
    assert says(answer, character), answer.text
    assert_quotes_verbatim(answer, fixture_bodies)


async def test_a_spelling_the_articles_use_less_is_answered_with_the_usual_one(bakery_engine):
    answer = await bakery_engine.ask("Who does Baek Yoo-ri play?")
    assert answer.text.startswith("Baek Yu-ri plays Yoon Seol-a")


async def test_the_cast_of_a_season(bakery_engine):
    answer = await bakery_engine.ask("Who is in the cast of season 2?")
    assert answer.answered and answer.intent == "cast_list"
    assert says(answer, "Seo Ji-wan as Kang Do-hyun") and says(answer, "Lim Ha-eun as Yoon Da-bin")
    assert not says(answer, "Park Jun-seo")  # not credited for season 2


async def test_the_cast_of_the_show_from_a_table_bullets_and_prose(thursday_engine):
    answer = await thursday_engine.ask("Who is in the cast of Thursday?")
    assert answer.answered and answer.intent == "cast_list"
    for pair in ("Nora Fairweather as Detective Iris Calloway", "Lila Montrose as Juniper Vale",
                 "Petra Lindgren as Marguerite Vale"):
        assert says(answer, pair), answer.text


@pytest.mark.parametrize("show,newcomer", [("thursday", "Petra Lindgren as Marguerite Vale"),
                                           ("blue-hour-bakery", "Lim Ha-eun as Yoon Da-bin")])
async def test_who_is_new_in_season_2(engines, show, newcomer):
    answer = await engines[show].ask("who is new in season 2")
    assert answer.answered and answer.intent == "new_cast"
    assert says(answer, newcomer), answer.text


async def test_who_is_returning_for_season_2(thursday_engine):
    answer = await thursday_engine.ask("Which cast members are returning for season 2?")
    assert answer.answered and answer.intent == "returning"
    assert says(answer, "Nora Fairweather") and not says(answer, "Petra Lindgren"), answer.text


async def test_an_actor_leaving_is_said_with_the_credit(bakery_engine):
    answer = await bakery_engine.ask("who plays choi min-ho")
    assert says(answer, "Park Jun-seo plays Choi Min-ho") and says(answer, "not returning"), answer.text


async def test_a_crew_member_is_who_they_are(bakery_engine):
    answer = await bakery_engine.ask("who is jeong tae kyu")
    assert answer.answered and says(answer, "director"), answer.text


async def test_the_lead_actor_is_the_cast_list_led_by_its_star(thursday_engine):
    # "lead" qualifies what is asked, like "main": it is not a word the answer must hold
    answer = await thursday_engine.ask("who is the lead actor in thursday")
    assert answer.answered and "Nora Fairweather" in answer.text, answer.text


_EARLY_S3 = """---
title: Thursday Season 3 Cast Revealed
publisher: Coastline TV
date: 2024-03-01
---
## Season 3 cast

- Nora Fairweather returns as Detective Iris Calloway
- Desmond Achebe returns as Sergeant Tobias Reed
- Davin as Captain Wren
"""
_LATE_S3 = """---
title: Thursday Season 3 Newcomers
publisher: Screenline
date: 2024-08-01
---
## Season 3 cast

Cho Ardavin joins the cast as Captain Wren, the harbour master.

Nora Fairweather returns as Detective Iris Calloway.
"""


async def test_season_3_cast_news_newest_word_first(copy_show, tmp_path):
    from bot.config import Config

    from ..helpers import ask_once
    articles = copy_show()
    (articles / "005-thursday-season-3-cast.md").write_text(_EARLY_S3, encoding="utf-8")
    (articles / "006-thursday-season-3-newcomers.md").write_text(_LATE_S3, encoding="utf-8")
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")

    # said to return in March, not returning in May: only "not back"
    back = await ask_once(config, "Who is returning for season 3?")
    assert says(back, "Nora Fairweather") and says(back, "Not back: Desmond Achebe"), back.text
    assert back.text.count("Desmond Achebe") == 1, back.text
    # news that says who joins is the answer, and someone returning is not new; no season
    # named is the latest season with newcomers
    new = await ask_once(config, "who are the new cast members")
    assert says(new, "New in season 3") and says(new, "Captain Wren") and not says(new, "Nora Fairweather"), new.text
    # an actor asked about by the other name they go by is answered with both
    kal = await ask_once(config, "is davin in season 3")
    assert kal.text.startswith("Yes.") and says(kal, "Davin") and says(kal, "Cho Ardavin"), kal.text


async def test_who_plays_a_newcomer_described_is_answered_by_the_new_cast(thursday_engine):
    # the new cast's credits say who plays whom, though their sentence says "joins the cast as"
    answer = await thursday_engine.ask("who plays the new mother in season 2")
    assert answer.answered and "Petra Lindgren" in answer.text, answer.text


async def test_a_person_asked_for_by_description_is_found_in_a_credit_without_the_verb(copy_show, tmp_path):
    from bot.config import Config

    from ..conftest import THURSDAY, write_article
    from ..helpers import ask_once, says
    articles = copy_show(THURSDAY)
    write_article(articles, "009-newcomers.md",
                  "# New faces\n\nThe new season adds two names:\n\n- Ines Okafor as Wren Hollis, a retired lighthouse keeper\n"
                  "- Tom Birch as Ansel Crane, a harbour pilot\n",
                  title="Thursday adds two newcomers", publisher="Screenline", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "who plays the lighthouse keeper")
    assert answer.answered and says(answer, "Ines Okafor"), answer.text


async def test_a_number_the_question_names_must_be_in_the_sentence_found(copy_show, tmp_path):
    from bot.config import Config

    from ..conftest import THURSDAY, write_article
    from ..helpers import ask_once, says
    articles = copy_show(THURSDAY)
    write_article(articles, "009-lockers.md",
                  "# Lockers\n\nLila Montrose, who plays the night clerk Juniper Vale, keeps locker 12.\n\n"
                  "Desmond Achebe as Tobias Reed (Locker 45), a retired lighthouse keeper\n",
                  title="Thursday's locker room", publisher="Screenline", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "who plays locker 45")
    assert not says(answer, "Lila Montrose"), answer.text


async def test_the_crew_member_behind_the_show_is_the_credit(bakery_engine):
    # "the director behind X" asks who directed X: "behind" qualifies, it names nothing
    answer = await bakery_engine.ask("who's the director behind blue hour bakery?")
    assert answer.answered and answer.intent == "director" and says(answer, "Jeong Tae-kyu"), answer.text


@pytest.mark.parametrize("question", ["kang do-hyun's actor?", "who is Kang Do-hyun's actress"])
async def test_a_characters_actor_asked_with_a_possessive_is_the_credit(bakery_engine, question):
    # "X's actor" asks for X's own credit; "X's mom" (a relation) would ask about someone else
    answer = await bakery_engine.ask(question)
    assert answer.answered and answer.intent == "who_plays" and says(answer, "Seo Ji-wan"), answer.text
