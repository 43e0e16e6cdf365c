"""bot.qa.understanding.reader: a question -> its show, season, people, content words and
the kind of answer it expects."""
import pytest
from bot.text.normalise import stem


@pytest.mark.parametrize("question,season,part,relative", [
    ("when does s2 come out", 2, None, None),
    ("when is the third season coming out", 3, None, None),
    ("when does season three come out", 3, None, None),
    ("when does part 2 of season 2 come out", 2, 2, None),
    ("when does part 2 come out", None, 2, None),
    ("when is the next season coming out", None, None, "next"),
    ("when does the final season come out", None, None, "final"),
    ("when does blue hour bakery 2 come out", 2, None, None),  # a number right after the title
])
def test_the_season_asked_about(read, question, season, part, relative):
    q = read(question)
    assert (q.season, q.part, q.relative) == (season, part, relative)


def test_several_seasons(read):
    assert read("how many episodes are in seasons 2 and 3").seasons == [2, 3]


def test_the_show_named_by_its_name_alias_or_initials(read):
    for question in ("who directed blue hour bakery", "who directed Blue Hour", "who directed bhb"):
        q = read(question)
        assert q.show_named and "<show>" in q.slots, question
    assert not read("who directed it").show_named


@pytest.mark.parametrize("question,slot,name", [
    ("who plays Kang Do-hyun?", "<character>", "Kang Do-hyun"),
    ("who plays kang dohyun", "<character>", "Kang Do-hyun"),
    ("who plays do hyun", "<character>", "Kang Do-hyun"),
    ("who does baek yoo ri play", "<actor>", "Baek Yu-ri"),
    ("what role does Pak Joon-seo play", "<actor>", "Park Jun-seo"),
    ("who is jung tae kyu", "<crew>", "Jeong Tae-kyu"),
])
def test_people_become_slots_whatever_the_spelling(read, question, slot, name):
    q = read(question)
    assert [p.name for p in q.people] == [name] and slot in q.slots


@pytest.mark.parametrize("question,expects,wh", [
    ("who directed it", "person", "who"),
    ("when does season 3 come out", "date", "when"),
    ("what year did it come out", "date", "what"),
    ("where was it filmed", "place", "where"),
    ("how many episodes are there", "number", "how many"),
    ("how much did season 2 cost", "money", "how much"),
    ("which webtoon is it based on", "title", "which"),
    ("what's the name of the apartment building", "title", "what"),  # a name, not a description
])
def test_the_kind_of_answer_expected(read, question, expects, wh):
    q = read(question)
    assert (q.expects, q.wh, q.yesno) == (expects, wh, False)


@pytest.mark.parametrize("question", ["is blue hour bakery renewed for season 3", "has filming started",
                                      "did season 2 come out", "will Seo Ji-wan return", "Is there a season 3?"])
def test_yes_no_questions(read, question):
    assert read(question).yesno


def test_content_words_are_stems_without_question_words(read):
    q = read("how many viewing hours did it log in its first month")
    assert {"view", "hour", "log", "month"} <= set(q.terms)
    assert not {"how", "did", "it", "in"} & set(q.terms)


def test_a_misspelt_word_is_corrected_against_the_articles(read):
    q = read("how many vewing hours did it get")
    assert "viewing" in q.words


def test_names_no_article_uses_are_unknown(read):
    assert "quill" in read("who plays Zanzibar Quill?").unknown


def test_another_work_the_articles_name(read):
    q = read("when does midnight tailor season 2 come out")
    assert q.other_titles == ["Midnight Tailor"] and not q.show_named
    assert read("When does Harbor Lights season 4 come out?", "thursday").other_titles == ["Harbor Lights"]


def test_a_persons_possessive_asks_about_something_of_theirs(read):
    q = read("what is Seo Ji-wan's birthday")
    assert "birthdai" in q.relation_terms or "birthday" in q.relation_terms


def test_a_name_syllable_that_is_also_slang_is_still_a_name(read):
    assert [p.name for p in read("who plays Yoon Da-bin?").people] == ["Yoon Da-bin"]


def test_a_given_name_ending_in_a_one_letter_syllable(read):
    assert [p.name for p in read("who plays Seol-a?").people] == ["Yoon Seol-a"]


def test_a_possessive_after_a_given_name_alone(read):
    q = read("Who plays Juniper's mother?", "thursday")
    assert [p.name for p in q.people] == ["Juniper Vale"] and "mother" in q.relation_terms


def test_an_unknown_thing_after_a_determiner_is_what_is_asked(read):
    # "rack" is only the verb around what is asked; "a poem" is the thing asked for, and no
    # answer without it will do
    assert "rack" in read("how many hours did it rack up in its first month").soft
    assert "poem" not in read("write me a poem about the bakery").soft


@pytest.mark.parametrize("question", ["what's the show about", "whats the bakery about", "what is it about"])
def test_what_a_show_is_about_expects_a_description(read, question):
    assert read(question).expects is None


@pytest.mark.parametrize("question,expects", [("which school does it take place in", "place"),
                                              ("what city is the bakery in", "place"),
                                              ("which episode has the fire", "title")])
def test_which_place_expects_a_place(read, question, expects):
    assert read(question).expects == expects


def test_the_kind_of_place_asked_for_is_not_a_word_to_find(read):
    # "what country was it filmed in": a country's name answers; "Kansas City Scalper" does not
    q = read("what country was the bakery filmed in")
    assert q.expects == "place" and "countri" not in q.terms


def test_a_season_before_the_wh_word_is_background(read):
    assert read("I just finished season 1, when does season 2 come out?").season == 2
    assert read("when does season 2 come out? I loved season 1").season == 2


def test_the_name_of_a_thing_asks_for_the_thing(read):
    # "name" is how the question asks, not a word to find ("name" would meet "Nam-ra")
    q = read("what is the name of the school")
    assert q.expects == "place" and "nam" not in q.terms and "name" not in q.terms


def test_what_a_question_asks_about_that_no_article_uses_is_unknown_however_ordinary(read):
    assert read("how many episodes does dark have").unknown == ["dark"]
    assert read("how many episodes does the lighthouse keepers have").unknown == ["lighthouse", "keepers"]
    for question in ("how many episodes does season 2 have", "how many episodes does it have",
                     "how many episodes does blue hour bakery have", "how many episodes does the show have"):
        assert read(question).unknown == [], question


def test_a_kind_of_thing_qualifies_what_is_asked(read):
    # "new kinds of monsters": the monsters are asked about; "kind" (or "type") need not be
    # in the answer, and a sentence saying "what kind of choices" is not nearer for it
    q = read("will we see new kinds of pastries next season")
    assert stem("kinds") in q.soft and stem("pastries") not in q.soft
    assert stem("famous") in read("what song is the famous dance set to").soft


def test_contractions_without_the_apostrophe_are_chat(read):
    # "i'm wondering" reads as "im wondering": nothing an answer must hold
    q = read("i just finished season 1 and i'm wondering who plays kang do-hyun")
    assert "im" not in q.terms and "ive" not in read("i've been wondering who plays kang do-hyun").terms
