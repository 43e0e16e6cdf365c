"""Servers' own articles: owned data in the settings file (migrated, backed up), a
version per server that changes with every change (in this process or another), add,
replace, remove, limits, and export/import."""
import json
import sqlite3
import zipfile
import io

import pytest

from bot.storage.backups import Backups
from bot.storage.guild_articles import (
    MIGRATION, ArchiveError, GuildArticleRefused, GuildArticleStore, NewArticle, read_archive,
)
from bot.storage.guild_settings import MIGRATIONS, GuildSettingsStore


def article(name: str, body: str = "Season 3 premieres on October 9, 2026.", show: str = "a-show") -> NewArticle:
    text = f"---\ntitle: {name} title\npublisher: Test News\ndate: 2026-03-01\n---\n{body}\n"
    return NewArticle(show, name, f"{name} title", "Test News", "2026-03-01", None, text)


@pytest.fixture
async def settings(tmp_path):
    async with GuildSettingsStore(tmp_path / "settings.sqlite3") as store:
        yield store


@pytest.fixture
async def articles(settings):
    store = GuildArticleStore(settings)
    await store.poll()
    return store


def test_the_table_comes_in_a_migration_of_the_settings_file():
    assert MIGRATIONS[-1] is MIGRATION and len(MIGRATIONS) == 2


async def test_a_settings_file_of_the_previous_version_is_upgraded_with_a_backup_first(tmp_path):
    path, folder = tmp_path / "settings.sqlite3", tmp_path / "backups"
    with sqlite3.connect(path) as db:  # a file as the previous release left it
        db.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        db.execute("INSERT INTO guild_setting VALUES (1, 'cooldown_seconds', '30')")

    async with GuildSettingsStore(path, backups=Backups(path, folder)) as settings:
        store = GuildArticleStore(settings)
        await store.add(1, article("news.md"), added_by=7)
        assert await settings.schema_version() == 2
        assert (await settings.get(1)).cooldown_seconds == 30
    assert len(Backups(path, folder).copies()) == 1


async def test_add_list_and_texts_per_server_and_show(articles):
    added = await articles.add(1, article("old.md", "Old news."), added_by=7)
    await articles.add(1, article("new.md"), added_by=8)
    await articles.add(1, article("other-show.md", "Other.", show="b-show"), added_by=8)
    await articles.add(2, article("elsewhere.md", "Elsewhere."), added_by=9)

    assert not added.replaced and added.article.added_by == 7 and added.article.title == "old.md title"
    assert [a.name for a in await articles.articles(1)] == ["other-show.md", "new.md", "old.md"]  # newest first
    assert [name for name, _ in await articles.texts(1, "a-show")] == ["old.md", "new.md"]
    assert (await articles.texts(1, "a-show"))[1][1].startswith("---\ntitle: new.md title")
    assert [name for name, _ in await articles.texts(2, "a-show")] == ["elsewhere.md"]


async def test_the_version_changes_with_every_change_and_only_for_that_server(articles):
    v1, v2 = articles.version(1), articles.version(2)
    await articles.add(1, article("a.md"), added_by=1)
    after_add = articles.version(1)
    await articles.add(1, article("a.md", "Updated text."), added_by=1)  # replaced
    after_replace = articles.version(1)
    await articles.remove(1, "a.md")

    assert len({v1, after_add, after_replace, articles.version(1)}) == 4
    assert articles.version(2) == v2


async def test_a_change_by_another_process_is_seen_on_the_next_poll(tmp_path, articles, settings):
    before = articles.version(1)
    async with GuildSettingsStore(settings.path) as other_settings:  # e.g. `showbot knowledge import`
        await GuildArticleStore(other_settings).add(1, article("a.md"), added_by=None)

    assert articles.version(1) == before
    assert await articles.poll() == {1} and articles.version(1) != before
    assert await articles.poll() == set()


async def test_same_name_replaces_same_text_elsewhere_is_refused(articles):
    await articles.add(1, article("a.md"), added_by=1)
    replaced = await articles.add(1, article("a.md", "New text."), added_by=2)
    with pytest.raises(GuildArticleRefused, match="already added, as 'a.md'"):
        twin = article("a.md", "New text.")
        await articles.add(1, NewArticle(twin.show_id, "b.md", "B", None, None, None, twin.text), added_by=2)

    assert replaced.replaced and [a.name for a in await articles.articles(1)] == ["a.md"]
    assert "New text." in (await articles.texts(1, "a-show"))[0][1]


async def test_a_server_keeps_at_most_its_limit(settings):
    store = GuildArticleStore(settings, max_per_guild=2)
    await store.add(1, article("a.md", "A."), added_by=1)
    await store.add(1, article("b.md", "B."), added_by=1)
    with pytest.raises(GuildArticleRefused, match="most it can keep"):
        await store.add(1, article("c.md", "C."), added_by=1)
    await store.add(1, article("b.md", "B again."), added_by=1)  # a replacement needs no room

    assert len(await store.articles(1)) == 2


async def test_remove_and_names_for_autocomplete(articles):
    await articles.add(1, article("Season 3 news.md"), added_by=1)
    await articles.add(1, article("Cast update.md", "Cast."), added_by=1)

    assert await articles.names(1, "season") == ["Season 3 news.md"]
    assert (await articles.remove(1, "Season 3 news.md")).name == "Season 3 news.md"
    assert await articles.remove(1, "Season 3 news.md") is None
    assert await articles.names(1) == ["Cast update.md"]


async def test_export_then_import_into_another_server(articles):
    await articles.add(1, article("a.md", "A."), added_by=5)
    await articles.add(1, article("../../b?.md", "B."), added_by=6)

    data = await articles.export(1)
    entries = read_archive(data)
    count = await articles.add_many(3, [NewArticle(e.show_id, e.name, "t", None, None, None, e.data.decode())
                                        for e in entries])

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        index = json.loads(archive.read("index.json"))
        assert sorted(archive.namelist()) == ["articles/a.md", "articles/b.md", "index.json"]
    assert [(e["name"], e["show"], e["added_by"]) for e in index["articles"]] == [
        ("a.md", "a-show", 5), ("../../b?.md", "a-show", 6)]
    assert count == 2 and await articles.texts(3, "a-show") == await articles.texts(1, "a-show")


async def test_an_import_over_the_limit_changes_nothing(settings):
    store = GuildArticleStore(settings, max_per_guild=1)
    with pytest.raises(GuildArticleRefused, match="Nothing was imported"):
        await store.add_many(1, [article("a.md", "A."), article("b.md", "B.")])
    assert await store.articles(1) == []


@pytest.mark.parametrize("data, message", [
    (b"not a zip", "not a zip"),
    ("empty", "no index.json"),
    ("bad-index", "not a showbot export index"),
])
def test_unusable_archives_are_refused_clearly(data, message):
    if isinstance(data, str):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            if data == "bad-index":
                archive.writestr("index.json", "{\"articles\": 3}")
            else:
                archive.writestr("picture.png", b"\x89PNG")
        data = buffer.getvalue()
    with pytest.raises(ArchiveError, match=message):
        read_archive(data)


def test_a_zip_of_plain_article_files_can_be_imported():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("news/s3.md", "---\ntitle: S3\n---\nText.\n")
    assert [(e.name, e.show_id) for e in read_archive(buffer.getvalue())] == [("s3.md", None)]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.md", b"a" * (3 * 1024 * 1024))
    with pytest.raises(ArchiveError, match="too large"):
        read_archive(buffer.getvalue())


async def test_added_articles_are_in_the_settings_backups(tmp_path):
    path, folder = tmp_path / "settings.sqlite3", tmp_path / "backups"
    async with GuildSettingsStore(path, backups=Backups(path, folder)) as settings:
        await GuildArticleStore(settings).add(1, article("a.md"), added_by=1)
        copy = await settings.backup()

    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT name FROM guild_article").fetchall() == [("a.md",)]
