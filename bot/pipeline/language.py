"""Reading knowledge/language/*.toml (see bot.text.language.LanguageData)."""
from __future__ import annotations

import tomllib
from pathlib import Path

from bot.text.language import LanguageData

FILES = ("boilerplate", "topics", "intents", "language", "answers")


class LanguageDataError(ValueError):
    """A language data file is missing or not valid TOML; the message says which."""


def load_language(folder: Path) -> LanguageData:
    data = {}
    for name in FILES:
        path = folder / f"{name}.toml"
        try:
            data[name] = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LanguageDataError(f"language data missing: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise LanguageDataError(f"{path}: {exc}") from None
    return LanguageData(data["boilerplate"], data["topics"], data["intents"], data["language"], data["answers"])
