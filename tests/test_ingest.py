import pytest

from bot.articles import read_article
from bot.ingest import segment

from .conftest import write_article

SYNTHETIC = """\
Zombie News Daily

Zombies return to Hyosan High

The students of Hyosan High School are back. Netflix renewed the series in June 2022.

Also read: Lupin Season 3 Release Date: Production, Plot, Cast and Other Updates
You may also like: The Society Season 2: Why Was It Canceled?
Read More: Wednesday season 2 Release Date

All of Us Are Dead
All of Us Are Dead. Netflix

Get our newsletter
Our weekly highlights, straight to your inbox

Lee Jae-kyoo directed the series. Subscribe now to get 10 issues for only £10. Try Radio Times magazine today and save.

Share this
Advertisement
3 comments
Be the first to comment

The cast

Park Ji-hu plays Nam On-jo.

Comments are closed.
The Society Season 2 is a great show.
"""


@pytest.fixture
def synthetic(tmp_path, rules):
    path = write_article(tmp_path, "z.md", SYNTHETIC, title="Zombies return to Hyosan High", date="2022-06")
    return segment(read_article(path), rules)


def test_boilerplate_removed(synthetic):
    text = " ".join(s.text for s in synthetic.sentences)
    for junk in ("Also read", "You may also like", "Read More", "Lupin", "Wednesday", "newsletter",
                 "inbox", "Subscribe", "magazine", "Share this", "Advertisement", "comment",
                 "Zombie News Daily", "All of Us Are Dead. Netflix", "Comments are closed", "The Society"):
        assert junk.casefold() not in text.casefold(), junk
    assert [s.text for s in synthetic.sentences] == [
        "The students of Hyosan High School are back.",
        "Netflix renewed the series in June 2022.",
        "Lee Jae-kyoo directed the series.",
        "Park Ji-hu plays Nam On-jo.",
    ]
    assert "All of Us Are Dead. Netflix" in synthetic.removed
    assert synthetic.sections[0] == "Zombies return to Hyosan High"
    assert "The cast" in synthetic.sections


def test_sentences_are_exact_slices_synthetic(synthetic):
    body = synthetic.article.body
    for s in synthetic.sentences:
        assert body[s.start:s.end] == s.text


def test_sentences_are_exact_slices_real(bundled_docs):
    for path, doc in bundled_docs:
        assert len(doc.sentences) > 10, path.name
        for s in doc.sentences:
            assert doc.article.body[s.start:s.end] == s.text, (path.name, s.index)
            assert s.text == s.text.strip()


@pytest.mark.parametrize("junk", [
    "Also read: The Society Season 2",
    "Also read: Lupin Season 3",
    "You may also like: Twenty-Five and Twenty-One",
    "You may also like: Derry Girl",
    "You may also like: The Irregular at Magic High School",
    "Read More: Wednesday season 2",
    "Read More: Manifest Season 5",
    "Get Our Newsletter",
    "straight to your inbox",
    "Try Radio Times magazine today",
    "Be the first to comment",
    "Comments are closed",
    "Share this story",
    "check out our guide to Netflix Codes",
    "All of Us Are Dead. Netflix",
    "Keep reading to find out more",
    "read more from our official website",
])
def test_real_boilerplate_removed(bundled_docs, junk):
    for _, doc in bundled_docs:
        for s in doc.sentences:
            assert junk.casefold() not in s.text.casefold(), (junk, s.text)


def test_real_content_kept(bundled_docs):
    text = " ".join(s.text for _, doc in bundled_docs for s in doc.sentences)
    for fact in ("Cho Yi-hyun was seen playing Choi Nam-ra.", "approval rating of 83%",
                 "it took 17 takes to film a kiss scene", "Netflix commissioned a second season",
                 "written by Chun Sung-il", "Kim Bo-yoon as Hyo-ryung"):
        assert fact in text, fact


def test_list_items_and_markdown(tmp_path, rules):
    body = "## Cast\n\n- Park Ji-hu as Nam On-jo\n* Lomon as Lee Su-hyeok\n1. Yoon Chan-young as Lee Cheong-san\n"
    doc = segment(read_article(write_article(tmp_path, "m.md", body, title="Cast news")), rules)
    items = [s for s in doc.sentences if s.list_item]
    assert [s.text for s in items] == ["Park Ji-hu as Nam On-jo", "Lomon as Lee Su-hyeok",
                                       "Yoon Chan-young as Lee Cheong-san"]
    for s in doc.sentences:
        assert doc.article.body[s.start:s.end] == s.text
