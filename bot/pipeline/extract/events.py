"""Dated events per season: release, renewal, filming (start and wrap), trailer; and the
statements that say something has NOT happened yet ("Netflix has not announced a release
date for season three"), that a show is cancelled, or that a season is its last.

A date belongs to the event word nearest to it in its clause ("the date had been revealed
on September 24, and the official trailer followed on October 9"). Release dates carry a
status: released (it came out), scheduled (an announced date), estimate (a guess), or
unannounced (no date yet), because the newest source's status decides the answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text.dates import DateMention, find_dates, parse_iso, with_year
from bot.text.required import Guarded

# Each trigger is tried only when the words it needs are in the sentence (bot.text.required).
TRIGGERS: dict[str, Guarded] = {
    "announce": Guarded(re.compile(r"\b(?:announc(?:e|es|ed|ing)|confirm(?:s|ed|ing)?|reveal(?:s|ed|ing)?|unveil(?:s|ed|ing)?)\b(?!\s(?:a\s|the\s)?(?:trailer|teaser|poster))", re.I)),
    "final": Guarded(re.compile(r"\b(?:final|last|concluding)\s(?:season|chapter|installment)\b|\b(?:would|will)\sbe\s(?:the|its)\s(?:last|final)(?:\sseason|\sone)?\b", re.I)),
    "trailer": Guarded(re.compile(r"\b(?:trailers?|teasers?)\b", re.I)),
    "renewal": Guarded(re.compile(r"\b(?:renew(?:s|ed|al)?|re-?upped|order(?:s|ed)?|picked\sup|pick\sup|greenlit|green-?light(?:s|ed)?|"
                          r"(?<!\ba\s)(?<!\bthe\s)commission(?:s|ed)?(?!\s(?:from|on|for\ssales))|is\sa\sgo|(?:officially\s)?confirmed\s(?:a\s|that\s)?(?:season|a\s(?:second|third|fourth|fifth))|"
                          r"(?<=season\s\d\s)(?:was|has\sbeen|is)\s(?:officially\s)?confirmed)", re.I)),
    "filming_end": Guarded(re.compile(r"\b(?:wrap(?:s|ped)?(?:\sfilming|\sproduction|\sshooting)?|finished\s(?:filming|shooting|production)|"
                              r"completed\s(?:filming|shooting|production)|filming\s(?:ended|finished|concluded))\b", re.I)),
    "filming": Guarded(re.compile(r"\b(?:film(?:ed|ing)|shoot(?:s|ing)?|shot\s(?:in|on|at|between|from)|production|cameras?|principal\sphotography|pre-?production)\b", re.I)),
    "release": Guarded(re.compile(r"\b(?:premiere[sd]?|premiering|debut(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
                          r"release[sd]?|releasing|expect(?:s|ed)?|anticipated|come\sout|comes\sout|came\sout|coming\sout|launch(?:es|ed)|land(?:s|ed)|"
                          r"hit(?:s)?\s(?:netflix|screens|the\sstreamer|(?=[\w+]+(?:\s[\w+]+)?\son\s))|stream(?:s|ing)?\s(?:from|on)|bow(?:s|ed)?|return(?:s|ed)?\s(?:on|in)|"
                          r"out\son|set\sfor|slated\sfor|due\s(?:in|on|out)|coming\s(?:on|in)|airs?|aired|available\s(?:on|from)|"
                          r"coming\sto(?!\san?\s(?:end|close))|return(?:s|ing)?\s(?=(?:on\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d)|"
                          r"(?:has|have)\s(?:now\s|finally\s|officially\s)*dated|delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?\s(?:\w+\s){0,3}?back)\b", re.I)),
}
# A release verb whose subject is a trailer ("The official trailer for season 2 dropped on")
# dates the trailer, not the show.
_TRAILER_SUBJECT = re.compile(r"\b(?:trailers?|teasers?)(?:\s(?:for|of)\s[^,.;:]{1,40}?)?\s"
                              r"(?:(?:has|have|was|were|is|are|been|will|be|officially|finally|just|also|first|now)\s)*$", re.I)
_CLAUSE = re.compile(r";|,\s(?:and|but|while|whereas)\s|\s(?:while|whereas|but)\s|\.\s")
# The modal "may" is matched in lower case only: "May 5" is a date, not a guess.
_SPECULATION = re.compile(r"\b(?:expect(?:s|ed|ing)?|likely|unlikely|could|might|(?-i:may)|predict(?:s|ed)?|rumou?r(?:s|ed)?|reportedly|"
                          r"guess|estimate[sd]?|should|hopefully|hope|probably|possibly|perhaps|tipped|speculat\w*|"
                          r"at\sthe\s(?:earliest|latest)|we\sthink|looks\slike|wouldn't\sbe\ssurprised|if\s)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|'ll|is\sset\sto|are\sset\sto|set\sfor|slated|scheduled|coming(?!-)|to\sarrive|to\spremiere|"
                     r"arrives|premieres|drops|returns|launches|lands|hits|debuts|bows|streams|comes\sto|is\scoming|"
                     r"(?:has|have)\s(?:now\s|finally\s|officially\s)*(?:set|dated|scheduled)|"
                     r"(?:return|premiere|arrive|drop|land|hit|debut)\s(?:on\s)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d))\b", re.I)
_PAST = re.compile(r"\b(?:premiered|debuted|arrived|dropped|released|came\sout|launched|landed|aired|bowed|opened|"
                   r"was\sreleased|were\sreleased|is\snow\sstreaming|are\snow\sstreaming|is\sstreaming|hit|"
                   r"shot|went|became|was|were|had|did|saw|drew|topped|logged|racked|ranked|broke|set(?!\s(?:a|an|the|its)\s[^.,;]{0,30}\b(?:date|premiere|release|debut|return))|won|made|"
                   r"occurred|happened|followed|reached|climbed|remained|proved|turned|returned)\b", re.I)
_UNANNOUNCED = re.compile(
    r"\b(?:(?:has|have|had|did)\s(?:not|n't)|hasn't|haven't|hadn't|didn't|(?:is|are)\s(?:yet\sto|not\syet)|yet\sto|still\s(?:no|hasn't|has\snot))\s"
    r"(?:yet\s)?(?:officially\s)?(?:been\s)?(?:announc\w*|set|reveal\w*|confirm\w*|give[n]?|sa(?:id|y)|share[d]?|dated|schedul\w*|decided)\b"
    r"(?=[^.]{0,60}\b(?:date|when|premiere|release|window|debut|return|arrive|come\sout)\b)"
    r"|\bno\s(?:official\s|firm\s|confirmed\s|exact\s|set\s)?(?:release|premiere|launch)?\s?(?:date|window)\b"
    r"|\b(?:release|premiere)\sdate\s(?:is|remains|has)\s(?:still\s)?(?:unknown|unconfirmed|a\smystery|under\swraps|not\sbeen|yet\sto|tbd|tba)"
    r"|\bnothing\sis\sofficially\sannounced|\bofficial\s(?:release|premiere)\sdate\shas\snot",
    re.I)
_NOT_RENEWED = re.compile(
    r"\b(?:(?:has|have)\s(?:not|n't)\s(?:yet\s)?(?:been\s)?(?:officially\s)?(?:renewed|ordered|picked\sup|confirmed)|hasn't\s(?:yet\s)?(?:been\s)?(?:officially\s)?(?:renewed|ordered|confirmed)|"
    r"not\s(?:yet\s)?(?:officially\s)?(?:renewed|ordered|confirmed)|no\s(?:official\s)?(?:word|news|confirmation|announcement)\s(?:yet\s)?(?:on|about|of|regarding)\s(?:a\s)?(?:renewal|season|whether|when|another)|"
    r"nothing\shas\sbeen\s(?:decided|confirmed|announced)|yet\sto\s(?:be\s)?(?:renew|order|confirm)\w*|no\sofficial\sconfirmation|"
    r"(?:(?:has|have)\s(?:not|n't)|hasn't|haven't)\s(?:yet\s)?(?:said|decided|announced|revealed)\s(?:whether|if)|"
    r"(?:(?:has|have)\s(?:not|n't)|hasn't|haven't)\s(?:yet\s)?(?:officially\s)?(?:announced|confirmed)\s(?:a|another)\s(?:season\s\d{1,2}|\w+\sseason))\b"
    # ... of something other than a season: "has not confirmed the season 2 cast"
    r"(?!\s(?:(?:the|a|an|any|its|their|who|which|when|whether|if)\s)?(?:[\w-]+\s){0,3}?"
    r"(?:cast|casting|release|premiere|date|title|plot|story|details|episodes?|trailers?|teasers?|director|writer|roles?|line-?up|returns?|returning)\b)", re.I)
# "will not return" is the show's end, unless it is a person's ("he will not return", "X will
# not return as Y", "... to the role"): then an actor is leaving (see cast).
_CANCELLED = re.compile(r"\b(?:cancel+ed|cancel+ation|axed|scrapped|not\sbe\srenewed|pulled\sthe\splug|"
                        r"(?<!\bhe\s)(?<!\bshe\s)(?:will\snot|won't)\sreturn"
                        r"(?!\s(?:as\b|to\s(?:the|her|his|their)\s(?:role|part|cast)\b)))\b", re.I)
_FINAL = re.compile(r"\b(?:final|last|concluding|closing)\s(?:season|chapter|installment)\b|\b(?:would|will)\sbe\s(?:the|its)\s(?:last|final)(?:\sseason|\sone)?\b|"
                    r"\bwill\sbe\sthe\slast\b|\bis\sthe\slast\sseason\b|\bseries\sfinale\b", re.I)


_OWN_TIME = re.compile(r"\b(?:after|before|since|following|when|once|until)\b", re.I)


@dataclass(frozen=True, slots=True)
class EventMention:
    event: str  # release | renewal | filming | filming_end | trailer | final
    status: str  # release: released | scheduled | estimate | unannounced; renewal: renewed | not_renewed | cancelled
    date: DateMention | None
    start: int  # span of the trigger (or the statement)
    end: int


# Words one of which (or a digit) a sentence with event news holds; the rest is skipped
# before any pattern runs. Checked on the folded text with its spaces made plain.
_MAYBE_WORDS = ("renew", "cancel", "axed", "final", "last", "date", "announc", "confirm", "order", "pick",
                "greenl", "commission", "yet", "soon", "this ", "next ", "later ", "january", "february", "march",
                "april", "may", "june", "july", "august", "september", "october", "november", "december",
                "window", "scrapped", "plug", "a go", "not return", "won't return", "whether")
_DIGIT = re.compile(r"\d")


def events_in(text: str, article_date: str | None = None) -> list[EventMention]:
    low = " ".join(text.casefold().split())
    if not _DIGIT.search(text) and not any(word in low for word in _MAYBE_WORDS):
        return []  # no date, no renewal or release news: most sentences
    low = text.casefold()
    out: list[EventMention] = []
    dates = [d for d in find_dates(text) if d.year is not None or d.month is not None]
    clauses = _clauses(text)
    triggers = sorted(((m.start(), event, m) for event, pattern in TRIGGERS.items() for m in pattern.finditer(text, low)),
                      key=lambda t: t[0])
    if any(event == "trailer" for _, event, _ in triggers):
        triggers = [t for t in triggers if t[1] != "release" or not _TRAILER_SUBJECT.search(text, max(0, t[0] - 80), t[0])]
    claimed: dict[int, tuple[int, DateMention, str, re.Match]] = {}  # trigger start -> nearest date
    gapped: list[tuple[DateMention, re.Match]] = []
    for d in dates:
        clause = next(((s, e) for s, e in clauses if s <= d.start < e), (0, len(text)))
        found = _nearest_trigger(triggers, clause, d)
        if found is not None and found[1] == "announce" and found[2].start() > d.end:
            # "filming began on April 14, the studio confirmed": a report of the news after
            # its date; the date is the event's before it
            found = _nearest_trigger([x for x in triggers if x[1] != "announce"], clause, d)
        if found is None:
            verb = _gapped_release(text, clause, triggers)
            if verb is not None:
                gapped.append((d, verb))
            continue
        distance, event, t = found
        if event == "announce":
            # "Netflix confirmed on June 12 that season 3 would be the last": the date is the
            # announced thing's, when the date's clause names one after it (not the next
            # clause's: "was announced on April 11, and filming began on June 5")
            # "X renewed the show for a second season, the streamer announced on April 11":
            # a renewal (or a last season) before the announcement is made by it
            later = next(((e, m) for pos, e, m in reversed(triggers)
                          if clause[0] <= pos < t.start() and e in ("renewal", "final")), None)
            if later is None:
                # not a time of its own: "announced on May 3, six weeks after season 2 premiered"
                later = next(((e, m) for pos, e, m in triggers
                              if d.end < pos < clause[1] and e != "announce"
                              and not _OWN_TIME.search(text, d.end, pos)), None)
            if later is None:
                continue
            event, t = later
        if t.start() not in claimed or distance < claimed[t.start()][0]:
            claimed[t.start()] = (distance, d, event, t)
    for distance, d, event, t in claimed.values():
        clause = next(((s, e) for s, e in clauses if s <= d.start < e), (0, len(text)))
        status = ""
        if event == "release":
            status = _release_status(text[clause[0]:clause[1]], d, article_date)
        elif event == "renewal":
            status = _renewal_status(text)
        elif event == "final":
            status = "final"
        out.append(EventMention(event, status, d, t.start(), t.end()))
    for d, verb in gapped:
        # "Part 1 premieres on May 16, and Part 2 on June 13": the second date is a release
        # too, placed at the date so that the part named beside it is its part
        clause = next(((s, e) for s, e in clauses if s <= d.start < e), (0, len(text)))
        out.append(EventMention("release", _release_status(text[clause[0]:clause[1]] + " " + verb.group(), d, article_date),
                                d, d.start, d.end))
    for m in _UNANNOUNCED.finditer(text):
        out.append(EventMention("release", "unannounced", None, m.start(), m.end()))
    if not any(e.event == "renewal" for e in out):
        renewal = TRIGGERS["renewal"].search(text, low)
        about_renewal = renewal is not None or (re.search(r"\bseasons?\b|\breturn", text, re.I)
                                                and not re.search(r"\bdate\b|\bwhen\b", text, re.I))
        status = _renewal_status(text) if about_renewal else None
        m = (_NOT_RENEWED.search(text) if status == "not_renewed" else _CANCELLED.search(text)
             if status == "cancelled" else renewal)
        if status and m and (status != "renewed" or renewal):
            out.append(EventMention("renewal", status, None, m.start(), m.end()))
    if not any(e.event == "final" for e in out):
        for m in _FINAL.finditer(text):
            out.append(EventMention("final", "final", None, m.start(), m.end()))
            break
    return out


# A heading that asks whether a season is coming ("Will there be a season 3?", "Is another
# season happening?") and a first sentence under it that says nobody has said yet.
_RENEWAL_QUESTION = re.compile(r"^(?=.*\?\s*$)(?=.*\b(?:seasons?|renew\w*|return)\b)(?:.*\b(?:will|is|are)\sthere\s(?:be|going\sto\sbe)\b"
                               r"|.*\brenew\w*|.*\b(?:is|will)\s[^?]{0,40}\b(?:happening|return|come\sback|coming\sback)\b)", re.I)
_UNDECIDED = re.compile(r"^(?:[\w.'\u2019-]+\s){0,3}(?:(?:has|have)\s(?:not|n't)|hasn't|haven't)\s(?:yet\s)?(?:said|decided|announced|confirmed)\b"
                        r"|^(?:not\syet|no\sword\syet|it(?:'s|\sis)\stoo\searly\sto\ssay)\b"
                        r"|^nothing\s(?:has\sbeen|is)\s(?:officially\s)?(?:decided|confirmed|announced)\b", re.I)


def answers_to_heading(heading: str, text: str) -> list[EventMention]:
    """What the first sentence under a question heading says to it: "Will there be a season
    3?" followed by "Netflix has not said." is word that season 3 is not renewed yet."""
    if not _RENEWAL_QUESTION.search(heading.strip()):
        return []
    m = _UNDECIDED.search(text.strip())
    if m is None or _CANCELLED.search(text) or TRIGGERS["renewal"].search(text, text.casefold()):
        return []
    return [EventMention("renewal", "not_renewed", None, 0, len(text))]


def _renewal_status(text: str) -> str:
    if _NOT_RENEWED.search(text):
        return "not_renewed"
    if _CANCELLED.search(text):
        return "cancelled"
    return "renewed"


_GAPPED = re.compile(r"(?:part|volume|vol\.|season|half)\s(?:\d{1,2}|one|two|three|four|[ivx]{1,3})\b"
                     r"(?:\s(?:will|is\sset\sto|is\sdue\sto)\s(?:follow|arrive\slater)\b|\s(?:follows|follow)\b)?\s*(?:on|in)\s", re.I)


def _gapped_release(text: str, clause: tuple[int, int], triggers):
    """The release verb of the clause before when this one only names another part and its
    date ("..., and Part 2 on June 13", "..., and Part 2 will follow on June 13"); else None."""
    if clause[0] == 0 or not re.search(r",\s(?:and)\s$", text[max(0, clause[0] - 6):clause[0]]):
        return None
    if not _GAPPED.match(text, clause[0]):
        return None
    if any(clause[0] <= pos < clause[1] and event != "announce" for pos, event, _ in triggers):
        return None
    before = [m for pos, event, m in triggers if pos < clause[0] and event == "release"]
    return before[-1] if before else None


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _nearest_trigger(triggers, clause: tuple[int, int], d: DateMention):
    """(distance, event, match) of the event word closest before the date in its clause,
    else closest after it."""
    best = None
    for pos, event, m in triggers:
        if not (clause[0] <= pos < clause[1]) or m.start() < d.end and m.end() > d.start:
            continue
        if m.start() <= d.start:
            distance = d.start - m.end()
        else:
            distance = (m.start() - d.end) + 30  # after the date: weaker
        if event == "filming" and m.group().casefold() == "production":
            distance += 40  # "production company", "production on the show": weaker than a verb
        if best is None or distance < best[0]:
            best = (distance, event, m)
    if best is None or best[0] > 140:
        return None
    return best


_SPECULATION_ENDED = re.compile(r"\b(?:end(?:s|ed|ing)?|put(?:s|ting)?\san\send\sto|settl(?:e|es|ed|ing))\s(?:the\s|all\s|months\sof\s|weeks\sof\s|years\sof\s)*"
                                r"(?:speculation|guesswork|rumou?rs)\b", re.I)


def _release_status(clause: str, d: DateMention, article_date: str | None) -> str:
    clause = _SPECULATION_ENDED.sub(" ", clause)  # "..., ending months of speculation"
    if _SPECULATION.search(clause):
        return "estimate"
    if article_date and d.precision >= 1 and not d.vague:
        future = bool(_FUTURE.search(clause)) or None if not _PAST.search(clause) else False
        when, written = with_year(d, article_date, future), parse_iso(article_date)
        precision = 3 if d.day and written[2] else 2 if d.month and written[1] else 1
        if when[:precision] < written[:precision]:
            return "released"  # a date before the article was written is in the past
        if when[:precision] > written[:precision]:
            return "scheduled" if d.precision >= 2 else "estimate"
    if _PAST.search(clause) and not _FUTURE.search(clause):
        return "released"
    if d.vague or d.precision <= 1:
        return "estimate" if _FUTURE.search(clause) or not _PAST.search(clause) else "released"
    if _FUTURE.search(clause):
        return "scheduled"
    return "released" if _PAST.search(clause) else "scheduled"
