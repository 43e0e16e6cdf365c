"""The general language data (knowledge/language/*.toml) as one value: how fans ask
(intents, slang, synonyms), how articles are cleaned (boilerplate) and what their
sentences are about (topics), and how answers are worded (answers). The same for every
show: nothing in it names one."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageData:
    boilerplate_data: dict
    topics_data: dict
    intents: dict
    language: dict
    answers: dict
    extra: dict = field(default_factory=dict)
