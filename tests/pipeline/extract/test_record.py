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
