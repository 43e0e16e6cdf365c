"""bot.qa.understanding.people.PeopleLinker: the people a question names, however it spells them."""
import pytest

from bot.qa.understanding.people import PeopleLinker
from bot.text.normalise import tokens


@pytest.fixture(scope="module")
def thursday(thursday_knowledge):
    return PeopleLinker(thursday_knowledge.people)


@pytest.fixture(scope="module")
def bakery(bakery_knowledge):
    return PeopleLinker(bakery_knowledge.people)


def link(linker, question: str, capitalised=()) -> list[str]:
    words = list(tokens(question))
    common = {"who", "plays", "does", "play", "is", "the", "a", "in", "what", "role"}
    return [l.person.name for l in linker.link(words, set(), set(capitalised), common)]


@pytest.mark.parametrize("question,name", [
    ("who plays iris calloway", "Detective Iris Calloway"),
    ("who plays iris calowey", "Detective Iris Calloway"),
    ("who plays detective iris calloway", "Detective Iris Calloway"),
    ("nora fairwether", "Nora Fairweather"),
    ("who does petra lindgren play", "Petra Lindgren"),
])
def test_western_names_with_typos(thursday, question, name):
    assert link(thursday, question) == [name]


@pytest.mark.parametrize("question,name", [
    ("kang do-hyun", "Kang Do-hyun"),
    ("kang dohyun", "Kang Do-hyun"),
    ("dohyun", "Kang Do-hyun"),
    ("baek yoo ri", "Baek Yu-ri"),
    ("pak joon seo", "Park Jun-seo"),
    ("choe min ho", "Choi Min-ho"),
    ("jung tae gyu", "Jeong Tae-kyu"),
    ("lim haeun", "Lim Ha-eun"),
])
def test_korean_names_across_romanisations(bakery, question, name):
    assert link(bakery, question) == [name]


def test_two_people_in_one_question(bakery):
    assert link(bakery, "who plays kang do-hyun and choi min-ho") == ["Kang Do-hyun", "Choi Min-ho"]


def test_blocked_words_are_not_names(bakery):
    words = list(tokens("seo ji-wan"))
    assert bakery.link(words, {0, 1, 2}, set(), set()) == []


def test_autocomplete_offers_characters_and_actors(bakery):
    assert bakery.complete("kan", 5)[0] == "Kang Do-hyun"  # prefix matches first, then fuzzy ones
    assert "Baek Yu-ri" in bakery.complete("baek", 5)
    assert "Jeong Tae-kyu" not in bakery.complete("jeong", 5)  # crew is not offered
    assert len(bakery.complete("", 3)) == 3


def test_a_character_without_the_rank_they_are_credited_with(thursday):
    assert link(thursday, "who plays tobias reed") == ["Sergeant Tobias Reed"]


def test_a_character_by_first_name(thursday):
    assert link(thursday, "who plays Juniper", capitalised={"juniper"}) == ["Juniper Vale"]


def test_a_given_name_beside_another_name_is_someone_else(thursday):
    assert link(thursday, "who plays Juniper Smith", capitalised={"juniper", "smith"}) == []
    assert link(thursday, "who plays juniper vael") == ["Juniper Vale"]  # the whole name, misspelt


def test_a_family_name_alone_names_the_one_character_with_it(thursday_knowledge):
    from bot.qa.understanding.people import given_names
    linker = PeopleLinker(thursday_knowledge.people, given_names_ordinary := frozenset())
    assert link(linker, "who plays calloway") == ["Detective Iris Calloway"]
    assert link(linker, "who plays vale") == []  # Juniper and Marguerite Vale share it
    assert ("reed", next(p.id for p in thursday_knowledge.people.values() if p.name == "Sergeant Tobias Reed")) in \
        given_names(thursday_knowledge.people, given_names_ordinary)


def test_a_name_beside_a_name_is_one_even_if_it_is_also_a_word(thursday_knowledge):
    linker = PeopleLinker(thursday_knowledge.people)
    words = list(tokens("whos playing juniper and reed"))
    common = {"whos", "playing", "and"}
    assert [l.person.name for l in linker.link(words, set(), set(), common)] == ["Juniper Vale", "Sergeant Tobias Reed"]
