"""bot.pipeline.extract.extract_article: one article -> a JSON-able record of sentences
(with their seasons and people) and the facts read from them."""
import json

import pytest

from bot.pipeline.articles import read_article
from bot.pipeline.extract import RECORD_VERSION, extract_article

from ...conftest import BAKERY, FIXTURE_SHOWS, THURSDAY


@pytest.fixture(scope="module")
def extract(tools):
    def run(path):
        return extract_article(read_article(path), tools)
    return run


@pytest.mark.parametrize("path", sorted(FIXTURE_SHOWS.rglob("*.md")), ids=lambda p: p.name)
def test_records_are_json_and_quote_the_body_exactly(extract, path):
    rec = extract(path)
    assert json.loads(json.dumps(rec)) == rec
    assert rec["v"] == RECORD_VERSION and rec["name"] == path.name
    body = read_article(path).body
    for s in rec["sentences"]:
        assert body[s["s"]:s["e"]] == s["t"]
    assert all(0 <= f["i"] < len(rec["sentences"]) for f in rec["facts"])


def test_the_same_text_gives_the_same_record(extract):
    path = THURSDAY / "002-thursday-season-2-renewed.md"
    assert extract(path) == extract(path)


def test_an_article_about_a_season_says_so_in_its_title(extract):
    rec = extract(THURSDAY / "002-thursday-season-2-renewed.md")
    assert rec["default_season"] == 2 and rec["seasons"] == [2]
    by_text = {s["t"]: s for s in rec["sentences"]}
    cast = by_text["Stage veteran Petra Lindgren joins the cast as Marguerite Vale, Juniper's estranged mother."]
    assert (cast["seasons"], cast["src"]) == ([[2, None, None]], "heading")  # under "Season 2 cast"
    renewal = by_text["Streamly has officially renewed Thursday for a second season, the streamer announced on April 11, 2023."]
    assert (renewal["seasons"], renewal["src"]) == ([[2, None, None]], "sentence")


def test_facts_carry_their_season(extract):
    rec = extract(THURSDAY / "002-thursday-season-2-renewed.md")
    facts = [(f["k"], f.get("event") or f.get("actor"), f.get("status"), f["seasons"]) for f in rec["facts"]]
    assert ("event", "renewal", "renewed", [[2, None, None]]) in facts
    assert ("event", "release", "estimate", [[2, None, None]]) in facts
    assert ("cast", "Petra Lindgren", "joins", [[2, None, None]]) in facts


def test_parts_are_kept_with_their_season(extract):
    rec = extract(BAKERY / "003-blue-hour-bakery-season-2-part-1-date.md")
    releases = {f["date"]: f["seasons"] for f in rec["facts"] if f["k"] == "event" and f["event"] == "release"}
    assert releases == {"July 14, 2023": [[2, 1, None]], "August 4, 2023": [[2, 2, None]]}


def test_an_article_without_a_season_in_its_title_has_no_default(extract):
    rec = extract(BAKERY / "001-blue-hour-bakery-release-date-cast.md")
    assert rec["default_season"] is None
    assert {f["k"] for f in rec["facts"]} == {"event", "episodes", "platform", "crew", "cast"}
    ambiguous = [(f["actor"], f["character"]) for f in rec["facts"] if f.get("ambiguous")]
    assert ambiguous == [("Baek Yu-ri", "Yoon Seol-a"), ("Park Jun-seo", "Choi Min-ho")]


def test_titles_named_in_removed_boilerplate_are_remembered(extract):
    assert extract(BAKERY / "001-blue-hour-bakery-release-date-cast.md")["removed_titles"] == ["Midnight Tailor"]
    assert extract(THURSDAY / "001-thursday-season-1-review.md")["removed_titles"] == ["Harbor Lights"]


def test_sentences_name_their_people_with_full_names(extract):
    rec = extract(THURSDAY / "001-thursday-season-1-review.md")
    standout = next(s for s in rec["sentences"] if s["t"].startswith("Fairweather is the standout"))
    assert standout["people"] == ["Nora Fairweather"]


def test_sentences_carry_topics_from_the_language_data(extract):
    rec = extract(BAKERY / "002-blue-hour-bakery-season-2-confirmed.md")
    topics = {s["t"][:30]: s["topics"] for s in rec["sentences"]}
    assert "release" in topics["Season 2 is expected to arrive"]
    assert "cast" in topics["Seo Ji-wan returns as Kang Do-"]


@pytest.mark.parametrize("text,production", [("Filming wrapped in May.", True),
                                             ("Details of her character are still under wraps.", False)])
def test_under_wraps_is_a_secret_not_the_end_of_filming(tools, text, production):
    from bot.pipeline.extract.topics import topics_of
    assert ("production" in topics_of(text, {}, tools.topics)) is production


@pytest.mark.parametrize("line,seasons", [
    ("Thursday began with an initial batch of eight episodes.", []),  # the first season, recalled
    ("The season has ten episodes.", [[2, None, None]]),  # its own
    ("It will have ten episodes.", [[2, None, None]]),  # the coming season's
    ("Season 2 has ten episodes.", [[2, None, None]]),
])
def test_an_episode_count_in_an_article_about_the_coming_season(tools, tmp_path, line, seasons):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Thursday season 2: everything we know\n---\n{line}\n", encoding="utf-8")
    record = extract_article(read_article(path), tools)
    [count] = [f for f in record["facts"] if f["k"] == "episodes"]
    assert count["seasons"] == seasons


def test_the_new_season_in_an_article_about_season_2_dates_season_2(tools, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Thursday season 2 starts filming\n---\nThe new season is slated to premiere in 2025.\n",
                    encoding="utf-8")
    record = extract_article(read_article(path), tools)
    [estimate] = [f for f in record["facts"] if f["k"] == "event" and f["event"] == "release"]
    assert estimate["seasons"][0][0] == 2


_LATER = """---
title: Thursday Season 3 Wraps
publisher: Screenline
date: 2025-01-20
---
Filming on the third season of Streamly's *Thursday* began on October 7, 2024, the studio confirmed.

## Will there be a season 4?

Streamly has not said.

Fans have started a petition.
"""


def test_a_season_of_the_platforms_show_is_this_shows(extract, tmp_path):
    # "the third season of Streamly's *Thursday*": the possessive is the owner, not a title
    path = tmp_path / "005-thursday-season-3-wraps.md"
    path.write_text(_LATER, encoding="utf-8")
    facts = [(f.get("event"), f.get("date"), f["seasons"]) for f in extract(path)["facts"] if f["k"] == "event"]
    assert ("filming", "October 7, 2024", [[3, None, None, "Thursday"]]) in facts


def test_the_answer_under_a_renewal_question_heading_is_that_seasons(extract, tmp_path):
    path = tmp_path / "005-thursday-season-3-wraps.md"
    path.write_text(_LATER, encoding="utf-8")
    rec = extract(path)
    renewals = [(rec["sentences"][f["i"]]["t"], f["status"], f["seasons"]) for f in rec["facts"]
                if f["k"] == "event" and f["event"] == "renewal"]
    assert renewals == [("Streamly has not said.", "not_renewed", [[4, None, None]])]


def test_a_season_said_to_be_the_final_one_is_the_final_season(extract, tmp_path):
    path = tmp_path / "005-thursday-ends.md"
    path.write_text("---\ntitle: Thursday Will End\npublisher: Screenline\ndate: 2024-06-01\n---\n"
                    "Season 3 will be the final season, Streamly confirmed.\n", encoding="utf-8")
    finals = [f["seasons"] for f in extract(path)["facts"] if f["k"] == "event" and f["event"] == "final"]
    assert finals == [[[3, None, None]]]


def test_a_season_named_to_compare_with_is_not_the_sentences(extract, tmp_path):
    path = tmp_path / "005-thursday-season-2-reviews.md"
    path.write_text("---\ntitle: Thursday Season 2 Reviews Are In\npublisher: Screenline\ndate: 2024-03-20\n---\n"
                    "The season holds a 91% score on Rotten Tomatoes, higher than season 1's 84%.\n\n"
                    "Season 2 drew more viewers than season 1.\n", encoding="utf-8")
    seasons = [(s["seasons"], s["src"]) for s in extract(path)["sentences"]]
    assert seasons == [([[2, None, None]], "article"), ([[2, None, None]], "sentence")]


def test_a_list_of_dates_dates_what_its_lead_sentence_names(extract, tmp_path):
    from ...conftest import write_article
    path = write_article(tmp_path, "010-bakery-volumes.md",
                         "# The bakery returns\n\nThe third season will be released in two volumes, Streamly said "
                         "alongside a new trailer.\n\n- **Volume 1** (five episodes): Friday, March 8, 2024\n"
                         "- **Volume 2** (three episodes): Friday, April 5, 2024\n",
                         title="Blue Hour Bakery returns", date="2023-11-02")
    rec = extract(path)
    releases = {f["date"]: (f["status"], f["seasons"]) for f in rec["facts"]
                if f["k"] == "event" and f["event"] == "release"}
    assert releases == {"March 8, 2024": ("scheduled", [[3, 1, None]]), "April 5, 2024": ("scheduled", [[3, 2, None]])}
    assert not any(f["k"] == "event" and f["event"] == "trailer" for f in rec["facts"])


def test_a_table_of_dates_dates_what_its_header_names(extract, tmp_path):
    from ...conftest import write_article
    path = write_article(tmp_path, "011-bakery-table.md",
                         "# How the seasons opened\n\n| Season | Premiere | Opening week |\n|---|---|---|\n"
                         "| Season 1 | September 23, 2022 | 12 million hours |\n| Season 2 | July 14, 2023 | 20 million hours |\n",
                         title="Blue Hour Bakery by the numbers", date="2024-01-10")
    rec = extract(path)
    releases = {f["date"]: (f["status"], f["seasons"]) for f in rec["facts"]
                if f["k"] == "event" and f["event"] == "release"}
    assert releases == {"September 23, 2022": ("released", [[1, None, None]]),
                        "July 14, 2023": ("released", [[2, None, None]])}


def test_it_follows_in_an_article_is_a_plot_sentence(tools):
    # "It follows X and Y as ..." in an article about a season tells that season's story
    from bot.pipeline.extract.topics import topics_of
    assert "plot" in topics_of("It follows Iris and Tobias as their friendship turns into romance.", {}, tools.topics)


def test_the_news_confirmed_on_a_date_dates_the_renewal_of_the_sentence_before(tools, tmp_path):
    from bot.pipeline.articles import parse_article
    from bot.pipeline.extract import extract_article
    text = ("---\ntitle: Thursday renewed\ndate: 2023-09-22\n---\n# Thursday renewed\n\n"
            "Streamly has renewed Thursday for a third season. The streamer confirmed the news on "
            "September 21, 2023, a year after season 2 ended.\n")
    rec = extract_article(parse_article(text, "a.md"), tools)
    dated = [f for f in rec["facts"] if f["k"] == "event" and f["event"] == "renewal" and f.get("date")]
    assert [(f["seasons"][0][0], f["date"]) for f in dated] == [(3, "September 21, 2023")]
