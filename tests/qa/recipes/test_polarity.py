"""bot.qa.recipes.yesno.polarity: yes, no or not yet, from the clause that holds the question's words."""
import pytest

from bot.qa.recipes.yesno import polarity, start_ahead


@pytest.mark.parametrize("sentence,anchors,verdict", [
    ("Streamly has renewed Thursday for a third and final season.", ["renewed"], "yes"),
    ("Park Jun-seo will not return as Choi Min-ho.", ["return"], "no"),
    ("Kovi has not yet renewed Blue Hour Bakery for a fourth season.", ["renewed"], "not_yet"),
    ("Streamly has yet to announce a date.", ["date"], "not_yet"),
    ("Filming has not started, but the cast is confirmed.", ["cast"], "yes"),
    ("Filming wrapped; nobody said it was not a success.", ["filming"], "yes"),  # the other clause's "not"
])
def test_polarity_of_the_clause_with_the_question_words(sentence, anchors, verdict):
    assert polarity(sentence, anchors) == verdict


@pytest.mark.parametrize("sentence,anchors,verdict", [
    ("Streamly says Thursday has not been cancelled.", ["cancelled"], "no"),
    ("Streamly says Thursday has not been cancelled.", ["canceled"], "no"),
    ("Desmond Achebe is leaving the show.", ["leave", "show"], "yes"),
    ("Desmond Achebe is leaving the show.", ["returning"], "no"),  # asked the other way round
])
def test_a_negative_word_that_is_the_question_itself(sentence, anchors, verdict):
    assert polarity(sentence, anchors) == verdict


@pytest.mark.parametrize("sentence,ahead", [
    ("Filming is scheduled to start in Kestrel Bay this autumn.", True),
    ("Filming on season 2 is set to begin in Kestrel Bay in June 2023.", True),
    ("Cameras will roll in Dublin next spring.", True),
    ("Filming began in Dublin in May and will continue until October.", False),
    ("Production on the third season is underway near Dublin.", False),
])
def test_a_start_still_ahead(sentence, ahead):
    assert start_ahead(sentence) is ahead
