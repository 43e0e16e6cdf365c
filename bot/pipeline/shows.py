"""A show's identity: its name, the other names fans use, and where it streams.

From the show folder's optional `show.toml` (name, aliases, platform); without one, the
name is inferred from the articles: the title-cased phrase their titles share, quoted
("'Sweet Home'") or right before "Season" ("Wednesday Season 3 ..."). Initials of a long
name ("AOUAD") are added as an alias, and the folder name is always one.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.text.normalise import is_english, tokens

from .extract.titles import looks_like_title, titles_in


class ShowFileError(ValueError):
    """A show.toml that cannot be used; the message says why."""


@dataclass(frozen=True)
class ShowInfo:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    platform: str | None = None
    source: str = "inferred"  # show.toml | inferred | folder

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases), "platform": self.platform,
                "source": self.source}

    @classmethod
    def from_json(cls, data: dict) -> "ShowInfo":
        return cls(data["id"], data["name"], tuple(data.get("aliases", ())), data.get("platform"),
                   data.get("source", "inferred"))


def read_show_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ShowFileError(f"{path.name}: {exc}") from None
    unknown = set(data) - {"name", "aliases", "platform"}
    if unknown:
        raise ShowFileError(f"{path.name}: unknown keys {sorted(unknown)} (use name, aliases, platform)")
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ShowFileError(f"{path.name}: name must be a non-empty string")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ShowFileError(f"{path.name}: aliases must be a list of strings")
    platform = data.get("platform")
    if platform is not None and not isinstance(platform, str):
        raise ShowFileError(f"{path.name}: platform must be a string")
    return {"name": name.strip() if name else None, "aliases": [a.strip() for a in aliases if a.strip()],
            "platform": platform.strip() if platform else None}


_BEFORE_SEASON = re.compile(r"((?:[A-Z0-9][\w'\u2019:&!-]*\s(?:(?:of|the|and|a|an|in|on|at|to|for|us|are|is)\s)*)+)"
                            r"(?=(?:Season|season|Seasons|S\d|Part|Vol)\b)")
_GENERIC = frozenset("netflix netflix's the a an official first look it's its news exclusive breaking update "
                     "review recap everything what why how when who where is are was will trailer teaser".split())


def infer_name(titles: list[str], bodies_titles: list[str] | None = None) -> str | None:
    """The phrase most article titles share: a quoted title, or the words before "Season"."""
    candidates: Counter = Counter()
    for title in titles:
        found = set()
        for t in titles_in(title):
            found.add(_strip_number(t))
        for m in _BEFORE_SEASON.finditer(title):
            phrase = _strip_generic(m.group(1).strip())
            if phrase and looks_like_title(phrase):
                found.add(phrase)
        for phrase in found:
            if phrase:
                candidates[phrase] += 2
    for t in bodies_titles or ():
        candidates[_strip_number(t)] += 0.25
    if not candidates:
        return None
    lowered = [" " + " ".join(tokens(t)) + " " for t in titles]

    def score(phrase: str) -> tuple:
        key = " " + " ".join(tokens(phrase)) + " "
        in_titles = sum(key in t for t in lowered)
        return (in_titles + candidates[phrase], len(phrase.split()) > 0, len(phrase))

    best = max(candidates, key=score)
    return best if score(best)[0] >= 2 else None


def _strip_number(title: str) -> str:
    """"Sweet Home 2" is season 2 of "Sweet Home"."""
    return re.sub(r"\s\d{1,2}$", "", title.strip(" ,.:;"))


def _strip_generic(phrase: str) -> str:
    words = phrase.split()
    while words and (words[0].casefold().rstrip(":") in _GENERIC or words[0].endswith(":")):
        words = words[1:]
    return " ".join(words).strip(" :,")


def initials(name: str) -> str | None:
    """'All of Us Are Dead' -> 'AOUAD': long names are shortened this way by fans. Not
    when the initials spell a word ("Harbor and Serpent" -> "HAS"): "has season 2 been
    confirmed?" is not about that show."""
    words = tokens(name)
    short = "".join(w[0] for w in words)
    if len(words) < 3 or is_english(short) or short in _SHORT_WORDS:
        return None
    return short.upper()


# Short words and chat forms a question may hold that no dictionary lists.
_SHORT_WORDS = frozenset("""
lol omg idk imo btw tbh ngl smh wtf fyi asap rn bc pls thx ty gg aka diy
has was are can did does had have its his her our who why how yes not any all one two six ten
was were will shall may might must the and for but nor yet off out own too via per
""".split())


def show_info(show_id: str, folder: Path, show_file: Path | None, titles: list[str],
              body_titles: list[str] | None = None, platforms: list[str] | None = None) -> ShowInfo:
    data = read_show_file(show_file) if show_file else {"name": None, "aliases": [], "platform": None}
    name, source = data["name"], "show.toml"
    if not name:
        name, source = infer_name(titles, body_titles), "inferred"
    if not name:
        name, source = folder.name.replace("-", " ").replace("_", " ").strip().title(), "folder"
    aliases = list(data["aliases"])
    short = initials(name)
    if short:
        aliases.append(short)
    folder_name = show_id.replace("-", " ")
    if folder_name.casefold() != name.casefold() and len(folder_name) >= 3:
        aliases.append(folder_name)
    seen = {" ".join(tokens(name))}
    unique = []
    for a in aliases:
        k = " ".join(tokens(a))
        if k and k not in seen:
            seen.add(k)
            unique.append(a)
    platform = data["platform"]
    if not platform and platforms:
        platform = Counter(platforms).most_common(1)[0][0]
    return ShowInfo(show_id, name, tuple(unique), platform, source)
