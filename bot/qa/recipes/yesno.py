"""Yes or no from a sentence: whether its claim about the question's words is negated."""
from __future__ import annotations

import re

_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|without|cannot)\b|n't\b|\b(?:yet\sto|has\syet|have\syet|"
                       r"doesn't|isn't|won't)\b", re.I)
# Words that deny by what they mean rather than by grammar ("X is leaving" says no to "is X
# returning?"), each with how a question word asking about that very thing begins: asked
# about ("was it cancelled?"), the word is the claim, and "has not been cancelled" is a no.
_DENIALS = [(re.compile(pattern, re.I), asked) for pattern, asked in (
    (r"\bexit(?:ed|s)?\b", ("exit",)),
    (r"\b(?:left\sthe|leaving)\b", ("leav", "left")),
    (r"\bcancel+ed\b", ("cancel",)),
    (r"\baxed\b", ("ax",)),
    (r"\b(?:denied|denies)\b", ("deni", "deny")),
    (r"\bunlikely\b", ("unlikel",)),
)]
_NOT_YET = re.compile(r"\b(?:not\syet|yet\sto|has\syet|have\syet|no\s\w+\s(?:yet|so\sfar)|still\s(?:no|hasn't|has\snot))\b", re.I)
_CLAUSE = re.compile(r"[;:]|,\s(?:but|although|though|while|and)\s|\.\s")
# a start still ahead: "is scheduled to start", "is set to begin", "will start shooting"
_START_AHEAD = re.compile(r"\b(?:(?:set|scheduled|slated|expected|due|planned|poised|going|plans?|planning)\sto|"
                          r"will|'ll)\s(?:officially\s)?(?:begin|start|commence|kick\soff|get\sunderway|roll|shoot|film)|"
                          r"\b(?:set|scheduled|slated)\sfor\b", re.I)


def polarity(sentence: str, anchors: list[str]) -> str | None:
    """"yes", "no" or "not_yet" for the clause of `sentence` holding the question's words
    (`anchors`, lower-case); None when no clause holds them."""
    text = sentence
    clauses = []
    pos = 0
    for m in _CLAUSE.finditer(text):
        clauses.append(text[pos:m.start()])
        pos = m.end()
    clauses.append(text[pos:])
    low = [c.casefold() for c in clauses]
    best = max(range(len(clauses)), key=lambda i: sum(a in low[i] for a in anchors)) if clauses else 0
    clause = clauses[best] if clauses else text
    if _NOT_YET.search(clause):
        return "not_yet"
    negations = len(_NEGATION.findall(clause))
    negations += sum(len(pattern.findall(clause)) for pattern, asked in _DENIALS
                     if not any(a.casefold().startswith(asked) for a in anchors))
    return "no" if negations % 2 else "yes"


def start_ahead(sentence: str) -> bool:
    """Whether `sentence` speaks of a start still ahead ("Filming is scheduled to start in
    the autumn"): to "has it started?" that is a not yet, however dated."""
    return bool(_START_AHEAD.search(sentence))
