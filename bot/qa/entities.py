"""Finding the people a question names, however it spells them.

Question words are joined into candidate names (1-3 words that are not question
vocabulary) and looked up among every spelling the articles use, first exactly, then
with rapidfuzz so typos and romanisation variants ("namra", "su hyuk", "Hyo-Kyung",
"cho yi hyn") still land on the right person.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .normalise import name_key, plain_key, tokens
from .people import Person

FUZZY_CUTOFF = 84  # ratio; names are short, so this is about one slip in six letters
MIN_KEY = 4


@dataclass(frozen=True, slots=True)
class Link:
    person: Person
    start: int  # token span in the question
    end: int
    score: float


class EntityLinker:
    def __init__(self, people: list[Person], common_words: set[str]):
        self._exact: dict[str, Person] = {}
        for p in people:
            for alias in p.aliases:
                for key in (plain_key(alias), name_key(alias)):
                    if len(key) >= MIN_KEY:
                        self._exact.setdefault(key, p)
        self._keys = list(self._exact)
        self._common = common_words  # question and article words that are not names
        self._cache: dict[str, tuple[Person, float] | None] = {}

    def link(self, words: list[str]) -> list[Link]:
        """Non-overlapping people in `words`, longest and surest spans first."""
        candidates = []
        n = len(words)
        for size in (3, 2, 1):
            for i in range(n - size + 1):
                span = words[i:i + size]
                if all(w in self._common for w in span) or any(w.isdigit() for w in span):
                    continue
                hit = self._lookup("".join(span))
                if hit:
                    candidates.append(Link(hit[0], i, i + size, hit[1] + size))  # longer spans win ties
        taken: set[int] = set()
        out = []
        for link in sorted(candidates, key=lambda l: -l.score):
            if not taken.intersection(range(link.start, link.end)):
                taken.update(range(link.start, link.end))
                out.append(Link(link.person, link.start, link.end, link.score - (link.end - link.start)))
        return sorted(out, key=lambda l: l.start)

    def complete(self, text: str, people: list[Person], limit: int) -> list[str]:
        """Names for autocomplete: prefix matches first, then fuzzy ones."""
        key = "".join(tokens(text))
        names = [(p, alias) for p in people for alias in p.aliases[:1]]
        if not key:
            return sorted(a for _, a in names)[:limit]
        scored = []
        for p, alias in names:
            keys = [plain_key(a) for a in p.aliases]
            best = max(100.0 if k.startswith(key) else fuzz.partial_ratio(key, k) for k in keys)
            if best >= 70:
                scored.append((-best, alias))
        return [a for _, a in sorted(scored)][:limit]

    def _lookup(self, key: str) -> tuple[Person, float] | None:
        if len(key) < MIN_KEY:
            return None
        if key in self._cache:
            return self._cache[key]
        hit = None
        person = self._exact.get(key) or self._exact.get(name_key(key))
        if person:
            hit = (person, 100.0)
        elif len(key) >= 5:
            best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best:
                hit = (self._exact[best[0]], best[1])
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[key] = hit
        return hit
