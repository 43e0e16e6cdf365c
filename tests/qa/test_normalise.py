import pytest

from bot.qa.normalise import PhraseMap, fold, name_key, plain_key, tokens


def test_tokens():
    assert tokens("Nam-ra's friends") == ["nam", "ra", "friends"]
    assert tokens("Who’s “Lomon”?") == ["who", "lomon"]  # possessive-looking "’s" dropped
    assert tokens("Pokémon") == ["pokemon"]
    assert tokens("") == []
    assert tokens("\u200b\u200f🧟") == []


def test_fold():
    assert fold("ＡＢＣ – “x”") == 'abc - "x"'


@pytest.mark.parametrize("a,b", [
    ("Lee Jae-kyoo", "Lee Jae Gyoo"),
    ("Lee Yoo-mi", "Lee You-mi"),
    ("Im Jae-hyuk", "Lim Jae-hyeok"),
    ("Cho Yi-hyun", "Cho Yi-Hyun"),
    ("Kim Bo-yoon", "Kim Bo-Yoon"),
])
def test_romanisation_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Park Ji-hu", "Cho Yi-hyun"), ("Lee Su-hyeok", "Lee Cheong-san"),
                                 ("Nam On-jo", "Nam So-ju"), ("Kim Byung-chul", "Kim Bo-yoon")])
def test_different_people_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_plain_key():
    assert plain_key("Nam-ra") == "namra" == plain_key("nam ra")


def test_phrase_map_longest_first():
    pm = PhraseMap({"s2": "season 2", "all of us are dead": "show", "eps": "episodes"})
    assert pm.apply(tokens("when is s2 of all of us are dead")) == ["when", "is", "season", "2", "of", "show"]
    assert pm.apply(tokens("how many eps")) == ["how", "many", "episodes"]
    assert pm.apply([]) == []
