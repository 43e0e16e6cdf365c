"""The host admin's commands: `showbot sources`, `showbot check`, and
`showbot knowledge export|import GUILD_ID` (issue 9)."""
from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import bot.cli.main as cli
from bot.storage.backups import Backups
from bot.storage.guild_articles import GuildArticleStore, NewArticle
from bot.storage.guild_settings import GuildSettingsStore
from tests.conftest import BUNDLED_SHOW
from tests.helpers import SEASON_3_ARTICLE as SEASON_3



@pytest.fixture
def folders(tmp_path, monkeypatch):
    articles = tmp_path / "all-of-us-are-dead"  # a show's folder: its name is the show's id
    shutil.copytree(BUNDLED_SHOW, articles)
    data = tmp_path / "data"
    monkeypatch.setenv("SHOWBOT_ARTICLES", str(articles))
    monkeypatch.setenv("SHOWBOT_DATA_DIR", str(data))
    monkeypatch.chdir(tmp_path)
    return articles, data


@pytest.fixture
def run(capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return run


async def _add(data: Path, guild_id: int, name: str, text: str) -> None:
    async with GuildSettingsStore(data / "settings.sqlite3") as settings:
        await GuildArticleStore(settings).add(guild_id, NewArticle("all-of-us-are-dead", name, name, None, None,
                                                                   None, text), added_by=42)


async def _names(data: Path, guild_id: int) -> list[str]:
    async with GuildSettingsStore(data / "settings.sqlite3") as settings:
        return [a.name for a in await GuildArticleStore(settings).articles(guild_id)]


# --------------------------------------------------------------- sources

def test_sources_lists_what_slash_sources_shows(folders, run):
    code, out, _ = run("sources")

    assert code == 0 and out.startswith("All of Us Are Dead (5 article(s))")
    assert "Netflix’s ‘All of Us Are Dead’ to Return for Season 2 — ClickTheCity · 2022" in out


def test_sources_with_a_server_include_its_own_articles(folders, run):
    _, data = folders
    data.mkdir()
    asyncio.run(_add(data, 7, "season3.md", SEASON_3))

    _, mine, _ = run("sources", "--guild", "7")
    _, theirs, _ = run("sources", "--guild", "8")

    assert "All of Us Are Dead season 3 gets a release date" in mine and "[added on this server]" in mine
    assert "season 3 gets a release date" not in theirs


def test_sources_of_a_show_that_is_not_loaded_is_one_clear_line(folders, run):
    code, _, err = run("sources", "--show", "squid-game")

    assert code == 2 and "no show 'squid-game' is loaded" in err and len(err.splitlines()) == 1


# ----------------------------------------------------------------- check

def test_check_reports_every_problem_with_its_reason(folders, run, tmp_path):
    articles, _ = folders
    (articles / "copy.md").write_bytes((articles / "002-netflix-aouad-to-return-for-season-2.md").read_bytes())
    (articles / "bad-date.md").write_text("---\ndate: 2026-02-30\n---\nText.\n", encoding="utf-8")
    (articles / "open-header.md").write_text("---\ntitle: never closed\nText.\n", encoding="utf-8")
    (articles / "undated.md").write_text("# A title\nSome text about the show.\n", encoding="utf-8")
    (articles / "scan.pdf").write_bytes(b"%PDF-1.4")
    (articles / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    (articles / "leak.md").symlink_to("/etc/passwd")
    (articles / "old").mkdir()

    code, out, _ = run("check")

    lines = out.splitlines()
    assert code == 1
    def line(name):
        return next(l for l in lines if f": {name}" in l)
    assert line("copy.md").startswith("warning") and "duplicate of 002-netflix" in line("copy.md")
    assert line("bad-date.md").startswith("error") and "not a real date" in line("bad-date.md")
    assert "never closed" in line("open-header.md")
    assert line("undated.md").startswith("warning") and "no date" in line("undated.md")
    assert "unsupported type .pdf" in line("scan.pdf")
    assert "not text" in line("binary.md")
    assert "outside the articles folder" in line("leak.md")
    assert "nested folder" in line("old/")
    assert lines[-1].endswith("6 usable article(s) in 1 show(s): all-of-us-are-dead (6); 6 error(s), 4 warning(s).")


def test_check_of_a_clean_folder_exits_0(folders, run):
    articles, _ = folders
    for path in articles.glob("00[34]*.md"):  # the two undated bundled articles
        path.unlink()

    code, out, _ = run("check")

    assert code == 0 and out.splitlines() == [
        f"{articles}: 3 usable article(s) in 1 show(s): all-of-us-are-dead (3); 0 error(s), 0 warning(s)."]


def test_check_reads_a_folder_of_shows_and_their_show_files(run, tmp_path, monkeypatch):
    root = tmp_path / "shows"
    shutil.copytree(BUNDLED_SHOW, root / "all-of-us-are-dead")
    (root / "broken-show").mkdir()
    (root / "broken-show" / "show.toml").write_text("name = 3\n", encoding="utf-8")
    (root / "broken-show" / "a.md").write_text("---\ndate: 2024-01-01\n---\nSome text.\n", encoding="utf-8")
    monkeypatch.setenv("SHOWBOT_ARTICLES", str(root))

    code, out, _ = run("check")

    assert code == 1 and "error: broken-show/show.toml: name must be a non-empty string" in out
    assert "2 show(s)" in out.splitlines()[-1]


# ----------------------------------------------------- knowledge export/import

def test_export_then_import_into_another_server(folders, run, tmp_path):
    _, data = folders
    data.mkdir()
    asyncio.run(_add(data, 7, "season3.md", SEASON_3))

    code, out, _ = run("knowledge", "export", "7", "--out", str(tmp_path / "s7.zip"))
    imported = run("knowledge", "import", "8", str(tmp_path / "s7.zip"))

    assert code == 0 and "exported 1 article(s) of server 7" in out
    with zipfile.ZipFile(tmp_path / "s7.zip") as archive:
        assert json.loads(archive.read("index.json"))["articles"][0]["added_by"] == 42
    assert imported[0] == 0 and "imported 1 article(s) into server 8" in imported[1]
    assert asyncio.run(_names(data, 8)) == ["season3.md"]
    assert len(Backups(data / "settings.sqlite3", data / "backups").copies()) == 1  # taken before the import


def test_export_defaults_to_a_file_named_after_the_server(folders, run, tmp_path):
    _, data = folders
    data.mkdir()
    asyncio.run(_add(data, 7, "season3.md", SEASON_3))

    assert run("knowledge", "export", "7")[0] == 0
    assert (tmp_path / "showbot-articles-7.zip").is_file()


def test_an_import_with_one_bad_article_imports_nothing(folders, run, tmp_path):
    _, data = folders
    bundle = tmp_path / "mixed.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("good.md", SEASON_3)
        archive.writestr("bad.md", "---\ndate: 2026-13-01\n---\nText.\n")

    code, _, err = run("knowledge", "import", "8", str(bundle))

    assert code == 2 and "bad.md" in err and "Nothing was imported" in err
    assert asyncio.run(_names(data, 8)) == []


@pytest.mark.parametrize("content, says", [(b"not a zip", "not a zip file"), (None, "cannot read")])
def test_an_unusable_import_file_is_one_clear_line(folders, run, tmp_path, content, says):
    path = tmp_path / "export.zip"
    if content is not None:
        path.write_bytes(content)

    code, _, err = run("knowledge", "import", "8", str(path))

    assert code == 2 and says in err and len(err.strip().splitlines()) == 1


def test_a_guild_id_must_be_digits(folders, run):
    with pytest.raises(SystemExit) as exit_:
        run("knowledge", "export", "my-server")
    assert exit_.value.code == 2
