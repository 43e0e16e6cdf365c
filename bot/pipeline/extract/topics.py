"""Sentence topics from knowledge/language/topics.toml (data, the same for every show).

Most topic patterns are plain words or phrases ("\\bfootage\\b", "\\btop 10\\b",
"\\b(emmys?|awards?)\\b"). Those are expanded once into the literal phrases they match
and looked up in the sentence's words, which costs a set lookup instead of a regex scan;
only the patterns that need a regular expression are run as one. Topic tagging runs on
every sentence of every article at build time, so this is most of the build's speed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.required import Guarded

_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Topic:
    name: str
    patterns: tuple[Guarded, ...]  # those that need a regular expression
    phrases: tuple[frozenset[str], ...]  # word patterns, each as the whole-word phrases it matches
    substrings: tuple[frozenset[str], ...]  # literal patterns with no word boundary, as substrings
    sections: tuple[re.Pattern, ...]
    section_weight: float
    spoiler: bool


def load_topics(data: dict) -> list[Topic]:
    out = []
    for name, t in data.get("topics", {}).items():
        patterns, phrases, substrings = [], [], []
        for p in t.get("patterns", []):
            literal = _literals(p)
            if literal is not None:
                phrases.append(literal)
            elif (plain := _literals(rf"\b{p}\b", strip=False)) is not None:
                substrings.append(plain)
            else:
                patterns.append(Guarded(p, re.I))
        out.append(Topic(name, tuple(patterns), tuple(phrases), tuple(substrings),
                         tuple(re.compile(p, re.I) for p in t.get("sections", [])),
                         float(t.get("section_weight", 0.5)), bool(t.get("spoiler", False))))
    return out


def _literals(pattern: str, strip: bool = True) -> frozenset[str] | None:
    """The phrases a word pattern matches, when it is made only of letters, digits, spaces,
    groups, alternatives and "?" between word boundaries ("\\bsurviv(ors?|ing)\\b" ->
    survivor, survivors, surviving); None when it needs a regular expression."""
    if not (pattern.startswith(r"\b") and pattern.endswith(r"\b")):
        return None
    body = pattern[2:-2]
    if not re.fullmatch(r"[a-z0-9 '()|?\-]+", body):
        return None
    try:
        strings, rest = _sequence(body, 0)
    except ValueError:
        return None
    if rest != len(body) or len(strings) > 256:
        return None
    out = {" ".join(_WORDS.findall(s)) if strip else s for s in strings}
    out.discard("")
    return frozenset(out) or None


def _sequence(body: str, i: int) -> tuple[set[str], int]:
    """Expand body[i:] up to a closing parenthesis: (strings, index after)."""
    alternatives: list[set[str]] = []
    current = {""}
    while i < len(body) and body[i] != ")":
        c = body[i]
        if c == "|":
            alternatives.append(current)
            current = {""}
            i += 1
            continue
        if c == "(":
            item, i = _sequence(body, i + 1)
            if i >= len(body) or body[i] != ")":
                raise ValueError("unclosed group")
            i += 1
        else:
            item, i = {c}, i + 1
        if i < len(body) and body[i] == "?":
            item, i = item | {""}, i + 1
        current = {a + b for a in current for b in item}
        if len(current) > 256:
            raise ValueError("too many")
    alternatives.append(current)
    return set().union(*alternatives), i


class _Tagger:
    """The topics compiled for tagging many sentences: every literal phrase under its first
    word, every substring under its first four characters, every regular expression behind the
    plain strings it needs (bot.text.required), so a sentence costs a few lookups per word and a few `in` tests instead of a pass
    over every topic's every pattern."""

    def __init__(self, topics: list[Topic]):
        self.topics = topics
        self.phrases: dict[str, list[tuple[tuple[int, int], str]]] = {}
        self.substrings: dict[str, list[tuple[tuple[int, int], str]]] = {}
        self.patterns: list[tuple[tuple[int, int], Guarded]] = []
        for ti, t in enumerate(topics):
            # keys are (topic, n): each pattern of the data counts once however it matched
            for pi, phrases in enumerate(t.phrases):
                for phrase in phrases:
                    self.phrases.setdefault(phrase.split()[0], []).append(((ti, pi), phrase))
            for si, subs in enumerate(t.substrings, start=len(t.phrases)):
                for sub in subs:
                    self.substrings.setdefault(sub[:4], []).append(((ti, si), sub))
            for ri, pattern in enumerate(t.patterns, start=len(t.phrases) + len(t.substrings)):
                self.patterns.append(((ti, ri), pattern))

    def hits(self, text: str) -> dict[int, int]:
        """Topic index -> how many of its patterns the sentence matches."""
        low = text.casefold()
        tokens = _WORDS.findall(low)
        words = " " + " ".join(tokens) + " "
        matched: set[tuple[int, int]] = set()
        for w in set(tokens):
            for key, phrase in self.phrases.get(w, ()):
                if key not in matched and (phrase == w or f" {phrase} " in words):
                    matched.add(key)
        for head, subs in self.substrings.items():
            if head in low:
                for key, sub in subs:
                    if key not in matched and sub in low:
                        matched.add(key)
        for key, pattern in self.patterns:
            if key not in matched and pattern.search(text, low):
                matched.add(key)
        counts: dict[int, int] = {}
        for ti, _ in matched:
            counts[ti] = counts.get(ti, 0) + 1
        return counts


_TAGGERS: dict[int, _Tagger] = {}


def _tagger(topics: list[Topic]) -> _Tagger:
    tagger = _TAGGERS.get(id(topics))
    if tagger is None or tagger.topics is not topics:
        tagger = _TAGGERS[id(topics)] = _Tagger(topics)
    return tagger


def heading_topics(heading: str, topics: list[Topic]) -> dict[str, float]:
    """The weight each topic gets from a section heading (computed once per section)."""
    return {t.name: t.section_weight for t in topics if heading and any(p.search(heading) for p in t.sections)}


def topics_of(text: str, heading: str | dict[str, float], topics: list[Topic]) -> dict[str, float]:
    """Topic -> weight: 1 for a matching pattern, +0.25 for each further one (at most 2),
    plus the section's weight when the heading is about the topic too (`heading` may be
    the heading's weights, from heading_topics)."""
    from_heading = heading if isinstance(heading, dict) else heading_topics(heading, topics)
    hits = _tagger(topics).hits(text)
    out = {}
    for ti, t in enumerate(topics):
        n = hits.get(ti, 0)
        weight = min(1.0 + 0.25 * (n - 1), 2.0) if n else 0.0
        weight += from_heading.get(t.name, 0.0)
        if weight:
            out[t.name] = round(weight, 3)
    return out
