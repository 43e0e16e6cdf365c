"""When an answer is good enough to give, and what to say when it is not.

Like Rasa's fallback policy: a question type is trusted only when its confidence is high
enough and clearly ahead of a runner-up of another type; an answer must account for every
word the question adds (the recipe's own facts, or the quoted sentences must hold them);
a sentence found by search must cover most of the question's meaning and hold the kind of
thing asked for. Every decline is logged with its reason. Thresholds were calibrated on
the development corpora (dev set on the bundled show, two other shows' corpora).
"""
from __future__ import annotations

from dataclasses import dataclass

from .retriever import Scored


@dataclass(frozen=True)
class Thresholds:
    intent: float = 0.45  # confidence below which a question type is not trusted
    margin: float = 0.03  # top two question types closer than this are ambiguous
    search: float = 0.66  # share of the question's meaning a found sentence must cover
    search_typed: float = 0.6  # ... when it also holds the specific kind of thing asked for
    search_rare_missing: float = 2.8  # idf above which a missing word alone sinks a found sentence


def search_ok(best: Scored, idf, thresholds: Thresholds, expects: str | None, terms: tuple[str, ...],
              soft: set[str] = frozenset(), proper: set[str] = frozenset(), season: int | None = None) -> tuple[bool, str]:
    """Whether a sentence found by search answers the question, and if not, why."""
    if not best.season_ok:
        return False, "about another season"
    if season is not None and expects in ("number", "date") and best.sentence.season_source != "sentence":
        # "how many episodes will season 2 have?": a figure in an article about season 2 may
        # be the last season's; only a sentence naming the season gives that season's figure
        return False, "does not itself name the season asked"
    if not best.people_ok:
        return False, "does not name the question's people"
    if expects and not best.has_type:
        return False, f"holds no {expects}"
    content = [t for t in terms if not t.isdigit() and t not in soft]
    if len([t for t in best.matched if not t.isdigit()]) < min(2, len(content)):
        return False, "too little of the question in it"
    bar = thresholds.search_typed if expects in ("money", "age", "date", "number", "person") and best.has_type \
        else thresholds.search
    if best.coverage < bar:
        return False, f"covers {best.coverage:.2f} of the question"
    rare = [t for t in best.missing if (idf(t) >= thresholds.search_rare_missing and t not in soft) or t in proper]
    if rare:
        return False, f"misses {rare}"
    return True, ""
