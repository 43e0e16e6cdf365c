"""bot.qa.understanding.shows.ShowFinder: which loaded show a question names."""
from bot.qa.understanding.shows import ShowMention, number_after
from bot.text.normalise import tokens


def found(finder, question: str, unknown=None) -> list[str]:
    words = list(tokens(question))
    positions = set(range(len(words))) if unknown else set()
    return [m.show_id for m in finder.find(words, positions)]


def test_a_title_alias_or_initials(finder):
    assert found(finder, "when does blue hour bakery season 3 come out") == ["blue-hour-bakery"]
    assert found(finder, "who directed Blue Hour?") == ["blue-hour-bakery"]
    assert found(finder, "is bhb renewed") == ["blue-hour-bakery"]


def test_a_weekday_title_in_lower_case_is_the_show(finder):
    assert found(finder, "when does thursday season 3 come out") == ["thursday"]
    assert found(finder, "who created thursday") == ["thursday"]


def test_a_weekday_after_a_date_word_is_a_day_not_the_show(finder):
    assert found(finder, "do new episodes come out on thursday") == []
    assert found(finder, "what comes out next thursday") == []


def test_a_weekday_title_after_on_is_the_show_unless_the_question_is_about_airing(finder):
    assert found(finder, "who plays juniper vale on thursday") == ["thursday"]
    assert found(finder, "is lila montrose on thursday") == ["thursday"]
    assert found(finder, "when do new episodes air on thursday") == []


def test_both_shows_in_one_question(finder):
    assert found(finder, "is thursday better than blue hour bakery") == ["thursday", "blue-hour-bakery"]


def test_a_misspelt_title_is_found_only_among_unknown_words(finder):
    assert found(finder, "who directed blu hour bakrey") == []
    assert found(finder, "who directed blu hour bakrey", unknown=True) == ["blue-hour-bakery"]


def test_a_number_right_after_the_title_is_its_season():
    words = list(tokens("blue hour bakery 2 cast"))
    assert number_after(words, ShowMention("blue-hour-bakery", 0, 3)) == 2
    words = list(tokens("blue hour bakery 2 episodes"))
    assert number_after(words, ShowMention("blue-hour-bakery", 0, 3)) is None
