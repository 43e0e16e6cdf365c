"""bot.pipeline.files.discover: which files are articles, of which show, and why others are skipped."""
import os

import pytest

from bot.config import Config
from bot.pipeline.build import build
from bot.pipeline.files import MAX_ARTICLE_BYTES, ArticlesFolderError, discover, show_id_for

from ..conftest import BAKERY, FIXTURE_SHOWS, THURSDAY, write_article


def names(shows) -> dict[str, list[str]]:
    return {s.id: [a.name for a in s.articles] for s in shows}


def reasons(skipped) -> dict[str, str]:
    return {s.name: s.reason for s in skipped}


def test_a_flat_folder_is_one_show_named_after_the_folder():
    shows, skipped = discover(THURSDAY)
    assert names(shows) == {"thursday": sorted(p.name for p in THURSDAY.glob("*.md"))}
    assert shows[0].show_file is None and skipped == []


def test_a_folder_of_show_folders_is_one_show_per_folder():
    shows, skipped = discover(FIXTURE_SHOWS)
    assert sorted(names(shows)) == ["blue-hour-bakery", "thursday"]
    bakery = next(s for s in shows if s.id == "blue-hour-bakery")
    assert bakery.show_file == BAKERY / "show.toml"
    assert all(a.name.startswith("blue-hour-bakery/") for a in bakery.articles)
    assert all(a.show_id == "blue-hour-bakery" and a.size > 0 for a in bakery.articles)
    assert skipped == []


def test_show_ids_are_slugs_of_folder_names(tmp_path):
    assert show_id_for(tmp_path / "Blue Hour Bakery!") == "blue-hour-bakery"
    assert show_id_for(tmp_path / "___") == "show"


def test_a_symlink_leading_out_of_the_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: Secret\n---\nNot an article about any show.\n")
    folder = tmp_path / "articles"
    write_article(folder, "001-real.md", "Thursday returns.\n", title="Thursday")
    os.symlink(outside, folder / "leak.md")
    shows, skipped = discover(folder)
    assert names(shows) == {"articles": ["001-real.md"]}
    assert "outside the articles folder" in reasons(skipped)["leak.md"]


def test_a_show_folder_linked_from_outside_is_not_followed(tmp_path):
    outside = tmp_path / "elsewhere"
    write_article(outside, "001.md", "Private notes.\n")
    root = tmp_path / "shows"
    write_article(root / "thursday", "001.md", "Thursday returns.\n")
    os.symlink(outside, root / "notes")
    shows, skipped = discover(root)
    assert list(names(shows)) == ["thursday"]
    assert "outside the articles folder" in reasons(skipped)["notes"]


def test_a_symlink_inside_the_folder_is_read(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "001-real.md", "Thursday returns.\n", title="Thursday")
    os.symlink(folder / "001-real.md", folder / "002-alias.md")
    shows, skipped = discover(folder)
    assert [a.name for a in shows[0].articles] == ["001-real.md", "002-alias.md"]
    assert skipped == []


def test_a_broken_link_is_skipped_with_its_reason(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "001-real.md", "Thursday returns.\n")
    os.symlink(tmp_path / "gone.md", folder / "002-gone.md")
    _, skipped = discover(folder)
    assert "broken link" in reasons(skipped)["002-gone.md"]


def test_an_oversized_file_is_skipped_with_its_size_and_the_limit(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "001-small.md", "Thursday returns.\n")
    write_article(folder, "002-huge.md", "Thursday returns. " * 20)
    shows, skipped = discover(folder, max_bytes=200)
    assert [a.name for a in shows[0].articles] == ["001-small.md"]
    reason = reasons(skipped)["002-huge.md"]
    assert reason.startswith("too big") and "360 bytes" in reason and "200" in reason


async def test_a_file_over_the_real_limit_is_reported_by_the_build(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "001-small.md", "Thursday returns.\n", title="Thursday")
    (folder / "002-huge.md").write_bytes(b"Thursday returns. " * (MAX_ARTICLE_BYTES // 18 + 1))
    report = await build(Config(articles_dir=folder, data_dir=tmp_path / "data"))
    assert report.articles == 1
    assert [(s.name, s.reason.split(" (")[0]) for s in report.skipped] == [("002-huge.md", "too big")]


def test_unsupported_types_are_skipped_and_text_types_read(tmp_path):
    folder = tmp_path / "articles"
    for name in ("a.md", "b.txt", "c.markdown"):
        write_article(folder, name, "Thursday returns.\n")
    (folder / "d.pdf").write_bytes(b"%PDF-1.4")
    (folder / "e").write_text("no suffix")
    shows, skipped = discover(folder)
    assert [a.name for a in shows[0].articles] == ["a.md", "b.txt", "c.markdown"]
    assert reasons(skipped)["d.pdf"].startswith("unsupported type .pdf")
    assert reasons(skipped)["e"].startswith("unsupported type (none)")


def test_a_nested_folder_inside_a_show_folder_is_skipped(tmp_path):
    root = tmp_path / "shows"
    write_article(root / "thursday", "001.md", "Thursday returns.\n")
    write_article(root / "thursday" / "drafts", "002.md", "A draft.\n")
    shows, skipped = discover(root)
    assert names(shows) == {"thursday": ["thursday/001.md"]}
    assert "nested folder" in reasons(skipped)["thursday/drafts/"]


def test_a_nested_folder_inside_a_flat_folder_is_skipped(tmp_path):
    folder = tmp_path / "thursday"
    write_article(folder, "001.md", "Thursday returns.\n")
    write_article(folder / "old", "002.md", "Old news.\n")
    shows, skipped = discover(folder)
    assert names(shows) == {"thursday": ["001.md"]}
    assert "nested folder" in reasons(skipped)["old/"]


def test_a_show_folder_without_articles_is_reported(tmp_path):
    root = tmp_path / "shows"
    write_article(root / "thursday", "001.md", "Thursday returns.\n")
    (root / "empty").mkdir()
    shows, skipped = discover(root)
    assert list(names(shows)) == ["thursday"]
    assert reasons(skipped)["empty/"] == "folder holds no articles"


def test_readmes_and_hidden_files_are_ignored_silently(tmp_path):
    folder = tmp_path / "articles"
    write_article(folder, "001.md", "Thursday returns.\n")
    write_article(folder, "README.md", "About this folder.\n")
    write_article(folder, ".draft.md", "Hidden.\n")
    write_article(folder, "002.md~", "Editor backup.\n")
    shows, skipped = discover(folder)
    assert [a.name for a in shows[0].articles] == ["001.md"] and skipped == []


def test_a_missing_folder_or_a_file_is_refused(tmp_path):
    with pytest.raises(ArticlesFolderError, match="not found"):
        discover(tmp_path / "nowhere")
    file = write_article(tmp_path, "one.md", "Text.\n")
    with pytest.raises(ArticlesFolderError, match="not a folder"):
        discover(file)
