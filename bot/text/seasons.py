"""Season (and part/volume) references in text: "season 3", "s3", "the third season",
"seasons 2 and 3", "Part 2 of season two", "the final season", "next season".

The same reader serves articles (which season a sentence is about) and questions (which
season is asked about). Relative references ("final", "next") are kept as such here and
resolved against a show's facts by whoever knows them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "sophomore": 2, "debut": 1, "freshman": 1, "inaugural": 1}
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"sophomore|debut|freshman|inaugural|\d{1,2}(?:st|nd|rd|th))")
_SEP = r"\s*(?:,\s*(?:and\s+)?|and|&|-|\u2013|to)\s*"

# (kind, pattern, words one of which each group of the text must contain for the pattern to
# match at all): the words are checked first, as substrings, because this runs on every
# sentence of every article at build time and most sentences name no season.
_PATTERNS = [
    # "season 2, part 2", "season two part 1", "season 2 volume 1"
    ("season_part", re.compile(rf"\bseason\s+(?P<s>{_NUM})\s*,?\s*(?:part|vol(?:ume|\.)?)\s*(?P<p>{_NUM})\b", re.I),
     (("season",), ("part", "vol"))),
    # "part 2 of season two", "volume 1 of the second season"
    ("part_of", re.compile(rf"\b(?:part|vol(?:ume|\.)?)\s*(?P<p>{_NUM})\s+of\s+(?:the\s+)?(?:season\s+(?P<s>{_NUM})|(?P<o>{_ORD})\s+season)\b", re.I),
     (("season",), ("part", "vol"))),
    # "seasons 2 and 3", "season 3"
    ("numbered", re.compile(rf"\bseasons?\s+(?P<list>{_NUM}(?:{_SEP}{_NUM})*)\b(?!\s*(?:percent|%))", re.I),
     (("season",),)),
    # "the third and final season", "second and third seasons", "the first season"
    ("ordinal", re.compile(rf"\b(?P<list>{_ORD}(?:{_SEP}{_ORD})*)(?P<final>\s+and\s+(?:final|last))?\s+(?:and\s+(?:final|last)\s+)?(?:seasons?|installments?|chapters?)\b", re.I),
     (("season", "installment", "chapter"),)),
    # "S2", "S02", "s3e4"
    ("short", re.compile(r"\b[sS](?P<s>\d{1,2})(?:[eE]\d{1,2})?\b"), ()),
    # "part 2", "vol. 1" on their own (the season comes from context)
    ("part", re.compile(rf"\b(?:part|vol(?:ume|\.)?)\s*(?P<p>{_NUM})\b", re.I), (("part", "vol"),)),
    ("final", re.compile(r"\b(?:final|last|concluding)\s+(?:season|installment|chapter)\b", re.I),
     (("final", "last", "concluding"),)),
    ("next", re.compile(r"\b(?:next|upcoming|new|another|following)\s+(?:season|installment|batch of episodes)\b", re.I),
     (("season", "installment", "batch"),)),
]


@dataclass(frozen=True, slots=True)
class SeasonRef:
    """One reference. `season` is None for "part 2" alone or a relative reference."""
    season: int | None
    part: int | None = None
    relative: str | None = None  # "final" | "next"
    start: int = 0
    end: int = 0


def number(word: str) -> int | None:
    word = word.casefold()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)
    return int(m.group(1)) if m else None


_ANY_WORD = ("season", "part", "vol", "install", "chapter", "batch")
_SHORT = re.compile(r"\b[sS]\d")


def find_seasons(text: str) -> list[SeasonRef]:
    """Every season reference in `text`, in order; overlapping readings keep the first
    (most specific) pattern's."""
    low = text.casefold()
    if not any(word in low for word in _ANY_WORD) and not _SHORT.search(text):
        return []
    found: list[SeasonRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, needs in _PATTERNS:
        if not all(any(word in low for word in group) for group in needs):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            refs = _refs(kind, m)
            if refs:
                taken.append(m.span())
                found.extend(refs)
    return _join_parts(sorted(found, key=lambda r: r.start), text)


def _join_parts(refs: list[SeasonRef], text: str) -> list[SeasonRef]:
    """"s2 part 2", "season 2 ... part 2": a part named right after a season belongs to it."""
    out: list[SeasonRef] = []
    for ref in refs:
        prev = out[-1] if out else None
        if (prev is not None and ref.season is None and ref.part is not None and ref.relative is None
                and prev.season is not None and prev.part is None and ref.start - prev.end <= 3
                and not text[prev.end:ref.start].strip(" ,")):
            out[-1] = SeasonRef(prev.season, ref.part, prev.relative, prev.start, ref.end)
        else:
            out.append(ref)
    return out


def _refs(kind: str, m: re.Match) -> list[SeasonRef]:
    span = dict(start=m.start(), end=m.end())
    if kind == "season_part":
        return [SeasonRef(number(m["s"]), number(m["p"]), **span)]
    if kind == "part_of":
        season = number(m["s"]) if m["s"] else number(m["o"])
        return [SeasonRef(season, number(m["p"]), **span)]
    if kind in ("numbered", "ordinal"):
        values = [number(w) for w in re.findall(rf"{_ORD}|{_NUM}", m["list"], re.I)]
        values = [v for v in values if v]
        if kind == "numbered" and len(values) == 2 and re.search(r"-|\u2013|to", m["list"]):
            values = list(range(values[0], values[1] + 1)) if values[0] < values[1] <= values[0] + 6 else values
        refs = [SeasonRef(v, **span) for v in values if 0 < v < 40]
        if kind == "ordinal" and m.groupdict().get("final") and refs:
            refs[-1] = SeasonRef(refs[-1].season, relative="final", **span)
        return refs
    if kind == "short":
        return [SeasonRef(int(m["s"]), **span)] if 0 < int(m["s"]) < 40 else []
    if kind == "part":
        return [SeasonRef(None, number(m["p"]), **span)]
    if kind == "final":
        return [SeasonRef(None, relative="final", **span)]
    if kind == "next":
        return [SeasonRef(None, relative="next", **span)]
    return []


def numbered(refs: list[SeasonRef]) -> list[int]:
    """The season numbers named outright, in order, without repeats."""
    return list(dict.fromkeys(r.season for r in refs if r.season is not None))
