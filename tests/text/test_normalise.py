"""bot.text.normalise: tokens, stems and name keys, shared by articles and questions."""
import pytest

from bot.text.normalise import PhraseMap, is_english, name_key, plain_key, stem, stems, tokens


def test_tokens_fold_case_quotes_possessives_hyphens_and_accents():
    assert tokens("Seol-a\u2019s “Blue Hour” — Café") == ("seol", "a", "blue", "hour", "cafe")
    assert tokens("Thursday's U.S. debut") == ("thursday", "us", "debut")
    assert tokens("Do-hyun's 28.2") == ("do", "hyun", "28", "2")


def test_a_wh_word_contraction_is_not_a_possessive():
    # "what's the show about" keeps its "is": the question's shape depends on it
    assert tokens("What\u2019s the show about? Who's Juniper?") == ("what", "is", "the", "show", "about", "who", "is", "juniper")


@pytest.mark.parametrize("plural,singular", [
    ("episodes", "episode"), ("seasons", "season"), ("stories", "story"), ("zombies", "zombie"),
    ("countries", "country"), ("actresses", "actress"), ("bakeries", "bakery"), ("boxes", "box"),
])
def test_a_plural_and_its_singular_share_a_stem(plural, singular):
    assert stem(plural) == stem(singular)


@pytest.mark.parametrize("forms", [("plays", "played", "playing", "play"), ("wraps", "wrapped", "wrapping", "wrap"),
                                   ("released", "release", "releases")])
def test_verb_forms_share_a_stem(forms):
    assert len({stem(f) for f in forms}) == 1


@pytest.mark.parametrize("word", ["series", "news", "class", "status"])
def test_words_that_only_look_plural_keep_their_s(word):
    assert stem(word).endswith("s")


def test_stems_of_a_text():
    assert stems("New episodes") == [stem("new"), stem("episode")]


@pytest.mark.parametrize("a,b", [
    ("Jung Tae-gyu", "Jeong Tae-kyu"),  # surname custom and g/k
    ("Baek Yu-ri", "Baek Yoo-ri"),  # yu/yoo
    ("Park Jun-seo", "Pak Joon-seo"),  # park/pak, u/oo
    ("Choi Min-ho", "Choe Min-ho"),
    ("Lee Jae-kyoo", "Lee Jae Gyoo"),  # with or without the hyphen
    ("Lim Ha-eun", "Im Ha-eun"),
    ("Seo Ji-wan", "seo jiwan"),
])
def test_name_keys_meet_across_romanisations(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [("Seo Ji-wan", "Seo Ji-won"), ("Nora Fairweather", "Nora Fairwater"),
                                 ("Yoon Seol-a", "Yoon Da-bin")])
def test_name_keys_keep_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_plain_key_joins_words_without_folding_romanisation():
    assert plain_key("Kang Do-hyun") == "kangdohyun"
    assert plain_key("Baek Yoo-ri") != plain_key("Baek Yu-ri")


def test_phrase_map_rewrites_words_then_phrases_longest_first():
    phrases = PhraseMap({"s2": "season 2", "eps": "episodes", "how many episodes": "episode count",
                         "how many": "number of"})
    assert phrases.apply(tokens("eps in s2")) == ["episodes", "in", "season", "2"]
    # "eps" becomes "episodes" first, and the longer phrase then wins over "how many"
    assert phrases.apply(tokens("how many eps")) == ["episode", "count"]
    assert phrases.apply(tokens("how many seasons")) == ["number", "of", "seasons"]


def test_english_words_and_names():
    assert is_english("bakery") and is_english("bakeries") and is_english("thursday")
    assert not is_english("calloway") and not is_english("dohyun")
