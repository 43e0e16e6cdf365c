"""The question-answering core's fixtures: each invented show's knowledge assembled the way
the build and the library assemble it (records -> people -> `assemble`), with no database,
and the question-side tools the engine builds (intent matcher, reader, people linker)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import BUNDLED_LANGUAGE
from bot.pipeline.build import mentions_of, show_info_of
from bot.pipeline.language import load_language
from bot.pipeline.people import cluster
from bot.pipeline.preview import record_of
from bot.qa.knowledge import ShowKnowledge, assemble
from bot.qa.lexicon import Lexicon
from bot.qa.models import Show
from bot.qa.understanding import IntentMatcher, Reader
from bot.qa.understanding.intents import load_intents
from bot.qa.understanding.people import PeopleLinker, ordinary_stems

from ..conftest import BAKERY, THURSDAY


@pytest.fixture(scope="session")
def language():
    return load_language(BUNDLED_LANGUAGE)


@pytest.fixture(scope="session")
def lexicon(language) -> Lexicon:
    return Lexicon.from_data(language)


def knowledge_of(folder: Path, language, lexicon) -> ShowKnowledge:
    records = [record_of(p.read_text(encoding="utf-8"), p.name, language) for p in sorted(folder.glob("*.md"))]
    show_file = folder / "show.toml"
    info = show_info_of(folder.name, folder, show_file if show_file.exists() else None, records)
    people = cluster(mentions_of(records, info))
    return assemble(Show(info.id, info.name, info.aliases, info.platform), [p.to_json() for p in people],
                    records, lexicon)


@pytest.fixture(scope="session")
def thursday_knowledge(language, lexicon) -> ShowKnowledge:
    return knowledge_of(THURSDAY, language, lexicon)


@pytest.fixture(scope="session")
def bakery_knowledge(language, lexicon) -> ShowKnowledge:
    return knowledge_of(BAKERY, language, lexicon)


def person(k: ShowKnowledge, name: str, kind: str | None = None) -> int:
    """The id of the one person called `name` (of `kind`) in a show's knowledge."""
    ids = [i for i in k.person_ids(name) if kind is None or k.people[i].kind == kind]
    assert len(ids) == 1, (name, [k.people[i] for i in ids])
    return ids[0]


@pytest.fixture(scope="session")
def matcher(lexicon) -> IntentMatcher:
    return IntentMatcher(load_intents(lexicon.intents), lexicon.phrases, lexicon.stop_stems)


@pytest.fixture(scope="session")
def reader(lexicon, matcher) -> Reader:
    return Reader(lexicon, matcher.vocabulary)


def linked(k: ShowKnowledge, lexicon: Lexicon, matcher: IntentMatcher) -> ShowKnowledge:
    """The knowledge with its people linker, as the engine sets it on first use."""
    if k.linker is None:
        k.linker = PeopleLinker(k.people, ordinary_stems(k, lexicon, matcher.vocabulary))
    return k
