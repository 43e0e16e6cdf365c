"""bot.qa.understanding.intents: question types as data, matched fuzzily."""
import pytest

from bot.qa.recipes import RECIPES
from bot.qa.understanding.intents import phrase_words
from bot.text.normalise import tokens


def test_every_question_type_has_a_registered_recipe_and_an_example(matcher):
    assert matcher.intents
    for intent in matcher.intents:
        assert intent.recipe in RECIPES, intent.name
        assert intent.example and intent.phrasings, intent.name


def test_every_phrasing_ranks_its_own_question_type_first(matcher, lexicon):
    for intent in matcher.intents:
        for phrasing in intent.phrasings:
            top = matcher.rank(phrase_words(phrasing, lexicon.phrases))[0]
            assert top.intent.family == intent.family, (phrasing, top.intent.name)


def test_phrasing_words_are_stems_and_slots(lexicon):
    assert phrase_words("who plays {character} in {season}", lexicon.phrases) == [
        "who", "plai", "<character>", "in", "<season>"]


@pytest.mark.parametrize("question,intent", [
    ("who's playing {character} now", "who_plays"),
    ("wat role does {actor} have", "actor_role"),
    ("when is {show} {season} comin out", "release"),
    ("has {show} been renewed yet", "renewal"),
    ("how many eps in {season}", "episodes"),
    ("who was the director of {show}", "director"),
    ("where did they film it", "filming"),
    ("where can i stream {show}", "watch"),
    ("what is the story of {season} going to be", "plot"),  # "going to" is "will": the future season
    ("when did netflix greenlight {season}", "renewal"),
    ("is there a {season}", "renewal"),
    ("has netflix officially picked up {show} for {season}", "renewal"),  # "picked up": ordered
    ("how long did it stay in the top ten", "viewership"),
    ("what position did it reach in the US top 10", "viewership"),
    ("whats the webtoon called", "source"),
    ("has {season} finished filming yet", "filming"),
    ("how long did the shoot take", "filming"),
    ("whats the name of the school", "setting"),
    ("how many households watched {season} in its first 28 days", "viewership"),  # a count of viewers
    ("how many hours did {season} get in its first week", "viewership"),
    ("who is {character} really", "who_is"),  # a secret identity, not the actor
])
def test_questions_in_other_words_find_their_type(matcher, lexicon, question, intent):
    ranked = matcher.rank(phrase_words(question, lexicon.phrases))
    assert ranked[0].intent.name == intent and ranked[0].score >= 0.45


def test_nothing_in_common_ranks_nothing(matcher):
    assert matcher.rank([]) == []
    assert all(m.score < 0.45 for m in matcher.rank(["zeppelin", "quasar"]))


def test_a_type_asked_with_another_wh_word_is_counted_down(matcher, lexicon):
    # the watch type is asked with "where"; "when can I watch season 2" wants a date
    words = phrase_words("when can i watch {season}", lexicon.phrases)
    plain = {m.intent.name: m.score for m in matcher.rank(words)}
    typed = {m.intent.name: m.score for m in matcher.rank_for(words, "when")}
    assert typed["watch"] < plain["watch"] and typed["release"] == plain["release"]
    assert matcher.rank_for(words, "when")[0].intent.name == "release"


def test_any_idea_asks_rather_than_names_an_idea(lexicon):
    # "any idea what the storyline is": chat for "do you know", not a question about ideas
    assert "idea" not in lexicon.phrases.apply(tokens("any idea what the storyline is gonna be"))


def test_top_ten_in_words_is_the_chart(lexicon):
    # "the top ten" is the chart, not the number ten ("Ten years is sufficient time")
    assert lexicon.phrases.apply(tokens("in the top ten")) == ["in", "the", "top", "10"]
