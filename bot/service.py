"""Wiring: config -> (re)built knowledge database -> in-memory knowledge -> Engine."""
from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from . import build as builder
from .qa.answers import Builders
from .qa.engine import Engine
from .qa.entities import EntityLinker
from .qa.intents import IntentMatcher, learn_topic_words, load_intents
from .qa.kb import KnowledgeBase, stem
from .qa.normalise import PhraseMap, tokens
from .qa.understand import Reader
from .config import Config
from .storage import knowledge

log = logging.getLogger(__name__)


def _toml(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def open_engine(config: Config, *, rebuild: bool = False, progress=None) -> Engine:
    """An engine over the articles in `config`, building the database when missing or stale."""
    if rebuild or await builder.is_stale(config):
        log.info("knowledge database missing or stale: building from %s", config.articles_dir)
        await builder.build(config, progress)
    conn = await knowledge.connect(config.knowledge_db)
    try:
        rows = await knowledge.load(conn)
        return assemble(config.knowledge_dir, rows, search=lambda words: knowledge.search(conn, words),
                        close=conn.close)
    except BaseException:
        await conn.close()
        raise


def assemble(knowledge_dir: Path, rows: dict, *, search, close=None) -> Engine:
    language = _toml(knowledge_dir / "language.toml")
    phrases = PhraseMap(language["phrases"])
    stopwords = set(language["stopwords"].split())
    fillers = set(language["fillers"].split())
    domain = set(language["domain"].split())
    question_words = {stem(w) for w in language["question_words"].split()}
    kb = KnowledgeBase.from_rows(rows, phrases)
    matcher = IntentMatcher(load_intents(_toml(knowledge_dir / "intents.toml")), phrases, stopwords)
    learn_topic_words(matcher, kb.topics, stopwords)
    data_words = {stem(w) for w in (*stopwords, *fillers, *domain)}
    data_words |= {stem(w) for v in language["phrases"].values() for w in tokens(v)}
    known = set(kb.vocabulary) | matcher.vocabulary | data_words
    known = {w for w in known if not w.startswith("<")}
    linker = EntityLinker(list(kb.people.values()), common_words=set(matcher.vocabulary) | stopwords | {"show", "season"})
    frequency = dict(kb.vocabulary)
    for w in matcher.vocabulary:
        frequency[w] = frequency.get(w, 0) + 50  # the words questions use matter most
    asked_words = {w for i in matcher.intents for text in i.phrasings for w in tokens(text) if w.isalpha()}
    reader = Reader(phrases, linker, known, stopwords, fillers, frequency, asked_words)
    templates = _toml(knowledge_dir / "answers.toml")
    related = {stem(k): frozenset(stem(w) for w in v.split()) for k, v in language.get("related", {}).items()}
    return Engine(kb, reader, matcher, Builders(kb, templates, related), templates, search,
                  domain, question_words, close=close)
