"""Article dates: YYYY-MM-DD, YYYY-MM or YYYY, and only as precise as the source says.

Two entry points. `header_date` is strict: it checks a date an admin wrote in an uploaded
file's header and explains what is wrong (a malformed value, or a day the calendar does not
have, such as 2024-02-30, which the article reader's pattern alone would let through).
`page_date` is lenient: it reads the date strings web pages put in their metadata
(ISO 8601 timestamps, "June 6, 2022", "2022/06/06") and keeps their precision, because a
month-only date must not turn into a made-up day: newer articles lead time-sensitive
answers, so a wrong day can reorder sources.
"""
from __future__ import annotations

import calendar
import re

from .errors import IntakeRefused, Reason

_HEADER_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_WORD = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Machine-readable forms first: 2022, 2022-06, 2022-06-06, 2022-06-06T10:00:00+09:00,
# 2022/06/06, 2022.06.06, 20220606 (the time part, if any, is ignored).
_ISO = re.compile(r"^(?P<year>\d{4})(?:(?P<sep>[-/.])(?P<month>\d{1,2})"
                  r"(?:(?P=sep)(?P<day>\d{1,2}))?)?(?:[T\s]\d.*)?$")
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:T\d.*)?$")
# Written forms: "June 6, 2022", "Jun 6 2022", "6 June 2022", "June 2022", with an optional
# leading weekday ("Monday, June 6, 2022") and trailing time.
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH_DAY_YEAR = re.compile(rf"^{_WEEKDAY}{_MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
                             r"(?P<year>\d{4})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                             rf"{_MONTH_WORD},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"^{_MONTH_WORD},?\s+(?P<year>\d{{4}})$", re.IGNORECASE)


def header_date(value: str) -> str:
    """The header's date in canonical form (zero-padded), or a refusal that says why."""
    match = _HEADER_DATE.match(value.strip())
    if not match:
        raise IntakeRefused(f"The header's date {value!r} must be written YYYY-MM-DD, "
                            "YYYY-MM or YYYY (for example 2024-06-30).", Reason.DATE)
    year, month, day = (int(g) if g else None for g in match.groups())
    problem = _calendar_problem(year, month, day)
    if problem:
        raise IntakeRefused(f"The header's date {value.strip()} isn't a real date: {problem}.",
                            Reason.DATE)
    return format_date(year, month, day)


def page_date(raw: str | None) -> str | None:
    """A date from a page's metadata at the precision the page gives, or None if unreadable."""
    if not raw:
        return None
    text = " ".join(raw.split())
    for pattern in (_ISO, _COMPACT, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _MONTH_YEAR):
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            year = int(parts["year"])
            if parts.get("month_name"):
                month: int | None = _MONTHS[parts["month_name"].lower().rstrip(".")]
            else:
                month = int(parts["month"]) if parts.get("month") else None
            day = int(parts["day"]) if parts.get("day") else None
            if _calendar_problem(year, month, day) or year < 1900:
                return None
            return format_date(year, month, day)
    return None


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_article_date(value: str) -> bool:
    """True for a canonical YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date."""
    match = _HEADER_DATE.match(value)
    if not match or len(value) not in (4, 7, 10):
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    return _calendar_problem(year, month, day) is None


def _calendar_problem(year: int, month: int | None, day: int | None) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return f"{calendar.month_name[month]} {year} has {last} days"
    return None
