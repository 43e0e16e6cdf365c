"""bot.pipeline.extract.events: release, renewal, filming and final-season events, each
with its status and date, and statements that something has not happened yet."""
import pytest

from bot.pipeline.extract.events import answers_to_heading, events_in


def events(text: str, article_date: str | None = None) -> list[tuple]:
    return [(e.event, e.status, e.date.text if e.date else None) for e in events_in(text, article_date)]


@pytest.mark.parametrize("sentence,article_date,expected", [
    # a date before the article was written is in the past
    ("Streamly's new mystery series *Thursday* premiered on February 16, 2023.", "2023-02-20",
     ("release", "released", "February 16, 2023")),
    # an announced day ahead of it is scheduled
    ("Streamly has confirmed that Thursday season 2 will premiere on March 7, 2024.", "2024-01-15",
     ("release", "scheduled", "March 7, 2024")),
    ("Part 1 of season two premieres on July 14, 2023.", "2023-06-01", ("release", "scheduled", "July 14, 2023")),
    # a guess is an estimate
    ("Season 2 is expected to arrive in late 2023.", "2022-11-10", ("release", "estimate", "late 2023")),
    # without a year, the article's date tells past from future
    ("It arrived on July 14.", "2023-08-01", ("release", "released", "July 14")),
    ("It arrives on July 14.", "2023-06-01", ("release", "scheduled", "July 14")),
])
def test_release_dates_and_their_status(sentence, article_date, expected):
    assert events(sentence, article_date) == [expected]


@pytest.mark.parametrize("sentence", [
    "Streamly has not announced a release date for season 3.",
    "Kovi has not announced a release date for season 3.",
    "There is no official release date yet.",
    "The premiere date remains unknown.",
])
def test_no_release_date_yet(sentence):
    assert events(sentence, "2024-05-20") == [("release", "unannounced", None)]


def test_an_estimate_beside_no_date_yet():
    assert events("Streamly hasn't set a release date yet, but we expect season 2 to arrive in early 2024.",
                  "2023-04-12") == [("release", "estimate", "early 2024"), ("release", "unannounced", None)]


@pytest.mark.parametrize("sentence,expected", [
    ("Streamly has officially renewed Thursday for a second season.", [("renewal", "renewed", None)]),
    ("Kovi renewed Blue Hour Bakery for a third season in December 2023.", [("renewal", "renewed", "December 2023")]),
    ("Streamly has renewed Thursday for a third and final season.",
     [("renewal", "renewed", None), ("final", "final", None)]),
    ("Kovi has not renewed the show for a third season yet.", [("renewal", "not_renewed", None)]),
    ("Kovi has not said whether there will be a third season.", [("renewal", "not_renewed", None)]),
    ("Streamly has not announced a season 4, and its creator says the story is done.", [("renewal", "not_renewed", None)]),
    ("Streamly hasn't confirmed a fourth season.", [("renewal", "not_renewed", None)]),
    ("Maren Holt confirmed that the show's third season will be its last.", [("final", "final", None)]),
    ("The Cinder Report may earn a commission from links on this page.", []),
])
def test_renewals_and_final_seasons(sentence, expected):
    assert events(sentence, "2024-05-20") == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Filming on season 2 is set to begin in Kestrel Bay in June 2023.", ("filming", "", "June 2023")),
    ("Filming wrapped in April 2023, director Jeong Tae-kyu said.", ("filming_end", "", "April 2023")),
])
def test_filming_starts_and_wraps(sentence, expected):
    assert events(sentence, "2023-06-01") == [expected]


def test_the_date_goes_to_the_nearest_event_word_in_its_clause():
    found = events("Streamly announced the renewal on April 11, 2023; filming began on June 5, 2023.", "2023-07-01")
    assert found == [("renewal", "renewed", "April 11, 2023"), ("filming", "", "June 5, 2023")]


def test_an_announcement_date_goes_to_what_was_announced():
    assert events("Streamly confirmed on May 2, 2024 that season 3 would be the last.", "2024-05-20") == [
        ("final", "final", "May 2, 2024")]


def test_an_announcement_date_stays_in_its_clause():
    found = events("The renewal was announced on April 11, 2023, and filming began on June 5, 2023.", "2023-07-01")
    assert ("filming", "", "June 5, 2023") in found and ("filming", "", "April 11, 2023") not in found


def test_a_cancellation_without_the_word_season():
    assert events("The show has been cancelled after two seasons.", "2024-05-20") == [("renewal", "cancelled", None)]


def test_an_actor_not_returning_is_not_a_cancellation():
    assert events("Park Jun-seo will not return as Choi Min-ho.", "2024-02-10") == []


def test_a_trailer_date_is_not_the_shows_release():
    assert events("The official trailer dropped on October 9, 2024.", "2024-10-20") == [
        ("trailer", "", "October 9, 2024")]


@pytest.mark.parametrize("sentence,status", [
    ("Season 1 premiered on May 5, 2023.", "released"),
    ("Kovi has confirmed that the show will premiere on May 15, 2025.", "scheduled"),
])
def test_a_date_in_may_is_not_a_guess(sentence, status):
    assert events(sentence, "2024-09-01")[0] == ("release", status, sentence.split(" on ")[-1].rstrip("."))


def test_a_report_after_the_date_leaves_the_date_to_the_event_before_it():
    # "the streamer confirmed" reports the news; the date is the filming start's
    found = events("Filming on the third season officially began on October 7, 2024, the streamer confirmed last week, "
                   "a year after the show was renewed.", "2024-10-20")
    assert ("filming", "", "October 7, 2024") in found
    assert not any(e == "renewal" and date for e, _, date in found)


@pytest.mark.parametrize("heading,sentence,expected", [
    ("Will there be a season 4?", "Streamly has not said.", [("renewal", "not_renewed")]),
    ("Is season 4 happening?", "Not yet.", [("renewal", "not_renewed")]),
    ("Will Thursday return?", "Nothing has been confirmed.", [("renewal", "not_renewed")]),
    # a heading asking something else, or an answer that says more, is no such word
    ("Where was it filmed?", "Streamly has not said.", []),
    ("Will there be a season 4?", "Streamly renewed it in May.", []),
    ("Will there be a season 4?", "The cast would love to come back.", []),
])
def test_the_first_sentence_under_a_renewal_question_heading(heading, sentence, expected):
    assert [(e.event, e.status) for e in answers_to_heading(heading, sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Streamly has not confirmed the season 2 cast.",
    "Kovi has not confirmed any casting details yet.",
])
def test_something_else_not_confirmed_is_no_word_on_a_renewal(sentence):
    assert not any(e == "renewal" for e, _, _ in events(sentence, "2024-05-20"))


def test_a_renewal_is_dated_by_its_announcement_after_it():
    assert events("Streamly has officially renewed Thursday for a second season, the streamer announced on April 11, 2023.",
                  "2023-04-12") == [("renewal", "renewed", "April 11, 2023")]


def test_an_announcement_date_is_not_that_of_an_event_timed_from_it():
    found = events("Streamly has renewed Thursday for a third season, the streamer announced on November 1, 2026, "
                   "six weeks after season 2 premiered.", "2026-11-02")
    assert found[0] == ("renewal", "renewed", "November 1, 2026") and ("release", "released", "November 1, 2026") not in found
    assert events("Streamly announced on November 1, 2026, six weeks after season 2 premiered, that it was done.",
                  "2026-11-02") == []


@pytest.mark.parametrize("sentence,expected", [
    # release news in more wordings, read in a June 2026 article
    ("Streamly has set a September 18 premiere for season 2.", ("release", "scheduled", "September 18")),
    ("Thursday season 2 hits Streamly on September 18.", ("release", "scheduled", "September 18")),
    ("The detectives return September 18.", ("release", "scheduled", "September 18")),
    ("The detectives returned on March 7, 2024.", ("release", "released", "March 7, 2024")),
    ("Season 2 is coming to Streamly on September 18, 2026.", ("release", "scheduled", "September 18, 2026")),
    ("Streamly has finally dated season 2: September 18, 2026.", ("release", "scheduled", "September 18, 2026")),
    # "ending months of speculation" is the end of guessing, not a guess
    ("Season 2 lands on September 18, ending months of speculation.", ("release", "scheduled", "September 18")),
    # a delay is a new estimate
    ("Streamly has pushed season 2 back to 2027.", ("release", "estimate", "2027")),
    ("Season 2 has been delayed to early 2027.", ("release", "estimate", "early 2027")),
    ("Season 2 was officially confirmed in June 2022.", ("renewal", "renewed", "June 2022")),
])
def test_more_wordings_of_release_and_renewal_news(sentence, expected):
    assert events(sentence, "2026-06-11") == [expected]


@pytest.mark.parametrize("sentence", ["The show set a record in January 2022.", "The series is coming to an end in 2027."])
def test_no_release_in_other_news(sentence):
    assert not any(e == "release" for e, _, _ in events(sentence, "2026-06-11"))


def test_a_present_tense_release_verb_looks_ahead():
    assert events("The new season hits screens on March 8.", "2024-01-10") == [("release", "scheduled", "March 8")]
    assert events("Season 3 debuts March 8.", "2024-01-10") == [("release", "scheduled", "March 8")]


@pytest.mark.parametrize("sentence", [
    "Part 1 will premiere on May 16, 2024, and Part 2 will follow on June 13, 2024.",
    "Part 1 will premiere on May 16, 2024, and Part 2 on June 13, 2024, the streamer announced on Monday.",
])
def test_a_second_part_and_its_date_borrow_the_release_verb_before(sentence):
    assert events(sentence, "2023-12-06") == [("release", "scheduled", "May 16, 2024"),
                                              ("release", "scheduled", "June 13, 2024")]


def test_a_clause_of_its_own_does_not_borrow_the_release_verb():
    assert events("The show premiered on May 3, 2021, and filming began on June 5.", "2021-06-10") == [
        ("release", "released", "May 3, 2021"), ("filming", "", "June 5")]
