"""One article -> its record: sentences (with the seasons and people they are about) and
the facts read from them. The record does not depend on which show the article belongs
to, so it is computed once per article content and kept (see pipeline.build); what needs
the show (its title, its people as clusters) is done when a show's knowledge is assembled.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from bot.text.dates import parse_iso
from bot.text.normalise import PhraseMap, stem, tokens
from bot.text.seasons import SeasonRef, find_seasons

from ..articles import ArticleFile
from ..freshness import RECORD_VERSION
from ..segment import Boilerplate, Document, segment
from .cast import also_known_as, cast_in, cast_in_row, list_status
from .counts import episode_counts, platforms
from .crew import crew_in
from .events import TRIGGERS, answers_to_heading, events_in
from .names import NAME, ArticleNames, clean, find_names, is_pronoun, key
from .titles import title_spans, titles_in
from .topics import Topic, heading_topics, load_topics, topics_of

# A sentence that opens with "she"/"he" or with a quotation continues the one before: it
# is about (or said by) whom that one named.
_PRONOUN_LEAD = re.compile(r"^(?:[\"'\u201c\u2018]?(?:She|He|They|Her|His|Their)\b|[\"\u201c\u2018])")


@dataclass(frozen=True)
class Tools:
    """What extraction needs from the language data, compiled once per process."""
    rules: Boilerplate
    topics: list[Topic]
    phrases: PhraseMap

    @classmethod
    def from_data(cls, boilerplate_data: dict, topics_data: dict, language_data: dict) -> "Tools":
        return cls(Boilerplate.from_data(boilerplate_data), load_topics(topics_data),
                   PhraseMap(language_data.get("phrases", {})))


def extract_article(article: ArticleFile, tools: Tools) -> dict:
    doc = segment(article, tools.rules)
    return record(doc, tools)


def record(doc: Document, tools: Tools) -> dict:
    topics = tools.topics
    a = doc.article
    sentence_refs = [find_seasons(s.text) for s in doc.sentences]
    default, article_seasons = _article_seasons(doc, sentence_refs)
    heading_refs = [[]] + [_refs(find_seasons(h)) for h in doc.sections[1:]]  # section 0 is the title
    section_topics = [{}] + [heading_topics(h, topics) for h in doc.sections[1:]]
    names = ArticleNames()
    sentences, facts = [], []
    intro = ""  # the sentence a list hangs from ("We expect these cast members to return:")
    lead = None  # the last sentence before a list, in its section ("Season 4 arrives in two volumes.")
    previous_renewal, previous_renewal_sec = None, -1  # an undated renewal the next sentence may date
    for s in doc.sentences:
        if s.kind == "text":
            intro = s.text if s.text.rstrip().endswith(":") else ""
            lead = s
        elif lead is not None and lead.section != s.section:
            lead = None
        refs = sentence_refs[s.index]
        # "higher than season 1's 83%": a season named to compare with is not the one spoken of
        compared = [r for r in refs if _COMPARED.search(s.text, 0, r.start)]
        if compared and len(compared) == len(refs):
            refs = []
        else:
            refs = [r for r in refs if r not in compared]
        own = _refs(refs, s.text)
        own = [_resolve_next(r, default) for r in own]
        if s.kind != "text" and lead is not None and own and all(r[0] is None and r[1] for r in own):
            # "- Volume 2: July 1" under "The fourth season arrives in two volumes": the part
            # is of the season the list's lead sentence names
            led = [r for r in _refs(sentence_refs[lead.index], lead.text) if r[0] is not None]
            if led:
                own = [[led[0][0], r[1], None] + r[3:] for r in own]
                refs = []  # the item's own references are settled
        if own:
            seasons, source = own, "sentence"
        elif heading_refs[s.section]:
            seasons, source = [_resolve_next(r, default) for r in heading_refs[s.section]], "heading"
        elif default is not None:
            seasons, source = [[default, None, None]], "article"
        else:
            seasons, source = [], None
        found = find_names(s.text, masked=[(a, b) for _, a, b in title_spans(s.text)])
        names.see(s.index, found)
        people = list(dict.fromkeys(names.expand(n.text, s.index) for n in found))
        if sentences and sentences[-1]["sec"] == s.section and _PRONOUN_LEAD.match(s.text):
            # "She is one of several hybrids": she is who the sentence before was about
            people = list(dict.fromkeys(sentences[-1]["people"][:1] + people))
        heading = doc.sections[s.section]
        first_in_section = s.section > 0 and (not sentences or sentences[-1]["sec"] != s.section)
        stems, capitalised = _stems(s.text, tools.phrases)
        sentences.append({"i": s.index, "sec": s.section, "s": s.start, "e": s.end, "t": s.text, "k": s.kind,
                          "seasons": seasons, "src": source, "people": people,
                          "topics": topics_of(s.text, section_topics[s.section], topics),
                          "w": stems, "c": capitalised})
        where = {"i": s.index, "seasons": seasons, "src": source}
        facts.extend(_cast(s, names, where, refs, default,
                           context=(doc.sections[s.section] if s.section else "") + " " + (intro if s.kind != "text" else "")))
        for c in crew_in(s.text):
            name = clean(c.name)
            if name:
                facts.append({"k": "crew", "name": names.expand(name, s.index), "role": c.role, **where})
        events = events_in(s.text, a.date)
        if first_in_section and not any(e.event == "renewal" for e in events):
            events += answers_to_heading(heading, s.text)
        if s.kind != "text" and not any(e.date for e in events if e.event != "final"):
            if s.kind == "row" and s.header:
                # "| Season 4 | May 27, 2022 |" under "| Season | Premiere |": the header names the event
                events = _led_events(" ".join(s.header), s.text, a.date) or events
            elif lead is not None:
                events = _led_events(lead.text, s.text, a.date) or events
        for e in events:
            facts.append(_event(e, where, refs, events, s.text, default))
        dated_news = _dated_news(s.text, events, previous_renewal if previous_renewal_sec == s.section else None)
        if dated_news is not None:
            facts.append(dated_news | {"i": s.index})
        if s.kind == "text":
            undated = [f for f in facts if f.get("i") == s.index and f["k"] == "event" and f["event"] == "renewal"
                       and f["status"] == "renewed" and "date" not in f and f.get("seasons")]
            previous_renewal, previous_renewal_sec = (undated[-1] if undated else None), s.section
        for c in episode_counts(s.text):
            near = _nearest_season(refs, c.start, default, s.text)
            counted = near or seasons
            if not near and source in ("article", "heading") and _RECALLS_FIRST.search(s.text) \
                    and not _FUTURE.search(s.text):
                # an article about the coming season recalls the first one's episodes ("the
                # initial batch of 12 episodes"); "the season has nine episodes" is its own
                counted = []
            facts.append({"k": "episodes", "n": c.count, "total": c.total, **where, "seasons": counted})
        for p in platforms(s.text):
            facts.append({"k": "platform", "name": p, "i": s.index})
        for t in titles_in(s.text):
            facts.append({"k": "title", "name": t, "i": s.index})
    removed_titles = sorted({t for line in doc.removed for t in titles_in(line)})
    return {"v": RECORD_VERSION, "name": a.name, "title": a.title, "publisher": a.publisher, "date": a.date,
            "url": a.url, "sections": doc.sections, "sentences": sentences, "facts": facts,
            "default_season": default, "seasons": article_seasons, "removed_titles": removed_titles,
            "title_titles": titles_in(a.title)}


_COMPARED = re.compile(r"\b(?:than|compared\s(?:to|with)|unlike|versus|vs\.?|up\sfrom|down\sfrom)\s+(?:the\s+|that\sof\s+)?$", re.I)


def _stems(text: str, phrases: PhraseMap) -> tuple[list[str], list[str]]:
    """A sentence's words as the engine compares them (slang rewritten, stemmed), and those
    written capitalised after its first word: computed here once, not at every start."""
    stems = sorted({stem(w) for w in phrases.apply(tokens(text))})
    capitalised = []
    for raw in text.split()[1:]:
        if raw.lstrip("\"'\u201c\u2018(*_")[:1].isupper() and (word := "".join(tokens(raw))):
            capitalised.append(stem(word))
    return stems, capitalised


def _refs(refs: list[SeasonRef], text: str = "") -> list[list]:
    """Season references as [season, part, relative], with the title of the work they
    belong to when the text names one ("the second season of *You*"): whether that is
    this show or another is settled when the show's knowledge is assembled."""
    out = []
    for r in refs:
        m = _OF_TITLE.match(text, r.end)
        title = next((g for g in m.groups() if g), None) if m else None
        out.append([r.season, r.part, r.relative] + ([title.strip()] if title else []))
    return out


# "the second season of Netflix's *Title*": the owner's possessive is not the title
_OF_TITLE = re.compile(r"\s+of\s+(?:[A-Z][\w-]*['\u2019]s\s+)?(?:[*_\"\u201c\u2018']([^*_\"\u201d\u2019'\n]{1,60})[*_\"\u201d\u2019']"
                       r"|(?![A-Z][\w-]*['\u2019]s\s)((?:[A-Z][\w'\u2019-]*)(?:\s(?:(?:of|the|and|a|in|us|are)\s)*[A-Z][\w'\u2019-]*){0,6}))")


def _resolve_next(ref: list, default: int | None) -> list:
    """"The new season" in an article about season 2 is season 2."""
    season, part, relative = ref[:3]
    if season is None and relative == "next" and default and default > 1:
        return [default, part, None] + ref[3:]
    return ref


def _article_seasons(doc: Document, sentence_refs: list[list[SeasonRef]]) -> tuple[int | None, list[int]]:
    """The season an article is about: its title's (an article about a later season says so
    in its title; one that only wonders about "a season 2" further down is not about it),
    and every season it mentions."""
    title_refs = find_seasons(doc.article.title)
    title = [r.season for r in title_refs if r.season]
    body = [r for refs in sentence_refs for r in refs]
    mentioned = {r.season for r in body if r.season} | {r.season for h in doc.sections for r in find_seasons(h) if r.season}
    if title:
        return title[0], sorted(mentioned)
    if any(r.relative == "final" for r in title_refs):
        # "The Final Season Is Now Streaming": the body says which one ("the third and final season")
        final = [r.season for r in body if r.relative == "final" and r.season]
        return (final[0] if final else max(mentioned, default=None)), sorted(mentioned)
    return None, sorted(mentioned)


_RECALLS_FIRST = re.compile(r"\b(?:initial|original|inaugural)\b|\bfirst\s(?:batch|run|outing)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|'ll|is\sset\sto|are\sset\sto|is\sslated|are\sslated|is\sexpected|are\sexpected|"
                     r"going\sto|would|plans?\sto|is\sgetting|are\sgetting)\b", re.I)


def _nearest_season(refs: list[SeasonRef], pos: int, default: int | None, text: str = "") -> list[list] | None:
    numbered = [r for r in refs if r.season is not None or r.relative]
    if not numbered:
        return None
    r = min(numbered, key=lambda r: abs(r.start - pos))
    return [_resolve_next(_refs([r], text)[0], default)]


def _cast(s, names: ArticleNames, where: dict, refs: list[SeasonRef], default: int | None,
          context: str = "") -> list[dict]:
    out = []
    aka: tuple = (None, None)
    if s.kind == "row":
        pair = cast_in_row(s.cells, s.header)
        mentions = [(pair[0], pair[1], "plays", False, 0, len(s.text))] if pair else []
        aka = also_known_as(s.cells, s.header) if pair else aka
    else:
        mentions = [(m.actor, m.character, m.status, m.ambiguous, m.start, m.end) for m in cast_in(s.text)]
        if not mentions and s.kind == "item" and _CAST_CONTEXT.search(context):
            # "- Lee Jung-jae - Seong Gi-hun" under "The cast": a credit in a list
            m = _DASH_CREDIT.match(s.text.replace("**", ""))
            if m:
                mentions = [(m.group("a"), m.group("c"), "plays", False, 0, len(s.text))]
    for actor, character, status, ambiguous, start, end in mentions:
        if is_pronoun(actor):
            actor = names.previous_person(s.index, exclude={key(character)}, before=start) or ""
        actor = clean(actor)
        character = clean(character) if character else ""
        if not actor or character is None:
            continue
        if status == "plays" and s.kind != "text":
            # a row or item that says so itself ("| Lee Byung-hun | The Front Man | Returning |"),
            # else the list under "Who is coming back" lists returns
            own = list_status(s.text[end:] if s.kind == "item" else " ".join(s.cells[2:]) if s.kind == "row" else "")
            status = own if own != "plays" else list_status(context)
        fact = {"k": "cast", "actor": names.expand(actor, s.index),
                "character": names.expand(character, s.index) if character else "", "status": status, **where}
        names.actors.add(key(fact["actor"]))
        if fact["character"]:
            names.characters.add(key(fact["character"]))
        # a season named in a clause of its own ("..., who was glimpsed in season two") is not
        # the season this credit is for: only one before the credit or right after it counts
        near = [r for r in refs if (r.season is not None or r.relative) and (r.end <= end or r.start - end <= 25)]
        if refs and where["src"] == "sentence":
            if near:
                fact["seasons"] = [_resolve_next(_refs([r], s.text)[0], default) for r in near]
            elif default is not None:
                fact.update(seasons=[[default, None, None]], src="article")
            else:
                fact.update(seasons=[], src=None)
        if ambiguous:
            fact["ambiguous"] = True
        # "Choi Seung-hyun (T.O.P)": the other name the credit gives is the same person's
        for field_name, other in zip(("actor_aka", "character_aka"), aka):
            other = (clean(other) or (other if re.fullmatch(r"[A-Z][A-Z.-]{1,9}", other) else None)) if other else None
            if other and other != fact[field_name[:-4]] and any(c.isalpha() for c in other):
                fact[field_name] = other
        out.append(fact)
    return out


def _led_events(lead: str, item: str, article_date: str | None) -> list:
    """A list item that is only a label and a date ("**Volume 1:** Friday, May 27, 2022")
    dates the event its lead sentence names ("The season will arrive in two volumes"): the
    item is read after the lead, and the events dated inside the item are kept, with their
    spans moved into the item."""
    lead = lead.rstrip(" .:")
    low = lead.casefold()
    first = min((m.start() for event, pattern in TRIGGERS.items() if event != "announce"
                 for m in pattern.finditer(lead, low)), default=None)
    if first is not None:
        # the lead's first event is what the list dates ("will be released in three parts,
        # the streamer announced alongside the trailer"): its clause, not the rest
        cut = re.search(r"[,;]\s", lead[first:])
        lead = lead[:first + cut.start()] if cut else lead
    offset = len(lead) + 2
    out = []
    for e in events_in(lead + ": " + item, article_date):
        if e.date is None or e.date.start < offset:
            continue
        d = dataclasses.replace(e.date, start=e.date.start - offset, end=e.date.end - offset)
        out.append(dataclasses.replace(e, date=d, start=max(0, e.start - offset), end=max(0, e.end - offset)))
    return out


_CAST_CONTEXT = re.compile(r"\b(?:cast|who'?s\swho|characters|starring|stars)\b", re.I)
_DASH_CREDIT = re.compile(rf"^(?P<a>{NAME})\s(?:-|\u2013|\u2014|:)\s(?:[Tt]he\s)?(?P<c>{NAME})\s*\.?$")


_NEWS = re.compile(r"\b(?:announc|confirm|reveal|shar)\w*\s(?:the\s)?(?:news|decision|renewal|order)\s(?:on|in)\s", re.I)


def _dated_news(text: str, events: list, renewal: dict | None) -> dict | None:
    """"X renewed the show for a third season. The streamer confirmed the news on September
    21": the news is the renewal of the sentence before, and this is its date."""
    if renewal is None or any(e.event == "renewal" for e in events):
        return None
    m = _NEWS.search(text)
    if m is None:
        return None
    from bot.text.dates import find_dates
    d = next((d for d in find_dates(text) if d.start >= m.end() - 1 and (d.year or d.month)), None)
    if d is None or d.start - m.end() > 4:
        return None
    return {**renewal, "src": "sentence", "date": d.text, "ymd": list(d.key()), "vague": d.vague, "precision": d.precision}


def _parts_with_seasons(refs: list[SeasonRef], default: int | None) -> list[SeasonRef]:
    """"Season 4 Part 1 ..., and Part 2 on ...": a part named alone is a part of the season
    named before it in the sentence, else of the season the article is about."""
    out, last = [], None
    for r in refs:
        if r.season is not None:
            last = r.season
        elif r.part is not None and r.relative is None and (last or default):
            r = dataclasses.replace(r, season=last or default)
        out.append(r)
    return out


def _event(e, where: dict, refs: list[SeasonRef], events: list, text: str = "", default: int | None = None) -> dict:
    """An event's season is the nearest one named with no other event's word in between
    ("launched in January 2022, was quickly renewed for a second season": the second
    season is the renewal's, not the launch's)."""
    refs = _parts_with_seasons(refs, default)

    def clear(r: SeasonRef) -> bool:
        lo, hi = sorted((r.start, e.start))
        return not any(o is not e and o.event != e.event and lo < o.start < hi
                       and not (r.start <= o.start < r.end) for o in events)
    usable = [r for r in refs if (r.season is not None or r.relative) and clear(r)]
    if e.event == "final":
        # "Season 3 will be the final season": the last season is the one named by number
        usable = [r for r in usable if r.season is not None] or usable
    fact = {"k": "event", "event": e.event, "status": e.status, **where}
    if refs and where["src"] == "sentence":
        if usable:
            r = min(usable, key=lambda r: abs(r.start - e.start))
            fact["seasons"] = [_resolve_next(x, default) for x in _refs([r], text)]  # "the new season"
        else:
            fact.update(seasons=[], src=None)
    if e.date is not None:
        fact.update(date=e.date.text, ymd=list(e.date.key()), vague=e.date.vague, precision=e.date.precision)
    return fact


__all__ = ["extract_article", "record", "RECORD_VERSION", "Tools"]
