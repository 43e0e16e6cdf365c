"""Question text -> what it asks: the show's name and the season it names, the people it
names, its content words (spelling slips corrected against the show's own words), the
words no article uses, and the kind of answer it expects (who -> a person, when -> a date,
how many -> a number, is/does/did -> yes or no)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.text.normalise import is_english, stem, tokens
from bot.text.seasons import find_seasons

from ..lexicon import Lexicon
from .people import Link, PeopleLinker, spellings
from .shows import ShowMention, number_after

MAX_WORDS = 60  # a 4,000-character message is read only this far
SPELL_CUTOFF = 84
_AUX = frozenset("is are was were do does did has have had will would can could should am isnt arent wasnt "
                 "werent doesnt didnt hasnt havent wont".split())
_WH = ("who", "whom", "whose", "when", "where", "why", "how", "which", "what")


_DETERMINERS = frozenset("a an the his her their its my your our this that these those".split())
_WORK_KINDS = frozenset("show shows series drama dramas film films movie movies sitcom kdrama".split())


@dataclass
class Question:
    text: str
    words: list[str]  # normalised words, slips corrected
    slots: list[str]  # stems, with names, the show and the season as <slot> words
    links: list[Link]
    show_named: bool
    season: int | None = None
    part: int | None = None
    relative: str | None = None  # "final" | "next" when the season is named that way
    seasons: list[int] = field(default_factory=list)  # every season named ("s2 and s3")
    terms: list[str] = field(default_factory=list)  # content stems
    term_positions: dict[str, int] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)  # name-like words no article uses
    unfamiliar: list[str] = field(default_factory=list)  # ordinary words no article uses
    other_titles: list[str] = field(default_factory=list)  # other works the question names
    relation_terms: set[str] = field(default_factory=set)  # "X's birthday": asked of X, not X
    focus: set[str] = field(default_factory=set)  # the thing asked for: "what castle", "how many hours"
    soft: set[str] = field(default_factory=set)  # words an answer need not hold (see _soften)
    soft_focus: str | None = None  # "country" in "what country ...": the kind of answer, not a word to find
    predicate: set[str] = field(default_factory=set)  # "is X a zombie?": what X is said to be
    ordinals: set[tuple[str, str]] = field(default_factory=set)  # ("first", "week") from "its first week"
    proper: set[str] = field(default_factory=set)  # stems of words written as names ("the show Trap")
    proper_words: set[str] = field(default_factory=set)  # the same, as written ("Trap")
    wh: str | None = None
    expects: str | None = None  # person | date | place | number | age | money | title
    yesno: bool = False
    opinion: bool = False
    comparative: bool = False

    @property
    def people(self) -> list:
        return [l.person for l in self.links]


class Reader:
    def __init__(self, lexicon: Lexicon, question_vocabulary: frozenset[str]):
        self.lexicon = lexicon
        self.question_vocabulary = question_vocabulary  # stems of every phrasing word
        self._plain_phrasing_words = sorted({w for i in lexicon.intents.get("intents", {}).values()
                                             for p in i["phrasings"] for w in tokens(re.sub(r"\{\w+\}", " ", p))
                                             if len(w) >= 4})

    def read(self, text: str, k, shows: list[ShowMention], words: list[str] | None = None) -> Question:
        q = self._read(text, k, shows, words)
        return q

    def _read(self, text: str, k, shows: list[ShowMention], words: list[str] | None = None) -> Question:
        words = list(words if words is not None else self.lexicon.words(text))[:MAX_WORDS]
        capitalised = _capitalised(text)
        common = set(self.lexicon.stopwords) | set(self.lexicon.fillers) | {"season", "episode", "episodes", "show"}
        linker: PeopleLinker = k.linker
        # a person's full name wins over a show title inside it ("Wednesday Addams")
        seasonal = {i for s, e, _ in _season_spans(words) for i in range(s, e)}
        early = [l for l in linker.link(words, seasonal, capitalised, common | _WH_WORDS)
                 if any(l.end - l.start > m.end - m.start and l.start <= m.start < l.end for m in shows)]
        shows = [m for m in shows if not any(l.start <= m.start < l.end for l in early)]
        blocked: set[int] = set()
        season, part, relative, named = None, None, None, []
        for m in shows:
            blocked.update(range(m.start, m.end))
            n = number_after(words, m)
            if n:
                named.append((m.end, n))
                blocked.add(m.end)
        season_spans = _season_spans(words)
        for start, end, ref in season_spans:
            blocked.update(range(start, end))
            if ref.season is not None:
                named.append((start, ref.season))
            if ref.part is not None and part is None:
                part = ref.part
            if ref.relative and relative is None:
                relative = ref.relative
        named.sort()
        seasons = list(dict.fromkeys(n for _, n in named))
        # "I just binged season 1, when can I watch season 2?": the season the question
        # asks about comes after its wh-word; one before it is the asker's background
        wh_at = next((i for i, w in enumerate(words) if w in _WH_WORDS), None)
        asked = [n for at, n in named if wh_at is not None and at > wh_at]
        season = asked[0] if len(seasons) > 1 and asked else seasons[0] if seasons else None
        links = linker.link(words, blocked, capitalised, common | _WH_WORDS)
        links = self._names_slang_hid(text, words, links, blocked, linker, capitalised, common | _WH_WORDS)
        linked = {i for l in links for i in range(l.start, l.end)}
        titles, title_pos = self._other_titles(words, k, blocked | linked)

        q = Question(text, words, [], links, bool(shows), season, part, relative, seasons, other_titles=titles)
        slots: list[str] = []
        i = 0
        link_at = {l.start: l for l in links}
        show_at = {m.start: m for m in shows}
        season_at = {s: e for s, e, _ in season_spans}
        while i < len(words):
            if i in show_at:
                slots.append("<show>")
                i = show_at[i].end + (1 if number_after(words, show_at[i]) else 0)
                continue
            if i in season_at:
                slots.append("<season>")
                i = season_at[i]
                continue
            if i in link_at:
                kind = link_at[i].person.kind
                slots.append(f"<{kind}>")
                i = link_at[i].end
                continue
            word = words[i]
            if word in ("show", "series"):
                slots.append("<show>")
                i += 1
                continue
            if k.show.platform and word == k.show.platform.casefold():
                slots.append("<platform>")
                i += 1
                continue
            fixed = self._correct(word, k) if i not in title_pos else word
            words[i] = fixed
            s = stem(fixed)
            slots.append(s)
            if word in capitalised and not fixed.isdigit() and i not in title_pos:
                q.proper.add(s)
                q.proper_words.add(_written(text, word))
            if (s not in self.lexicon.stop_stems and s not in self.lexicon.question_stems
                    and fixed not in self.lexicon.fillers and i not in title_pos and not fixed.isdigit()):
                q.terms.append(s)
                q.term_positions.setdefault(s, i)
                if s not in k.vocabulary and fixed not in k.surface and s not in self.question_vocabulary:
                    if fixed in capitalised or not is_english(fixed):
                        q.unknown.append(fixed)
                    else:
                        q.unfamiliar.append(fixed)
            i += 1
        q.slots = slots
        q.terms = list(dict.fromkeys(q.terms))
        q.relation_terms = _relations(text, links, words)
        taken = {i for m in shows for i in range(m.start, m.end)} | linked | set(title_pos)
        self._kind(q, words, taken)
        self._unknown_subject(q, words, k, taken | blocked)
        self._soften(q, words)
        return q

    def _unknown_subject(self, q: Question, words: list[str], k, taken: set[int]) -> None:
        """"how many episodes does dark have": what the question asks about sits between the
        auxiliary and "have"; when that is neither this show, a season nor a person, and a
        word of it is one no article uses, it is another work, however ordinary its words."""
        aux = next((i for i, w in enumerate(words[:8]) if w in _SUBJECT_AUX), None)
        if aux is None:
            return
        verb = next((j for j in range(aux + 2, min(len(words), aux + 6)) if words[j] in _SUBJECT_VERBS), None)
        if verb is None or any(i in taken for i in range(aux + 1, verb)):
            return
        span = [w for w in words[aux + 1:verb] if w not in self.lexicon.stopwords and w not in _SUBJECT_PLAIN]
        new = [w for w in span if not w.isdigit() and stem(w) not in k.vocabulary and w not in k.surface
               and stem(w) not in self.question_vocabulary]
        if new:
            q.unknown.extend(w for w in new if w not in q.unknown)

    def _names_slang_hid(self, text: str, words: list[str], links: list[Link], blocked: set[int],
                         linker: PeopleLinker, capitalised: set[str], common: set[str]) -> list[Link]:
        """People named in the question as written whose name slang rewriting changed
        ("Yoon Da-bin": "da" is chat for "the"), put over the words their name became."""
        written = list(tokens(text))[:MAX_WORDS]
        if written[:len(words)] == words:
            return links  # nothing rewritten: most questions
        apply = self.lexicon.phrases.apply
        out = list(links)
        for link in linker.link(written, set(), capitalised, common):
            name = written[link.start:link.end]
            became = apply(name)
            if link.score < 100 or became == name:
                continue
            start = len(apply(written[:link.start]))
            span = range(start, start + len(became))
            if words[span.start:span.stop] != became or blocked.intersection(span):
                continue
            out = [l for l in out if not span.intersection(range(l.start, l.end))]
            out.append(Link(link.person, span.start, span.stop, link.score))
        return sorted(out, key=lambda l: l.start)

    def _soften(self, q: Question, words: list[str]) -> None:
        """An ordinary word no article uses is usually the very thing asked ("what is X's
        birthday?"): then no answer can hold it. But when it is only the verb around the
        thing asked ("how many hours did it rack up"), the answer need not repeat it. So
        such a word is soft unless it is the focus (after what/which/how many), tied to a
        name or a thing named after a determiner."""
        # a word right after "a", "the", "his", ... is a thing, not the verb around it
        # ("write me a poem", "what was her nickname")
        things = {stem(w) for prev, w in zip([""] + words, words) if prev in _DETERMINERS}
        unfamiliar = {stem(w) for w in q.unfamiliar}
        q.soft = {t for t in q.terms if t in self.lexicon.weak}
        q.soft |= {t for t in unfamiliar if t not in q.focus and t not in q.relation_terms and t not in things}
        if q.soft_focus:
            # neither needed in an answer nor searched for: "Kansas City Scalper" says "city"
            q.terms = [t for t in q.terms if t != q.soft_focus]

    def _correct(self, word: str, k) -> str:
        """The word the articles (or the question phrasings) use that this one misspells."""
        if (len(word) < 4 or not word.isalpha() or word in k.surface or stem(word) in k.vocabulary
                or word in self.lexicon.stopwords or stem(word) in self.question_vocabulary):
            return word
        if is_english(word):
            return word  # "mother" is not a slip for "other"
        choices = self._plain_phrasing_words + k.spellable()
        if len(word) <= 5:
            near = process.extractOne(word, choices, scorer=Levenshtein.distance, score_cutoff=1)
            return near[0] if near and near[0][0] == word[0] else word
        near = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=SPELL_CUTOFF)
        return near[0] if near else word

    def _other_titles(self, words: list[str], k, blocked: set[int]) -> tuple[list[str], set[int]]:
        """Other works the question names; a title that is also an English word ("Trap")
        only after a kind of work ("the show trap")."""
        found, positions = [], set()
        if not k.other_titles:
            return found, positions
        longest = max(len(t.split()) for t in k.other_titles)
        for size in range(min(longest, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                span = range(i, i + size)
                if positions.intersection(span) or blocked.intersection(span):
                    continue
                key = " ".join(words[i:i + size])
                if key in k.other_titles and (size > 1 or not is_english(key) or (i and words[i - 1] in _WORK_KINDS)):
                    found.append(k.other_titles[key])
                    positions.update(span)
        return found, positions

    def _kind(self, q: Question, words: list[str], taken: set[int] = frozenset()) -> None:
        """wh-word, expected answer, yes/no, opinion."""
        first_wh = next(((i, w) for i, w in enumerate(words) if w in _WH), None)
        lead = words[0] if words else ""
        q.yesno = lead in _AUX or (bool(words) and words[-1] in ("nah", "not") and "or" in words[-3:])
        if first_wh and (first_wh[0] <= 2 or not q.yesno):
            i, w = first_wh
            nxt = words[i + 1] if i + 1 < len(words) else ""
            q.wh = w
            q.yesno = False
            if w in ("who", "whom", "whose"):
                q.expects = "person"
            elif w == "when" or (w in ("what", "which") and nxt in ("year", "date", "day", "month", "time")):
                q.expects = "date"
            elif w == "where":
                q.expects = "place"
            elif w == "how" and nxt in ("many", "much"):
                q.wh = "how " + nxt
                q.expects = "money" if nxt == "much" and any(
                    x in words for x in ("cost", "budget", "paid", "pay", "money", "spend", "spent", "earn", "make")) else "number"
            elif w == "how" and nxt in ("old", "young"):
                q.wh, q.expects = "how old", "age"
            elif w == "how" and nxt in ("long",):
                q.wh, q.expects = "how long", "number"
            elif w in ("which", "what"):
                kinds = {"kind", "kinds", "type", "types", "sort", "sorts"}
                descriptive = nxt in _AUX or nxt in ("happens", "happened", "happen", "about") or kinds & set(words[i + 1:i + 4])
                q.expects = None if descriptive else "title"
                if descriptive and "name" in words[i + 1:i + 4] and not kinds & set(words[i + 1:i + 4]):
                    q.expects = "title"  # "what's the name of the building": a name, not a description
        if first_wh:
            i, w = first_wh
            # "what is the name of the school": the school is what is asked about
            skip = {"many", "much", "long", "old", "is", "are", "was", "were", "does", "do", "did", "the", "a", "an",
                    "name", "names", "of"}
            for j in range(i + 1, min(i + 7, len(words))):
                x = words[j]
                if x in skip or j in taken:
                    continue
                if x in _AUX or x in _WH_WORDS or x in self.lexicon.stopwords:
                    break
                q.focus.add(stem(x))
                if w in ("which", "what") and x in _PERSON_NOUNS:
                    q.expects = "person"  # "which actor won", "what character"
                elif w in ("which", "what") and x in _PLACE_NOUNS:
                    q.expects = "place"  # "what city", "which country"
                    # "what country was it filmed in": a country's name answers, with or
                    # without the word "country"
                    q.soft_focus = stem(x)
                break
        if q.yesno and words and words[0] in ("is", "are", "was", "were") and q.links:
            after = q.links[0].end
            q.predicate = {stem(x) for x in words[after:after + 4]
                           if x not in self.lexicon.stopwords and stem(x) in set(q.terms)}
        q.ordinals = {(x, stem(words[j + 1])) for j, x in enumerate(words[:-1])
                      if x in _ORDINAL_WORDS and j not in taken and words[j + 1] not in ("season", "seasons")}
        stems = {stem(w) for w in words}
        q.comparative = bool({"than", "as"} & set(words)) and bool(
            {"better", "worse", "more", "less", "bigger", "well", "good", "popular"} & set(words))
        q.opinion = bool(stems & self.lexicon.opinion) and ("than" in words or q.yesno or q.wh in ("which", "what", None)) \
            and not {"award", "awards", "nominated", "nomination", "won", "win"} & set(words)


_WH_WORDS = frozenset(_WH)
_SUBJECT_AUX = frozenset("does do did will has have had".split())
_SUBJECT_VERBS = frozenset("have has had get got run last".split())
_SUBJECT_PLAIN = frozenset("it this that show series season seasons part the a".split())
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth last final opening".split())
_PLACE_NOUNS = frozenset("city town country place location locations village state island region area school academy "
                          "college university hospital prison neighbourhood neighborhood district".split())
_PERSON_NOUNS = frozenset("actor actors actress actresses star stars cast member members person people guy girl "
                          "director directors writer writers creator creators composer producer character characters "
                          "villain hero lead newcomer host".split())


# "Enid's actress", "Buscemi's character": the person's own credit, not someone related
CREDIT_NOUNS = frozenset("actor actors actress actresses role roles character characters part portrayer performer "
                          "voice".split())


def _relations(text: str, links: list[Link], words: list[str]) -> set[str]:
    """Words a possessive ties to a named person ("Park Ji-hu's birthday", "Nam-ra's mother"),
    unless another name follows them ("Wednesday's mom Morticia" asks about Morticia)."""
    out: set[str] = set()
    for link in links:
        names = spellings(link, words)
        for alias in names:
            pattern = re.escape(alias).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+") + r"['\u2019]s?\s+((?:\w+\s+){0,1}\w+)"
            m = re.search(pattern, text, re.I)
            if not m:
                continue
            rest = text[m.start(1):].casefold()
            if any(a.casefold() in rest for other in links if other is not link for a in other.person.aliases):
                break
            out.update(stem(w) for w in tokens(m.group(1)) if w not in CREDIT_NOUNS)
            break
        for alias in names:
            # "the mother of Nam-ra"
            m = re.search(r"(\w+)\s+of\s+" + re.escape(alias).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+"), text, re.I)
            if m and m.group(1).casefold() not in ("one", "some", "all", "any", "most", "part", "role", "character"):
                out.add(stem(m.group(1).casefold()))
                break
    return out


def _season_spans(words: list[str]) -> list[tuple[int, int, object]]:
    """Token spans of the season references in the (normalised) question words."""
    text = " ".join(words)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    out = []
    for ref in find_seasons(text):
        first = max(i for i, s in enumerate(starts) if s <= ref.start)
        last = max(i for i, s in enumerate(starts) if s < ref.end)
        out.append((first, last + 1, ref))
    return out


def _written(text: str, word: str) -> str:
    """A word as the question wrote it ("trap" -> "Trap")."""
    m = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    return m.group() if m else word


def _capitalised(text: str) -> set[str]:
    """Words written with a capital inside the sentence: names, to the writer."""
    out = set()
    for n, raw in enumerate(text.split()):
        raw = raw.strip("\"'\u201c\u2018(*_")
        if n and raw[:1].isupper() and not raw.isupper():
            out.update(tokens(raw))
        elif raw[:1].isupper() and len(raw) > 1 and raw[1:2].islower() and n == 0 and raw.casefold() not in _AUX | set(_WH):
            out.update(tokens(raw))
    return out
