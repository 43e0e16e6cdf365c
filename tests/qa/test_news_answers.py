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
