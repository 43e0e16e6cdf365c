"""The incremental build: article files -> records -> people per show -> the knowledge database.

Only what changed is redone. A file whose size and modification time are unchanged is not
read; a changed one is hashed, and only new content is segmented and extracted (records
are keyed by content hash and pipeline version, so a renamed or copied article costs
nothing). A show's people are clustered again only when its set of articles changed.

Any number of builders and readers may run at once: builders take turns on an inter-process
lock (each re-checks what is stale once it has the lock), and each build is written in one
transaction of a WAL database, so readers see the old knowledge or the new, never a mix.
A damaged database is moved aside and built again from scratch.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Config
from bot.storage import knowledge as store
from bot.text.normalise import plain_key

from .articles import ArticleError, decode, parse_article
from .extract import Tools, extract_article
from .files import SHOW_FILE, ArticlesFolderError, ShowFolder, Skipped, discover
from .freshness import Progress, build_lock, ensure_built, files_digest, is_stale, pipeline_version
from .language import load_language
from .people import Mention, cluster
from .shows import ShowFileError, ShowInfo, show_info

log = logging.getLogger(__name__)

_PARALLEL_FROM = 64  # articles; below this a process pool costs more than it saves


@dataclass
class BuildReport:
    articles: int = 0
    shows: int = 0
    extracted: int = 0  # articles read and extracted this time
    reused: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    changed: bool = False
    healed: bool = False


async def build(config: Config, progress: Progress | None = None) -> BuildReport:
    async with build_lock(config.data_dir):
        try:
            return await _build(config, progress)
        except store.DamagedDatabase as exc:
            store.move_aside(config.knowledge_db, str(exc))
            report = await _build(config, progress)
            report.healed = True
            return report


async def _build(config: Config, progress: Progress | None) -> BuildReport:
    started = time.perf_counter()
    language = load_language(config.language_dir)
    pipeline = pipeline_version(config.language_dir)
    meta, old_files, old_states, have = await store.read_state(config.knowledge_db)
    if meta.get("pipeline") != pipeline:
        have = set()
    shows, skipped = discover(config.articles_dir)
    report = BuildReport(skipped=list(skipped))
    by_path = {f.path: f for f in old_files}

    rows: list[store.FileRow] = []
    todo: list[tuple[store.FileRow, bytes]] = []
    for show in shows:
        for ref in show.articles:
            old = by_path.get(str(ref.path))
            if old and old.size == ref.size and old.mtime_ns == ref.mtime_ns and old.sha in have:
                rows.append(store.FileRow(str(ref.path), show.id, ref.name, ref.size, ref.mtime_ns, old.sha))
                continue
            try:
                data = ref.path.read_bytes()
            except OSError as exc:
                report.skipped.append(Skipped(ref.name, f"cannot be read ({exc.strerror})"))
                continue
            row = store.FileRow(str(ref.path), show.id, ref.name, ref.size, ref.mtime_ns,
                                hashlib.sha256(data).hexdigest())
            if row.sha in have:
                rows.append(row)
            else:
                todo.append((row, data))
        if show.show_file:
            data = show.show_file.read_bytes()
            st = show.show_file.stat()
            rows.append(store.FileRow(str(show.show_file), show.id, SHOW_FILE, st.st_size, st.st_mtime_ns,
                                      "show:" + hashlib.sha256(data).hexdigest()))

    new_records: dict[str, bytes] = {}
    for row, result in await _extract_all(todo, language, progress):
        if isinstance(result, str):
            report.skipped.append(Skipped(row.name, result[1:]))
            continue
        new_records.setdefault(row.sha, result)
        rows.append(row)
    report.extracted = len(new_records)
    report.reused = sum(1 for r in rows if not r.sha.startswith("show:")) - report.extracted

    changed_shows = await _shows(config, shows, rows, new_records, old_states, pipeline, report)
    with_articles = {r.show_id for r in rows if not r.sha.startswith("show:")}
    changes = store.BuildChanges(pipeline, rows, new_records, changed_shows, {s.id for s in shows if s.id in with_articles},
                                 {"root": str(config.articles_dir.resolve()),
                                  "files": files_digest((r.path, r.size, r.mtime_ns) for r in rows)})
    old_set = {(f.path, f.size, f.mtime_ns, f.sha) for f in old_files}
    new_set = {(f.path, f.size, f.mtime_ns, f.sha) for f in rows}
    report.changed = bool(new_records or changed_shows or old_set != new_set or meta.get("pipeline") != pipeline)
    if report.changed or not config.knowledge_db.exists() or meta.get("files") != changes.meta["files"]:
        await store.write(config.knowledge_db, changes)
    report.articles = sum(1 for r in rows if not r.sha.startswith("show:"))
    report.shows = len(changes.all_shows)
    report.seconds = time.perf_counter() - started
    for problem in report.skipped:
        log.warning("skipped %s", problem)
    log.info("knowledge built: %d articles (%d extracted, %d reused) in %d shows, %.2fs",
             report.articles, report.extracted, report.reused, report.shows, report.seconds)
    return report


async def _extract_all(todo, language, progress: Progress | None):
    if not todo:
        return []
    if len(todo) < _PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        def extract_here():  # in a worker thread: a running bot's event loop stays free
            out = []
            for n, (row, data) in enumerate(todo, 1):
                out.append((row, _extract_one(row.name, data, language)))
                if progress:
                    progress(n, len(todo), row.name)
            return out
        return await asyncio.to_thread(extract_here)
    loop = asyncio.get_running_loop()
    workers = min(os.cpu_count() or 2, 4)
    out = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(language.boilerplate_data, language.topics_data, language.language)) as pool:
        futures = [loop.run_in_executor(pool, _extract_in_worker, row.name, data) for row, data in todo]
        for n, (future, (row, _)) in enumerate(zip(futures, todo), 1):
            out.append((row, await future))
            if progress:
                progress(n, len(todo), row.name)
    return out


_WORKER: dict = {}


def _init_worker(boilerplate_data: dict, topics_data: dict, language_data: dict) -> None:
    _WORKER["tools"] = Tools.from_data(boilerplate_data, topics_data, language_data)


def _extract_in_worker(name: str, data: bytes) -> bytes | str:
    return _extract(name, data, _WORKER["tools"])


def _extract_one(name: str, data: bytes, language) -> bytes | str:
    if _WORKER.get("key") is not language:
        _init_worker(language.boilerplate_data, language.topics_data, language.language)
        _WORKER["key"] = language
    return _extract(name, data, _WORKER["tools"])


def _extract(name: str, data: bytes, tools: Tools) -> bytes | str:
    """An article's record packed for the store, or "!reason" when it is not a usable article."""
    try:
        article = parse_article(decode(data, name), name)
        return store.pack(json.dumps(extract_article(article, tools), ensure_ascii=False, separators=(",", ":")))
    except ArticleError as exc:
        return "!" + str(exc).split(": ", 1)[-1]
    except Exception as exc:  # one odd article must not stop the build
        log.exception("extracting %s failed", name)
        return f"!could not be processed ({exc.__class__.__name__})"


async def _shows(config: Config, shows: list[ShowFolder], rows, new_records: dict[str, bytes], old_states: dict[str, str],
                 pipeline: str, report: BuildReport) -> dict[str, tuple[str, str, str]]:
    """Info and people of every show whose articles (or show.toml) changed."""
    out = {}
    by_show: dict[str, list[str]] = {}
    for r in rows:
        by_show.setdefault(r.show_id, []).append(r.sha)
    for show in shows:
        shas = sorted(by_show.get(show.id, ()))
        if not any(not s.startswith("show:") for s in shas):
            continue
        state = hashlib.sha256((pipeline + "|" + ",".join(shas)).encode()).hexdigest()[:24]
        if old_states.get(show.id) == state:
            continue
        records = await _records(config, [s for s in shas if not s.startswith("show:")], new_records)
        try:
            info = show_info_of(show.id, show.folder, show.show_file, records)
        except ShowFileError as exc:
            report.skipped.append(Skipped(f"{show.id}/{SHOW_FILE}", str(exc)))
            info = show_info_of(show.id, show.folder, None, records)
        people = cluster(mentions_of(records, info))
        out[show.id] = (json.dumps(info.to_json(), ensure_ascii=False),
                        json.dumps([p.to_json() for p in people], ensure_ascii=False, separators=(",", ":")), state)
    return out


async def _records(config: Config, shas: list[str], new_records: dict[str, bytes]) -> list[dict]:
    out, missing = [], []
    for sha in dict.fromkeys(shas):
        if sha in new_records:
            out.append(store.unpack(new_records[sha]))
        else:
            missing.append(sha)
    if missing:
        out.extend(await store.records_by_sha(config.knowledge_db, missing))
    return out


def show_info_of(show_id: str, folder: Path, show_file: Path | None, records: list[dict]) -> ShowInfo:
    titles = [r["title"] for r in records]
    body_titles = [f["name"] for r in records for f in r["facts"] if f["k"] == "title"]
    platforms = [f["name"] for r in records for f in r["facts"] if f["k"] == "platform"]
    return show_info(show_id, folder, show_file, titles, body_titles, platforms)


def mentions_of(records: list[dict], info: ShowInfo) -> list[Mention]:
    """The spellings to cluster: every actor, character and crew name the facts use (the
    show's own title is never a person, though a title character may share it)."""
    show_keys = {" ".join(n.casefold().split()) for n in info.names()}
    casts = [f for r in records for f in r["facts"] if f["k"] == "cast"]
    actors = {plain_key(f["actor"]) for f in casts if not f.get("ambiguous")}
    characters = {plain_key(f["character"]) for f in casts if not f.get("ambiguous") and f["character"]}
    out = []
    for r in records:
        article = r["name"]
        for f in r["facts"]:
            if f["k"] == "cast":
                actor, character = f["actor"], f["character"]
                if f.get("ambiguous") and plain_key(actor) in characters and plain_key(character) in actors:
                    actor, character = character, actor  # "Victor Dorobantu (Thing)": actor second
                if actor.casefold() in show_keys:
                    continue
                out.append(Mention("actor", actor, article, partner=character or None))
                if character:
                    out.append(Mention("character", character, article, partner=actor))
                if f.get("actor_aka") and not f.get("ambiguous"):
                    out.append(Mention("actor", f["actor_aka"], article, partner=character or None, same_as=actor))
                if f.get("character_aka") and character and not f.get("ambiguous"):
                    out.append(Mention("character", f["character_aka"], article, partner=actor, same_as=character))
            elif f["k"] == "crew" and f["name"].casefold() not in show_keys:
                out.append(Mention("crew", f["name"], article, role=f["role"]))
    return out


__all__ = ["build", "ensure_built", "is_stale", "BuildReport", "ArticlesFolderError", "pipeline_version"]
