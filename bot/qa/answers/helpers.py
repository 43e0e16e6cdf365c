"""Small pure helpers for the answer recipes: dates, ordering, joining, patterns."""
from __future__ import annotations

import re
from collections import defaultdict

from ..kb import Fact, SentenceRec
from ..normalise import plain_key
from ..people import Person

DOUBT = re.compile(r"rare possibility|unlikely|no chance|doubt|won.t (be )?(back|return)", re.I)
NEGATIVE = re.compile(r"no official confirmation|not (been )?(officially )?confirmed|no chances|cancel", re.I)
POSITIVE = re.compile(r"renewed|commissioned|confirmed|announced the return|crawling back|officially announced|in the works", re.I)
REPORTED = re.compile(r"\b(reports?|rumou?rs?|sources?) (say|said|claim)", re.I)
YEAR = re.compile(r"\b(19|20)\d\d\b")
NUMBER = re.compile(r"\b\d+\b|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b", re.I)
QUOTED = re.compile(r"[\"\u201c\u201d]")
OFFICIAL = re.compile(r"\b(announced|confirmed|official(ly)?|set to premiere|will premiere on)\b", re.I)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(":,;") + "…"


def month_year(date: str | None) -> str:
    if not date:
        return ""
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = months[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{month} {int(parts[2])}, {parts[0]}"


def newest_first(key: str) -> tuple:
    """Invert a string sort key so newer sorts first inside an ascending sort."""
    return tuple(-ord(c) for c in key) + (1,)


def named_early(s: SentenceRec, person: Person, words: int = 5) -> bool:
    """Whether the sentence names the person near its start, i.e. is about them."""
    opening = plain_key(" ".join(s.text.split()[:words]))
    return any(plain_key(a) in opening for a in person.aliases)


def season_asked(words: list[str]) -> str | None:
    for a, b in zip(words, words[1:]):
        if a == "season" and b.isdigit():
            return b
    return None


def first_of_kind(people, kind: str) -> Person | None:
    return next((p for p in people if p.kind == kind), None)


def by_support(facts: list[Fact], key) -> list:
    """Distinct values of `key`, those backed by more articles first."""
    support: dict = defaultdict(set)
    order: dict = {}
    for f in facts:
        k = key(f)
        if k is None:
            continue
        support[k].add(f.sentence.article.id)
        order.setdefault(k, len(order))
    return sorted(support, key=lambda k: (-len(support[k]), order[k]))


def cast_pairs(facts: list[Fact]) -> list[tuple[int, int]]:
    return [pair for pair in by_support(facts, lambda f: (f.subject_id, f.object_id) if f.subject_id and f.object_id else None)]


def join_names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def date_parts(value: str) -> tuple:
    words = re.findall(r"[a-z]+|\d+", value.casefold())
    month = next((MONTHS[w[:3]] for w in words if w[:3] in MONTHS), None)
    nums = [int(w) for w in words if w.isdigit()]
    year = next((n for n in nums if n > 1900), None)
    day = next((n for n in nums if n <= 31), None)
    return year, month, day


def already_past(f: Fact) -> bool:
    """An 'estimate' dated before its own article was written is not a forecast."""
    if not f.sentence.article.date:
        return False
    year, month, _ = date_parts(f.value)
    parts = [int(x) for x in f.sentence.article.date.split("-")]
    if year is None:
        return False
    return (year, month or 12) < (parts[0], parts[1] if len(parts) > 1 else 12)


def most_specific(facts: list[Fact]) -> Fact:
    return max(facts, key=lambda f: (sum(x is not None for x in date_parts(f.value)),
                                     sum(same_date(f.value, g.value) for g in facts)))


def same_date(a: str, b: str) -> bool:
    pa, pb = date_parts(a), date_parts(b)
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))
