"""bot.qa.knowledge.assemble: one show's records and people -> typed facts per season and
indexes, with what needs the whole show settled (the final season, season 1's unseasoned
release, which side of "Y (X)" is the actor, other works' titles)."""
from bot.qa.knowledge import ShowKnowledge

from .conftest import person


def names(k: ShowKnowledge, ids) -> set[str]:
    return {k.people[i].name for i in ids}


def test_the_show_and_its_articles(thursday_knowledge, bakery_knowledge):
    assert thursday_knowledge.show.name == "Thursday" and thursday_knowledge.show.platform is None
    assert bakery_knowledge.show.names() == ("Blue Hour Bakery", "Blue Hour", "BHB")
    assert [a.date for a in thursday_knowledge.articles] == ["2023-02-20", "2023-04-12", "2024-01-15", "2024-05-20"]


def test_seasons_and_the_final_one(thursday_knowledge, bakery_knowledge):
    assert thursday_knowledge.seasons == {1, 2, 3} and thursday_knowledge.final_season == 3
    assert bakery_knowledge.seasons == {1, 2, 3} and bakery_knowledge.final_season is None
    assert thursday_knowledge.released_seasons() == {1, 2}
    assert bakery_knowledge.released_seasons() == {1, 2}


def test_release_events_per_season_and_part(thursday_knowledge, bakery_knowledge):
    def releases(k):
        return {(e.season, e.part, e.status, e.date) for e in k.events if e.event == "release"}
    assert {(1, None, "released", "February 16, 2023"), (2, None, "estimate", "early 2024"),
            (2, None, "scheduled", "March 7, 2024"), (2, None, "released", "March 7, 2024"),
            (3, None, "unannounced", None)} <= releases(thursday_knowledge)
    assert {(2, 1, "scheduled", "July 14, 2023"), (2, 2, "scheduled", "August 4, 2023"),
            (2, 2, "released", "August 4, 2023"), (3, None, "unannounced", None)} <= releases(bakery_knowledge)


def test_a_release_no_sentence_dates_with_a_season_is_the_first_seasons(bakery_knowledge):
    first = [e for e in bakery_knowledge.events if e.event == "release" and e.season == 1]
    assert {(e.status, e.date) for e in first} == {("scheduled", "September 23, 2022"),
                                                   ("released", "September 23, 2022")}
    assert any(e.weak for e in first)  # the season was inferred, not written


def test_renewals_per_season(thursday_knowledge):
    renewed = {e.season for e in thursday_knowledge.events if e.event == "renewal" and e.status == "renewed"}
    assert renewed == {2, 3}


def test_cast_facts_link_people_with_status_and_season(thursday_knowledge):
    k = thursday_knowledge
    petra = person(k, "Petra Lindgren", "actor")
    [joins] = [f for f in k.cast if f.actor == petra]
    assert (names(k, [joins.character]), joins.status, joins.seasons) == ({"Marguerite Vale"}, "joins", (2,))


def test_character_then_actor_in_brackets_is_read_the_right_way_round(thursday_knowledge):
    k = thursday_knowledge
    brackets = [f for f in k.cast if "(Nora Fairweather)" in f.sentence.text]
    assert [(k.people[f.actor].name, k.people[f.character].name) for f in brackets] == [
        ("Nora Fairweather", "Detective Iris Calloway"), ("Lila Montrose", "Juniper Vale")]


def test_spellings_of_one_person_are_one_person(bakery_knowledge):
    k = bakery_knowledge
    assert person(k, "Baek Yoo-ri") == person(k, "Baek Yu-ri") == person(k, "baek yu ri")
    assert person(k, "Jung Tae-gyu") == person(k, "Jeong Tae-kyu")
    assert k.people[person(k, "Jeong Tae-kyu")].roles == ["director"]


def test_a_character_is_found_by_the_given_name_alone(bakery_knowledge):
    assert person(bakery_knowledge, "Do-hyun") == person(bakery_knowledge, "Kang Do-hyun")


def test_the_shows_title_is_never_a_person(thursday_knowledge, bakery_knowledge):
    assert not thursday_knowledge.person_ids("Thursday")
    assert not bakery_knowledge.person_ids("Blue Hour Bakery")


def test_sentences_by_person(bakery_knowledge):
    k = bakery_knowledge
    texts = [s.text for s in k.by_person[person(k, "Seo Ji-wan")]]
    assert "Seo Ji-wan returns as Kang Do-hyun, and Baek Yoo-ri is back as Yoon Seol-a." in texts
    assert "Seo Ji-wan as Kang Do-hyun" in texts


def test_episode_counts_per_season(thursday_knowledge, bakery_knowledge):
    assert {(f.season, f.count) for f in thursday_knowledge.episodes} == {(1, 8), (2, 10)}
    assert (2, 8) in {(f.season, f.count) for f in bakery_knowledge.episodes}


def test_other_works_named_in_the_articles(thursday_knowledge, bakery_knowledge):
    assert thursday_knowledge.other_titles == {"harbor lights": "Harbor Lights", "undertow": "Undertow",
                                               "salt road": "Salt Road", "glass": "Glass"}
    assert bakery_knowledge.other_titles == {"midnight tailor": "Midnight Tailor"}


def test_sentences_know_their_seasons(thursday_knowledge):
    by_text = {s.text: s for s in thursday_knowledge.sentences}
    assert by_text["Streamly has not announced a release date for season 3."].seasons == ((3, None),)
    # a season 1 review names no season in this sentence: written before any later season, it is season 1's
    created = next(s for t, s in by_text.items() if t.startswith("Created by Maren Holt"))
    assert created.seasons == ((1, None),) and created.season_source in ("early", "article")


def test_every_sentence_is_indexed_with_its_stems(thursday_knowledge):
    k = thursday_knowledge
    assert k.index.size == len(k.sentences)
    assert k.vocabulary["renew"] == 2 and k.idf("renew") > k.idf("season")
    assert "calloway" in k.surface


def test_a_sentence_dating_a_seasons_release_is_about_that_season(copy_show, language, lexicon):
    from ..conftest import THURSDAY
    from .conftest import knowledge_of
    folder = copy_show(THURSDAY)
    (folder / "005-thursday-season-3-preview.md").write_text(
        "---\ntitle: Thursday Season 3 Preview\npublisher: Screenline\ndate: 2024-06-01\n---\n"
        "After its premiere in March 2024, the show reached the top 10 in 30 countries.\n", encoding="utf-8")
    k = knowledge_of(folder, language, lexicon)
    s = next(s for s in k.sentences if s.text.startswith("After its premiere"))
    # the article is about season 3, but March 2024 is when season 2 came out
    assert s.seasons == ((2, None),) and s.season_source == "dated"
    assert {e.season for e in k.events if e.sentence is s} == {2}


def test_a_parts_episode_count_is_not_the_seasons(language, lexicon, tmp_path):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = tmp_path / "thursday"
    write_article(folder, "001-volumes.md",
                  "# Thursday returns\n\nThe second season of Thursday will arrive in two volumes:\n\n"
                  "- **Volume 1:** Friday, May 10, 2024 (six episodes)\n- **Volume 2:** Friday, June 7, 2024 (two episodes)\n\n"
                  "The season has eight episodes in all.\n",
                  title="Thursday season 2 arrives in two volumes", date="2024-01-10")
    k = knowledge_of(folder, language, lexicon)
    assert {(e.season, e.part, e.date) for e in k.events if e.event == "release"} == {
        (2, 1, "May 10, 2024"), (2, 2, "June 7, 2024")}
    assert [(f.count, f.total) for f in k.episodes] == [(8, False)]  # not 6 or 2


def test_a_title_naming_the_season_with_the_shows_name_dates_the_articles_facts(language, lexicon, copy_show):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = copy_show()
    write_article(folder, "009-cast-guide.md", "# Who's who\n\nLila Montrose is back as Juniper Vale, older and wiser.\n",
                  title="Thursday 3 Cast and Character Guide", date="2024-06-01")
    k = knowledge_of(folder, language, lexicon)
    facts = [f for f in k.cast if f.sentence.article.name == "009-cast-guide.md"]
    assert [(k.people[f.actor].name, f.seasons, f.weak) for f in facts] == [("Lila Montrose", (3,), True)]


def test_a_name_in_brackets_in_a_cast_table_is_another_name_of_the_same_person(language, lexicon, copy_show):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = copy_show()
    write_article(folder, "009-table.md",
                  "# Who's who\n\n| Actor | Character |\n|---|---|\n| Desmond Achebe (D.A.) | Sergeant Tobias Reed |\n"
                  "| Lila Montrose | Juniper Vale (Junie Hale) |\n",
                  title="Thursday cast guide", date="2024-06-01")
    k = knowledge_of(folder, language, lexicon)
    assert k.people[person(k, "D.A.")].name == "Desmond Achebe"
    assert k.people[person(k, "Junie Hale")].name == "Juniper Vale"  # the bracketed name is never the canonical one


def test_a_final_chapter_earlier_than_a_season_the_articles_name_is_no_final_season(language, lexicon, tmp_path):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = tmp_path / "thursday"
    write_article(folder, "001-season-3.md",
                  "# Thursday season 3 tops the chart\n\nThe third season of Thursday debuted at No. 1.\n\n"
                  "Composer Ada Vale, who scored seasons 1 and 2, returned for the final chapter.\n",
                  title="Thursday season 3 tops the chart", date="2025-10-01")
    k = knowledge_of(folder, language, lexicon)
    assert k.final_season is None  # season 3 exists: neither 1 nor 2 can be the last


def test_a_part_named_alone_is_a_part_of_the_season_before_it_or_the_articles(language, lexicon, tmp_path):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = tmp_path / "thursday"
    write_article(folder, "001-parts.md",
                  "# Two parts\n\nStreamly is splitting the third season of Thursday in two.\n\n"
                  "Part 1 will premiere on May 16, 2024, and Part 2 will follow on June 13, 2024.\n\n"
                  "Season 4 Part 1 will premiere on January 29, 2026, and Part 2 on February 26, 2026.\n",
                  title="Thursday season 3 will be split into two parts", date="2023-12-06")
    k = knowledge_of(folder, language, lexicon)
    assert {(e.season, e.part, e.date) for e in k.events if e.event == "release" and e.date} >= {
        (3, 1, "May 16, 2024"), (3, 2, "June 13, 2024"), (4, 1, "January 29, 2026"), (4, 2, "February 26, 2026")}


def test_a_name_seen_only_opening_a_sentence_is_not_counted_as_lower_case(language, lexicon, tmp_path):
    from ..conftest import write_article
    from .conftest import knowledge_of
    folder = tmp_path / "thursday"
    write_article(folder, "001-cast.md",
                  "# Cast\n\n| Actor | Character |\n| --- | --- |\n| Nora Fairweather | Iris Calloway |\n\n"
                  "Calloway, the detective, solves the case.\n",
                  title="Thursday cast guide", date="2023-01-05")
    k = knowledge_of(folder, language, lexicon)
    assert "calloway" in k.proper or "callowai" in k.proper, sorted(k.proper)
