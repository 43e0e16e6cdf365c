"""Numbers with what they count: "341.23 million hours", "12 Emmy nominations",
"eight episodes", "No. 1 in 83 countries", "$27 million", "30 billion won", "43.6%"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .seasons import NUMBER_WORDS

_WORDS = {**NUMBER_WORDS, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12}
_NUM = (r"(?:[$\u00a3\u20ac\u20a9]\s?)?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:million|billion|thousand|trillion|m|bn|k)\b)?%?"
        r"|\b(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b(?:[\s-](?:million|billion|thousand))?")
NUMBER = re.compile(rf"(?:No\.\s?|number\s)?(?:{_NUM})", re.I)
_UNIT_WORD = re.compile(r"[\s-]*([A-Za-z][\w'-]*)")
_FUNCTION = frozenset("a an the and or of in on at to for with by from as than that this is was were are be "
                      "been its it their his her after before between since until while".split())
_YEARISH = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    text: str
    start: int
    end: int
    value: float | None
    unit: str  # the words after it, lower-case ("million hours", "emmy nominations")
    rank: bool = False  # "No. 1", "number one"


def find_numbers(text: str, dates: list | None = None) -> list[NumberMention]:
    """Counts, amounts and ranks in `text`; numbers inside dates (`dates`, from
    dates.find_dates) are not counts."""
    date_spans = [(d.start, d.end) for d in dates or ()]
    out = []
    for m in NUMBER.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in date_spans):
            continue
        raw = m.group().strip()
        if not raw or _YEARISH.match(raw):
            continue  # a year is a date, not a count
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # inside a word or an id ("S2")
        if _after_hyphenated_word(text, m.start()):
            continue  # the number of an id ("MH-5", "COVID-19")
        unit = _unit(text, m.end())
        out.append(NumberMention(raw, m.start(), m.end(), value(raw), unit,
                                 rank=raw.casefold().startswith(("no.", "number"))))
    return out


def _after_hyphenated_word(text: str, pos: int) -> bool:
    """A digit hyphened onto a word ("MH-5") names a thing; after a digit ("8-10") the
    hyphen is a range, and a number word after one ("twenty-five") is read as before."""
    return (text[pos:pos + 1].isdigit() and pos > 1 and text[pos - 1] == "-"
            and text[pos - 2].isalpha())


def _unit(text: str, pos: int, most: int = 2) -> str:
    words = []
    while len(words) < most:
        m = _UNIT_WORD.match(text, pos)
        if not m or m.group(1).casefold() in _FUNCTION:
            break
        words.append(m.group(1).casefold())
        pos = m.end()
    return " ".join(words)


def value(raw: str) -> float | None:
    text = raw.casefold().replace(",", "")
    text = re.sub(r"^(?:no\.\s?|number\s)", "", text)
    scale = 1.0
    for word, factor in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3),
                         ("bn", 1e9)):
        if word in text:
            scale, text = factor, text.replace(word, "")
    m = re.search(r"\d+(?:\.\d+)?", text)
    if m:
        return float(m.group()) * scale
    for word, n in _WORDS.items():
        if word in text:
            return float(n) * scale
    return None


def count_of(raw: str) -> int | None:
    """'eight' -> 8, '12' -> 12; None for anything that is not a small whole number."""
    v = value(raw)
    return int(v) if v is not None and v == int(v) and v < 10_000 else None
