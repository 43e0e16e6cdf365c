"""Who plays whom, who is in which season, the cast, who is new and who returns."""
from __future__ import annotations

import re
from collections import defaultdict

from bot.text.normalise import plain_key, stem

from ..knowledge import CastFact
from ..models import Person
from ..retriever import Query
from ..understanding.people import spellings
from ..understanding.reader import CREDIT_NOUNS
from .base import Ask, Context, Draft, attributed, join, newest_first, one_per_article, recency, verdict

_STATUS_RANK = {"leaves": 0, "returns": 1, "joins": 1, "plays": 2}


def _support(facts: list[CastFact], key) -> list:
    """Distinct values of `key`, those backed by more articles (then newer ones) first."""
    support: dict = defaultdict(set)
    newest: dict = {}
    for f in facts:
        value = key(f)
        if value is None:
            continue
        support[value].add(f.sentence.article.id)
        newest[value] = max(newest.get(value, ""), recency(f.sentence))
    return sorted(support, key=lambda v: (-len(support[v]), _neg(newest[v])))


def _neg(text: str) -> tuple:
    return tuple(-ord(c) for c in text)


def _for_season(facts: list[CastFact], season: int | None) -> list[CastFact]:
    """Facts about `season` (stated in the sentence first); all of them when none is asked."""
    if season is None:
        return facts
    return sorted((f for f in facts if season in f.seasons), key=lambda f: f.weak)


def targets(ctx: Context, ask: Ask, kind: str) -> list[Person]:
    """The people of `kind` the question asks about: "who plays X's mother" asks about the
    mother, not X, so a name followed by a possessive and a plain word is not a target."""
    out = []
    for link in ask.q.links:
        if link.person.kind != kind:
            continue
        if _possessive_relation(ask.q.text, link.person, spellings(link, ask.q.words), ask.q.links,
                                ctx.retriever.intent_words(ask.intent.name)):
            continue
        out.append(link.person)
    return out


def _possessive_relation(text: str, person: Person, names: list[str], links,
                         own_words: frozenset[str] = frozenset()) -> bool:
    """"Nam-ra's mother": a possessive ties another thing to the name (as the question
    writes it: `names`). "X's character" or "X's role" is the question type's own word,
    not another thing."""
    for alias in names:
        m = re.search(re.escape(alias).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+") + r"['\u2019]s?\s+(\w+)", text, re.I)
        if m and (stem(m.group(1).casefold()) in own_words or m.group(1).casefold() in CREDIT_NOUNS):
            return False
        if m:
            after = text[m.end():]
            # "Wednesday's mom Morticia": another name follows, which is the one asked about
            return not any(a.casefold() in after.casefold() for l in links if l.person is not person
                           for a in l.person.aliases)
    return False


def descriptors(ask: Ask, people: list[Person]) -> frozenset[str]:
    """Other words describe the person asked about ("who plays Sang-wook, the scary guy with
    the burn scars?", "who plays Wednesday's mom Morticia?"): the credit answers the
    question without them. Words tied to a name ("Nam-ra's mother", "the mother of Nam-ra")
    ask about someone else, and are never descriptions."""
    if not any(l.person in people for l in ask.q.links):
        return frozenset()
    return frozenset(t for t in ask.q.terms if t not in ask.q.relation_terms)


def display(ctx: Context, person: Person) -> str:
    """A name, with the other name an actor goes by ("Park Solomon (Lomon)")."""
    from rapidfuzz import fuzz
    if person.kind != "actor":
        return person.name
    other = next((a for a in person.aliases[1:] if fuzz.ratio(plain_key(a), plain_key(person.name)) < 75), None)
    return f"{person.name} ({other})" if other else person.name


def who_plays(ctx: Context, ask: Ask) -> Draft | None:
    chars = targets(ctx, ask, "character")
    if not chars:
        return None
    lines, cited = [], []
    for char in chars[:3]:
        facts = [f for f in ctx.k.cast if f.character == char.id]
        facts = _for_season(facts, ask.season) or facts
        if not facts:
            return None
        leaving = [f for f in facts if f.status == "leaves"]
        staying = [f for f in facts if f.status != "leaves"] or facts
        actors = _support(staying, lambda f: f.actor)
        backing = {a: len({f.sentence.article.id for f in staying if f.actor == a}) for a in actors}
        # a second actor only when the articles back them about as much (a recast, a
        # younger self), not one article's mention of an old film
        actors = [a for a in actors if backing[a] * 2 >= backing[actors[0]]]
        if ask.season is not None:
            # the newest word on who plays the part in that season wins
            actors.sort(key=lambda a: _neg(max(recency(f.sentence) for f in staying if f.actor == a)))
        names = [display(ctx, ctx.k.people[a]) for a in actors[:2]]
        if len(names) == 1:
            lines.append(ctx.t("plays", actor=names[0], character=char.name))
        else:
            lines.append(ctx.t("plays_many", character=char.name, actors=join(names)))
        lead = [f for f in staying if f.actor == actors[0]]
        cited += one_per_article(newest_first(f.sentence for f in lead), 2)
        for f in leaving[:1]:
            if f.actor in actors[:1] and recency(f.sentence) >= max(recency(x.sentence) for x in lead):
                lines.append(ctx.t("leaves", actor=ctx.k.people[f.actor].name, character=char.name))
                cited.append(f.sentence)
    return Draft(" ".join(lines), cited, covers=descriptors(ask, chars))


def actor_role(ctx: Context, ask: Ask) -> Draft | None:
    actors = targets(ctx, ask, "actor")
    if not actors:
        return None
    lines, cited = [], []
    for actor in actors[:3]:
        facts = [f for f in ctx.k.cast if f.actor == actor.id]
        facts = _for_season(facts, ask.season) or facts
        with_role = [f for f in facts if f.character is not None]
        if not with_role:
            if not facts:
                return None
            lines.append(ctx.t("stars_only", actor=display(ctx, actor)))
            cited += one_per_article(newest_first(f.sentence for f in facts), 2)
            continue
        chars = _support(with_role, lambda f: f.character)
        lines.append(ctx.t("plays", actor=display(ctx, actor), character=join([ctx.k.people[c].name for c in chars[:2]])))
        cited += one_per_article(newest_first(f.sentence for f in with_role if f.character == chars[0]), 2)
    return Draft(" ".join(lines), cited)


def in_cast(ctx: Context, ask: Ask) -> Draft | None:
    """Is X in (or coming back for) season N? Yes or no from the newest credit for it; for
    "are X and Y returning?", for each of them, with one "Yes." when all agree."""
    actors = [l.person for l in ask.q.links if l.person.kind == "actor"]
    people = list({p.id: p for p in actors}.values()) or \
        list({l.person.id: l.person for l in ask.q.links if l.person.kind == "character"}.values())
    if not people:
        return None
    wanted_char = next((l.person for l in ask.q.links if l.person.kind == "character"), None) \
        if len(people) == 1 and people[0].kind == "actor" else None
    found = [_in_cast_one(ctx, ask, person, wanted_char) for person in people[:4]]
    if any(f is None for f in found):
        return None  # one of them is not credited: the articles do not say about all asked
    said = {f[0] for f in found}
    if len(said) == 1:
        head = verdict(ctx, ask, found[0][0])
        text = " ".join([head] + [f"{line} {attributed(ctx, sentence)}" for _, line, sentence in found])
    else:
        text = " ".join(f"{verdict(ctx, ask, v)} {line} {attributed(ctx, sentence)}" for v, line, sentence in found)
    return Draft(text, [sentence for _, _, sentence in found])


def _in_cast_one(ctx: Context, ask: Ask, person, wanted_char) -> tuple[str, str, object] | None:
    """("yes" or "no", the line saying it, the sentence it comes from) for one person."""
    key = (lambda f: f.actor) if person.kind == "actor" else (lambda f: f.character)
    facts = [f for f in ctx.k.cast if key(f) == person.id]
    season = ask.season
    if season is not None:
        facts = _for_season(facts, season)
    if not facts:
        return None
    newest = max(facts, key=lambda f: (season is not None and f.status in ("returns", "joins", "leaves"),
                                      recency(f.sentence), not f.weak))
    actor = display(ctx, ctx.k.people[newest.actor])
    char_id = newest.character or next((f.character for f in ctx.k.cast if f.actor == newest.actor and f.character), None)
    character = ctx.k.people[char_id].name if char_id else (wanted_char.name if wanted_char else "")
    if newest.status == "leaves":
        line = ctx.t("in_season_no" if season else "leaves", actor=actor, character=character or "before", season=season)
        return "no", line, newest.sentence
    if season is None:
        line = ctx.t("in_show", actor=actor, character=character) if character else ctx.t("stars_only", actor=actor)
    else:
        template = {"returns": "in_season_returns", "joins": "in_season_joins"}.get(newest.status, "in_season_yes")
        line = ctx.t(template, actor=actor, character=character or "themselves", season=season)
    return "yes", line, newest.sentence


def _pairs(ctx: Context, facts: list[CastFact], limit: int = 12) -> str:
    pairs = _support([f for f in facts if f.character is not None], lambda f: (f.actor, f.character))
    seen_actor, out = set(), []
    for actor, char in pairs:
        if actor in seen_actor:
            continue
        seen_actor.add(actor)
        out.append(ctx.t("cast_pair", actor=display(ctx, ctx.k.people[actor]), character=ctx.k.people[char].name))
    return ", ".join(out[:limit])


def cast_list(ctx: Context, ask: Ask) -> Draft | None:
    facts = [f for f in ctx.k.cast if f.status != "leaves"]
    if ask.season is not None:
        facts = _for_season(facts, ask.season)
    if not facts:
        return None
    pairs = _pairs(ctx, facts)
    if not pairs:
        return None
    text = ctx.t("cast_list_season", season=ask.season, pairs=pairs) if ask.season else ctx.t("cast_list", pairs=pairs)
    cited = one_per_article(sorted((f.sentence for f in facts), key=lambda s: (-len([f for f in facts if f.sentence is s]), s.id)), 3)
    return Draft(text, cited)


def _latest_with(ctx: Context, statuses: tuple[str, ...]) -> int | None:
    """The latest season credits with one of `statuses` are for ("who is returning?" asks
    about the season whose cast news there is, not a later one only wondered about)."""
    return max((s for f in ctx.k.cast if f.status in statuses for s in f.seasons if s), default=None) \
        or ctx.k.latest_season


def _credit_words(ctx: Context) -> frozenset[str]:
    """"Who plays the new principal?": a list of credits ("X as Y") says who plays whom,
    whatever verb its sentences use."""
    return frozenset({"plai"}) | ctx.lexicon.related.get("plai", frozenset())


def new_cast(ctx: Context, ask: Ask) -> Draft | None:
    season = ask.season or _latest_with(ctx, ("joins",))
    if season is None:
        return None
    earlier = {f.actor for f in ctx.k.cast if f.seasons and min(f.seasons) < season and not f.weak}
    # someone said to return for the season is not new in it
    earlier |= {f.actor for f in _for_season(ctx.k.cast, season) if f.status == "returns"}
    mine = _for_season(ctx.k.cast, season)
    said = [f for f in mine if f.status == "joins" and f.actor not in earlier]
    # news that says who joins is the answer; a credit no earlier season has is a guess at it
    joins = said or [f for f in mine if f.actor not in earlier and f.status == "plays" and not f.weak]
    if not joins:
        return None
    pairs = _pairs(ctx, joins) or join([ctx.k.people[a].name for a in _support(joins, lambda f: f.actor)])
    return Draft(ctx.t("new_cast", season=season, pairs=pairs), one_per_article(newest_first(f.sentence for f in joins), 3),
                 covers=_credit_words(ctx))


def returning(ctx: Context, ask: Ask) -> Draft | None:
    season = ask.season or _latest_with(ctx, ("returns",))
    if season is None:
        return None
    facts = [f for f in _for_season(ctx.k.cast, season) if f.status in ("returns", "leaves")]
    # each actor as the newest word has them: back, or not back after all
    newest = {}
    for f in sorted(facts, key=lambda f: recency(f.sentence)):
        newest[f.actor] = f.status
    facts = [f for f in facts if f.status == newest[f.actor]]
    back = [f for f in facts if f.status == "returns"]
    if not back:
        return None
    parts = [ctx.t("returning", season=season, pairs=_pairs(ctx, back) or join(
        [ctx.k.people[a].name for a in _support(back, lambda f: f.actor)]))]
    gone = [f for f in facts if f.status == "leaves"]
    if gone:
        parts.append(ctx.t("leaving", pairs=_pairs(ctx, gone) or join([ctx.k.people[f.actor].name for f in gone])))
    return Draft(" ".join(parts), one_per_article(newest_first(f.sentence for f in back + gone), 3),
                 covers=_credit_words(ctx))


def who_is(ctx: Context, ask: Ask) -> Draft | None:
    """Who someone is: their part (or their crew role), and the sentence that best describes
    them for this question."""
    person = ask.q.links[0].person if ask.q.links else None
    if person is None:
        return None
    base = None
    if person.kind == "character":
        base = who_plays(ctx, ask)
    elif person.kind == "actor":
        base = actor_role(ctx, ask)
    else:
        roles = sorted({f.role for f in ctx.k.crew if f.person == person.id})
        if roles:
            facts = [f for f in ctx.k.crew if f.person == person.id]
            base = Draft(ctx.t("crew", people=person.name, role=join(roles)),
                         one_per_article(newest_first(f.sentence for f in facts), 2))
    terms = [t for t in ask.q.terms if t not in ctx.retriever.k.vocabulary or True]
    q = Query(tuple(ask.q.terms), {t: ctx.k.idf(t) for t in ask.q.terms}, frozenset({person.id}),
              ask.season, None, None, ("synopsis", "plot", "ending", "cast"), avoid_spoilers=True)
    cast_lines = {f.sentence.id for f in ctx.k.cast}
    about = [s for s in ctx.retriever.rank(q, limit=8) if s.sentence.id not in cast_lines and s.people_ok]
    if ask.q.terms:
        about = [s for s in about if s.coverage >= 0.5]
        if not about:
            return None  # "what is X's birthday?": knowing who X is does not answer it
    best = about[0].sentence if about else None
    if base is None and best is None:
        return None
    if best is None:
        return base
    text = attributed(ctx, best) if base is None else f"{base.text} {attributed(ctx, best)}"
    cited = [best] + (base.sentences[:1] if base else []) if ask.q.terms else (base.sentences[:2] if base else []) + [best]
    return Draft(text, cited, spoiler=best.spoiler, covers=frozenset(ask.q.terms) if not ask.q.terms or about else frozenset())
