"""Who plays whom: cast facts in the wordings news articles use.

    "Jenna Ortega plays Wednesday Addams"        "Morticia - played by Catherine Zeta Jones -"
    "Lee Do-hyun returns as Lee Eun-hyeok"       "Kid (Kim Si-a)"
    "Green joins the cast as Aunt Ophelia"       "| Christina Ricci | Marilyn Thornhill, a teacher |"
    "- Chris Sarandon as Balthazar"              "She plays Rosaline Rotwood" (she = the person just named)
    "Ryder, a veteran of ..., will guest star as a character named Tabitha"

Each fact says whether the actor joins, returns, plays or leaves, as the sentence puts it.
Names are resolved to the article's full names (ArticleNames) by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.required import Guarded

from .names import NAME, TOKEN

_A = rf"(?P<a>{NAME}|[Ss]he|[Hh]e)"
_C = rf"(?P<c>{NAME})"
# "Ryder, fresh from ..., will guest star as"; not ", and Y," (the next of a list: "nominated
# for Supporting Actor, and Jung Ho-yeon, who plays ...")
_APPOSITIVE = r"(?:,\s(?!(?:and|or|but|while)\s)(?:[^,.;:()]{1,140}),)?"
_AUX = r"(?:(?:is|was|are|were|has|had|have|been|be|will|would|once|also|now|later|currently|originally|reportedly|officially|set\sto|to|who|which|finally|then|again|already|soon|seen|presently|still)\s)*"
_NEG = r"(?P<neg>(?:not|n't|never|no\slonger)\s)?"
_VERB = (r"(?P<v>plays|played|play|playing|portrays|portrayed|portray|portraying|voices|voiced|voice|"
         r"stars\sas|starred\sas|star\sas|starring\sas|guest[\s-]stars?\sas|guest[\s-]starring\sas|"
         r"returns\sas|returned\sas|return\sas|returning\sas|reprises?\s(?:(?:her|his|their|the)\s)?role\s(?:as|of)|reprising\s(?:(?:her|his|their|the)\s)?role\s(?:as|of)|"
         r"(?:is|are)\sback\sas|comes?\sback\sas|came\sback\sas|coming\sback\sas|"
         r"joins?\s(?:the\s(?:cast|show|series)\s)?as|joined\s(?:the\s(?:cast|show|series)\s)?as|joining\s(?:the\s(?:cast|show|series)\s)?as|"
         r"cast\sas|appears?\s(?:\w+ly\s)?as|appeared\s(?:\w+ly\s)?as|appearing\s(?:\w+ly\s)?as|"
         r"takes?\son(?:\sthe\srole\sof)?|took\son(?:\sthe\srole\sof)?|taking\son(?:\sthe\srole\sof)?|"
         r"steps?\sinto\sthe\srole\sof|stepped\sinto\sthe\srole\sof|"
         r"in\sthe\s(?:role|part)\sof|as)")
_CALLED = r"(?:(?:the\s)?(?:role|part|character)\sof\s|a\s(?:new\s)?character\s(?:named|called)\s|(?:(?:her|his)\s(?:role|character)\sas)\s)?"

# Order matters: the first pattern to read a stretch of text wins it. Each runs only when the
# words it needs are in the sentence (bot.text.required); see _VERB_WORDS for "active".
PATTERNS: list[tuple[str, re.Pattern]] = [
    # "Y, played by X", "Y - played by X -", "Y (played by X)", "Y is played by X"
    ("passive", re.compile(rf"{_C}\s?(?:,|-|\u2013|\u2014|\()?\s?(?:who\s)?(?:is\s|was\s|will\sbe\s|is\sbeing\s|now\s)?"
                           rf"(?:played|portrayed|voiced)\s(?:(?:once\s)?again\s|also\s|now\s|instead\s|still\s)?by\s(?P<a>{NAME})")),
    # "X plays Y", "X, who plays Y,", "X returns as Y", "X will guest star as a character named Y"
    ("active", re.compile(rf"{_A}{_APPOSITIVE},?\s{_AUX}{_NEG}{_VERB}\s{_CALLED}{_C}")),
    # "Y (X)": the character, then the actor in brackets
    ("brackets", re.compile(rf"{_C}\s\((?P<a>{NAME})\)")),
]
_GUARDED = [(kind, Guarded(pattern)) for kind, pattern in PATTERNS]
# "X and Y will return as A and B": two credits, each actor with the character in the same
# place of the second pair (read before the single patterns, which would pair Y with A)
_PAIRED = re.compile(rf"(?P<a1>{NAME})\sand\s(?P<a2>{NAME}),?\s{_AUX}{_NEG}{_VERB}\s(?P<c1>{NAME})\sand\s(?P<c2>{NAME})\b"
                     r"(?!\s(?:as|,\s\w+\sas)\b)")
# One of these starts every _VERB ("play", "is back as", "takes on", " as "): a sentence
# without any (spaces made plain) has no "active" credit. Written by hand because the
# derived requirement of a bare "as" is any "as", which most sentences hold ("season").
_VERB_WORDS = ("play", "portray", "voice", "star", "return", "repris", "back", "join", "cast", "appear",
               "take", "took", "taking", "step", "role", "part", " as ")
_ROLE_WORDS = re.compile(r"^(?:director|directors|showrunner|writer|producer|executive\sproducer|creator|host|narrator|"
                         r"guest|lead|well|usual|expected|planned|such|part|one|much|many|long|soon)$", re.I)
_LEAVES = re.compile(r"\b(?:exit(?:ed|s)?|left|leav(?:es|ing)|depart(?:ed|s|ure)|(?:is|are|was)\snot\s(?:returning|coming\sback|back)|"
                     r"won't\s(?:return|be\sback)|will\snot\s(?:return|be\sback)|not\sreturn|replaced|recast|"
                     r"(?:is|are|was|were|will)\snot\s(?:be\s)?(?:a\s)?part\sof|(?:isn't|aren't|won't\sbe)\s(?:a\s)?part\sof|"
                     r"(?:will\snot|won't|does\snot|doesn't)\sappear|(?:is|are)\snot\sappearing)\b", re.I)
_JOINS = re.compile(r"\b(?:join(?:s|ed|ing)?|newcomer|new\s(?:cast|addition|face|character)|added|cast\sas|guest[\s-]star|tapped|boards?|boarded)\b", re.I)
_RETURNS = re.compile(r"\b(?:return(?:s|ed|ing)?|back|reprise[sd]?|reprising|coming\sback|comes\sback)\b", re.I)
_TABLE_ACTOR = re.compile(r"^(?:actor|actress|cast|cast\smember|performer|star|played\sby|voice|voiced\sby)s?$", re.I)
_TABLE_CHARACTER = re.compile(r"^(?:character|role|part|as|playing)s?$", re.I)


# "Emma Myers, Joy Sunday and Victor Dorobantu are all returning", "X and Y are both back":
# actors without characters
_RETURNING_LIST = Guarded(
    rf"(?P<list>{NAME}(?:\s(?:\([^)]{{1,40}}\)))?(?:,\s(?:and\s)?{NAME}(?:\s(?:\([^)]{{1,40}}\)))?)*(?:,?\sand\s{NAME}(?:\s(?:\([^)]{{1,40}}\)))?)?)"
    r"\s(?:(?:are|is|will|were)(?P<neg>\snot|n't)?(?:\sbe)?|won't\sbe)\s(?:(?:all|both|also)\s){0,2}(?:returning|back|coming\sback|confirmed\sto\sreturn|return)\b"
    r"(?!\s(?:in|behind|at|as|on)\s(?:the\s)?(?:director|camera|helm|showrunner|writer|producer|desk|chair))")
_LIST_SPLIT = re.compile(r",\s(?:and\s)?|,?\sand\s")


_BOLD = re.compile(r"\*\*|__")


@dataclass(frozen=True, slots=True)
class CastMention:
    actor: str  # as written (a pronoun stays "she"/"he" for the caller to resolve)
    character: str  # "" when the sentence names only the actor ("X is returning")
    status: str  # plays | joins | returns | leaves
    start: int
    end: int
    ambiguous: bool = False  # "Y (X)": which of the two is the actor is settled later


def cast_in(text: str) -> list[CastMention]:
    """Cast mentions in one sentence; overlapping readings keep the first pattern's."""
    out: list[CastMention] = []
    taken: list[tuple[int, int]] = []
    text = _BOLD.sub("", text)  # "**Lila Montrose** as Juniper Vale": bold is no part of a credit
    low = text.casefold()
    spaced = " ".join(low.split())
    if " and " in spaced and any(word in spaced for word in _VERB_WORDS):
        for m in _PAIRED.finditer(text):
            if m.group("neg") or m.group("v").casefold() == "as" and not _as_is_a_role(text, m):
                continue
            status = _status(text, m, "active")
            for a, c in (("a1", "c1"), ("a2", "c2")):
                if m.group(a) != m.group(c) and not _ROLE_WORDS.match(m.group(c)):
                    out.append(CastMention(m.group(a), m.group(c), status, m.start(a), m.end(c)))
            taken.append(m.span())
    for kind, pattern in _GUARDED:
        if kind == "active" and not any(word in spaced for word in _VERB_WORDS):
            continue
        for m in pattern.finditer(text, low):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            actor, character = m.group("a"), m.group("c")
            if kind == "active" and m.group("v") == "as" and not _as_is_a_role(text, m):
                continue
            if _ROLE_WORDS.match(character) or actor == character:
                continue
            if _elsewhere(text, m):
                continue  # "who played Wednesday in the 1991 film": another work's credit
            status = _status(text, m, kind)
            out.append(CastMention(actor, character, status, m.start(), m.end(), ambiguous=kind == "brackets"))
            taken.append(m.span())
    for m in _RETURNING_LIST.finditer(text, low):
        # "X and Y will not be back": leaving
        status = "leaves" if m.group("neg") or "won't" in m.group().casefold() else "returns"
        for name in _LIST_SPLIT.split(m.group("list")):
            name = re.sub(r"\s\([^)]*\)$", "", name.strip())
            if name and not any(c.actor == name or c.character == name for c in out):
                out.append(CastMention(name, "", status, m.start(), m.end()))
    return out


_OTHER_WORK_AFTER = re.compile(r"^\s*,?\s*(?:in|on|for)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:\d{4}s?\s+|original\s+|animated\s+|classic\s+)?"
                               r"(?:film|movie|films|movies|sitcom|cartoon|version|adaptation|musical|play|remake|reboot)\b"
                               r"|^\s*,?\s*(?:in|on)\s+[*_\"\u201c'\u2018]", re.I)
_OTHER_WORK_BEFORE = re.compile(r"\b(?:film|movie|films|movies|sitcom|cartoon|remake|musical)\b[^.;]{0,60}\b(?:where|in\swhich)\s*$", re.I)


def _elsewhere(text: str, m: re.Match) -> bool:
    """A credit for another work: followed by "in the 1991 film" / "on *Title*", or in a
    clause about a film ("the 1991 film, where X played Y")."""
    return bool(_OTHER_WORK_AFTER.match(text[m.end():m.end() + 60]) or _OTHER_WORK_BEFORE.search(text[:m.start()]))


def _as_is_a_role(text: str, m: re.Match) -> bool:
    """Bare "X as Y" is a cast credit only in a list item, at the start of a clause, or in a
    run of credits ("Luis Guzman as Gomez brings ...", "- Chris Sarandon as Balthazar"),
    not "such as" / "as well as" / "known as"."""
    before = text[:m.start()].rstrip()
    if re.search(r"\b(?:such|well|known|same|serves?|served|serving|named|billed|credited|works?|worked)$", before, re.I):
        return False
    if re.search(r"\b(?:joining|returning|new\sto|also\sjoining)\b[^.]{0,40}\b(?:is|are)$", before, re.I):
        return True  # "Joining the cast is Ines Okafor as Wren Hollis"
    return not before or before.endswith((",", ":", ";", "(", "-", "\u2013", "\u2014")) or \
        re.search(r"\b(?:and|with|plus|including|alongside|starring|stars|features?|featuring)$", before, re.I) is not None


def _status(text: str, m: re.Match, kind: str) -> str:
    verb = (m.groupdict().get("v") or "").casefold()
    window = text[max(0, m.start() - 60):m.end() + 40]
    if m.groupdict().get("neg") or _LEAVES.search(window) and not _RETURNS.search(verb):
        return "leaves" if (m.groupdict().get("neg") or _LEAVES.search(text[m.start():m.end() + 40])) else "plays"
    if _RETURNS.search(verb):
        return "returns"
    if _JOINS.search(verb) or _JOINS.search(text[max(0, m.start() - 80):m.start()]):
        return "joins"
    if _RETURNS.search(window):
        return "returns"
    return "plays"


_LIST_RETURNS = re.compile(r"\b(?:return(?:s|ing)?|back|coming\sback|reprise|who\swill\sbe\sin|returning\scast)\b", re.I)
_LIST_JOINS = re.compile(r"\b(?:join(?:s|ed|ing)?|newcomers?|new\s(?:cast|faces|additions?|characters?|members?)|additions?)\b", re.I)


def list_status(context: str) -> str:
    """The status of credits listed under a heading or an introducing sentence."""
    if _LIST_JOINS.search(context):
        return "joins"
    if _LIST_RETURNS.search(context):
        return "returns"
    return "plays"


_AKA = re.compile(rf"^\W*(?:(?:Dr|Mr|Mrs|Ms)\.\s)?{TOKEN}(?:\s(?:(?:de|da|van|von|der|le)\s)?{TOKEN}){{0,3}}\s\((?P<aka>[^()]{{1,40}})\)")


def also_known_as(cells: tuple[str, ...], header: tuple[str, ...]) -> tuple[str | None, str | None]:
    """The other name a cast table gives in brackets after the actor's or the character's
    ("Choi Seung-hyun (T.O.P)", "Eleven (Jane Hopper)"), as written, or None."""
    actor_col = next((i for i, h in enumerate(header) if _TABLE_ACTOR.match(h.strip("* "))), None)
    char_col = next((i for i, h in enumerate(header) if _TABLE_CHARACTER.match(h.strip("* "))), None)
    out = []
    for col in (actor_col, char_col):
        m = _AKA.match(cells[col].strip()) if col is not None and col < len(cells) else None
        out.append(m.group("aka").strip() if m else None)
    return out[0], out[1]


def cast_in_row(cells: tuple[str, ...], header: tuple[str, ...]) -> tuple[str, str] | None:
    """(actor, character) from a table row whose header names an actor and a character column."""
    actor_col = next((i for i, h in enumerate(header) if _TABLE_ACTOR.match(h.strip("* "))), None)
    char_col = next((i for i, h in enumerate(header) if _TABLE_CHARACTER.match(h.strip("* "))), None)
    if actor_col is None or char_col is None or max(actor_col, char_col) >= len(cells):
        return None
    actor = _lead_name(cells[actor_col])
    character = _lead_name(cells[char_col])
    return (actor, character) if actor and character else None


_LEAD = re.compile(rf"^\W*(?P<n>(?:(?:Dr|Mr|Mrs|Ms)\.\s)?{TOKEN}(?:\s(?:(?:de|da|van|von|der|le)\s)?{TOKEN}){{0,3}})")


def _lead_name(cell: str) -> str | None:
    """A cell's name before any description: "Enid Sinclair, Wednesday's roommate" -> "Enid Sinclair"."""
    m = _LEAD.match(cell.strip())
    return m.group("n").strip() if m else None
