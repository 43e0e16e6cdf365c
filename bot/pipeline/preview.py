"""One article's text -> its record and a summary of what was learned from it, without
touching any database: for an admin who adds an article from Discord ("3 cast facts,
1 release date") and for the server's own articles, which are processed the same way as
the files on disk."""
from __future__ import annotations

from collections import Counter

from bot.text.language import LanguageData

from .articles import parse_article
from .extract import Tools, extract_article


_TOOLS: dict[int, tuple] = {}


def _tools(language: LanguageData) -> Tools:
    """Extraction's compiled rules for this language data (compiled once)."""
    key = id(language)
    if key not in _TOOLS:
        _TOOLS.clear()
        _TOOLS[key] = (Tools.from_data(language.boilerplate_data, language.topics_data, language.language), language)
    return _TOOLS[key][0]


def record_of(text: str, name: str, language: LanguageData) -> dict:
    """The record of an article given as text (front matter + body); raises ArticleError."""
    return extract_article(parse_article(text, name), _tools(language))


def summary(record: dict) -> dict[str, int]:
    """What an article taught, counted: cast facts, crew credits, dates, episode counts."""
    counts: Counter = Counter()
    for f in record["facts"]:
        if f["k"] == "cast":
            counts["cast facts"] += 1
        elif f["k"] == "crew":
            counts["crew credits"] += 1
        elif f["k"] == "event" and f.get("date"):
            counts[{"release": "release dates", "renewal": "renewal dates", "trailer": "trailer dates"}.get(
                f["event"], "other dates")] += 1
        elif f["k"] == "event" and f["status"] == "unannounced":
            counts["release updates"] += 1
        elif f["k"] == "episodes":
            counts["episode counts"] += 1
    counts["sentences"] = len(record["sentences"])
    return dict(counts)


def describe_summary(counts: dict[str, int]) -> str:
    """'12 sentences, 3 cast facts, 1 release dates' -> readable English."""
    parts = []
    for key, n in counts.items():
        if not n:
            continue
        label = key if n != 1 else key.rstrip("s").replace("datess", "dates")
        parts.append(f"{n} {label}")
    return ", ".join(parts) if parts else "nothing usable"
