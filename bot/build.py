"""Build the knowledge database from the articles folder (and decide when to)."""
from __future__ import annotations

import hashlib
import logging
import re
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rapidfuzz import fuzz, process

from .articles import ArticleError, find_articles, read_article
from .extract import NAME, extract, load_topics
from .ingest import Boilerplate, segment
from .qa.normalise import plain_key
from .qa.people import Mention, Person, cluster
from .config import Config
from .storage import knowledge

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # (done, total, article name)
_NAME_SPAN = re.compile(NAME)
_MENTION_SIMILAR = 88
_DERIVING_CODE = ("articles.py", "ingest.py", "extract.py", "build.py", "qa/people.py", "qa/normalise.py",
                  "storage/knowledge.py")
_QUOTE_MARK = re.compile(r"[\"\u201c\u201d]")


@dataclass(frozen=True)
class BuildReport:
    articles: int
    sentences: int
    facts: int
    people: int
    skipped: list[str]  # "file: reason" for articles that could not be read
    seconds: float


def fingerprint(config: Config) -> str:
    """What the database was built from: every article and knowledge file, and the code that
    derives facts from them, byte for byte (a new showbot version rebuilds by itself)."""
    digest = hashlib.sha256(str(knowledge.SCHEMA_VERSION).encode())
    files = (find_articles(config.articles_dir) + sorted(config.knowledge_dir.glob("*.toml"))
             + [Path(__file__).parent / name for name in _DERIVING_CODE])
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


async def is_stale(config: Config) -> bool:
    meta = await knowledge.read_meta(config.knowledge_db)
    return meta.get("fingerprint") != fingerprint(config)


async def build(config: Config, progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    rules = Boilerplate.load(config.knowledge_dir / "boilerplate.toml")
    topics = load_topics(config.knowledge_dir / "topics.toml")
    language = tomllib.loads((config.knowledge_dir / "language.toml").read_text(encoding="utf-8"))
    paths = find_articles(config.articles_dir)
    docs, skipped = [], []
    for n, path in enumerate(paths, 1):
        try:
            doc = segment(read_article(path), rules)
            docs.append((doc, extract(doc, topics)))
        except ArticleError as exc:
            log.warning("skipping article: %s", exc)
            skipped.append(str(exc))
        if progress:
            progress(n, len(paths), path.name)

    people = cluster(_mentions(docs), language.get("names", {}))
    rows = _rows(docs, people, config.articles_dir)
    await knowledge.write(config.knowledge_db, rows, {"fingerprint": fingerprint(config)})
    seconds = time.perf_counter() - started
    log.info("built %s from %d articles in %.2fs", config.knowledge_db, len(docs), seconds)
    return BuildReport(len(docs), len(rows["sentences"]), len(rows["facts"]), len(people), skipped, seconds)


def _mentions(docs) -> list[Mention]:
    out = []
    for article, (_, facts) in enumerate(docs):
        for f in facts:
            if f.kind == "plays":
                out.append(Mention("actor", f.subject, article, partner=f.object))
                out.append(Mention("character", f.object, article, partner=f.subject))
            elif f.kind == "stars":
                out.append(Mention("actor", f.subject, article))
            elif f.kind == "crew":
                out.append(Mention("crew", f.subject, article, role=f.object))
    return out


def _rows(docs, people: list[Person], root: Path) -> dict[str, list[tuple]]:
    by_name = {(p.kind, plain_key(a)): p.id for p in people for a in p.aliases}
    alias_keys = {plain_key(a): p.id for p in people for a in p.aliases if len(plain_key(a)) >= 5}
    rows: dict[str, list[tuple]] = {k: [] for k in
                                    ("articles", "sections", "sentences", "people", "aliases", "facts",
                                     "mentions", "removed")}
    for p in people:
        rows["people"].append((p.id, p.kind, p.name, ",".join(p.roles)))
        rows["aliases"].extend((p.id, a, i) for i, a in enumerate(p.aliases))
    sentence_id = section_id = fact_id = 0
    for article_id, (doc, facts) in enumerate(docs, 1):
        a = doc.article
        rows["articles"].append((article_id, _relative(a.path, root), a.title, a.publisher, a.date, a.url))
        rows["removed"].extend((article_id, t) for t in doc.removed)
        section_ids = []
        for position, heading in enumerate(doc.sections):
            section_id += 1
            section_ids.append(section_id)
            rows["sections"].append((section_id, article_id, position, heading))
        first_sentence = sentence_id + 1
        speakers: set[int] = set()  # who the quotes running on from earlier sentences belong to
        previous_section = None
        for s in doc.sentences:
            sentence_id += 1
            rows["sentences"].append((sentence_id, article_id, section_ids[s.section], s.index,
                                      s.start, s.end, s.text, int(s.list_item)))
            people = _people_in(s.text, alias_keys)
            if s.section != previous_section:
                speakers = set()
            previous_section = s.section
            # "Cho Yi-hyun ... said." followed by “Students are not children...”: the quote is hers
            if _QUOTE_MARK.search(s.text) and not people:
                people = set(speakers)
            speakers = people or speakers
            for person in people:
                rows["mentions"].append((sentence_id, person))
        for f in facts:
            fact_id += 1
            subject_kind, object_kind = {"plays": ("actor", "character"), "stars": ("actor", None),
                                         "crew": ("crew", None)}.get(f.kind, (None, None))
            subject_id = by_name.get((subject_kind, plain_key(f.subject or "")))
            object_id = by_name.get((object_kind, plain_key(f.object or "")))
            rows["facts"].append((fact_id, first_sentence + f.sentence, f.kind, f.subject, f.object,
                                  subject_id, object_id, f.value, f.weight))
    return rows


def _people_in(text: str, alias_keys: dict[str, int]) -> set[int]:
    """People a sentence names, spelling slips included ("Cheon-san", "Choi Nam-are")."""
    found = set()
    for m in _NAME_SPAN.finditer(text):
        words = m.group().split()
        # try the whole span and each shorter tail ("Meanwhile Nam-ra" -> "Nam-ra")
        for i in range(len(words)):
            key = plain_key(" ".join(words[i:]))
            if len(key) < 4:
                continue
            hit = alias_keys.get(key)
            if hit is None and len(key) >= 6:
                best = process.extractOne(key, alias_keys.keys(), scorer=fuzz.ratio,
                                          score_cutoff=_MENTION_SIMILAR)
                hit = alias_keys[best[0]] if best else None
            if hit is not None:
                found.add(hit)
                break
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
