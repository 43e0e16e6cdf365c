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

_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Topic:
    name: str
    patterns: tuple[tuple[re.Pattern, tuple[str, ...]], ...]  # those that need a regular expression,
    # each with the words one of which it cannot match without (empty: always tried)
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
                patterns.append((re.compile(p, re.I), _guard(p)))
        out.append(Topic(name, tuple(patterns), tuple(phrases), tuple(substrings),
                         tuple(re.compile(p, re.I) for p in t.get("sections", [])),
                         float(t.get("section_weight", 0.5)), bool(t.get("spoiler", False))))
    return out


def _guard(pattern: str) -> tuple[str, ...]:
    """Lower-case strings one of which a match must contain: the alternatives of a leading
    group of plain words, else the longest plain run of letters; () when unsure."""
    body = re.sub(r"^\^?(?:\\b)?", "", pattern)
    m = re.match(r"\(([a-z |'-]+)\)", body)
    if m and "|" in m.group(1) and not re.match(r"\([^)]*\)[?*]", body):
        return tuple(a for a in m.group(1).split("|") if a)
    bare = re.sub(r"[a-z]\?", "", re.sub(r"\([^)]*\)\??", " ", body))  # optional parts can't be required
    if re.search(r"[|*]", bare):
        runs = []
    else:
        runs = re.findall(r"(?<![\\])[a-z]{4,}", re.sub(r"\[[^\]]*\]|\\[a-zA-Z]", " ", bare))
    return (max(runs, key=len),) if runs else ()


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


_INDEXES: dict[int, tuple] = {}


def _index(topics: list[Topic]) -> dict[str, list[tuple[int, int, str]]]:
    """First word of every literal phrase -> (topic, pattern, phrase): a sentence's words
    find the patterns they could match in one dict lookup each."""
    key = id(topics)
    if key not in _INDEXES or _INDEXES[key][0] is not topics:
        index: dict[str, list[tuple[int, int, str]]] = {}
        for ti, t in enumerate(topics):
            for pi, phrases in enumerate(t.phrases):
                for phrase in phrases:
                    index.setdefault(phrase.split()[0], []).append((ti, pi, phrase))
        _INDEXES[key] = (topics, index)
    return _INDEXES[key][1]


def heading_topics(heading: str, topics: list[Topic]) -> dict[str, float]:
    """The weight each topic gets from a section heading (computed once per section)."""
    return {t.name: t.section_weight for t in topics if heading and any(p.search(heading) for p in t.sections)}


def topics_of(text: str, heading: str | dict[str, float], topics: list[Topic]) -> dict[str, float]:
    """Topic -> weight: 1 for a matching pattern, +0.25 for each further one (at most 2),
    plus the section's weight when the heading is about the topic too (`heading` may be
    the heading's weights, from heading_topics)."""
    from_heading = heading if isinstance(heading, dict) else heading_topics(heading, topics)
    low = text.casefold()
    tokens = _WORDS.findall(low)
    words = " " + " ".join(tokens) + " "
    matched: set[tuple[int, int]] = set()
    index = _index(topics)
    for w in set(tokens):
        for ti, pi, phrase in index.get(w, ()):
            if (ti, pi) not in matched and (phrase == w or f" {phrase} " in words):
                matched.add((ti, pi))
    out = {}
    for ti, t in enumerate(topics):
        hits = sum(1 for pi in range(len(t.phrases)) if (ti, pi) in matched)
        hits += sum(1 for subs in t.substrings if any(s in low for s in subs))
        hits += sum(1 for p, guard in t.patterns if (not guard or any(g in low for g in guard)) and p.search(text))
        weight = min(1.0 + 0.25 * (hits - 1), 2.0) if hits else 0.0
        weight += from_heading.get(t.name, 0.0)
        if weight:
            out[t.name] = round(weight, 3)
    return out
