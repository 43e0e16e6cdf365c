"""Finding the people a question names in one show, however it spells them.

Question words are joined into candidate names (1-3 words) and looked up among every
spelling the show's articles use: exactly, then romanisation-folded, then with rapidfuzz
so typos and variants ("namra", "su hyuk", "joanna lumely", "yu oh sung") still land.
A one-word name that is also an ordinary word ("Thing", "Kid", "Wednesday") counts only
where the question treats it as a name: capitalised, or right after "plays" / "as".
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.text.normalise import is_english, name_key, plain_key

from ..models import Person

FUZZY_CUTOFF = 84  # ratio; names are short, so this is about one slip in six letters
MIN_KEY = 3
_NAME_CUES = frozenset("plays play playing played as portrays portray is was who whom named called".split())


@dataclass(frozen=True, slots=True)
class Link:
    person: Person
    start: int  # token span in the question
    end: int
    score: float


class PeopleLinker:
    def __init__(self, people: dict[int, Person]):
        self.people = people
        self._exact: dict[str, set[int]] = {}
        for p in people.values():
            for alias in p.aliases:
                for key in {plain_key(alias), name_key(alias)}:
                    if len(key) >= MIN_KEY:
                        self._exact.setdefault(key, set()).add(p.id)
        self._keys = list(self._exact)
        self._cache: dict[str, tuple[set[int], float] | None] = {}

    def link(self, words: list[str], blocked: set[int], capitalised: set[str], common: set[str]) -> list[Link]:
        """Non-overlapping people in `words` (token positions in `blocked` are taken by
        the show's name or a season), longest and surest spans first."""
        candidates = []
        n = len(words)
        for size in (3, 2, 1):
            for i in range(n - size + 1):
                if any(j in blocked for j in range(i, i + size)):
                    continue
                span = words[i:i + size]
                if all(w in common for w in span) or any(w.isdigit() for w in span):
                    continue
                if size > 1 and (span[0] in common or span[-1] in common):
                    continue  # "in wednesday" is not a name that starts with "in"
                hit = self._lookup("".join(span), " ".join(span))
                if not hit:
                    continue
                ids, score = hit
                if size == 1 and not self._as_name(words, i, capitalised, score):
                    continue
                if size > 1 and score < 100 and any(self._exact.get(w) for w in span):
                    continue  # "did wednesday" is "Wednesday" plus a word, not a longer name
                for pid in sorted(ids, key=lambda p: _kind_order(self.people[p].kind)):
                    candidates.append(Link(self.people[pid], i, i + size, score + 5 * size))
                    break
        taken: set[int] = set()
        out = []
        for link in sorted(candidates, key=lambda l: -l.score):
            if not taken.intersection(range(link.start, link.end)):
                taken.update(range(link.start, link.end))
                out.append(Link(link.person, link.start, link.end, link.score - 5 * (link.end - link.start)))
        return sorted(out, key=lambda l: l.start)

    def _as_name(self, words: list[str], i: int, capitalised: set[str], score: float) -> bool:
        word = words[i]
        if not is_english(word) and score >= 90:
            return True
        if word in capitalised:
            return True
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        return (before in _NAME_CUES or after in ("actor", "actress", "character", "played", "role")) and score >= 99

    def all_ids(self, span: str) -> set[int]:
        hit = self._lookup(plain_key(span))
        return hit[0] if hit else set()

    def _lookup(self, key: str, spaced: str | None = None) -> tuple[set[int], float] | None:
        """People whose spelling is `key` (joined words), exactly, romanisation-folded
        (which needs the words apart: "lim jae hyeok" ~ "Im Jae-hyuk"), or nearly."""
        if len(key) < MIN_KEY:
            return None
        cache_key = spaced or key
        if cache_key in self._cache:
            return self._cache[cache_key]
        hit = None
        ids = self._exact.get(key) or self._exact.get(name_key(spaced or key))
        if ids:
            hit = (ids, 100.0)
        elif len(key) >= 5 and self._keys:
            best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best:
                hit = (self._exact[best[0]], best[1])
        if len(self._cache) > 5_000:
            self._cache.clear()
        self._cache[cache_key] = hit
        return hit

    def complete(self, text: str, limit: int, kinds=("character", "actor")) -> list[str]:
        """Names for autocomplete: prefix matches first, then fuzzy ones."""
        key = plain_key(text)
        people = [p for p in self.people.values() if p.kind in kinds]
        if not key:
            return sorted(p.name for p in people)[:limit]
        scored = []
        for p in people:
            keys = [plain_key(a) for a in p.aliases]
            best = max(100.0 if k.startswith(key) or any(w.startswith(key) for w in a.casefold().split())
                       else fuzz.partial_ratio(key, k) for k, a in zip(keys, p.aliases))
            if best >= 70:
                scored.append((-best, p.name))
        return [n for _, n in sorted(scored)][:limit]


def _kind_order(kind: str) -> int:
    return {"character": 0, "actor": 1, "crew": 2}.get(kind, 3)
