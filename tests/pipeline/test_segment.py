"""bot.pipeline.segment: boilerplate out (and kept aside), sections, sentences, list items
and table rows, each an exact slice of the article body."""
import pytest

from bot.pipeline.articles import parse_article, read_article
from bot.pipeline.segment import segment, split_sentences

from ..conftest import FIXTURE_SHOWS, THURSDAY


def doc_of(text: str, rules, name: str = "a.md"):
    return segment(parse_article(text, name), rules)


@pytest.fixture(scope="module")
def review(rules):
    """Thursday's season 1 review: a Related: line, a heading and a Markdown cast table."""
    return segment(read_article(THURSDAY / "001-thursday-season-1-review.md"), rules)


@pytest.mark.parametrize("path", sorted(FIXTURE_SHOWS.rglob("*.md")), ids=lambda p: p.name)
def test_every_sentence_is_its_exact_slice_of_the_body(path, rules):
    doc = segment(read_article(path), rules)
    assert doc.sentences
    for s in doc.sentences:
        assert doc.article.body[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_a_related_line_is_removed_and_kept_aside(review):
    related = "Related: Why *Harbor Lights* season 4 is the best thing on TV right now"
    assert related in review.removed
    assert not any("Harbor Lights" in s.text for s in review.sentences)


def test_self_promotion_inside_the_text_is_removed(rules):
    doc = segment(read_article(THURSDAY / "003-thursday-season-2-premiere-date.md"), rules)
    assert "Subscribe to The Evening Ledger for more TV news." in doc.removed
    assert not any("Subscribe" in s.text for s in doc.sentences)


def test_everything_after_a_cut_line_is_removed(rules):
    doc = doc_of("# Title\n\nStreamly renewed Thursday.\n\nLeave a reply\n\nGreat show!\nAgreed.\n", rules)
    assert [s.text for s in doc.sentences] == ["Streamly renewed Thursday."]
    assert doc.removed[-3:] == ["Leave a reply", "Great show!", "Agreed."]


def test_headings_open_sections_and_the_title_is_section_zero(review):
    assert review.sections == [review.article.title, "Who is in the cast?"]
    first = review.sentences[0]
    assert first.section == 0 and first.text.startswith("Streamly's new mystery series")
    assert {s.section for s in review.sentences if s.kind == "row"} == {1}


def test_table_rows_are_sentences_that_remember_the_header(review):
    rows = [s for s in review.sentences if s.kind == "row"]
    assert [r.cells for r in rows] == [("Nora Fairweather", "Detective Iris Calloway"),
                                       ("Desmond Achebe", "Sergeant Tobias Reed"),
                                       ("Lila Montrose", "Juniper Vale")]
    assert all(r.header == ("Actor", "Character") for r in rows)
    assert rows[0].text == "Nora Fairweather | Detective Iris Calloway"  # the rule line is no row


def test_list_items_are_sentences_without_their_marker(rules):
    doc = segment(read_article(THURSDAY / "003-thursday-season-2-premiere-date.md"), rules)
    items = [s.text for s in doc.sentences if s.kind == "item"]
    assert items == ["Nora Fairweather as Detective Iris Calloway", "Desmond Achebe as Sergeant Tobias Reed",
                     "Lila Montrose as Juniper Vale"]
    assert "Returning for season 2:" in [s.text for s in doc.sentences if s.kind == "text"]


def test_a_repeated_title_line_at_the_top_is_not_a_sentence(rules):
    doc = doc_of("---\ntitle: Thursday renewed\n---\nTHE CINDER REPORT\nThursday renewed\n\nStreamly renewed it.\n", rules)
    assert [s.text for s in doc.sentences] == ["Streamly renewed it."]
    assert "THE CINDER REPORT" in doc.removed


def test_image_captions_are_dropped(rules):
    doc = doc_of("# T\n\nStreamly renewed Thursday for a second season.\n\nNora Fairweather in Thursday. Streamly\n\n"
                 "Photo: Streamly press office\n\nFilming starts in June.\n", rules)
    assert [s.text for s in doc.sentences] == ["Streamly renewed Thursday for a second season.", "Filming starts in June."]


@pytest.mark.parametrize("text,expected", [
    ("Dr. Vale said No. 1 was U.S. bound. Then it ended.", ["Dr. Vale said No. 1 was U.S. bound.", "Then it ended."]),
    ("It is back. \u201cWe loved it,\u201d she said. 2024 is next.", ["It is back.", "\u201cWe loved it,\u201d she said.", "2024 is next."]),
])
def test_sentences_split_at_ends_not_at_abbreviations(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_an_abbreviated_month_does_not_end_a_sentence():
    text = "It premiered on Feb. 16, 2023 to good reviews."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


def test_affiliate_disclaimers_and_share_rows_are_boilerplate(rules):
    text = ("---\ntitle: Thursday renewed\n---\nStreamly renewed it.\n\n"
            "*Screenline may earn a commission from links on this page.*\n\n"
            "Share this article: Facebook | X | Email\n")
    assert [s.text for s in doc_of(text, rules).sentences] == ["Streamly renewed it."]


def test_an_affiliate_disclaimer_is_removed(rules):
    doc = doc_of("# Title\n\nStreamly renewed Thursday. *The Cinder Report may earn a commission from links on this page.*\n", rules)
    assert [s.text for s in doc.sentences] == ["Streamly renewed Thursday."]


def test_a_run_of_bare_credit_lines_is_a_list_not_headings(rules):
    doc = doc_of("# T\n\nHere is who plays who.\n\nNora Fairweather as Detective Iris Calloway\n"
                 "Desmond Achebe as Sergeant Tobias Reed\nLila Montrose as Juniper Vale\n\n## Music\n\nA score.\n", rules)
    items = [s.text for s in doc.sentences if s.kind == "item"]
    assert items == ["Nora Fairweather as Detective Iris Calloway", "Desmond Achebe as Sergeant Tobias Reed",
                     "Lila Montrose as Juniper Vale"]
    assert doc.sections == ["T", "Music"]
