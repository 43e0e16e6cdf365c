"""Dates as articles write them: "November 23, 2022", "23 November 2022", "July 23",
"March 2023", "summer 2024", "late 2023 or 2024", "next year".

Each mention keeps its verbatim text (answers repeat it as written) and what it pins
down (year, month, day), so that sources can be compared and the most precise chosen.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19[89]\d|20[0-4]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_PERIOD = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?(?:(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?)?"
_ABSOLUTE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<p3>{_PERIOD})(?P<m3>{_MONTH})\s+(?:of\s+)?(?P<y3>{_YEAR})"
    rf"|(?P<p4>{_PERIOD})(?P<y4>{_YEAR})(?!\s*(?:-|\u2013)\s*\d)(?!\d|%|\s*(?:million|billion|episodes|hours|views))"
    rf")(?P<alt>\s+or\s+(?:(?:early|mid|late)[\s-]+)?(?:{_MONTH}\s+)?{_YEAR})?"
    rf"(?P<edge>\s+at\s+the\s+(?:earliest|latest))?",
    re.I)
_RELATIVE = re.compile(
    r"\b(?:(?:early|later|late|mid)[\s-]+)?(?:this|next|last)\s+(?:year|month|week|spring|summer|fall|autumn|winter)\b"
    r"|\blater\s+this\s+(?:year|month)\b|\bin\s+the\s+coming\s+(?:weeks|months)\b|\bsoon\b", re.I)
_MONTH_ONLY = re.compile(rf"\b(?:in|by|from|until|since|during|early|late|mid)[\s-]+(?P<m>{_MONTH})\b(?!\s+\d)", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    vague: bool = False  # a period, a range or a relative time, not a day

    @property
    def precision(self) -> int:
        """0 relative, 1 year, 2 month, 3 day."""
        return 3 if self.day else 2 if self.month else 1 if self.year else 0

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)


# What each pattern cannot match without, checked first with `in`: the patterns are long
# case-insensitive alternations, slow to run on the many sentences that hold no date.
_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RELATIVE_WORDS = ("this", "next", "last", "later", "coming", "soon")
_YEARISH = re.compile(r"19[89]\d|20[0-4]\d")


def find_dates(text: str) -> list[DateMention]:
    low = text.casefold()
    has_month = any(m in low for m in _MONTH_PREFIXES)
    has_year = has_month or _YEARISH.search(text) is not None  # a month or a year: maybe absolute
    relative = any(w in low for w in _RELATIVE_WORDS)
    if not has_year and not relative:
        return []  # no month, no year and no relative time: no date
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in (_ABSOLUTE.finditer(text) if has_year else ()):
        month = m["m1"] or m["m2"] or m["m3"]
        day = m["d1"] or m["d2"]
        year = m["y1"] or m["y2"] or m["y3"] or m["y4"]
        period = (m["p3"] or m["p4"] or "").strip()
        if m["m1"] and m["m1"].casefold().rstrip(".") == "may" and not year and not _looks_like_may(text, m):
            continue  # "may 3" is usually "may" the verb
        d = DateMention(m.group().strip(), m.start(), m.start() + len(m.group().rstrip()),
                        int(year) if year else None,
                        MONTHS[month.casefold().rstrip(".")] if month else None,
                        int(re.match(r"\d+", day).group()) if day else None,
                        vague=bool(period or m["alt"] or m["edge"]))
        out.append(d)
        taken.append((d.start, d.end))
    found = list(_RELATIVE.finditer(text)) if relative else []
    if has_month:
        found += _MONTH_ONLY.finditer(text)
    for m in found:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        month = m.groupdict().get("m")
        out.append(DateMention(m.group(), m.start(), m.end(),
                               month=MONTHS[month.casefold().rstrip(".")] if month else None, vague=True))
    return sorted(out, key=lambda d: d.start)


def _looks_like_may(text: str, m: re.Match) -> bool:
    """"May 3" written with a capital is the month (the verb is capitalised only where a
    sentence opens, and then rarely before a number), unless a title-case headline."""
    if not text[m.start()].isupper():
        return False
    before = text[:m.start()].rstrip()
    return not before or re.search(r"(?:\b(?:on|in|by|from|since|until|till|before|after|of|and|to)|[,(:;\u2013\u2014-])$",
                                   before, re.I) is not None


def parse_iso(value: str | None) -> tuple[int, int, int]:
    """'2022-06-15' / '2022-06' / '2022' -> sortable (year, month, day); missing parts are 0."""
    if not value:
        return (0, 0, 0)
    parts = [int(p) for p in value.split("-")[:3] if p.isdigit()]
    return tuple(parts + [0] * (3 - len(parts)))  # type: ignore[return-value]


def with_year(d: DateMention, article_date: str | None, future: bool | None = None) -> tuple[int, int, int]:
    """A mention's date, its year filled in from the article's date when it leaves it out
    ("on February 23" in a March 2026 article is February 23, 2026). `future` says whether
    the sentence looks ahead (then a month before the article's is next year's)."""
    year, month, day = d.year, d.month, d.day
    if year is None and article_date:
        ay, am, _ = parse_iso(article_date)
        if ay:
            if not month or not am:
                year = ay
            elif future:
                year = ay if month >= am else ay + 1
            elif future is False:
                year = ay if month <= am else ay - 1
            else:
                year = ay if month <= am + 1 else ay - 1
    return (year or 0, month or 0, day or 0)


def month_year(date: str | None) -> str:
    """'2022-06-15' -> 'June 15, 2022'; '2022-06' -> 'June 2022'; '2022' -> '2022'."""
    if not date:
        return ""
    y, m, d = parse_iso(date)
    if not m:
        return str(y)
    return f"{MONTH_NAMES[m - 1]} {d}, {y}" if d else f"{MONTH_NAMES[m - 1]} {y}"
