"""Answers quoted from the sentences that best answer the question: for question types
whose answer is a description (the plot, the ending, the reviews, filming) and for any
question of no known type. The retriever finds them; yes/no questions get a yes or no
first, read from the quoted sentence."""
from __future__ import annotations

import re

from bot.text.normalise import stem

from ..retriever import Query, Scored
from .base import Ask, Context, Draft, MAX_QUOTES, attributed, newest_first, recency
from .yesno import polarity

FACTOID = frozenset({"date", "number", "person", "place", "age", "money"})
_NOT_YET = re.compile(r"\b(?:not\syet|yet\sto|no\s(?:start\s|release\s|premiere\s|official\s)?(?:date|word|window)|"
                      r"hasn't|has\snot|have\snot|unknown|not\sbeen\s(?:announced|confirmed|set)|"
                      r"(?:has|have)\s(?:begun|started)|underway|pre-?production)\b", re.I)


# Words that only name the kind of answer expected: a sentence of that kind holds them.
_TYPE_WORDS = {"money": frozenset(stem(w) for w in ("money", "amount", "sum", "cash")),
               "place": frozenset(stem(w) for w in ("place", "location"))}


def query_for(ctx: Context, ask: Ask, topics: tuple[str, ...] = (), expects: str | None = None) -> Query:
    """The retriever's query for a question. The words that chose a topic question type
    ("plot", "synopsis", "genre") were spent choosing it: its topic stands for them, and a
    sentence that merely says "plot" is not a plot summary."""
    q = ask.q
    terms = tuple(t for t in q.terms)
    people = frozenset(l.person.id for l in q.links)
    own = ctx.retriever.intent_words(ask.intent.name) if ask.intent is not None and topics else frozenset()
    terms = tuple(t for t in terms if t not in own)
    expected = expects if expects is not None else q.expects
    if expected in _TYPE_WORDS and len(terms) > 1:
        # "how much is the prize money": a sentence holding a sum holds the "money"
        terms = tuple(t for t in terms if t not in _TYPE_WORDS[expected]) or terms
    weights = {t: ctx.k.idf(t) * (0.2 if t in q.soft else 1.0) for t in terms}
    return Query(terms, weights, people, ask.season, ask.part,
                 expects if expects is not None else q.expects, topics, ask.intent.time_sensitive if ask.intent else False,
                 avoid_spoilers=not (ask.intent and ask.intent.spoiler), exclude_people=people,
                 predicate=frozenset(q.predicate),
                 unit=_unit(ctx, q) if (expects or q.expects) in ("number", "title", "place") else frozenset(),
                 counted=frozenset(q.focus) if q.wh and q.wh.startswith("how many") else frozenset(),
                 ordinals=frozenset(q.ordinals))


_DURATION = frozenset(stem(w) for w in "days weeks months years hours minutes".split())


def _unit(ctx: Context, q) -> frozenset[str]:
    """What "how many X" counts: X and the words that answer for it ("people": viewers);
    "how long" is counted in time ("six months", "ten weeks")."""
    if q.wh == "how long":
        return _DURATION
    if not q.wh or not (q.wh.startswith("how many") or q.wh in ("what", "which")):
        return frozenset()
    out = set(q.focus)
    for f in q.focus:
        out |= ctx.lexicon.related.get(f, frozenset())
    return frozenset(out)


def describe(ctx: Context, ask: Ask) -> Draft | None:
    query = query_for(ctx, ask, ask.intent.topics, ask.q.expects or ask.intent.expects)
    ranked = [s for s in ctx.retriever.rank(query, limit=12) if s.season_ok and s.people_ok]
    ranked = [s for s in ranked if s.topic > 0 or s.coverage >= 0.5]
    if query.expects in FACTOID:
        # "where was it filmed?" is answered by a sentence naming a place, or not at all;
        # "when does filming start?" also by one saying that nobody knows yet
        # and by a sentence that is itself about the topic (or holds the question's words):
        # one only standing under a heading about filming may name a place for another reason
        typed = [s for s in ranked if s.has_type and (s.topic >= 0.5 or s.coverage >= 0.5 or not query.topics)]
        if not ask.q.other_titles:
            # a figure said of another work ("the previous record belonged to X, whose first
            # week drew ...") is not this show's, while one of its own is to be had
            own = [s for s in typed if not ctx.retriever.figures_of_other_work(s.sentence)]
            typed = own or typed
        if not typed and query.expects == "date" and ask.intent.time_sensitive:
            typed = [s for s in ranked if _NOT_YET.search(s.sentence.text)][:1]
        ranked = typed
    if not ranked:
        return None
    # a description quotes a few sources; a fact (a date, a number, a yes or no) one
    own = set(ask.q.terms) - ctx.retriever.intent_words(ask.intent.name)
    several = not ask.q.yesno and (query.expects not in FACTOID or not own)
    return compose(ctx, ask, ranked, several=several)


_STORY_TOPICS = frozenset({"synopsis", "plot", "setting", "genre", "ending"})


def _run(ctx: Context, s, quotes: bool = False, force: bool = False) -> list:
    """A sentence, and the next one when it only introduces it ("The final season charted
    fast." is followed by the figures) or opens a quotation the next one closes."""
    run = [s]
    nxt = ctx.k.sentences[s.id + 1] if s.id + 1 < len(ctx.k.sentences) else None
    if nxt is None or nxt.article is not s.article or nxt.heading != s.heading or s.kind != "text":
        return run
    short = len(s.text.split()) < 8 and not s.text.rstrip().endswith("?")
    open_quote = s.text.count("\u201c") > s.text.count("\u201d")
    introduces = quotes and nxt.text[:1] in "\"\u201c\u2018"  # "X told NCB News ..." then what X said
    story = force and nxt.position == s.position + 1 and nxt.kind == "text" and set(nxt.topics) <= _STORY_TOPICS
    if short or open_quote or introduces or story:
        run.append(nxt)
    return run


def compose(ctx: Context, ask: Ask, ranked: list[Scored], several: bool) -> Draft:
    top = ranked[0]
    stop = ctx.lexicon.stop_stems | ctx.lexicon.question_stems
    mine = top.sentence.words - stop
    for other in ranked[1:4]:
        # two articles quoting the same words, one at greater length: the fuller one
        theirs = other.sentence.words - stop
        if other.score >= 0.8 * top.score and len(mine - theirs) <= 1 and 2 <= len(theirs - mine) <= 15 \
                and len(mine & theirs) >= 6:
            ranked = [other] + [r for r in ranked if r is not other]
            top = other
            break
    chosen = [top]
    if several:
        # a description draws on a few sources: those nearly as good as the best, one each
        # (words that only chose the question type, "plot" in "what's the plot?", ask for
        # nothing more particular than the type itself)
        spent = ctx.retriever.intent_words(ask.intent.name) if ask.intent is not None else frozenset()
        particular = set(ask.q.terms) - spent
        bar = 0.8 if particular else 0.6
        most = MAX_QUOTES - 1 if particular else MAX_QUOTES
        for s in ranked[1:]:
            if len(chosen) >= most:
                break
            if s.score >= bar * top.score and s.sentence.article.id not in {c.sentence.article.id for c in chosen}:
                chosen.append(s)
    sentences = [c.sentence for c in chosen]
    if ask.intent is not None and ask.intent.time_sensitive and len(sentences) > 1:
        sentences = newest_first(sentences)
    elif ask.intent is not None and ask.intent.time_sensitive:
        # news moves on: a newer sentence nearly as good as the best one leads
        rivals = [s for s in ranked[1:4] if s.score >= 0.9 * top.score and recency(s.sentence) > recency(top.sentence)
                  and s.has_type == top.has_type]
        if rivals:
            sentences = [rivals[0].sentence]
    quotes = ask.intent is not None and "quotes" in ask.intent.topics
    runs = [_run(ctx, s, quotes) for s in sentences]
    if ask.intent is not None and "synopsis" in ask.intent.topics and runs and len(runs[0]) == 1:
        # a premise takes a paragraph: "The series is set in X." is followed by who and what
        runs[0] = _run(ctx, runs[0][0], force=True)
    lines = [attributed(ctx, *run) for run in runs]
    sentences = [s for run in runs for s in run]
    head = ""
    named = {t for t in ask.q.terms if t in ctx.k.proper}
    if ask.q.yesno and not ask.q.comparative and named <= sentences[0].words:
        # no yes or no from a sentence that leaves out a name the question asks about ("did
        # she win an Emmy?" is not answered by her win at another show)
        anchors = [w for w in ask.q.words if len(w) > 3][:6]
        verdict = polarity(sentences[0].text, anchors)
        head = {"yes": ctx.t("yes"), "no": ctx.t("no"), "not_yet": ctx.t("not_yet")}.get(verdict, "") + " "
    return Draft(head + " ".join(lines), sentences, spoiler=any(s.spoiler for s in sentences),
                 covers=frozenset().union(*(c.matched for c in chosen)))
