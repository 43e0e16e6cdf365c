"""People's names in sentences, and who a short name or a pronoun stands for.

A name is a run of capitalised words ("Jenna Ortega", "Kim Si-a", "Catherine Zeta-Jones",
"Lomon", "Dr. Lim"). Capitalised words that start phrases but never name a person (The,
Netflix, months, ...) are trimmed. Within one article a short name is the full name it
abbreviates: Western articles go on by family name ("Ortega"), Korean ones by family name
("Lee") or given name ("Nam-ra"), so a one-word name is matched against the article's
earlier full names by first or last word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.text.dates import MONTHS
from bot.text.normalise import fold, is_english, strip_accents

_UPPER = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0106\u010C\u0110\u0141\u0160\u015A\u015E\u017D\u0179\u017B\u0218\u021A"
TOKEN = rf"[{_UPPER}][\w'\u2019]*(?:-[\w'\u2019]+)*"
_HONORIFIC = r"(?:Dr|Mr|Mrs|Ms|Prof|Sgt|Capt|Lt|Gen|Col)\.\s"
NAME = rf"(?:{_HONORIFIC})?{TOKEN}(?:\s(?:(?:de|da|di|del|van|von|der|le|la|bin|al)\s)?{TOKEN}){{0,3}}"
NAME_RE = re.compile(NAME)

# Capitalised words that are never (part of) a person's name, whatever the show.
NOT_NAME = frozenset("""
the this that these those it its he she they we i you his her their our my your a an and but or
if as in on of at for from with after before during meanwhile however since so then while also here
there when what who whom which where why how yes no not all some many most each every both either
neither another other such only just even still now today tonight yesterday tomorrow later earlier
netflix season seasons episode episodes series show shows part volume vol chapter finale premiere trailer
teaser fans fan viewers audiences critics director directors creator creators writer writers producer
producers showrunner showrunners cast star stars actor actress actors character characters role roles
image photo credit source related advertisement update updates news report reports exclusive breaking
watch read share sign subscribe follow comment comments log click official officially according
despite though although because unlike like plus per via thanks meet inside behind beyond about
north south east west korean american british english korea japan china first second third final last
new next previous original young old little big great good best top number no
is was be will are were has have had do does did
can could would should may might must let lets don't it's that's there's here's what's who's
""".split()) | frozenset(MONTHS)

# Words that describe someone right before their name ("Newcomer Kim Si-a", "actress Lee
# Si-young", "Oscar winner Eva Green"): never part of it.
DESCRIPTOR = frozenset("""
newcomer newcomers actor actress actors star stars co-star costar singer rapper idol veteran legend icon
model comedian musician filmmaker director producer writer creator showrunner composer executive
winner nominee alum alumna alumnus rookie newbie breakout frontman member leader villain hero
""".split())

# Words that make a capitalised run an organisation, not a person.
ORGANISATION = frozenset("""
television tv studios studio entertainment pictures media productions production films network networks
inc ltd llc group company co corporation channel records magazine times post news daily weekly herald
university academy school high college festival awards award prize netflix amazon hbo disney apple hulu
""".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DATE_LEAD = re.compile(r"\b(?:on|this|last|next|every|each|by|until|since|from|before|after|late|early)\s$", re.I)

_PRONOUN = re.compile(r"^(?:she|he|they)$", re.I)


@dataclass(frozen=True, slots=True)
class NameSpan:
    text: str  # as written (trimmed)
    start: int
    end: int


@lru_cache(maxsize=32_768)
def key(name: str) -> str:
    return " ".join(strip_accents(fold(name)).replace("-", " ").replace("\u2019", "'").split())


def clean(span: str, show_words: frozenset[str] = frozenset()) -> str | None:
    """A captured run of capitalised words as a name, or None: ordinary words that open
    it are dropped ("Newcomer Kim Si-a" -> "Kim Si-a"), a possessive is dropped."""
    span = re.sub(r"['\u2019]s?$", "", span.strip())
    words = span.split()

    def droppable(word: str) -> bool:
        w = word.casefold()
        return not word.endswith(".") and (w in NOT_NAME or w in DESCRIPTOR or w in show_words)

    while words and droppable(words[0]):
        words = words[1:]
    while words and droppable(words[-1]):
        words = words[:-1]
    if not words or len(words) > 4:
        return None
    text = " ".join(words)
    if any(w.casefold() in NOT_NAME for w in words if not w.endswith(".")):
        return None
    if not any(c.isalpha() for c in text) or text.isupper():
        return None  # "ADVERTISEMENT", "MGM", "TV"
    if any(w.casefold() in ORGANISATION for w in words):
        return None  # "MGM Television", "Studio Dragon"
    return text


_POSSESSIVE_END = re.compile(r"['\u2019]s?(?=\s|$)")


def find_names(text: str, show_words: frozenset[str] = frozenset(),
               masked: list[tuple[int, int]] | None = None) -> list[NameSpan]:
    """Name spans in order. A possessive ends a name: "Emma Myers' Enid" is two names.
    Names inside `masked` spans (quoted titles of works, episodes) are not people; nor is a
    weekday in a date ("on Wednesday")."""
    out = []
    for m in NAME_RE.finditer(text):
        if masked and any(s <= m.start() < e for s, e in masked):
            continue
        pos = m.start()
        for piece in _POSSESSIVE_END.split(m.group()):
            name = _modal_given_name(piece, text, m.start(), show_words) or clean(piece, show_words)
            if not name:
                continue
            start = text.find(name, pos)
            pos = start + len(name)
            if name.casefold() in _WEEKDAYS and _DATE_LEAD.search(text[max(0, start - 8):start]):
                continue
            out.append(NameSpan(name, start, start + len(name)))
    return out


# Modal verbs that are also given names: capitalised inside a sentence and followed by a
# capitalised word, they open a name ("Noah Schnapp as Will Baxter").
_MODAL_NAMES = frozenset({"will"})
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:\"\u201c\u2018(*_#|-]\s*)$")


def _modal_given_name(piece: str, text: str, start: int, show_words: frozenset[str]) -> str | None:
    words = piece.split()
    if len(words) < 2 or words[0].casefold() not in _MODAL_NAMES or _SENTENCE_OPEN.search(text[:start]):
        return None
    rest = clean(" ".join(words[1:]), show_words)
    if not rest or not rest.startswith(words[1]) or len(rest.split()) > 3 or is_english(words[1].casefold()):
        return None  # "... Will Return" in a headline is the verb
    return f"{words[0]} {rest}"


def is_pronoun(word: str) -> bool:
    return bool(_PRONOUN.match(word.strip()))


class ArticleNames:
    """Full names seen so far in one article, to expand short names and pronouns."""

    def __init__(self) -> None:
        self._full: list[tuple[int, str]] = []  # (sentence index, full name)
        self._by_edge: dict[str, list[tuple[int, str]]] = {}  # first or last word's key -> full names
        self._last_person: list[tuple[int, int, str]] = []  # (sentence index, offset in it, full name)
        self.actors: set[str] = set()  # keys of names credited as actors so far
        self.characters: set[str] = set()

    def see(self, sentence: int, names: list[NameSpan]) -> None:
        for n in names:
            words = n.text.split()
            if len(words) >= 2:
                self._full.append((sentence, n.text))
                for edge in {key(words[0]), key(words[-1])}:
                    self._by_edge.setdefault(edge, []).append((sentence, n.text))
            self._last_person.append((sentence, n.start, self.expand(n.text, sentence)))

    def expand(self, name: str, sentence: int | None = None) -> str:
        """The full name a one-word name stands for here, when the article gave one."""
        words = name.split()
        if len(words) != 1:
            return name
        k = key(name)
        candidates = [(s, full) for s, full in self._by_edge.get(k, ()) if key(full) != k]
        if not candidates:
            return name
        before = [c for c in candidates if sentence is None or c[0] <= sentence]
        return (before[-1] if before else candidates[0])[1]

    def previous_person(self, sentence: int, exclude: set[str] = frozenset(), before: int | None = None) -> str | None:
        """Who "she" / "he" most likely is: someone named earlier in the same sentence (before
        offset `before`: "X has confirmed he will not return"), else in the sentences just
        before, the nearest sentence first; in each, a credited actor before a full name before
        the rest (never a character: "the younger version of Jane" does not make Jane the subject)."""
        by_sentence: dict[int, list[str]] = {}
        for s, start, name in self._last_person:
            in_reach = sentence - 3 <= s < sentence or (s == sentence and before is not None and start < before)
            if in_reach and key(name) not in exclude and key(name) not in self.characters:
                by_sentence.setdefault(s, []).append(name)
        for s in sorted(by_sentence, reverse=True):
            names = by_sentence[s]
            ranked = sorted(names, key=lambda n: (key(n) not in self.actors, len(n.split()) < 2))
            if key(ranked[0]) in self.actors or len(ranked[0].split()) >= 2:
                return ranked[0]
        return None
