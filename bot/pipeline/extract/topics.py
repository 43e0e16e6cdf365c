"""Sentence topics from knowledge/language/topics.toml (data, the same for every show)."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    patterns: tuple[re.Pattern, ...]
    sections: tuple[re.Pattern, ...]
    section_weight: float
    spoiler: bool


def load_topics(data: dict) -> list[Topic]:
    return [Topic(name, tuple(re.compile(p, re.I) for p in t.get("patterns", [])),
                  tuple(re.compile(p, re.I) for p in t.get("sections", [])),
                  float(t.get("section_weight", 0.5)), bool(t.get("spoiler", False)))
            for name, t in data.get("topics", {}).items()]


def topics_of(text: str, heading: str, topics: list[Topic]) -> dict[str, float]:
    """Topic -> weight: 1 for a matching pattern, +0.25 for each further one (at most 2),
    plus the section's weight when the heading is about the topic too."""
    out = {}
    for t in topics:
        hits = sum(1 for p in t.patterns if p.search(text))
        weight = min(1.0 + 0.25 * (hits - 1), 2.0) if hits else 0.0
        if heading and any(p.search(heading) for p in t.sections):
            weight += t.section_weight
        if weight:
            out[t.name] = round(weight, 3)
    return out
