"""Time-sensitive news per season: release dates, renewals, episode counts, and where to
watch. The newest source leads: a date a newer article gives replaces an older guess, and
"As of <date>" says how recent the word is."""
from __future__ import annotations

import re
from collections import Counter

from bot.text.dates import month_year

from ..knowledge import EventFact
from ..models import Sentence
from ..retriever import Query
from .base import (
    Ask,
    Context,
    Draft,
    as_of,
    asked_negatively,
    attributed,
    capitalised,
    join,
    newest_first,
    one_per_article,
    recency,
    season_label,
    source_label,
    verdict,
)
from .yesno import start_ahead

_PAST = frozenset("did was were premiered came debuted released dropped aired started began".split())


def _events(ctx: Context, event: str, season: int | None, part: int | None = None) -> list[EventFact]:
    out = [e for e in ctx.k.events if e.event == event and e.season == season]
    if part is not None:
        exact = [e for e in out if e.part == part]
        # with no word on the part itself: the season's news that no date is set, and, for
        # part 1, the season's release, which is when its first part came out
        out = exact or [e for e in out if e.part is None and (e.status == "unannounced"
                                                              or part == 1 and e.status == "released")]
    return out


def _release_season(ctx: Context, ask: Ask) -> int | None:
    if ask.season is not None:
        return ask.season
    if _PAST & set(ask.q.words) or {"first", "premiere", "premiered", "debut"} & set(ask.q.words) and "next" not in ask.q.words:
        return 1  # "when did the show come out": its first season
    released = ctx.k.released_seasons()
    nxt = max(released, default=0) + 1
    return nxt if nxt in ctx.k.seasons else (ctx.k.latest_season or 1)


def release(ctx: Context, ask: Ask) -> Draft | None:
    """When a season (or part) comes out: the date it came out, else the newest announced
    date, else the newest word that none is set, with the estimates attributed. "Is it out
    yet?" gets a yes or a not yet first."""
    if ask.q.wh in ("where", "who", "why"):
        from .describe import describe
        return describe(ctx, ask)  # "where was the date announced?" is not asking for the date
    draft, state = _release(ctx, ask)
    if draft is not None and ask.q.yesno:
        # "is it out yet?" is a yes once it came out; "is there a date yet?" once one is set
        asks_date = bool(_ASKS_DATE & set(ask.q.words)) and "out" not in ask.q.words
        yes = state == "released" or (asks_date and state == "scheduled")
        draft.text = f"{ctx.t('yes') if yes else ctx.t('not_yet')} {draft.text}"
    return draft


_ASKS_DATE = frozenset("date dated announce announced official confirmed set".split())


def _release(ctx: Context, ask: Ask) -> tuple[Draft | None, str]:
    """The answer, and what it says: "released", "scheduled" or "" (no date yet)."""
    season = _release_season(ctx, ask)
    events = _events(ctx, "release", season, ask.part)
    if not events:
        return None, ""
    what = season_label(ctx, season, ask.part)
    dated = [e for e in events if e.date and not e.vague]
    released = [e for e in dated if e.status == "released" and e.precision >= 2]
    scheduled = [e for e in dated if e.status == "scheduled" and e.precision >= 2]
    # a date a newer article says was pushed back is no longer the date
    delays = [e for e in events if e.status == "estimate" and _DELAY.search(e.sentence.text)]
    scheduled = [e for e in scheduled if not any(recency(x.sentence) > recency(e.sentence) for x in delays)]
    # a date announced for something the newest articles already look back on has passed:
    # "Part 1 premieres on July 14, 2023", read when the newest article is from 2024
    horizon = max((a.date for a in ctx.k.articles if a.date), default="")
    released += [e for e in scheduled if _iso(e.ymd) and _iso(e.ymd) < horizon[:len(_iso(e.ymd))]
                 and not any(o.part == e.part and recency(o.sentence) > recency(e.sentence) for o in scheduled)
                 and not any(r.part == e.part for r in released)]
    unannounced = newest_first(e.sentence for e in events if e.status == "unannounced")
    estimates = [e for e in events if e.status == "estimate" or (e.date and e.vague and e.status != "released")]
    if released:
        whole = [e for e in released if e.part is None]
        if ask.part is None and not whole and len({e.part for e in released}) > 1:
            return _parts(ctx, season, released), "released"  # a season out in parts: each part's date
        best = max(whole or released, key=lambda e: (e.precision, not e.weak, recency(e.sentence)))
        agreeing = [e for e in released if e.ymd[1:] == best.ymd[1:] or e.date == best.date]
        template = "released" if best.precision >= 3 else "released_vague"
        return Draft(ctx.t(template, what=what, date=best.date),
                     one_per_article([best.sentence] + newest_first(e.sentence for e in agreeing), 3)), "released"
    newest_news = max((recency(s) for s in unannounced), default="")
    if scheduled:
        best = max(scheduled, key=lambda e: (recency(e.sentence), e.precision))
        if recency(best.sentence) >= newest_news:
            template = "scheduled" if best.precision >= 3 else "scheduled_vague"
            text = as_of(ctx, best.sentence) + ctx.t(template, what=what.lower() if as_of(ctx, best.sentence) else what,
                                                    date=best.date)
            return Draft(capitalised(text), [best.sentence]), "scheduled"
    parts, cited = [], []
    if unannounced:
        lead = unannounced[0]
        parts.append(capitalised(as_of(ctx, lead) + ctx.t("unannounced", what=what.lower())))
        cited.append(lead)
    guesses = [e for e in newest_first_events(estimates) if recency(e.sentence) >= "" and e.date]
    if guesses:
        items, seen = [], set()
        for e in guesses:
            if e.sentence.article.id in seen:
                continue
            seen.add(e.sentence.article.id)
            items.append(ctx.t("estimate_item", source=source_label(e.sentence), estimate=e.date))
            cited.append(e.sentence)
            if len(items) == 3:
                break
        parts.append(ctx.t("estimates", estimates="; ".join(items)))
    if not parts:
        return None, ""
    return Draft(" ".join(parts), cited), ""


_DELAY = re.compile(r"\b(?:delay(?:s|ed)?|postpone[sd]?|push(?:es|ed)?\s(?:\w+\s){0,3}?back)\b", re.I)


def _parts(ctx: Context, season: int, released: list[EventFact]) -> Draft:
    lines, cited = [], []
    for part in sorted({e.part for e in released if e.part}):
        best = max((e for e in released if e.part == part), key=lambda e: (e.precision, recency(e.sentence)))
        lines.append(ctx.t("released" if best.precision >= 3 else "released_vague",
                           what=season_label(ctx, season, part), date=best.date))
        cited.append(best.sentence)
    return Draft(" ".join(lines), cited)


def newest_first_events(events: list[EventFact]) -> list[EventFact]:
    return sorted(events, key=lambda e: recency(e.sentence), reverse=True)


_OVER = frozenset("over finished done ended end ending".split())


_ENDING_NEWS = re.compile(r"\b(?:confirm\w*|announc\w*|renew\w*|order\w*|reveal\w*|will\send|would\send|end\swith|"
                          r"(?:will|would|is|was)\sbe\s(?:its|the)\s(?:last|final)|(?:is|was)\s(?:its|the)\s(?:last|final))\b", re.I)


def renewal(ctx: Context, ask: Ask) -> Draft | None:
    k = ctx.k
    renewals = [e for e in k.events if e.event == "renewal"]
    season = ask.season
    final = k.final_season
    ended = final is not None and final in k.released_seasons()
    if season is None and ended:
        season = final + 1  # "is it over?", "are they making more?" of a show whose last season is out
    if season is None:
        numbered = [e.season for e in renewals if e.season and e.season > 1 and e.status == "renewed"]
        season = max(numbered, default=None) or (max(k.seasons, default=1) if len(k.seasons) > 1 else 2)
    if final is not None and {"last", "final"} & set(ask.q.words) and not asked_negatively(ask):
        # "is season 3 the last?": said of the season the articles call the last
        finals = newest_first(e.sentence for e in k.events if e.event == "final")
        if finals:
            head = "" if ask.season is None else f"{ctx.t('yes') if ask.season == final else ctx.t('no')} "
            return Draft(f"{head}{ctx.t('final_season', final=final)} {attributed(ctx, finals[0])}", finals[:2])
    if final is not None and season > final:
        finals = newest_first(e.sentence for e in k.events if e.event == "final")
        # the news that it ends ("confirmed the fifth season will be its last") before a
        # passing mention of "the final season"
        finals = [s for s in finals if _ENDING_NEWS.search(s.text)] + [s for s in finals if not _ENDING_NEWS.search(s.text)]
        if finals:
            # no season after the final one; but a show that ends was not cancelled either;
            # and "is it over?" is a yes
            over = bool(_OVER & set(ask.q.words))
            head = ctx.t("yes") if over else ctx.t("unclear") if asked_negatively(ask) else ctx.t("no")
            if not ask.q.yesno or (over and "or" in ask.q.words):
                head = ""  # "is there a season 4 or is it over?": the fact says which
            return Draft(f"{head} {ctx.t('final_season', final=final)} {attributed(ctx, finals[0])}", finals[:2])
    facts = [e for e in renewals if e.season == season]
    positive = newest_first_events([e for e in facts if e.status == "renewed"])
    negative = newest_first_events([e for e in facts if e.status in ("not_renewed", "cancelled")])
    # a season that has a release date or is being filmed was renewed, whatever older news said
    made = newest_first_events([e for e in k.events if e.season == season and season > 1 and
                                e.event in ("release", "filming", "filming_end", "trailer") and e.status != "unannounced"])
    if positive and (not negative or recency(positive[0].sentence) >= recency(negative[0].sentence)):
        dated = next((e for e in positive if e.date and e.precision >= 2), None)
        if dated is not None:
            # the newest dated word, to the day when another article agrees more precisely
            agreeing = [e for e in positive if e.date and e.precision >= 2 and e.ymd[:dated.precision] == dated.ymd[:dated.precision]]
            dated = max(agreeing, key=lambda e: (e.precision, recency(e.sentence)))
        best = dated or positive[0]
        text = ctx.t("renewed_dated" if dated else "renewed", show=k.show.name, season=season, date=dated.date if dated else "")
        head = "" if ask.q.wh == "when" and not ask.q.yesno else f"{verdict(ctx, ask, 'yes')} "
        return Draft(f"{head}{text} {attributed(ctx, best.sentence)}",
                     one_per_article([best.sentence] + [e.sentence for e in positive], 2))
    if negative and (not made or recency(negative[0].sentence) >= recency(made[0].sentence)):
        lead = negative[0]
        if lead.status == "cancelled":
            return Draft(f"{verdict(ctx, ask, 'no')} {ctx.t('cancelled', show=k.show.name)} "
                         f"{attributed(ctx, lead.sentence)}", [lead.sentence])
        text = capitalised(as_of(ctx, lead.sentence) + ctx.t("not_renewed", show=k.show.name, season=season))
        return Draft(f"{verdict(ctx, ask, 'not_yet')} {text} {attributed(ctx, lead.sentence)}", [lead.sentence])
    if made:
        return Draft(f"{verdict(ctx, ask, 'yes')} {attributed(ctx, made[0].sentence)}", [made[0].sentence])
    return None


def episodes(ctx: Context, ask: Ask) -> Draft | None:
    k = ctx.k
    words = set(ask.q.words)
    if ask.q.show_named:
        # "season 1 of All of Us Are Dead": the show's own name does not ask for all seasons
        text = ask.q.text
        for name in sorted(k.show.names(), key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text, flags=re.I)
        words = set(ctx.lexicon.words(text))
    wants_total = bool({"total", "altogether", "overall"} & words) or len(ask.q.seasons) > 1 or (
        "all" in words and ("season" in words or "seasons" in words))
    if wants_total:
        totals = newest_first_events_like([f for f in k.episodes if f.total])
        if totals:
            best = totals[0]
            return Draft(f"{ctx.t('episodes_total', count=best.count)} {attributed(ctx, best.sentence)}",
                         [best.sentence])
        return None
    season = ask.season
    facts = [f for f in k.episodes if not f.total]
    if season is None:
        seasons = sorted({f.season for f in facts if f.season})
        if len(seasons) != 1:
            season = 1 if 1 in seasons else None
        else:
            season = seasons[0]
    if season is None:
        return None
    mine = [f for f in facts if f.season == season]
    if season == 1 and not mine:
        # a count no sentence dates, in an article written before any later season came
        # out, is the first season's ("all ten episodes arrive on Friday")
        later = min((e.ymd for e in k.events if e.event == "release" and e.status == "released"
                     and e.season and e.season > 1 and e.ymd[0]), default=None)
        mine = [f for f in facts if f.season is None and (later is None or (f.sentence.article.date or "9") < _iso(later))]
    stated = [f for f in mine if not f.weak] or mine
    if not stated:
        return None
    counts = Counter(f.count for f in stated)
    newest = max(stated, key=lambda f: recency(f.sentence))
    count = counts.most_common(1)[0][0] if counts.most_common(1)[0][1] > 1 else newest.count
    agreeing = newest_first(f.sentence for f in stated if f.count == count)
    return Draft(ctx.t("episodes", season=season, count=count), one_per_article(agreeing, 2))


def _iso(ymd: tuple[int, int, int]) -> str:
    return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate(ymd) if n)


def newest_first_events_like(facts):
    return sorted(facts, key=lambda f: recency(f.sentence), reverse=True)


def filming(ctx: Context, ask: Ask) -> Draft | None:
    """Has filming started? Yes when a dated start (or wrap) of the season's filming is on
    record; not yet when the newest word is of a start still ahead ("is scheduled to start
    this autumn") whose date has not passed; otherwise, and for where/when questions, the
    best sentences say."""
    from .describe import describe
    if not ask.q.yesno:
        when = _filming_when(ctx, ask) if ask.q.wh == "when" else None
        return when or describe(ctx, ask)
    season = ask.season or _season_in_the_making(ctx)
    events = newest_first_events([e for e in ctx.k.events if e.event in ("filming", "filming_end")
                                  and e.season == season and e.date])
    planned = ask.q.words[:1] in (["will"], ["would"])  # "will filming start in June?" asks about the plan
    ahead = [] if planned else [e for e in events if _still_ahead(ctx, e.sentence)]
    started = [e for e in events if e not in ahead]
    if _asks_end(ask):
        # "has filming wrapped?": a start on record is no wrap; say what the newest word is
        ended = [e for e in started if e.event == "filming_end"]
        if ended:
            return Draft(f"{ctx.t('yes')} {attributed(ctx, ended[0].sentence)}", [ended[0].sentence])
        if started:
            lead = started[0]
            return Draft(f"{ctx.t('unclear')} {attributed(ctx, lead.sentence)}", [lead.sentence])
    if started:
        lead = started[0]
        return Draft(f"{ctx.t('yes')} {attributed(ctx, lead.sentence)}", [lead.sentence])
    draft = describe(ctx, ask)
    lead = draft.sentences[0] if draft is not None and draft.sentences else None
    if ahead and (lead is None or recency(lead) <= recency(ahead[0].sentence)):
        lead = ahead[0].sentence  # the newest word is a dated plan
    elif lead is None or planned or not _still_ahead(ctx, lead):
        return draft
    return Draft(f"{ctx.t('not_yet')} {attributed(ctx, lead)}", [lead])


def _season_in_the_making(ctx: Context) -> int | None:
    """The latest season news says is being made (renewed, filmed, dated), not one articles
    only wonder about ("Will there be a season 3?"); else the latest season named."""
    made = [e.season for e in ctx.k.events if e.season and (
        e.event in ("filming", "filming_end", "trailer") or (e.event == "renewal" and e.status == "renewed")
        or (e.event == "release" and e.status in ("released", "scheduled")))]
    return max(made, default=None) or ctx.k.latest_season


_END_WORDS = frozenset("wrap wraps wrapped wrapping end ends ended finish finished finishes done complete completed over".split())


def _asks_end(ask: Ask) -> bool:
    """Whether a filming question asks about the end of the shoot ("has it wrapped?")."""
    return bool(_END_WORDS & set(ask.q.words))


def _filming_when(ctx: Context, ask: Ask) -> Draft | None:
    """When filming began (or wrapped, when the question asks about the end): the newest
    article's dated statement that it happened, not a plan ("is set to begin in 2024"),
    given to the day when an article agrees with it more precisely. A question naming no
    season asks about the latest season whose shoot is on record."""
    event = "filming_end" if _asks_end(ask) else "filming"
    horizon = max((a.date for a in ctx.k.articles if a.date), default="")
    done = [e for e in ctx.k.events if e.event == event and e.season and e.date and not e.vague
            and e.precision >= 2 and _iso(e.ymd) and _iso(e.ymd) <= horizon[:len(_iso(e.ymd))]
            and _SHOOT.search(e.sentence.text) and not start_ahead(e.sentence.text)
            and not _SPECULATIVE.search(e.sentence.text)]
    season = ask.season or max((e.season for e in done), default=None)
    done = [e for e in done if e.season == season]
    if not done:
        return None
    lead = max(done, key=lambda e: (recency(e.sentence), e.precision))
    agreeing = [e for e in done if e.ymd[:lead.precision] == lead.ymd[:lead.precision]]
    best = max(agreeing, key=lambda e: (e.precision, recency(e.sentence)))
    what = season_label(ctx, season).lower()
    key = ("filming_ended" if event == "filming_end" else "filming_began") + ("" if best.precision >= 3 else "_vague")
    return Draft(f"{capitalised(ctx.t(key, what=what, date=best.date))} {attributed(ctx, best.sentence)}",
                 one_per_article([best.sentence] + newest_first(e.sentence for e in agreeing), 2))


_SHOOT = re.compile(r"\b(?<!-)(?:film(?:ing|ed)|shoot(?:ing)?|shot|cameras?|principal\sphotography|wrap(?:s|ped)?)\b", re.I)
_SPECULATIVE = re.compile(r"(?:expect(?:s|ed)?|likely|could|might|should|reportedly|rumou?red|hope[sd]?|if)", re.I)


def _still_ahead(ctx: Context, s: Sentence) -> bool:
    """Whether a sentence speaks of a filming start still ahead: planned, and on no date
    the newest articles have passed ("set to begin in June 2023", read in 2024, has begun)."""
    if not start_ahead(s.text):
        return False
    horizon = max((a.date for a in ctx.k.articles if a.date), default="")
    dates = [_iso(e.ymd) for e in ctx.k.events if e.sentence is s and e.event == "filming" and e.ymd[0]]
    return not any(when < horizon[:len(when)] for when in dates)


def watch(ctx: Context, ask: Ask) -> Draft | None:
    k = ctx.k
    platform = k.show.platform
    if not platform:
        return None
    q = Query((platform.casefold().split()[0],) + tuple(t for t in ask.q.terms if t in k.vocabulary),
              {}, frozenset(), ask.season, None, None, ("watch",), time_sensitive=True)
    ranked = [s for s in ctx.retriever.rank(q, limit=10) if platform.casefold() in s.sentence.text.casefold()]
    ranked.sort(key=lambda s: (-(s.topic > 0), -s.score))
    if not ranked:
        return None
    best = ranked[0].sentence
    head = f"{ctx.t('yes')} " if ask.q.yesno else ""
    return Draft(f"{head}{ctx.t('watch', show=k.show.name, platform=platform)} {attributed(ctx, best)}", [best])


__all__ = ["release", "renewal", "episodes", "watch", "month_year", "join"]
