"""bot.pipeline.extract.cast: who plays whom, in the wordings news articles use."""
import pytest

from bot.pipeline.articles import parse_article
from bot.pipeline.extract import record
from bot.pipeline.extract.cast import cast_in, cast_in_row, list_status
from bot.pipeline.segment import segment


def credits(text: str) -> list[tuple[str, str, str]]:
    return [(m.actor, m.character, m.status) for m in cast_in(text)]


def cast_facts(body: str, tools) -> list[tuple[str, str, str]]:
    """Cast facts of a whole (tiny) article, names resolved as the build resolves them."""
    rec = record(segment(parse_article("---\ntitle: Thursday news\n---\n" + body, "a.md"), tools.rules), tools)
    return [(f["actor"], f["character"], f["status"]) for f in rec["facts"] if f["k"] == "cast"]


@pytest.mark.parametrize("sentence,expected", [
    ("Nora Fairweather plays Detective Iris Calloway.", ("Nora Fairweather", "Detective Iris Calloway", "plays")),
    ("Lila Montrose portrays Juniper Vale, a ferry pilot.", ("Lila Montrose", "Juniper Vale", "plays")),
    ("Seo Ji-wan plays Kang Do-hyun, a pastry chef who only opens his bakery at dawn.",
     ("Seo Ji-wan", "Kang Do-hyun", "plays")),
    ("Seo Ji-wan returns as Kang Do-hyun.", ("Seo Ji-wan", "Kang Do-hyun", "returns")),
    ("Baek Yoo-ri is back as Yoon Seol-a.", ("Baek Yoo-ri", "Yoon Seol-a", "returns")),
    ("Petra Lindgren joins the cast as Marguerite Vale, Juniper's estranged mother.",
     ("Petra Lindgren", "Marguerite Vale", "joins")),
    ("Marguerite Vale \u2013 played by Petra Lindgren \u2013 arrives in episode three.",
     ("Petra Lindgren", "Marguerite Vale", "plays")),
    ("Desmond Achebe, who portrays Sergeant Tobias Reed, called the finale a gift.",
     ("Desmond Achebe", "Sergeant Tobias Reed", "plays")),
    ("Park Jun-seo will not return as Choi Min-ho.", ("Park Jun-seo", "Choi Min-ho", "leaves")),
    # an actor named with an old credit, then left out of the new season
    ("Park Jun-seo, who played Choi Min-ho, is not part of season 2.", ("Park Jun-seo", "Choi Min-ho", "leaves")),
    ("Park Jun-seo, who played Choi Min-ho, will not appear in the new season.",
     ("Park Jun-seo", "Choi Min-ho", "leaves")),
    ("Park Jun-seo, who played Choi Min-ho, is part of season 2.", ("Park Jun-seo", "Choi Min-ho", "plays")),
    ("Lim Ha-eun will guest star as a character named Yoon Da-bin.", ("Lim Ha-eun", "Yoon Da-bin", "joins")),
    ("Petra Lindgren appears briefly as Marguerite Vale in the trailer.", ("Petra Lindgren", "Marguerite Vale", "plays")),
    ("**Petra Lindgren** plays Marguerite Vale.", ("Petra Lindgren", "Marguerite Vale", "plays")),
    ("Marguerite Vale is played once again by Petra Lindgren.", ("Petra Lindgren", "Marguerite Vale", "plays")),
    ("Joining the cast is Lim Ha-eun as Yoon Da-bin.", ("Lim Ha-eun", "Yoon Da-bin", "joins")),
])
def test_one_credit_per_wording(sentence, expected):
    assert credits(sentence) == [expected]


def test_character_then_actor_in_brackets_is_marked_ambiguous():
    found = cast_in("Joining him are food critic Yoon Seol-a (Baek Yu-ri) and delivery rider Choi Min-ho (Park Jun-seo).")
    assert [(m.actor, m.character, m.ambiguous) for m in found] == [
        ("Baek Yu-ri", "Yoon Seol-a", True), ("Park Jun-seo", "Choi Min-ho", True)]


def test_a_bulleted_x_as_y_is_a_credit_but_such_as_is_not():
    assert credits("Lila Montrose as Juniper Vale") == [("Lila Montrose", "Juniper Vale", "plays")]
    assert credits("The port town is known as Gullhaven.") == []
    assert credits("Dramas such as Harbor Lights did well.") == []


def test_actors_returning_without_characters():
    assert credits("Nora Fairweather, Lila Montrose and Desmond Achebe are all returning.") == [
        ("Nora Fairweather", "", "returns"), ("Lila Montrose", "", "returns"), ("Desmond Achebe", "", "returns")]


def test_two_actors_both_returning():
    assert credits("Seo Ji-wan and Baek Yu-ri are both returning.") == [
        ("Seo Ji-wan", "", "returns"), ("Baek Yu-ri", "", "returns")]


def test_the_next_name_of_a_list_is_no_appositive():
    assert credits("Ines Okafor was nominated for Supporting Actor, and Lila Montrose, who plays Juniper Vale, "
                   "was nominated for Supporting Actress.") == [("Lila Montrose", "Juniper Vale", "plays")]


def test_a_dashed_credit_in_a_cast_list(tools):
    body = "# Title\n\n## The cast\n\n- Lila Montrose - Juniper Vale\n- Desmond Achebe \u2013 Sergeant Tobias Reed\n"
    assert cast_facts(body, tools) == [("Lila Montrose", "Juniper Vale", "plays"),
                                       ("Desmond Achebe", "Sergeant Tobias Reed", "plays")]
    assert cast_facts("# Title\n\n## Key dates\n\n- Lila Montrose - Juniper Vale\n", tools) == []
    assert cast_facts("# Title\n\n## Cast\n\n- **Lila Montrose** - Juniper Vale\n- **Nora Fairweather** as Iris Calloway\n",
                      tools) == [("Lila Montrose", "Juniper Vale", "plays"), ("Nora Fairweather", "Iris Calloway", "plays")]


def test_a_row_that_says_returning_is_a_return_whatever_its_heading(tools):
    body = ("# Title\n\n## Returning and new cast\n\n| Actor | Character | Notes |\n|---|---|---|\n"
            "| Lila Montrose | Juniper Vale | Returning |\n| Ines Okafor | Wren Hollis | A lighthouse keeper |\n")
    assert cast_facts(body, tools) == [("Lila Montrose", "Juniper Vale", "returns"), ("Ines Okafor", "Wren Hollis", "joins")]


def test_actors_not_coming_back_are_leaving():
    assert credits("Seo Ji-wan and Baek Yu-ri will not be back, as both characters died.") == [
        ("Seo Ji-wan", "", "leaves"), ("Baek Yu-ri", "", "leaves")]
    assert credits("Nora Fairweather and Lila Montrose will return for season 3.") == [
        ("Nora Fairweather", "", "returns"), ("Lila Montrose", "", "returns")]


def test_a_credit_for_another_work_is_not_a_cast_fact():
    assert credits("Lila Montrose played Juniper Vale in the 2009 film.") == []


def test_table_rows_with_actor_and_character_columns():
    assert cast_in_row(("Nora Fairweather", "Detective Iris Calloway, a night-shift detective"),
                       ("Actor", "Character")) == ("Nora Fairweather", "Detective Iris Calloway")
    assert cast_in_row(("Juniper Vale", "Lila Montrose"), ("Role", "Played by")) == ("Lila Montrose", "Juniper Vale")
    assert cast_in_row(("Nora Fairweather", "Kestrel Bay"), ("Name", "Hometown")) is None


@pytest.mark.parametrize("context,status", [
    ("Returning for season 2:", "returns"), ("Who is coming back", "returns"),
    ("New faces this season:", "joins"), ("Newcomers", "joins"), ("The cast of season 2:", "plays"),
])
def test_a_list_takes_its_status_from_the_line_that_introduces_it(context, status):
    assert list_status(context) == status


def test_a_pronoun_is_the_person_named_just_before(tools):
    body = "Petra Lindgren is a stage veteran. She plays Marguerite Vale, Juniper's mother.\n"
    assert cast_facts(body, tools) == [("Petra Lindgren", "Marguerite Vale", "plays")]


def test_a_surname_is_the_full_name_the_article_gave(tools):
    body = "Nora Fairweather leads the cast. Fairweather plays Detective Iris Calloway.\n"
    assert cast_facts(body, tools) == [("Nora Fairweather", "Detective Iris Calloway", "plays")]


def test_descriptors_before_a_name_are_not_part_of_it(tools):
    body = "Newcomer Lim Ha-eun joins the cast as Yoon Da-bin, Seol-a's younger sister.\n"
    assert cast_facts(body, tools) == [("Lim Ha-eun", "Yoon Da-bin", "joins")]


def test_a_pronoun_is_the_person_named_earlier_in_the_same_sentence(tools):
    body = ("Filming is scheduled to start in Kestrel Bay this autumn. "
            "Desmond Achebe has confirmed he will not return as Sergeant Tobias Reed.\n")
    assert cast_facts(body, tools) == [("Desmond Achebe", "Sergeant Tobias Reed", "leaves")]


@pytest.mark.parametrize("sentence,expected", [
    ("Nora Fairweather and Desmond Achebe will return as Iris and Tobias, and Ada Vale is back as director.",
     [("Nora Fairweather", "Iris", "returns"), ("Desmond Achebe", "Tobias", "returns")]),
    ("Lila Montrose and Kit Harlow play Juniper and Wren.",
     [("Lila Montrose", "Juniper", "plays"), ("Kit Harlow", "Wren", "plays")]),
])
def test_two_actors_and_two_characters_pair_in_order(sentence, expected):
    assert credits(sentence) == expected
