"""What text a regular expression cannot match without, read from the expression itself.

Extraction runs dozens of regular expressions on every sentence of every article, and most
of them cannot match most sentences: "\\b(renewed|picked up) for\\b" needs "renewed" or
"picked up" and " for" somewhere in the text. Checking such plain strings with `in` costs a
fraction of a regex scan, so `Guarded` checks them first and runs the expression only when
they are all there. The strings are derived from the parsed expression rather than written
by hand, so a pattern edited in code or in knowledge/language/*.toml stays correct: the
check is only ever a necessary condition, never a change of what matches.
"""
from __future__ import annotations

import re

try:  # the parser re itself uses; public as sre_parse before Python 3.11
    import re._parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_C = _sre  # opcodes are module constants
_MAX_STRINGS = 64  # expanding "(a|b)(c|d)..." further buys little and costs memory
_KEEP = 3  # the most selective requirements; checking more costs more than it saves


def required(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    """Groups of case-folded strings; any text the pattern matches contains, for every group,
    at least one of its strings. () when nothing is certain."""
    try:
        parsed = _sre.parse(pattern, flags)
    except (re.error, RecursionError):
        return ()
    groups = _walk(list(parsed))
    groups.sort(key=lambda g: -min(map(len, g)))
    return tuple(tuple(sorted(g)) for g in groups[:_KEEP])


class Guarded:
    """A compiled pattern that first checks, with `in`, the strings it cannot match without.
    `low` is the text case-folded (callers that test many patterns fold once)."""
    __slots__ = ("pattern", "needs")

    def __init__(self, pattern: str | re.Pattern, flags: int = 0):
        self.pattern = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        self.needs = required(self.pattern.pattern, self.pattern.flags)

    def possible(self, low: str) -> bool:
        for group in self.needs:  # plain loops: this runs millions of times in a build
            for s in group:
                if s in low:
                    break
            else:
                return False
        return True

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        if self.needs and not self.possible(text.casefold() if low is None else low):
            return None
        return self.pattern.search(text)

    def finditer(self, text: str, low: str | None = None):
        if self.needs and not self.possible(text.casefold() if low is None else low):
            return iter(())
        return self.pattern.finditer(text)


class AnyOf:
    """Several patterns asked one question, "does any match?", with the text folded once."""
    __slots__ = ("patterns",)

    def __init__(self, patterns):
        self.patterns = [p if isinstance(p, Guarded) else Guarded(p) for p in patterns]

    def search(self, text: str) -> bool:
        low = text.casefold()
        return any(p.search(text, low) for p in self.patterns)

    def __len__(self) -> int:
        return len(self.patterns)


def _walk(items: list) -> list[frozenset[str]]:
    """Requirements of a sequence: runs of fixed text (with small finite alternatives
    expanded) between the parts that can vary, plus what required sub-parts need."""
    out: list[frozenset[str]] = []
    run: set[str] = {""}
    for op, av in items:
        strings = _finite(op, av)
        if strings is None:
            _flush(run, out)
            run = {""}
            out.extend(_inner(op, av))
            continue
        joined = {a + b for a in run for b in strings}
        if len(joined) > _MAX_STRINGS:
            _flush(run, out)
            run = strings
        else:
            run = joined
    _flush(run, out)
    return out


def _flush(run: set[str], out: list[frozenset[str]]) -> None:
    if run and "" not in run:
        out.append(frozenset(run))


def _finite(op, av) -> set[str] | None:
    """Every string the item can match, when they are few and fixed; None otherwise."""
    if op is _C.LITERAL:
        return {chr(av).casefold()}
    if op is _C.AT:
        return {""}  # \b, ^, $ take no text: the literals around them stay adjacent
    if op is _C.IN:
        if len(av) <= 8 and all(o is _C.LITERAL for o, _ in av):
            return {chr(v).casefold() for _, v in av}
        return None
    if op is _C.SUBPATTERN:
        return _expand(list(av[-1]))
    if op is _C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _expand(list(branch))
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _MAX_STRINGS else None
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        lo, hi, sub = av
        if hi == 1:
            strings = _expand(list(sub))
            if strings is None:
                return None
            return strings | {""} if lo == 0 else strings
    return None


def _expand(items: list) -> set[str] | None:
    out = {""}
    for op, av in items:
        strings = _finite(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _inner(op, av) -> list[frozenset[str]]:
    """Requirements of an item that varies too much to spell out."""
    if op is _C.SUBPATTERN:
        return _walk(list(av[-1]))
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
        return _walk(list(av[2]))
    if op is _C.BRANCH:
        # one of the branches matched: any one string of each branch's best requirement
        best = []
        for branch in av[1]:
            groups = _walk(list(branch))
            if not groups:
                return []
            best.append(max(groups, key=lambda g: min(map(len, g))))
        return [frozenset().union(*best)]
    return []
