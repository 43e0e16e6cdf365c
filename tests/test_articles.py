import pytest

from bot.articles import ArticleError, find_articles, read_article
from bot.config import BUNDLED_ARTICLES

from .conftest import write_article


def test_bundled_articles_have_headers():
    paths = find_articles(BUNDLED_ARTICLES)
    assert len(paths) == 5
    a = read_article(paths[0])
    assert a.title.startswith("All of Us Are Dead Season 2 Release Date")
    assert a.date == "2022-07"
    assert not a.body.startswith("---")
    radio = read_article(paths[4])
    assert radio.publisher == "Radio Times" and radio.date is None


def test_header_comments_and_quotes(tmp_path):
    p = write_article(tmp_path, "a.md", "Body text here.\n", title='"Quoted title"',
                      publisher="Example News", date="2023-05-01")
    text = p.read_text().replace("publisher:", "# a comment\npublisher:")
    p.write_text(text)
    a = read_article(p)
    assert (a.title, a.publisher, a.date, a.url) == ("Quoted title", "Example News", "2023-05-01", None)
    assert a.body == "Body text here.\n"


def test_no_header_first_line_is_title(tmp_path):
    p = write_article(tmp_path, "plain.txt", "\n\n# Zombies return to Hyosan\n\nThe students are back.\n")
    a = read_article(p)
    assert a.title == "Zombies return to Hyosan"
    assert a.publisher is None and a.date is None
    assert a.body.startswith("\n\n# Zombies")


@pytest.mark.parametrize("date", ["2022-13-01", "July 2022", "22-07-01", "2022-02-32", "soon"])
def test_bad_header_date_is_a_clear_error(tmp_path, date):
    p = write_article(tmp_path, "bad.md", "Text.\n", title="T", date=date)
    with pytest.raises(ArticleError, match=r"bad\.md: date must be YYYY-MM-DD"):
        read_article(p)


@pytest.mark.parametrize("date", ["2026", "2026-03", "2026-03-01"])
def test_partial_dates_are_fine(tmp_path, date):
    assert read_article(write_article(tmp_path, "ok.md", "Text.\n", date=date)).date == date


def test_unclosed_header_unknown_key_empty_body_and_binary(tmp_path):
    (tmp_path / "open.md").write_text("---\ntitle: x\nBody\n")
    with pytest.raises(ArticleError, match="never closed"):
        read_article(tmp_path / "open.md")
    (tmp_path / "key.md").write_text("---\nauthor: me\n---\nBody\n")
    with pytest.raises(ArticleError, match="author"):
        read_article(tmp_path / "key.md")
    (tmp_path / "empty.md").write_text("---\ntitle: x\n---\n   \n")
    with pytest.raises(ArticleError, match="no text"):
        read_article(tmp_path / "empty.md")
    (tmp_path / "bin.md").write_bytes(b"\xff\xfe\x00zombie")
    with pytest.raises(ArticleError, match="UTF-8"):
        read_article(tmp_path / "bin.md")


def test_find_articles_skips_readme_hidden_and_other_files(tmp_path):
    for name in ("a.md", "b.txt", "README.md", ".hidden.md", "notes.json"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_articles(tmp_path)] == ["a.md", "b.txt"]
    with pytest.raises(ArticleError, match="not found"):
        find_articles(tmp_path / "missing")
