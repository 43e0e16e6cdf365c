"""Name spellings clustered into people, one show at a time.

Articles spell the same person many ways ("Lomon" / "Park Solomon", "Hyo-ryung" /
"Hyo-Kyung", "Lee Jae-kyoo" / "Lee Jae Gyoo" / "Lee JQ", "Al Gough" / "Alfred Gough",
"Aunt Ophelia" / "Ophelia"). Spellings are merged by general rules, never by a table:

1. the same romanisation-folded key (text.normalise.name_key);
2. near-identical keys (one rapidfuzz.process.cdist per show and kind, with a cutoff);
3. a one-word name and the only full name it begins or ends ("Nam-ra", "Ortega");
4. a full name inside a longer one ("Larissa Weems" in "Principal Larissa Weems");
5. the same family name with a shortened given name ("Al Gough" / "Alfred Gough");
6. two actors credited for the same character whose names overlap ("Lomon" in "Park Solomon");
7. crew with the same family name where one given name is initials ("Lee JQ").

Everything is keyed by dicts, and fuzzy matching is one matrix per show: nothing here
compares every pair of the whole corpus.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.qa.models import Person
from bot.text.normalise import name_key, plain_key, tokens

SIMILAR = 88  # ratio of name keys above which two spellings of one kind are one name
OVERLAP = 80  # partial ratio for actors credited for the same character


@dataclass(frozen=True)
class Mention:
    """One spelling seen in one fact: the input to clustering."""
    kind: str
    name: str
    article: str
    partner: str | None = None  # for cast: the character an actor plays (or the reverse)
    role: str | None = None  # for crew
    same_as: str | None = None  # another spelling of the same person the article gives ("X (Y)")


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[rb] = ra
        return True


def cluster(mentions: list[Mention]) -> list[Person]:
    uf = _UnionFind()
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, name in sorted({(m.kind, m.name) for m in mentions}):
        uf.find((kind, name))
        by_kind[kind].append(name)
    for kind, names in by_kind.items():
        _same_key(uf, kind, names)
        _near_keys(uf, kind, names)
        _short_and_long(uf, kind, names)
        if kind == "crew":
            _initials(uf, names)
    _shared_partner(uf, mentions)
    for m in mentions:
        if m.same_as:
            uf.union((m.kind, m.same_as), (m.kind, m.name))
    return _people(mentions, uf)


def _same_key(uf: _UnionFind, kind: str, names: list[str]) -> None:
    first: dict[str, str] = {}
    for name in names:
        k = name_key(name)
        if k in first:
            uf.union((kind, first[k]), (kind, name))
        else:
            first[k] = name


def _near_keys(uf: _UnionFind, kind: str, names: list[str]) -> None:
    keys = [name_key(n) for n in names]
    if len(keys) < 2:
        return
    scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR, workers=1)
    for i, j in zip(*scores.nonzero()):
        if i < j and min(len(keys[i]), len(keys[j])) >= 5 and _same_shape(names[i], names[j]):
            uf.union((kind, names[i]), (kind, names[j]))


def _same_shape(a: str, b: str) -> bool:
    """Near-identical keys of names with the same number of words and the same first letters:
    'Gwendolyn Christie' ~ 'Gwendoline Christie', not 'Kim Si-a' ~ 'Kim Si-eun' by accident."""
    ta, tb = a.split(), b.split()
    return len(ta) == len(tb) and all(x[:1].casefold() == y[:1].casefold() for x, y in zip(ta, tb))


def _words(name: str) -> list[str]:
    return [name_key(w) for w in name.replace("-", "\u2010").split()]


def _short_and_long(uf: _UnionFind, kind: str, names: list[str]) -> None:
    """Rules 3-5, by dicts of first words, last words and word tails."""
    full = [n for n in names if len(n.split()) >= 2]
    by_first: dict[str, set[str]] = defaultdict(set)
    by_last: dict[str, set[str]] = defaultdict(set)
    by_tail: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for n in full:
        w = _words(n)
        by_first[w[0]].add(n)
        by_last[w[-1]].add(n)
        for i in range(1, len(w) - 1):
            by_tail[tuple(w[i:])].add(n)
    groups = lambda ns: {uf.find((kind, n)) for n in ns}
    for n in names:
        w = _words(n)
        if len(w) == 1:
            candidates = by_first.get(w[0], set()) | by_last.get(w[0], set())
            if candidates and len(groups(candidates)) == 1:
                uf.union((kind, n), (kind, next(iter(candidates))))
        else:
            longer = by_tail.get(tuple(w), set())
            if longer and len(groups(longer)) == 1:
                uf.union((kind, n), (kind, next(iter(longer))))
    # "Al Gough" / "Alfred Gough": same last word, one first word the start of the other
    for last, ns in by_last.items():
        ns = sorted(ns)
        if len(ns) < 2 or len(ns) > 30:
            continue
        for i, a in enumerate(ns):
            for b in ns[i + 1:]:
                wa, wb = _words(a), _words(b)
                if len(wa) == len(wb) == 2 and wa[0] != wb[0] and min(len(wa[0]), len(wb[0])) >= 2 \
                        and (wa[0].startswith(wb[0]) or wb[0].startswith(wa[0])) and "\u2010" not in a + b:
                    uf.union((kind, a), (kind, b))


def _initials(uf: _UnionFind, names: list[str]) -> None:
    """'Lee JQ' ~ 'Lee Jae-kyoo': same family name, one given name written as initials."""
    by_family: dict[str, list[str]] = defaultdict(list)
    for n in names:
        if len(n.split()) >= 2:
            by_family[name_key(n.split()[0])].append(n)
    for ns in by_family.values():
        short = [n for n in ns if " ".join(n.split()[1:]).isupper() and len(" ".join(n.split()[1:])) <= 3]
        for s in short:
            initial = s.split()[1][0].casefold()
            matches = [n for n in ns if n not in short and n.split()[1][:1].casefold() == initial]
            if len({uf.find(("crew", m)) for m in matches}) == 1:
                uf.union(("crew", s), ("crew", matches[0]))


def _shared_partner(uf: _UnionFind, mentions: list[Mention]) -> None:
    pairs = [(m.name, m.partner) for m in mentions if m.kind == "actor" and m.partner]
    changed = True
    while changed:
        changed = False
        plays: dict = defaultdict(set)
        played_by: dict = defaultdict(set)
        for actor, char in pairs:
            plays[uf.find(("character", char))].add(actor)
            played_by[uf.find(("actor", actor))].add(char)
        for group, kind in ((plays, "actor"), (played_by, "character")):
            for names in group.values():
                names = sorted(names)
                if len(names) > 12:
                    continue
                for i, a in enumerate(names):
                    for b in names[i + 1:]:
                        if uf.find((kind, a)) != uf.find((kind, b)) and _overlap(a, b):
                            changed |= uf.union((kind, a), (kind, b))


def _overlap(a: str, b: str) -> bool:
    pa, pb = plain_key(a), plain_key(b)
    return min(len(pa), len(pb)) >= 4 and (fuzz.partial_ratio(pa, pb) >= OVERLAP or fuzz.ratio(pa, pb) >= 70)


def _people(mentions: list[Mention], uf: _UnionFind) -> list[Person]:
    groups: dict = defaultdict(list)
    for m in mentions:
        groups[uf.find((m.kind, m.name))].append(m)
    people = []
    for _, ms in sorted(groups.items()):
        counts = Counter(m.name for m in ms)
        articles = defaultdict(set)
        for m in ms:
            articles[m.name].add(m.article)
        # the canonical spelling: full names first, then the one in most articles, most used
        # a name given only in brackets beside another ("Eleven (Jane Hopper)") is never the canonical one
        aside = {m.name for m in ms if m.same_as} - {m.name for m in ms if not m.same_as}
        ranked = sorted(counts, key=lambda n: (n in aside, -(len(n.split()) > 1), -len(articles[n]), -counts[n],
                                              -len(n), n))
        aliases = _dedupe(ranked + _short_forms(ranked, ms[0].kind))
        roles = sorted({m.role for m in ms if m.role})
        people.append(Person(len(people) + 1, ms[0].kind, ranked[0], aliases, roles))
    return people


def _short_forms(names: list[str], kind: str) -> list[str]:
    """Characters are called by their given name alone: 'Choi Nam-ra' -> 'Nam-ra'."""
    if kind != "character":
        return []
    return [" ".join(n.split()[1:]) for n in names if len(n.split()) == 2 and "-" in n.split()[1]]


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        k = " ".join(tokens(n))
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out
