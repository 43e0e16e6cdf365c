"""Fuzzy intent matching against phrasings kept as data (knowledge/language/intents.toml).

A question and each phrasing become word lists with names replaced by slots ({character},
{show}, {season}, ...). Two similarities are blended: a weighted overlap of their words (a
word that separates intents counts more than one many share), and rapidfuzz's
token-set ratio of the two strings, which forgives word order and small differences.
Typos were corrected against the vocabulary before, so word comparison is by stem.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.text.normalise import PhraseMap, stem, tokens

SLOT = re.compile(r"\{(character|actor|crew|person|show|season|platform)\}")
# which question slot a phrasing slot accepts
ACCEPTS = {"<character>": {"<character>"}, "<actor>": {"<actor>"}, "<crew>": {"<crew>"},
           "<person>": {"<character>", "<actor>", "<crew>", "<person>"}, "<show>": {"<show>"},
           "<season>": {"<season>"}, "<platform>": {"<platform>"}}
PEOPLE_SLOTS = {"<character>", "<actor>", "<crew>", "<person>"}
STOPWORD_WEIGHT = 0.3
SLOT_WEIGHT = 2.0
CONTEXT_SLOT_WEIGHT = 0.6  # {show} and {season} say little about the question type
FUZZ_SHARE = 0.35  # how much of the score is rapidfuzz's string similarity
EXACT_WITHIN = 0.1  # types scored exactly: those that can come this close to the best
WH_MISMATCH = 0.85  # a type none of whose phrasings asks with the question's wh-word
_TYPED_WH = ("who", "when", "where", "how many")


@dataclass(frozen=True)
class Intent:
    name: str
    recipe: str
    phrasings: tuple[str, ...]
    topics: tuple[str, ...] = ()
    needs: str | None = None  # character | actor | person | crew
    roles: tuple[str, ...] = ()
    expects: str | None = None
    time_sensitive: bool = False
    spoiler: bool = False
    yesno: bool = False
    example: str = ""
    family: str = ""  # question types of one family are not rivals (see intents.toml)
    negative: frozenset[str] = frozenset()  # stems that ask the other way round (see intents.toml)


@dataclass(frozen=True)
class Match:
    intent: Intent
    score: float
    phrasing: str


@dataclass
class _Phrasing:
    intent: Intent
    text: str  # slot words joined, for rapidfuzz
    words: dict[str, float]
    total: float = 0.0


def load_intents(data: dict) -> list[Intent]:
    out = []
    for name, cfg in data.get("intents", {}).items():
        out.append(Intent(name, cfg["recipe"], tuple(cfg["phrasings"]), tuple(cfg.get("topics", ())),
                          cfg.get("needs"), tuple(cfg.get("roles", ())), cfg.get("expects"),
                          bool(cfg.get("time_sensitive")), bool(cfg.get("spoiler")), bool(cfg.get("yesno")),
                          cfg.get("example", ""), cfg.get("family", name),
                          frozenset(stem(w) for w in cfg.get("negative", ()))))
    return out


def phrase_words(text: str, phrases: PhraseMap) -> list[str]:
    """Normalised, stemmed words of a phrasing, slots kept as <slot> tokens."""
    out = []
    for piece in re.split(r"(\{\w+\})", text):
        m = SLOT.fullmatch(piece)
        if m:
            out.append(f"<{m.group(1)}>")
        else:
            out.extend(stem(w) for w in phrases.apply(tokens(piece)))
    return out


class IntentMatcher:
    def __init__(self, intents: list[Intent], phrases: PhraseMap, stop_stems: frozenset[str]):
        self.intents = intents
        self._phrasings: list[_Phrasing] = []
        per_intent: dict[str, set[str]] = defaultdict(set)
        raw = []
        for intent in intents:
            for text in intent.phrasings:
                words = phrase_words(text, phrases)
                raw.append((intent, words))
                per_intent[intent.name].update(words)
        n = max(len(intents), 1)
        df: dict[str, int] = defaultdict(int)
        for words in per_intent.values():
            for w in words:
                df[w] += 1
        self.weight = {}
        for w, c in df.items():
            if w in ("<show>", "<season>"):
                self.weight[w] = CONTEXT_SLOT_WEIGHT
            elif w.startswith("<"):
                self.weight[w] = SLOT_WEIGHT
            else:
                self.weight[w] = (1 + math.log(n / c)) * (STOPWORD_WEIGHT if w in stop_stems else 1.0)
        self.unknown_weight = 1 + math.log(n)
        self.vocabulary = frozenset(w for w in df if not w.startswith("<"))
        self.intent_words = {name: frozenset(ws) for name, ws in per_intent.items()}
        self._index: dict[str, list[int]] = defaultdict(list)
        for intent, words in raw:
            p = _Phrasing(intent, " ".join(words), {w: self.weight[w] for w in words})
            p.total = sum(p.words.values())
            for w in p.words:
                self._index[w].append(len(self._phrasings))
            self._phrasings.append(p)
        for slot, accepted in ACCEPTS.items():  # a question slot finds phrasings of its slot kinds
            for q_slot in accepted:
                if slot != q_slot:
                    self._index[q_slot].extend(self._index.get(slot, []))
        # word -> (phrasing, the weight the phrasing gives it): what rank() adds up
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for w, found in self._index.items():
            postings = []
            for i in found:
                pw = self._phrasings[i].words.get(w)
                if pw is None and w in PEOPLE_SLOTS:  # a <person> phrasing slot takes any name
                    pw = self._phrasings[i].words.get("<person>")
                if pw is not None:
                    postings.append((i, pw))
            self._postings[w] = postings
        self.by_name = {i.name: i for i in intents}
        # word -> the types whose vocabulary holds it, for "how much of the question does a
        # type explain" in one pass over the question's words
        self._word_types: dict[str, tuple[str, ...]] = defaultdict(tuple)
        for name, vocab in self.intent_words.items():
            for w in vocab:
                self._word_types[w] += (name,)
            if "<person>" in vocab:
                for slot in PEOPLE_SLOTS - vocab:
                    self._word_types[slot] += (name,)
        self._phrasing_type = [p.intent.name for p in self._phrasings]
        self._phrasing_total = [p.total for p in self._phrasings]
        # the wh-words that open each type's phrasings: "when can I watch season 2?" asks
        # for a date, which no "where can I watch" phrasing of the watch type answers
        self._wh: dict[str, set[str]] = defaultdict(set)
        for intent in intents:
            for text in intent.phrasings:
                first = " ".join(tokens(text)[:2])
                for wh in _TYPED_WH:
                    if first == wh or first.startswith(wh + " "):
                        self._wh[intent.name].add(wh)

    def rank_for(self, words: list[str], wh: str | None) -> list[Match]:
        """rank(), with a type whose phrasings ask with other wh-words only ("where can I
        watch" for "when can I watch") counted down when the question asks with one of
        who/when/where/how many."""
        ranked = self.rank(words)
        if wh not in _TYPED_WH:
            return ranked
        out = [Match(m.intent, m.score * WH_MISMATCH, m.phrasing)
               if self._wh.get(m.intent.name) and wh not in self._wh[m.intent.name] else m for m in ranked]
        return sorted(out, key=lambda m: -m.score)

    def word_weight(self, word: str) -> float:
        return self.weight.get(word, self.unknown_weight)

    def rank(self, words: list[str]) -> list[Match]:
        """Intents by their best phrasing's similarity to `words`, best first (one per intent)."""
        q = {w: self.word_weight(w) for w in words}
        q_total = sum(q.values())
        if not q_total:
            return []
        overlap: dict[int, float] = defaultdict(float)
        for w, weight in q.items():
            for i, pw in self._postings.get(w, ()):
                overlap[i] += weight if weight < pw else pw
        text = " ".join(words)
        # the weighted overlap first; rapidfuzz only for each intent's three closest phrasings
        by_intent: dict[str, list[tuple[float, int]]] = defaultdict(list)
        types, totals = self._phrasing_type, self._phrasing_total
        for i, shared in overlap.items():
            by_intent[types[i]].append((2 * shared / (q_total + totals[i]), i))
        # how much of the question the intent's whole vocabulary explains: long questions
        # rarely match one phrasing closely
        explained: dict[str, float] = defaultdict(float)
        for w, weight in q.items():
            for name in self._word_types.get(w, ()):
                explained[name] += weight
        candidates = []
        for name, scored in by_intent.items():
            covered = explained[name] / q_total
            top = sorted(scored, reverse=True)[:3]
            dice = top[0][0]
            low = _final((1 - FUZZ_SHARE) * dice, covered)  # string similarity 0
            high = _final((1 - FUZZ_SHARE) * dice + FUZZ_SHARE * min(1.0, dice / 0.4), covered)  # and 1
            candidates.append((high, low, name, top, covered))
        # Only the best and any type within the decline margin of it matter to the engine;
        # rapidfuzz (most of the cost) runs only for types that could come that close, and
        # the others keep their lower bound, which stays below those.
        bar = max((low for _, low, *_ in candidates), default=0.0) - EXACT_WITHIN
        out = []
        for high, low, name, top, covered in candidates:
            if high < bar:
                p = self._phrasings[top[0][1]]
                out.append(Match(p.intent, low, p.text))
                continue
            best: Match | None = None
            for dice, i in top:
                p = self._phrasings[i]
                ratio = fuzz.token_set_ratio(text, p.text) / 100 if dice > 0.2 else 0.0
                score = (1 - FUZZ_SHARE) * dice + FUZZ_SHARE * ratio * min(1.0, dice / 0.4)
                if best is None or score > best.score:
                    best = Match(p.intent, score, p.text)
            out.append(Match(best.intent, _final(best.score, covered), best.phrasing))
        return sorted(out, key=lambda m: -m.score)


def _final(phrasing_score: float, covered: float) -> float:
    """A type's score: its best phrasing's similarity, and how much of the question the
    type's whole vocabulary explains."""
    return min(1.0, 0.6 * phrasing_score + 0.4 * covered)
