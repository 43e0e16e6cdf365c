"""The recipes on their own: each phrases only facts the articles state, per season and part,
and gives nothing when there is nothing."""
def test_who_plays(cook):
    draft = cook("blue-hour-bakery", "who_plays", "who plays Kang Do-hyun")
    assert draft.text == "Seo Ji-wan plays Kang Do-hyun."
    assert all("Kang Do-hyun" in s.text for s in draft.sentences)


def test_who_plays_a_character_nobody_is_credited_for_is_nothing(cook):
    assert cook("blue-hour-bakery", "who_plays", "who plays the baker") is None


def test_actor_role(cook):
    draft = cook("thursday", "actor_role", "who does Petra Lindgren play")
    assert draft.text == "Petra Lindgren plays Marguerite Vale."


def test_release_per_part(cook):
    # the show's newest article is later than July 14, 2023: the date announced has passed
    assert cook("blue-hour-bakery", "release", "when does it come out", season=2, part=1).text == \
        "Part 1 of season 2 came out on July 14, 2023."
    assert cook("blue-hour-bakery", "release", "when does it come out", season=2, part=2).text == \
        "Part 2 of season 2 came out on August 4, 2023."


def test_release_with_no_date_yet_and_estimates(cook):
    draft = cook("thursday", "release", "when does it come out", season=3)
    assert draft.text == "As of May 20, 2024, no release date has been announced for season 3."
    assert cook("thursday", "release", "when does it come out", season=7) is None


def test_renewal_past_the_final_season(cook):
    draft = cook("thursday", "renewal", "will there be another season", season=4)
    assert draft.text.startswith("No. Season 3 is the final season.")


def test_is_this_the_last_season(cook):
    assert cook("thursday", "renewal", "is season 3 the last season", season=3).text.startswith(
        "Yes. Season 3 is the final season.")
    assert cook("thursday", "renewal", "is season 2 the final season", season=2).text.startswith(
        "No. Season 3 is the final season.")


def test_episodes_per_season(cook):
    assert cook("thursday", "episodes", "how many episodes", season=2).text == "Season 2 has 10 episodes."
    assert cook("thursday", "episodes", "how many episodes", season=3) is None


def test_crew_and_source(cook):
    assert cook("blue-hour-bakery", "director", "who directed it").text == "Jeong Tae-kyu (director)."
    source = cook("blue-hour-bakery", "source", "what is it based on")
    assert source.text.startswith("It is based on the webtoon by Han Bo-ra.")
    assert cook("thursday", "composer", "who composed the music") is None


def test_cast_lists_new_and_returning(cook):
    # Desmond Achebe is not back for season 3
    assert cook("thursday", "cast_list", "who is in the cast", season=3).text == \
        "The cast of season 3: Nora Fairweather as Detective Iris Calloway, Lila Montrose as Juniper Vale."
    assert cook("blue-hour-bakery", "new_cast", "who is new", season=2).text == \
        "New in season 2: Lim Ha-eun as Yoon Da-bin."
    returning = cook("blue-hour-bakery", "returning", "who is back", season=2)
    assert returning.text.startswith("Back for season 2:") and "Seo Ji-wan as Kang Do-hyun" in returning.text


def test_in_cast_yes_and_no(cook):
    assert cook("thursday", "in_cast", "is Petra Lindgren in it", season=2).text.startswith(
        "Yes. Petra Lindgren joins season 2 as Marguerite Vale.")
    assert cook("blue-hour-bakery", "in_cast", "is Park Jun-seo in it", season=3).text.startswith(
        "No. Park Jun-seo is not returning as Choi Min-ho in season 3.")


def test_drafts_cite_the_sentences_they_phrase(cook):
    draft = cook("thursday", "release", "when does it come out", season=2)
    assert draft.text == "Season 2 came out on March 7, 2024."
    assert [s.text for s in draft.sentences] == [
        "Season 2 premiered on March 7, 2024, and drew the show's biggest audience yet."]
