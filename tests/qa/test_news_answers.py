"""Time-sensitive answers: the newest source leads, with "As of"; an official date replaces
an older estimate; renewals with their dates; counts with their units; places."""
import pytest

from bot.config import Config

from ..conftest import THURSDAY
from ..helpers import ask_once, assert_quotes_verbatim, says


@pytest.mark.parametrize("show,question,as_of,date", [
    ("thursday", "When is the third season of thursday coming out?", "As of May 20, 2024", "2024-05-20"),
    ("blue-hour-bakery", "When does season 3 come out?", "As of February 10, 2024", "2024-02-10"),
])
async def test_the_newest_source_leads_with_as_of(engines, show, question, as_of, date):
    answer = await engines[show].ask(question)
    assert answer.text.startswith(as_of), answer.text
    assert answer.citations[0].date == date


async def test_an_official_date_replaces_an_older_estimate(copy_show, tmp_path):
    articles = copy_show(THURSDAY)
    later = {p.name: p.read_text() for p in articles.glob("00[34]-*.md")}
    for name in later:
        (articles / name).unlink()
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")
    question = "When does Thursday season 2 come out?"

    before = await ask_once(config, question)
    assert before.answered and says(before, "early 2024") and "Screenline" in before.text, before.text

    name = "003-thursday-season-2-premiere-date.md"
    (articles / name).write_text(later[name])
    after = await ask_once(config, question)
    assert after.answered and says(after, "March 7, 2024") and not says(after, "early 2024"), after.text
    assert after.text.startswith("As of January 15, 2024")
    assert [c.date for c in after.citations] == ["2024-01-15"]


async def test_once_out_a_season_came_out_on_its_day(thursday_engine):
    answer = await thursday_engine.ask("When does Thursday season 2 come out?")
    assert answer.text == "Season 2 came out on March 7, 2024."


@pytest.mark.parametrize("show,question,expected", [
    ("thursday", "Has Thursday been renewed?", "renewed for season 3"),
    ("blue-hour-bakery", "Is Blue Hour Bakery renewed for season 3?", "December 2023"),
])
async def test_renewals(engines, show, question, expected):
    answer = await engines[show].ask(question)
    assert answer.answered and answer.intent == "renewal" and says(answer, expected), answer.text


@pytest.mark.parametrize("question,expected", [
    ("How many hours did it get in its first month?", "120 million viewing hours"),
    ("How many countries did it top the chart in?", "41 countries"),
])
async def test_counts_with_their_units(bakery_engine, fixture_bodies, question, expected):
    answer = await bakery_engine.ask(question)
    assert answer.answered and says(answer, expected), answer.text
    assert_quotes_verbatim(answer, fixture_bodies)


@pytest.mark.parametrize("show,question,place", [
    ("blue-hour-bakery", "Where was Blue Hour Bakery filmed?", "Yeongdo"),
    ("thursday", "Where was Thursday filmed?", "Kestrel Bay"),
])
async def test_filming_locations(engines, show, question, place):
    answer = await engines[show].ask(question)
    assert answer.answered and says(answer, place), answer.text


@pytest.mark.parametrize("show,question,expected", [
    ("thursday", "Who created Thursday?", "Maren Holt"),
    ("thursday", "who directed thursday", "Oskar Lindqvist"),
    ("blue-hour-bakery", "Who directed Blue Hour Bakery?", "Jeong Tae-kyu"),
    ("blue-hour-bakery", "who directed bhb", "Jeong Tae-kyu"),
    ("blue-hour-bakery", "What is Blue Hour Bakery based on?", "webtoon by Han Bo-ra"),
])
async def test_who_made_it(engines, show, question, expected):
    answer = await engines[show].ask(question)
    assert answer.answered and says(answer, expected), answer.text


async def test_where_it_streams_comes_from_the_show_file(bakery_engine):
    answer = await bakery_engine.ask("where can i watch blue hour bakery")
    assert answer.answered and says(answer, "Blue Hour Bakery streams on Kovi"), answer.text


async def test_what_it_is_about(thursday_engine):
    answer = await thursday_engine.ask("What is Thursday about?")
    assert answer.answered and says(answer, "night shift"), answer.text


async def test_a_word_the_first_question_type_leaves_out_chooses_the_next(thursday_engine, caplog):
    # "drop" makes it a release question, whose answer says nothing of a trailer; the
    # trailer question type, next in line, accounts for every word
    caplog.set_level("INFO", logger="bot.qa.engine")
    answer = await thursday_engine.ask("when did the season 2 trailer drop")
    assert answer.answered and "January 12, 2024" in answer.text, answer.text
    assert answer.intent == "trailer" and "answers instead of release" in caplog.text


async def test_a_question_type_with_no_facts_gives_way_to_the_next(bakery_engine):
    # no producer is named; "who produced it" is answered by the production company
    answer = await bakery_engine.ask("who produced blue hour bakery")
    assert answer.answered and "Dawnlight Studio" in answer.text, answer.text
    assert answer.intent == "companies"


async def test_part_1_of_a_season_came_out_when_the_season_did(tmp_path):
    # no article names part 1's date; the season's release is its first part's
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "thursday"
    write_article(folder, "a.md", "Thursday season 2 will be released in two parts. Streamly has not set a date.\n",
                  title="Thursday season 2 comes in two parts", date="2024-01-10")
    write_article(folder, "b.md", "The first four episodes of season 2, released on March 7, 2024, topped the charts.\n",
                  title="Thursday season 2 tops the charts", date="2024-03-20")
    answer = await ask_once(Config(articles_dir=folder, data_dir=tmp_path / "data"), "when did season 2 part 1 come out")
    assert answer.answered and "March 7" in answer.text and "not" not in answer.text, answer.text


async def test_the_source_a_question_names_is_not_another_show(bakery_engine):
    # "Is it based on X" names the show's source, whichever work that is
    answer = await bakery_engine.ask("is blue hour bakery based on the webtoon by Han Bo-ra")
    assert answer.answered, answer.text


_STARTED = """---
title: Cameras Roll on Thursday Season 3
publisher: Screenline
date: 2024-10-20
---
Filming on the third season of Streamly's *Thursday* began on October 7, 2024, the studio confirmed.

The shoot moved to Kestrel Bay in early October.
"""
_WRAPPED = """---
title: Thursday Season 3 Wraps Filming
publisher: Coastline TV
date: 2025-01-20
---
Filming on Thursday season 3 wrapped on December 13, 2024, after ten weeks in Kestrel Bay.

More than 300 extras took part in the shoot, which used four cameras for the storm scenes.

## Will there be a season 4?

Streamly has not said.
"""


async def test_when_filming_began_and_wrapped_and_whether_it_has_finished(copy_show, tmp_path):
    articles = copy_show(THURSDAY)
    (articles / "005-thursday-season-3-cameras-roll.md").write_text(_STARTED, encoding="utf-8")
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")

    began = await ask_once(config, "When did filming start on season 3?")
    assert began.text.startswith("Filming on season 3 began on October 7, 2024."), began.text
    # a plan ("is scheduled to start this autumn") is not when it began; no season named is
    # the latest season whose shoot is on record
    assert (await ask_once(config, "when did filming start")).text.startswith("Filming on season 3 began on October 7")
    unfinished = await ask_once(config, "Has season 3 finished filming?")
    assert not unfinished.text.startswith("Yes"), unfinished.text

    (articles / "006-thursday-season-3-wraps.md").write_text(_WRAPPED, encoding="utf-8")
    wrapped = await ask_once(config, "When did filming wrap?")
    assert wrapped.text.startswith("Filming on season 3 wrapped on December 13, 2024."), wrapped.text
    finished = await ask_once(config, "has s3 finished filming yet?")
    assert finished.intent == "filming" and finished.text.startswith("Yes.") and says(finished, "December 13"), finished.text
    # a season only wondered about ("Will there be a season 4?") is not the one being made
    wrapped = await ask_once(config, "has filming wrapped?")
    assert wrapped.text.startswith("Yes.") and says(wrapped, "December 13"), wrapped.text
    # "how long" is answered in time, not by any number
    took = await ask_once(config, "How long did filming take?")
    assert took.intent == "filming" and took.citations[0].quote.find("ten weeks") >= 0, took.text


async def test_a_renewal_date_to_the_day_when_an_article_agrees(copy_show, tmp_path):
    articles = copy_show(THURSDAY)
    (articles / "005-thursday-look-back.md").write_text(
        "---\ntitle: Thursday Looks Back\npublisher: Coastline TV\ndate: 2024-06-01\n---\n"
        "Streamly renewed Thursday for season 2 in April 2023, two months after the premiere.\n", encoding="utf-8")
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")
    answer = await ask_once(config, "When was Thursday renewed for season 2?")
    # the newest word says April 2023; an older article agrees and gives the day; a "when"
    # question gets the date, not a "Yes."
    assert answer.text.startswith("Thursday was renewed for season 2 (April 11, 2023)."), answer.text
    yesno = await ask_once(config, "Was Thursday renewed for season 2?")
    assert yesno.text.startswith("Yes."), yesno.text


async def test_the_source_is_quoted_where_its_title_and_author_are_named_together(copy_show, tmp_path):
    from ..conftest import BAKERY
    articles = copy_show(BAKERY)
    (articles / "005-blue-hour-bakery-webtoon.md").write_text(
        "---\ntitle: The Webtoon Behind Blue Hour Bakery\npublisher: Toon Talk\ndate: 2024-03-01\n---\n"
        "The drama adapts the webtoon *Dawn Loaves* by Han Bo-ra.\n\n"
        "The webtoon is called a comfort read by fans, and webtoon readers have called it the coziest webtoon "
        "of the decade.\n", encoding="utf-8")
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")
    answer = await ask_once(config, "what is the webtoon called")
    assert answer.intent == "source" and says(answer, "Dawn Loaves") and says(answer, "Han Bo-ra"), answer.text
    quoted = answer.text.split("\u201c", 1)[1]
    assert "Dawn Loaves" in quoted and "Han Bo-ra" in quoted, answer.text


async def test_a_date_pushed_back_by_newer_news_is_no_longer_the_date(copy_show, tmp_path):
    articles = copy_show(THURSDAY)
    (articles / "005-thursday-season-3-date.md").write_text(
        "---\ntitle: Thursday season 3 date\npublisher: Screenline\ndate: 2024-07-01\n---\n"
        "Thursday season 3 will premiere on October 3, 2024.\n", encoding="utf-8")
    (articles / "006-thursday-season-3-delayed.md").write_text(
        "---\ntitle: Thursday season 3 delayed\npublisher: Coastline TV\ndate: 2024-11-01\n---\n"
        "Streamly has pushed season 3 back to 2025.\n", encoding="utf-8")
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")
    answer = await ask_once(config, "When does Thursday season 3 come out?")
    assert not says(answer, "October 3") and says(answer, "2025"), answer.text


async def test_a_set_date_is_a_yes_to_is_there_a_date_and_a_not_yet_to_is_it_out(copy_show, tmp_path):
    articles = copy_show(THURSDAY)
    (articles / "004-thursday-season-3-final-season.md").unlink()
    config = Config(articles_dir=articles, data_dir=tmp_path / "data")
    dated = await ask_once(config, "Is there a release date for Thursday season 2 yet?")
    assert dated.text.startswith("Yes.") and says(dated, "March 7, 2024"), dated.text
    out = await ask_once(config, "Is Thursday season 2 out yet?")
    assert out.text.startswith("Not yet."), out.text


async def test_a_premise_is_quoted_with_the_sentence_that_carries_it_on(copy_show, tmp_path):
    from ..conftest import write_article
    articles = copy_show(THURSDAY)
    for p in articles.glob("*.md"):
        p.unlink()
    write_article(articles, "001-preview.md",
                  "# Thursday arrives Friday\n\n## The story\n\nThe series is set in the port town of Gullhaven in 1983. "
                  "When a ferry pilot vanishes on her way home, her sister starts searching for her.\n\n"
                  "Streamly has not said whether there will be a second season.\n",
                  title="'Thursday' arrives Friday", publisher="The Cinder Report", date="2023-02-10")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "what is thursday about")
    assert answer.answered and says(answer, "Gullhaven") and says(answer, "ferry pilot vanishes"), answer.text
    assert not says(answer, "second season"), answer.text


async def test_no_season_after_the_final_one_cites_the_news_that_it_ends(copy_show, tmp_path):
    from ..conftest import write_article
    articles = copy_show(THURSDAY)
    write_article(articles, "009-views.md",
                  "# Thursday's last run is a hit\n\nThe first episodes of the final season of Thursday drew 3 million "
                  "views in their first week, Streamly said.\n",
                  title="Thursday's final season opens big", publisher="Screenline", date="2024-09-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "will there be a season 4 of thursday")
    assert answer.answered and answer.citations[0].quote.startswith("Streamly has renewed Thursday"), answer.text


async def test_a_word_naming_the_kind_of_answer_is_held_by_an_answer_of_that_kind(copy_show, tmp_path):
    from ..conftest import write_article
    articles = copy_show(THURSDAY)
    write_article(articles, "009-contest.md",
                  "# The contest\n\nIn the new season the detectives chase a lottery winner who took home a prize "
                  "of 500 million won. Juniper, short of money again, takes the case.\n",
                  title="Thursday season 3 preview", publisher="Screenline", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "how much is the prize money")
    assert answer.answered and says(answer, "500 million won"), answer.text


async def test_taking_so_long_is_asking_about_a_delay(copy_show, tmp_path):
    from ..conftest import write_article
    articles = copy_show(THURSDAY)
    write_article(articles, "009-delay.md",
                  "# Back at last\n\nFilming on the third season began in March, ending a delay of eight months caused "
                  "by a dispute over the studio lease.\n",
                  title="Thursday season 3 starts filming", publisher="Screenline", date="2024-06-01")
    answer = await ask_once(Config(articles_dir=articles, data_dir=tmp_path / "data"), "why did season 3 take so long")
    assert answer.answered and says(answer, "studio lease"), answer.text


async def test_a_when_question_is_not_handed_to_a_type_without_a_date(thursday_engine):
    # "finale" leaves the release type a word short; the final-season news holds the word but
    # no date, so it does not answer "when"
    answer = await thursday_engine.ask("when does the thursday finale come out")
    assert not answer.answered or any(ch.isdigit() for ch in answer.text), answer.text


async def test_a_count_of_households_is_a_viewing_figure(tmp_path):
    # "households" counts viewers as "views" and "hours" do: the figure in households answers
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "thursday"
    write_article(folder, "a.md", "Streamly renewed Thursday for a second season on January 4, 2023.\n\n"
                  "According to Streamly, 18 million member households watched the series in its first 28 days.\n\n"
                  "The first season was watched for 26.3 million hours in its first 28 days, the best start "
                  "any series had that month.\n",
                  title="Thursday renewed for season 2", date="2023-01-05")
    answer = await ask_once(Config(articles_dir=folder, data_dir=tmp_path / "data"),
                            "how many households watched thursday in its first 28 days")
    assert answer.answered and "18 million" in answer.text, answer.text


async def test_how_many_views_is_answered_by_a_number_of_views_before_one_of_hours(tmp_path):
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "thursday"
    write_article(folder, "a.md", "Thursday arrived on Streamly on September 25, 2025 and went straight to No. 1.\n\n"
                  "It logged 4.9 million views in its first four days, with views calculated as hours watched "
                  "divided by runtime.\n\n"
                  "The six-episode season was watched for 26.3 million hours in that time and entered the Top 10 "
                  "in 78 countries.\n",
                  title="Thursday debuts at No. 1", date="2025-10-01")
    answer = await ask_once(Config(articles_dir=folder, data_dir=tmp_path / "data"), "how many views did thursday get")
    assert answer.answered and "4.9 million" in answer.text, answer.text


async def test_the_role_the_question_names_leads_a_type_of_several_roles(copy_show, tmp_path):
    # the creator type also answers for showrunners: asked for the showrunner, the showrunner
    from bot.config import Config

    from ..conftest import THURSDAY, write_article
    from ..helpers import ask_once
    folder = copy_show(THURSDAY)
    write_article(folder, "009-new-showrunner.md", "Ada Vale takes over from Maren Holt for season 3.\n\n"
                  "Ada Vale remains showrunner.\n", title="Thursday gets a new showrunner", date="2024-07-01")
    config = Config(articles_dir=folder.parent, data_dir=tmp_path / "data")
    answer = await ask_once(config, "who is the showrunner of thursday now")
    assert answer.answered and "Ada Vale" in answer.text, answer.text
    answer = await ask_once(config, "who created thursday")
    assert answer.answered and "Maren Holt" in answer.text, answer.text
