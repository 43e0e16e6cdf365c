"""Clustering the spellings of people's names into one person each.

Articles spell the same person many ways ("Lomon" / "Park Solomon", "Hyo-ryung" /
"Hyo-Kyung", "Lee Jae-kyoo" / "Lee Jae Gyoo" / "Lee JQ"). Spellings are merged by
general rules, never by a table of these names:

1. the same romanisation-folded key (normalise.name_key);
2. near-identical spellings (rapidfuzz ratio) of the same kind of name;
3. a character's given name alone ("Nam-ra") and the full name ("Choi Nam-ra");
4. two actors who play the same character and whose names overlap ("Lomon" in "Park Solomon");
5. crew with the same family name where one given name is initials ("Lee JQ" ~ "Lee Jae-kyoo").
A small synonyms table (knowledge/language.toml [names]) covers what no rule can infer.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .normalise import name_key, plain_key, tokens

SIMILAR = 85  # ratio above which two spellings of the same kind are one name
OVERLAP = 80  # partial ratio for actors who share a character


@dataclass
class Person:
    id: int
    kind: str  # actor | character | crew
    name: str  # canonical spelling
    aliases: list[str] = field(default_factory=list)  # every spelling, canonical first
    roles: list[str] = field(default_factory=list)  # crew roles


@dataclass(frozen=True)
class Mention:
    """One spelling seen in one fact: the input to clustering."""
    kind: str
    name: str
    article: int
    partner: str | None = None  # for cast: the character an actor plays (or the reverse)
    role: str | None = None  # for crew


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


def _given_name(name: str) -> str | None:
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 else None


def _initials_match(a: str, b: str) -> bool:
    """'Lee JQ' ~ 'Lee Jae-kyoo': same family name, one given name written as initials."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or name_key(wa[0]) != name_key(wb[0]):
        return False
    ga, gb = " ".join(wa[1:]), " ".join(wb[1:])
    short, full = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return short.isupper() and len(short) <= 3 and short[0].casefold() == full[0].casefold()


def cluster(mentions: list[Mention], synonyms: dict[str, str] | None = None) -> list[Person]:
    """Group name spellings into people. `synonyms` maps a spelling to another it equals."""
    uf = _UnionFind()
    nodes = sorted({(m.kind, m.name) for m in mentions})
    for node in nodes:
        uf.find(node)

    # 1-3, 5: spelling rules between nodes of the same kind
    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, name in nodes:
        by_kind[kind].append(name)
    for kind, names in by_kind.items():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if _same_spelling(kind, a, b):
                    uf.union((kind, a), (kind, b))
    for a, b in (synonyms or {}).items():
        for kind in by_kind:
            if (kind, a) in uf.parent and (kind, b) in uf.parent:
                uf.union((kind, a), (kind, b))

    # 4: actors who play the same character (and characters played by the same actor)
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
                for i, a in enumerate(names):
                    for b in names[i + 1:]:
                        if uf.find((kind, a)) != uf.find((kind, b)) and _overlap(a, b):
                            changed |= uf.union((kind, a), (kind, b))

    return _people(mentions, uf)


def _same_spelling(kind: str, a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    if max(fuzz.ratio(ka, kb), fuzz.ratio(plain_key(a), plain_key(b))) >= SIMILAR:
        return True
    if kind == "character":
        ga, gb = _given_name(a), _given_name(b)
        if (ga and name_key(ga) == kb) or (gb and name_key(gb) == ka):
            return True
    if kind == "crew":
        return _initials_match(a, b)
    return False


def _overlap(a: str, b: str) -> bool:
    pa, pb = plain_key(a), plain_key(b)
    return fuzz.partial_ratio(pa, pb) >= OVERLAP or fuzz.ratio(pa, pb) >= 70


def _people(mentions: list[Mention], uf: _UnionFind) -> list[Person]:
    groups: dict = defaultdict(list)
    for m in mentions:
        groups[uf.find((m.kind, m.name))].append(m)
    people = []
    for _, ms in sorted(groups.items()):
        counts = Counter(m.name for m in ms)
        articles = defaultdict(set)
        for m in ms:
            articles[plain_key(m.name)].add(m.article)
        # the canonical spelling: most used, in most articles, full names before short ones
        full_first = ms[0].kind == "character"
        ranked = sorted(counts, key=lambda n: (-(full_first and len(n.split()) > 1),
                                              -len(articles[plain_key(n)]), -counts[n], n))
        aliases = _dedupe(ranked + _short_forms(ranked, ms[0].kind))
        roles = sorted({m.role for m in ms if m.role})
        people.append(Person(len(people) + 1, ms[0].kind, ranked[0], aliases, roles))
    return people


def _short_forms(names: list[str], kind: str) -> list[str]:
    """Characters are called by their given name alone: 'Choi Nam-ra' -> 'Nam-ra'."""
    if kind != "character":
        return []
    return [g for n in names if (g := _given_name(n)) and "-" in g]


def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        k = " ".join(tokens(n))
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out
