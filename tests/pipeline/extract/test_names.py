"""bot.pipeline.extract.names: people's names in sentences, and short names resolved."""
from bot.pipeline.extract.names import ArticleNames, clean, find_names


def names(text: str, **kw) -> list[str]:
    return [n.text for n in find_names(text, **kw)]


def test_names_are_runs_of_capitalised_words_trimmed_of_ordinary_ones():
    assert names("Newcomer Lim Ha-eun joins Seo Ji-wan in Thursday's second season.") == [
        "Lim Ha-eun", "Seo Ji-wan", "Thursday"]


def test_a_possessive_ends_a_name():
    assert names("Petra Lindgren's Marguerite Vale arrives.") == ["Petra Lindgren", "Marguerite Vale"]


def test_a_weekday_after_a_date_word_is_no_name():
    assert names("New episodes arrive every Thursday, says Nora Fairweather.") == ["Nora Fairweather"]
    assert "Thursday" in names("Streamly renewed Thursday.")


def test_masked_titles_are_no_names():
    text = "Lila Montrose starred in *Harbor Lights* before."
    assert names(text, masked=[(text.index("*"), text.rindex("*") + 1)]) == ["Lila Montrose"]


def test_clean_drops_descriptors_and_refuses_organisations_and_shouting():
    assert clean("Veteran Petra Lindgren") == "Petra Lindgren"
    assert clean("Actress Baek Yu-ri's") == "Baek Yu-ri"
    assert clean("Streamly Studios") is None
    assert clean("ADVERTISEMENT") is None
    assert clean("The Netflix") is None


def test_short_names_expand_to_the_full_name_the_article_gave():
    article = ArticleNames()
    article.see(0, find_names("Nora Fairweather leads the cast."))
    article.see(1, find_names("Juniper Vale is her niece."))
    assert article.expand("Fairweather", 2) == "Nora Fairweather"
    assert article.expand("Juniper", 2) == "Juniper Vale"
    assert article.expand("Reed", 2) == "Reed"  # never named in full: left as it is
    assert article.previous_person(2) == "Juniper Vale"


def test_will_inside_a_sentence_before_a_name_is_a_given_name():
    assert names("Desmond Achebe returns as Will Fairweather.") == ["Desmond Achebe", "Will Fairweather"]
    assert "Will Streamly" not in names("Will Streamly renew it?")  # the modal opens the sentence
    assert "Will Return" not in " ".join(names("The Bakery Will Return"))  # a headline's verb
