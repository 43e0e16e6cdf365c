"""bot.pipeline.build: the incremental build. A second build reuses everything; adding,
changing or deleting one article re-extracts that article only; answers follow."""
import os

import pytest

from bot.config import Config
from bot.pipeline.build import build, ensure_built, is_stale

from ..conftest import BAKERY, THURSDAY, write_article
from ..helpers import ask_once, says

NEW_ARTICLE = ("Streamly has confirmed that Thursday season 3 will premiere on October 2, 2025.\n\n"
               "The final season will have eight episodes.\n")


@pytest.fixture
def config(copy_show, tmp_path) -> Config:
    """Thursday alone, in a private copy."""
    return Config(articles_dir=copy_show(THURSDAY), data_dir=tmp_path / "data")


def counts(report) -> tuple[int, int, int]:
    return report.articles, report.extracted, report.reused


async def test_a_first_build_extracts_every_article(config):
    report = await build(config)
    assert counts(report) == (4, 4, 0) and report.shows == 1 and report.changed
    assert report.skipped == [] and config.knowledge_db.is_file()
    assert not await is_stale(config)


async def test_a_second_build_reuses_everything(config):
    await build(config)
    report = await build(config)
    assert counts(report) == (4, 0, 4) and not report.changed
    assert await ensure_built(config) is None  # nothing stale: no build at all


async def test_adding_one_article_extracts_only_it(config):
    await build(config)
    write_article(config.articles_dir, "005-thursday-season-3-date.md", NEW_ARTICLE,
                  title="Thursday season 3 gets a premiere date", publisher="The Evening Ledger", date="2025-06-02")
    assert await is_stale(config)
    report = await ensure_built(config)
    assert counts(report) == (5, 1, 4) and report.changed
    answer = await ask_once(config, "When does Thursday season 3 come out?")
    assert answer.answered and says(answer, "October 2, 2025"), answer.text


async def test_changing_one_article_extracts_only_it(config):
    await build(config)
    path = config.articles_dir / "001-thursday-season-1-review.md"
    path.write_text(path.read_text().replace("directed by Oskar Lindqvist", "directed by Ada Brennan"))
    report = await ensure_built(config)
    assert counts(report) == (4, 1, 3)
    answer = await ask_once(config, "Who directed Thursday?")
    assert says(answer, "Ada Brennan") and not says(answer, "Oskar Lindqvist"), answer.text


async def test_deleting_one_article_extracts_nothing_and_forgets_it(config):
    await build(config)
    (config.articles_dir / "004-thursday-season-3-final-season.md").unlink()
    report = await ensure_built(config)
    assert counts(report) == (3, 0, 3) and report.changed
    answer = await ask_once(config, "When is the third season of Thursday coming out?")
    assert not answer.answered and all("Season 3" not in c.title for c in answer.citations)


async def test_a_touched_file_is_hashed_but_not_extracted_again(config):
    await build(config)
    path = config.articles_dir / "002-thursday-season-2-renewed.md"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000_000))
    assert await is_stale(config)  # size and time first: it might have changed
    report = await ensure_built(config)
    assert counts(report) == (4, 0, 4)
    assert not await is_stale(config)


async def test_a_copied_article_costs_nothing(config):
    await build(config)
    source = config.articles_dir / "002-thursday-season-2-renewed.md"
    (config.articles_dir / "009-copy.md").write_bytes(source.read_bytes())
    report = await ensure_built(config)
    assert counts(report) == (5, 0, 5)


async def test_a_new_show_file_changes_the_show_without_extracting(config):
    await build(config)
    (config.articles_dir / "show.toml").write_text('name = "Thursday"\naliases = ["THU"]\nplatform = "Streamly"\n')
    report = await ensure_built(config)
    assert counts(report) == (4, 0, 4) and report.changed
    answer = await ask_once(config, "who created THU")
    assert answer.answered and says(answer, "Maren Holt"), answer.text


async def test_a_bad_article_is_skipped_with_its_reason_and_the_rest_built(config):
    write_article(config.articles_dir, "005-bad.md", "Streamly renewed it.\n", title="x", date="2024-02-30")
    write_article(config.articles_dir, "006-empty.md", "\n")
    report = await build(config)
    assert report.articles == 4
    assert {(s.name, s.reason) for s in report.skipped} == {
        ("005-bad.md", "'2024-02-30' is not a real date"), ("006-empty.md", "the article has no text")}


async def test_a_bad_show_file_is_reported_and_the_name_inferred(config):
    (config.articles_dir / "show.toml").write_text("seasons = 3\n")
    report = await build(config)
    assert any(s.name == "thursday/show.toml" and "unknown keys" in s.reason for s in report.skipped)
    answer = await ask_once(config, "who created thursday")
    assert answer.answered and says(answer, "Maren Holt")


async def test_moving_the_root_from_one_show_to_a_folder_of_shows_rebuilds(copy_show, tmp_path):
    thursday, bakery = copy_show(THURSDAY), copy_show(BAKERY)
    data = tmp_path / "data"
    await build(Config(articles_dir=thursday, data_dir=data))
    both = Config(articles_dir=thursday.parent, data_dir=data)
    assert await is_stale(both)
    report = await ensure_built(both)
    assert report.shows == 2 and counts(report) == (8, 4, 4)
    assert bakery.parent == thursday.parent


def test_asking_does_not_load_the_build_pipeline():
    # a fresh `showbot ask` checks freshness and answers; the extraction code (hundreds of
    # regular expressions) is imported only when a build is due
    import subprocess
    import sys
    code = ("import sys, bot.service, bot.cli.main, bot.pipeline.freshness; "
            "print(any(m.startswith(('bot.pipeline.extract', 'bot.pipeline.build')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_file_list_digest_ignores_order():
    from bot.pipeline.freshness import files_digest
    a = [("/x/a.md", 10, 1), ("/x/b.md", 20, 2)]
    assert files_digest(a) == files_digest(reversed(a)) != files_digest([("/x/a.md", 11, 1), ("/x/b.md", 20, 2)])
