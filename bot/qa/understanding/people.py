"""Finding the people a question names in one show, however it spells them.

Question words are joined into candidate names (1-3 words) and looked up among every
spelling the show's articles use: exactly, then romanisation-folded, then with rapidfuzz
so typos and variants ("namra", "su hyuk", "joanna lumely", "yu oh sung") still land.
A one-word name that is also an ordinary word ("Thing", "Kid", "Wednesday") counts only
where the question treats it as a name: capitalised, or right after "plays" / "as".

Fans also leave out what the articles credit: a character's rank or title ("Tobias Reed"
for "Sergeant Tobias Reed") and, for given-name-first names, all but the given name
("Juniper" for "Juniper Vale"). Those shorter names are looked up too, but only where
they name one person of the show and are no ordinary word.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.text.dates import MONTH_NAMES, WEEKDAYS
from bot.text.normalise import is_english, name_key, plain_key, stem

from ..knowledge import ShowKnowledge
from ..lexicon import Lexicon
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


def ordinary_stems(k: ShowKnowledge, lexicon: Lexicon, question_vocabulary: frozenset[str]) -> frozenset[str]:
    """Stems too common to stand alone for a person in show knowledge `k`: the words
    questions are made of (the lexicon's, the phrasings' `question_vocabulary`), and those
    the show's articles write in lower case more often than not."""
    return ((frozenset(k.vocabulary) - k.proper) | lexicon.stop_stems | lexicon.question_stems | question_vocabulary
            | {stem(w) for w in lexicon.fillers})


def spellings(link: Link, words: list[str]) -> list[str]:
    """How the question may write a linked person: every alias, and the linked words
    themselves ("Enid" for Enid Sinclair), hyphen-joined as the aliases' patterns read a
    hyphen: space, hyphen or nothing."""
    return [*link.person.aliases, "-".join(words[link.start:link.end])]


class PeopleLinker:
    def __init__(self, people: dict[int, Person], ordinary: frozenset[str] = frozenset()):
        """`ordinary`: stems of words too common to stand alone for a person (the show's
        own lower-case words, the question words): no given name alone is looked up then."""
        self.people = people
        self._ordinary = ordinary
        self._exact: dict[str, set[int]] = {}
        for p in people.values():
            for alias in p.aliases:
                for key in {plain_key(alias), name_key(alias)}:
                    if len(key) >= MIN_KEY:
                        self._exact.setdefault(key, set()).add(p.id)
        for key, pid in _unique(pair for p in people.values() for pair in without_title(p)).items():
            self._exact.setdefault(key, {pid})
        # looked up exactly, never fuzzily: a short given name is too near too many words
        self._given = {key: pid for key, pid in given_names(people, ordinary) if key not in self._exact}
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
                    # "in wednesday" is not a name that starts with "in", but "seol a"
                    # ("Seol-a") is one spelt exactly
                    hit = self._spelt(span)
                else:
                    hit = self._lookup("".join(span), " ".join(span))
                if not hit:
                    continue
                ids, score = hit
                if size == 1 and not self._as_name(words, i, capitalised, score):
                    continue
                if size == 1 and self._given_only(span[0]) and not self._alone(words, i, capitalised, common):
                    continue  # "Tyler Perry" is not Tyler Galpin
                if size > 1 and score < 100 and any(self._exact.get(w) for w in span):
                    continue  # "did wednesday" is "Wednesday" plus a word, not a longer name
                for pid in sorted(ids, key=lambda p: _kind_order(self.people[p].kind)):
                    candidates.append(Link(self.people[pid], i, i + size, score + 5 * size))
                    break
        # a given name alone gives way to a longer name of the same person around it: "iris
        # calowey" is Iris Calloway misspelt, not "Iris" and an unknown word
        candidates = [c for c in candidates if not (c.end - c.start == 1 and self._given_only(words[c.start]) and any(
            o.person.id == c.person.id and o.start <= c.start and c.end <= o.end and o.end - o.start > 1
            for o in candidates))]
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
        if before in ("and", "or") and i >= 2 and score >= 99 and self._names_someone(words[i - 2]):
            return True  # "joyce and hopper": named beside a name
        return (before in _NAME_CUES or after in ("actor", "actress", "character", "played", "role")) and score >= 99

    def _names_someone(self, word: str) -> bool:
        """Whether `word` alone is a name of this show's people, spelt exactly."""
        key = plain_key(word)
        return len(key) >= MIN_KEY and bool(self._exact.get(key) or key in self._given)

    def _alone(self, words: list[str], i: int, capitalised: set[str], common: set[str]) -> bool:
        """Whether the word at `i` stands alone as a name: no word beside it that may be
        another part of someone else's name (capitalised, or no ordinary word)."""
        for w in words[max(i - 1, 0):i] + words[i + 1:i + 2]:
            if w not in common and (w in capitalised or stem(w) not in self._ordinary):
                return False
        return True

    def _given_only(self, word: str) -> bool:
        """Whether `word` names someone only as a given name (see `given_names`)."""
        return word in self._given and not self._exact.get(name_key(word))

    def _spelt(self, span: list[str]) -> tuple[set[int], float] | None:
        """The people `span` spells exactly (romanisation-folded at most)."""
        ids = self._exact.get("".join(span)) or self._exact.get(name_key(" ".join(span)))
        return (ids, 100.0) if ids else None

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
        elif key in self._given:
            hit = ({self._given[key]}, 100.0)
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


def without_title(person: Person) -> list[tuple[str, int]]:
    """(key, person id) of a character's names without the rank or title they are credited
    with: "Sergeant Tobias Reed" -> "Tobias Reed", "Master Sergeant Tak In-hwan" -> "Tak
    In-hwan" (the last two words or more of a longer name)."""
    if person.kind != "character":
        return []
    tails = [" ".join(words[i:]) for words in (a.split() for a in person.aliases) for i in range(1, len(words) - 1)]
    return [(key, person.id) for t in tails for key in {plain_key(t), name_key(t)} if len(key) >= MIN_KEY]


def given_names(people: dict[int, Person], ordinary: frozenset[str]) -> list[tuple[str, int]]:
    """(key, person id) of the given name of each character with a two-word name, given name
    first ("Juniper Vale" -> "Juniper"), also under its rank ("Sergeant Tobias Reed"). Not in
    a show that writes names family name first (a Korean hyphenated given name, which has its
    own short form: see pipeline.people), not for a day or a month or an `ordinary` word, and
    not for a word of anyone else's names."""
    characters = [p for p in people.values() if p.kind == "character"]
    if any(len(a.split()) == 2 and "-" in a.split()[1] for p in characters for a in p.aliases):
        return []
    owners: dict[str, set[int]] = {}
    for p in people.values():
        for alias in p.aliases:
            for word in alias.split():
                owners.setdefault(plain_key(word), set()).add(p.id)
    # a family name is someone's when no one else is called by it in full ("Hopper" is Jim
    # Hopper's, though Eleven is also once "Jane Hopper")
    family: dict[str, set[int]] = {}
    for p in people.values():
        for word in p.name.split()[1:]:
            family.setdefault(plain_key(word), set()).add(p.id)
    out = []
    for p in characters:
        names = [a.split() for a in p.aliases]
        for words in [n for n in names if len(n) == 2] + [n[1:] for n in names if len(n) == 3]:
            # the given name ("Juniper"), and the family name fans use as much ("Vale")
            for word, whose in ((words[0], owners), (words[-1], family)):
                key = plain_key(word)
                if (len(key) >= MIN_KEY and key.isalpha() and whose.get(key) == {p.id} and key not in _DAYS
                        and stem(key) not in ordinary):
                    out.append((key, p.id))
    return list(dict.fromkeys(out))


def _unique(pairs) -> dict[str, int]:
    """key -> person id, of the (key, person id) pairs whose key only one person has."""
    owners: dict[str, set[int]] = {}
    for key, pid in pairs:
        owners.setdefault(key, set()).add(pid)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


_DAYS = frozenset(WEEKDAYS) | {m.casefold() for m in MONTH_NAMES}


def _kind_order(kind: str) -> int:
    return {"character": 0, "actor": 1, "crew": 2}.get(kind, 3)
