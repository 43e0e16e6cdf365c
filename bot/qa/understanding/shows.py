"""Which of the loaded shows a question names ("sweet home", "AOUAD", "sweet hom").

Names and aliases of every loaded show are indexed by their words, so finding them costs
a few dict lookups per question however many shows are loaded; a fuzzy match (rapidfuzz)
is tried only on words the show does not otherwise know, for typos in a title.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.text.dates import MONTH_NAMES, WEEKDAYS
from bot.text.normalise import tokens

from ..models import Show

FUZZY_CUTOFF = 88
_DATE_LEAD = frozenset("on this last next every each by until since before after".split())
_DAYS = frozenset(WEEKDAYS) | {m.casefold() for m in MONTH_NAMES}
# "on" leads a show as often as a day ("who plays Juniper on Thursday"): after it, a day's
# name is the day only in a question about when something comes out
_AIRING = frozenset("when time date day week weekly schedule scheduled new episode episodes come comes coming out "
                    "release releases released air airs aired airing premiere premieres premiered drop drops dropped "
                    "stream streams streaming arrive arrives".split())


@dataclass(frozen=True, slots=True)
class ShowMention:
    show_id: str
    start: int  # token span
    end: int
    exact: bool = True


class ShowFinder:
    def __init__(self, shows: dict[str, Show]):
        self.shows = shows
        self._index: dict[tuple[str, ...], set[str]] = {}
        for show in shows.values():
            for name in show.names():
                key = tuple(tokens(name))
                if key:
                    self._index.setdefault(key, set()).add(show.id)
        self._longest = max((len(k) for k in self._index), default=0)
        self._names = {" ".join(k): ids for k, ids in self._index.items() if len(" ".join(k)) >= 4}
        # for rapidfuzz, built once, by length: a name much shorter or longer than the words
        # cannot reach the cutoff, and with thousands of shows most names are skipped so
        self._name_list = sorted(self._names, key=len)
        self._name_lengths = [len(n) for n in self._name_list]

    def find(self, words: list[str], unknown: set[int] = frozenset()) -> list[ShowMention]:
        """Non-overlapping mentions, longest first; `unknown` marks word positions no show
        knows (only those may hold a misspelt title)."""
        out: list[ShowMention] = []
        taken: set[int] = set()
        for size in range(min(self._longest, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                if taken.intersection(range(i, i + size)):
                    continue
                ids = self._index.get(tuple(words[i:i + size]))
                if not ids:
                    continue
                if size == 1 and _a_day(words, i):
                    continue  # "next wednesday": a day, not the show "Wednesday"
                for show_id in sorted(ids):
                    out.append(ShowMention(show_id, i, i + size))
                taken.update(range(i, i + size))
        if unknown and self._names:
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    span = range(i, i + size)
                    if taken.intersection(span) or not unknown.intersection(span):
                        continue
                    phrase = " ".join(words[i:i + size])
                    if len(phrase) < 5:
                        continue
                    best = process.extractOne(phrase, self._near_in_length(len(phrase)), scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_CUTOFF)
                    if best:
                        for show_id in sorted(self._names[best[0]]):
                            out.append(ShowMention(show_id, i, i + size, exact=False))
                        taken.update(span)
        return sorted(out, key=lambda m: m.start)

    def _near_in_length(self, n: int) -> list[str]:
        """The names whose length lets fuzz.ratio reach the cutoff against n characters:
        ratio <= 2 * shorter / (shorter + longer)."""
        c = FUZZY_CUTOFF / 100
        lo = bisect.bisect_left(self._name_lengths, math.ceil(n * c / (2 - c)))
        hi = bisect.bisect_right(self._name_lengths, math.floor(n * (2 - c) / c))
        return self._name_list[lo:hi]


def _a_day(words: list[str], i: int) -> bool:
    """Whether the title word at `i` names a day there: "next thursday", "new episodes
    come out on thursday", but not "who plays Juniper on Thursday"."""
    if not i or words[i] not in _DAYS or words[i - 1] not in _DATE_LEAD:
        return False
    return words[i - 1] != "on" or not _AIRING.isdisjoint(words)


def number_after(words: list[str], mention: ShowMention) -> int | None:
    """"sweet home 2": a number right after a show's name is its season."""
    if mention.end < len(words) and re.fullmatch(r"[2-9]|1\d", words[mention.end]):
        after = words[mention.end + 1] if mention.end + 1 < len(words) else ""
        if after not in ("episodes", "episode", "million", "billion", "percent", "hours", "views"):
            return int(words[mention.end])
    return None
