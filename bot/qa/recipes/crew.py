"""Who made the show (directors, creators, writers, composers, producers) and what it is
based on."""
from __future__ import annotations

import re
from collections import defaultdict

from bot.text.normalise import plain_key

from ..retriever import Query
from .base import Ask, Context, Draft, attributed, join, newest_first, one_per_article, recency

ROLE_NAMES = {"director": "director", "creator": "creator", "showrunner": "showrunner", "writer": "writer",
              "composer": "composer", "producer": "producer", "author": "author of the original work"}
_MEDIUM = re.compile(r"\b(webtoon|web\s?comic|web\snovel|comic\sbook|comics?|manga|manhwa|graphic\snovel|novels?|"
                     r"book\sseries|book|cartoons?|short\sstory)\b", re.I)


def _people_by_support(facts) -> list[int]:
    support = defaultdict(set)
    for f in facts:
        support[f.person].add(f.sentence.article.id)
    return sorted(support, key=lambda p: (-len(support[p]), p))


def crew(ctx: Context, ask: Ask) -> Draft | None:
    roles = list(ask.intent.roles)
    # the role the question names comes first: "who is the showrunner" of a type that also
    # answers "who created it" asks for the showrunner
    named = [r for r in roles if r in ask.q.words or r + "s" in ask.q.words]
    roles = named + [r for r in roles if r not in named]
    facts = [f for f in ctx.k.crew if f.role in roles]
    if not facts:
        return None
    people = _people_by_support(facts)
    # everyone credited with the first role the question type names, then the others'
    ordered = sorted(people, key=lambda p: min(roles.index(f.role) for f in facts if f.person == p))
    lead_role = min(roles.index(f.role) for f in facts)
    lead = [p for p in ordered if any(f.person == p and roles.index(f.role) == lead_role for f in facts)]
    # a team is credited together ("creators Al Gough and Miles Millar"); keep those the
    # articles back about as much as the first
    top = len({f.sentence.article.id for f in facts if f.person == lead[0]})
    lead = [p for p in lead if len({f.sentence.article.id for f in facts if f.person == p}) * 2 >= top][:4]
    role = ROLE_NAMES.get(roles[lead_role], roles[lead_role])
    names = [ctx.k.people[p].name for p in lead]
    text = ctx.t("crew", people=join(names), role=role + ("s" if len(names) > 1 and not role.endswith("work") else ""))
    cited = []
    for p in lead:
        cited += one_per_article(newest_first(f.sentence for f in facts if f.person == p and roles.index(f.role) == lead_role), 2)
    together = [s for s in cited if all(s.id in {f.sentence.id for f in facts if f.person == p} for p in lead)]
    cited = (together[:1] + cited)[:3]
    return Draft(text, cited)


_TITLE_AFTER_MEDIUM = re.compile(
    r"\b(?:webtoon|web\s?comic|comic|manga|manhwa|novel|book)\s+(?:called\s+|titled\s+|named\s+)?"
    r"(?P<t>[\"\u201c\u2018'*_][^\"\u201d\u2019'*_]{2,60}[\"\u201d\u2019'*_]|[A-Z][\w'\u2019-]*(?:\s(?:(?:at|of|the|in|and|a|to|on|our|us)\s)*[A-Z][\w'\u2019-]*){0,6})")


def source_title(ctx: Context, sentences) -> tuple[str, object] | None:
    """The source work's own title ("the webcomic Now at Our School"), when an article
    gives one that is not the show's (or a person's) name."""
    show = {plain_key(n) for n in ctx.k.show.names()}
    for s in list(sentences) + [x for x in ctx.k.sentences if "source" in x.topics]:
        for m in _TITLE_AFTER_MEDIUM.finditer(s.text):
            title = m.group("t").strip("\"\u201c\u201d\u2018\u2019'*_ ,.")
            key = plain_key(title)
            if len(title) < 3 or key in show or ctx.k.person_ids(title) or not title[:1].isupper():
                continue
            return title, s
    return None


def source(ctx: Context, ask: Ask) -> Draft | None:
    """What the show is based on, and by whom."""
    authors = [f for f in ctx.k.crew if f.role == "author"]
    q = Query(tuple(ask.q.terms) or ("based",), {t: ctx.k.idf(t) for t in ask.q.terms}, frozenset(),
              None, None, None, ("source",))
    ranked = [s for s in ctx.retriever.rank(q, limit=8) if s.topic > 0]
    best = ranked[0].sentence if ranked else None
    if not authors and best is None:
        return None
    cited = [best] if best else []
    if authors:
        people = _people_by_support(authors)
        top = len({f.sentence.article.id for f in authors if f.person == people[0]})
        people = [p for p in people if len({f.sentence.article.id for f in authors if f.person == p}) * 3 >= top][:3]
        by = ctx.t("source_by", authors=join([ctx.k.people[p].name for p in people]))
        medium_sentence = next((f.sentence for f in authors if _MEDIUM.search(f.sentence.text)), None)
        medium = _MEDIUM.search(medium_sentence.text).group(1).lower() if medium_sentence else "the original work"
        work = ("the " + medium) if medium_sentence else medium
        title = source_title(ctx, [f.sentence for f in authors] + ([best] if best else []))
        if title is not None:
            work, title_sentence = f"{work} {title[0]}", title[1]
            cited.insert(0, title_sentence)
        text = ctx.t("source", work=work, authors=by)
        author_sentences = one_per_article(newest_first(f.sentence for f in authors if f.person in people), 2)
        cited = author_sentences + cited
        # the quote that says it all: the work's title and its author in one sentence
        whole = next((f.sentence for f in authors if f.person in people and title is not None
                      and title[0] in f.sentence.text), None)
        if whole is not None:
            cited = [whole] + [c for c in cited if c is not whole]
            text += " " + attributed(ctx, whole)
        elif best is not None and best not in author_sentences:
            text += " " + attributed(ctx, best)
        else:
            text += " " + attributed(ctx, author_sentences[0])
    else:
        text = attributed(ctx, best)
    return Draft(text, cited[:3])
