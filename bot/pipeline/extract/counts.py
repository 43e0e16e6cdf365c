"""Episode counts per season ("all eight episodes of season one", "a 12-episode series",
"the series runs to 26 episodes in total") and the platform a show streams on."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.numbers import count_of

_EPISODES = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|eighteen|twenty)(?:[\s-](?:new|more|further|hour-long|hourlong|final|remaining|additional))?"
    r"[\s-]episodes?\b", re.I)
_LAST_EPISODE = re.compile(r"\bEpisode\s(?P<n>\d{1,3})\b[^.]*\b(?:last|final)\sepisode", re.I)
_TOTAL = re.compile(r"\b(?:in\stotal|total|altogether|overall|in\sall|across\s(?:its|all|the)\b|runs\sto|all\s\w+\sseasons)", re.I)
_ONE_SEASON = re.compile(r"\bseason\b", re.I)
_WHOLE = re.compile(r"\b(?:seasons|series|show)\b", re.I)
_NOT_A_COUNT = re.compile(r"\b(?:first|last|final|next|previous|other|remaining|opening|closing)\s$", re.I)
_PARTIAL = re.compile(r"\b(?:direct\w*|director\W*s?|wr[io]te\w*|written|helm\w*|chair|behind\sthe\scamera|"
                      r"of\sthe|first|last|remaining|(?:his|her|their)\sown|watched|filmed|shot)\b[^.]{0,25}$", re.I)
# "two parts of four episodes each", "Each part has four episodes": the size of a part
_EACH_AFTER = re.compile(r"\s(?:each|apiece|per\s(?:part|volume|half|batch|installment))\b", re.I)
_EACH_BEFORE = re.compile(r"\b(?:each|every)\s(?:part|volume|half|batch|installment)\b[^.;]{0,25}$", re.I)
_PLATFORM = re.compile(r"\b(?:on|only\son|exclusively\son|streaming\son|available\son|now\son|to\sstream\son|"
                       r"arrives?\son|premieres?\son|lands?\son|coming\sto|comes\sto|hits)\s"
                       r"(?P<p>[A-Z][\w+]*(?:\+|\s(?:Plus|TV\+|Video|Max|Prime))?)")


@dataclass(frozen=True, slots=True)
class EpisodeCount:
    count: int
    total: bool  # the whole series, not one season
    start: int
    end: int


def _is_total(text: str, m: re.Match) -> bool:
    """A count is the whole series' when a word for the total is next to it ("runs to 26
    episodes in total", "six episodes, bringing the total to 22" is not), unless the
    sentence is about one season only ("The season has nine episodes in all")."""
    near = text[max(0, m.start() - 45):m.start()] + " " + text[m.end():m.end() + 15]
    if not _TOTAL.search(near):
        return False
    return not (_ONE_SEASON.search(text) and not _WHOLE.search(text))


def episode_counts(text: str) -> list[EpisodeCount]:
    out = []
    for m in _EPISODES.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        if _PARTIAL.search(before) or _NOT_A_COUNT.search(before):
            continue  # "directed the first four episodes": a share of the season, not its size
        if _EACH_AFTER.match(text, m.end()) or _EACH_BEFORE.search(before):
            continue  # "four episodes each": a part's size, not the season's
        n = count_of(m.group("n"))
        if n:
            out.append(EpisodeCount(n, _is_total(text, m), m.start(), m.end()))
    m = _LAST_EPISODE.search(text)
    if m and not out:
        out.append(EpisodeCount(int(m.group("n")), False, m.start(), m.end()))
    return out


_NOT_PLATFORM = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                          "june july august september october november december the a an its their".split())


def platforms(text: str) -> list[str]:
    return [m.group("p").strip() for m in _PLATFORM.finditer(text)
            if m.group("p").strip().casefold() not in _NOT_PLATFORM]
