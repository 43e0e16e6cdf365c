"""Who made the show: directors, creators, showrunners, writers, composers, producers and
the authors of the source material, in the wordings articles use:

    "directed by Lee Jae-kyoo"      "creators Al Gough and Miles Millar"
    "Tim Burton directed ..."       "Al Gough and Miles Millar, the Smallville duo, are the showrunners"
    "with Lee Eung-bok returning as director"      "music by Danny Elfman"
    "the webtoon by Kim Carnby and Hwang Young-chan"
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.required import Guarded

from .names import NAME

# role -> (nouns naming it, "... by" phrases, active verbs). General English, any show.
ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "director": (("director", "directors", "co-director", "filmmaker"),
                 ("directed by", "helmed by", "under the direction of"),
                 ("directed", "directs", "directing", "direct", "helmed", "helms", "helming")),
    "creator": (("creator", "creators", "co-creator", "co-creators", "series creator", "series creators"),
                ("created by", "co-created by", "developed by", "from creators", "from creator"),
                ("created", "co-created", "developed", "creates")),
    "showrunner": (("showrunner", "showrunners", "show runner", "show runners"), (), ()),
    "writer": (("writer", "writers", "screenwriter", "screenwriters", "scriptwriter", "head writer", "scribe"),
               ("written by", "penned by", "scripted by", "screenplay by", "script by", "scripts are by",
                "scripts were by", "screenplay is by", "teleplay by", "scripts by"),
               ("wrote", "writes", "penned", "scripted", "co-wrote")),
    "composer": (("composer", "composers"),
                 ("music by", "score by", "scored by", "composed by", "soundtrack by", "music is by", "score is by",
                  "music was by", "score was by", "soundtrack is by", "music will be by", "score will be by"),
                 ("composed", "composes", "scored", "scores", "compose")),
    "producer": (("executive producer", "executive producers", "producer", "producers", "co-producer"),
                 ("produced by", "executive produced by"), ()),
}
_NAMES = rf"(?P<names>{NAME}(?:\s?,\s(?!and\b){NAME})*(?:,?\s(?:and|&)\s{NAME})?)"
_APPOSITIVE = r"(?:,\s(?:[^,.;:()]{1,80}),)?"
_AUX = r"(?:(?:is|was|are|were|has|had|have|been|will|would|also|once|who|reportedly|then|again|both|still)\s)*"


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True))


_ROLE_HINTS = {"director": ("direct", "helm", "chair"), "creator": ("creat", "develop"),
               "showrunner": ("showrun", "show run"), "writer": ("writ", "wrote", "script", "screen", "penn", "teleplay"),
               "composer": ("compos", "music", "score", "soundtrack"), "producer": ("produc",)}


def _patterns() -> list[tuple[str, Guarded]]:
    """Each pattern runs only when the words it needs are in the sentence (bot.text.required)."""
    return [(role, Guarded(pattern)) for role, pattern in _plain_patterns()]


def _plain_patterns() -> list[tuple[str, re.Pattern]]:
    out = []
    for role, (nouns, passive, active) in ROLES.items():
        noun = _alt(nouns)
        out.append((role, re.compile(
            rf"(?i:\b(?:{noun}))(?!['\u2019])\s(?:(?:and|&)\s(?:executive\s)?producers?\s)?{_NAMES}")))
        if passive:
            out.append((role, re.compile(rf"(?i:\b(?:{_alt(passive)}))\s(?:the\s\w+\s)?{_NAMES}")))
        out.append((role, re.compile(
            rf"{_NAMES}{_APPOSITIVE},?\s(?:who\s)?(?:(?:is|are|was|were|serves?\sas|served\sas|serving\sas|will\sserve\sas|"
            rf"remains?|act\sas|acts\sas|will\sbe|has\sbeen|have\sbeen|returns?\sas|returning\sas|(?:is|are)\sback\sas|as)\s)"
            rf"(?:(?:the|a|an|its|both|also|co-|one\sof\sthe|series'?|show's|season's|lead)\s)*(?:\w+\s)?(?i:{noun})\b")))
        if active:
            out.append((role, re.compile(rf"{_NAMES}{_APPOSITIVE},?\s{_AUX}(?i:{_alt(active)})\b(?!\sby)")))
    out.append(("director", re.compile(rf"{_NAMES}\s(?:is|was|will\sbe|are)\s(?:back\s)?in\sthe\sdirector['\u2019]s\schair")))
    return out


PATTERNS = _patterns()
_SOURCE_MEDIUM = re.compile(r"\b(?:webtoon|web\s?comic|web\snovel|comic\sbook|comics?|manga|manhwa|graphic\snovel|"
                            r"novels?|book\sseries|book|cartoons?|short\sstory|characters)\b", re.I)
_SOURCE_BY = re.compile(rf"\b(?:by|from|drawn\sby|illustrated\sby)\s{_NAMES}")
# Only the medium ignores case: NAME's capitals must stay capitals ("It adapts Han Bo-ra's").
_SOURCE_POSSESSIVE = re.compile(rf"{_NAMES}['\u2019]s?\s(?:[\w-]+\s){{0,3}}?"
                                r"(?i:webtoon|web\s?comic|comics?|manga|manhwa|novels?|cartoons?|book)\b")
_MUSIC = re.compile(r"\s(?:the\s|its\s|an?\s)?(?:original\s)?(?:theme|music|score|soundtrack|songs?)\b", re.I)
_SPLIT = re.compile(r"\s?,\s?(?:and\s|&\s)?|\s(?:and|&)\s")


@dataclass(frozen=True, slots=True)
class CrewMention:
    name: str
    role: str
    start: int
    end: int


# Words one of which every crediting sentence holds (checked on the folded text, spaces plain)
_ANY_ROLE = ("direct", "creat", "showrun", "show run", "writ", "wrote", "screen", "script", "penn", "compos",
             "music", "score", "soundtrack", "produc", "helm", "develop", "author", "webtoon", "comic", "manga",
             "manhwa", "novel", "book", "cartoon", "drawn", "illustrat", "chair")


def crew_in(text: str) -> list[CrewMention]:
    low = text.casefold()
    if not any(word in low for word in _ANY_ROLE) and "show run" not in " ".join(low.split()):
        return []  # most sentences credit no one: skip the patterns
    out: list[CrewMention] = []
    seen: set[tuple[str, str]] = set()
    roles = {role for role, hints in _ROLE_HINTS.items() if any(h in low for h in hints)}
    for role, pattern in PATTERNS:
        if role not in roles:
            continue
        for m in pattern.finditer(text, low):
            if role in ("writer", "creator") and _SOURCE_MEDIUM.search(text, max(0, m.start() - 80), m.start()):
                role_here = "author"  # "the webtoon ... was written by X": the source's author
            elif role == "writer" and _MUSIC.match(text, m.end()):
                role_here = "composer"  # "Danny Elfman wrote the theme"
            else:
                role_here = role
            for name in names_of(m.group("names")):
                if (name, role_here) in seen:
                    continue
                seen.add((name, role_here))
                out.append(CrewMention(name, role_here, m.start(), m.end()))
    if _SOURCE_MEDIUM.search(text):
        for pattern in (_SOURCE_BY, _SOURCE_POSSESSIVE):
            for m in pattern.finditer(text):
                medium = _SOURCE_MEDIUM.search(text, max(0, m.start() - 90), m.end() + 60)
                if medium is None:
                    continue
                for name in names_of(m.group("names")):
                    if (name, "author") not in seen and (name, "director") not in seen:
                        seen.add((name, "author"))
                        out.append(CrewMention(name, "author", m.start(), m.end()))
    return out


def names_of(group: str) -> list[str]:
    return [n.strip() for n in _SPLIT.split(group) if n and n.strip()]
