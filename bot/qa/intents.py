"""Fuzzy intent matching against phrasings kept as data (knowledge/intents.toml).

A question and each phrasing are bags of stemmed words, entity names replaced by slots
(<character>, <actor>, <crew>); their similarity is a weighted Dice coefficient in which
a word that separates intents (idf over intents) counts more than one shared by many,
and words the matcher has never seen count fully against the match. Typos were already
corrected against the vocabulary, so exact word comparison is enough here and fast.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .kb import stem
from .normalise import PhraseMap, tokens

SLOT = re.compile(r"\{(character|actor|crew|person)\}")
# which question slot a phrasing slot accepts
_ACCEPTS = {"<character>": {"<character>"}, "<actor>": {"<actor>"}, "<crew>": {"<crew>"},
            "<person>": {"<character>", "<actor>", "<crew>"}}
_SLOTS = {"<character>", "<actor>", "<crew>"}
STOPWORD_WEIGHT = 0.3
TOPIC_WORD_CREDIT = 0.5  # a word seen in an intent's source sentences, not its phrasings
SLOT_WEIGHT = 2.5


@dataclass(frozen=True)
class Intent:
    name: str
    builder: str
    phrasings: tuple[str, ...]
    topics: tuple[str, ...] = ()
    needs: str | None = None  # character | actor | person
    roles: tuple[str, ...] = ()
    time_sensitive: bool = False
    spoiler: bool = False
    example: str = ""


@dataclass(frozen=True)
class Match:
    intent: Intent
    score: float
    phrasing: str


@dataclass
class _Phrasing:
    intent: Intent
    text: str
    words: dict[str, float] = field(default_factory=dict)  # word -> weight
    total: float = 0.0


def load_intents(data: dict) -> list[Intent]:
    out = []
    for name, cfg in data["intents"].items():
        out.append(Intent(name, cfg["builder"], tuple(cfg["phrasings"]), tuple(cfg.get("topics", ())),
                          cfg.get("needs"), tuple(cfg.get("roles", ())), bool(cfg.get("time_sensitive")),
                          bool(cfg.get("spoiler")), cfg.get("example", "")))
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
    def __init__(self, intents: list[Intent], phrases: PhraseMap, stopwords: set[str]):
        self.intents = intents
        self._phrasings: list[_Phrasing] = []
        per_intent: dict[str, set[str]] = defaultdict(set)
        raw = []
        for intent in intents:
            for text in intent.phrasings:
                words = phrase_words(text, phrases)
                raw.append((intent, text, words))
                per_intent[intent.name].update(words)
        n = len(intents)
        df = defaultdict(int)
        for words in per_intent.values():
            for w in words:
                df[w] += 1
        stems = {stem(w) for w in stopwords}
        self.weight = {w: (SLOT_WEIGHT if w.startswith("<") else
                           (1 + math.log(n / c)) * (STOPWORD_WEIGHT if w in stems else 1.0))
                       for w, c in df.items()}
        self.unknown_weight = 1 + math.log(n)
        self.vocabulary = set(df)  # every word any phrasing uses
        self.intent_words = {name: frozenset(ws) for name, ws in per_intent.items()}
        # words the articles use when they talk about an intent's topics ("hybrid" for the
        # season 2 plot): learned from the knowledge base by learn_topic_words()
        self.topic_words: dict[str, frozenset[str]] = {}
        self._index: dict[str, list[int]] = defaultdict(list)
        for intent, text, words in raw:
            p = _Phrasing(intent, text, {w: self.weight[w] for w in words})
            p.total = sum(p.words.values())
            for w in p.words:
                self._index[w].append(len(self._phrasings))
            self._phrasings.append(p)
        for slot, accepted in _ACCEPTS.items():  # a question slot finds phrasings of its slot kinds
            for q_slot in accepted:
                if slot != q_slot:
                    self._index[q_slot].extend(self._index.get(slot, []))

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
            for i in self._index.get(w, ()):
                p = self._phrasings[i]
                pw = p.words.get(w)
                if pw is None:  # slot compatibility: a <person> phrasing slot takes any name
                    pw = p.words.get("<person>")
                if pw is not None:
                    overlap[i] += min(weight, pw)
        best: dict[str, Match] = {}
        for i, shared in overlap.items():
            p = self._phrasings[i]
            score = 2 * shared / (q_total + p.total)
            if p.intent.name not in best or score > best[p.intent.name].score:
                best[p.intent.name] = Match(p.intent, score, p.text)
        # Blend the best phrasing with how much of the question the intent's whole
        # vocabulary explains: long questions rarely match one phrasing closely.
        out = []
        for name, m in best.items():
            vocab = self.intent_words[name]
            learned = self.topic_words.get(name, frozenset())
            covered = sum(weight if (w in vocab or (w in _SLOTS and "<person>" in vocab)) else
                          TOPIC_WORD_CREDIT * weight if w in learned else 0.0
                          for w, weight in q.items())
            out.append(Match(m.intent, min(1.0, 0.5 * m.score + 0.5 * covered / q_total), m.phrasing))
        return sorted(out, key=lambda m: -m.score)


def learn_topic_words(matcher: IntentMatcher, topic_sentences: dict, stopwords: set[str]) -> None:
    """Teach the matcher the words of the sentences behind each topic-based intent."""
    stems = {stem(w) for w in stopwords}
    for intent in matcher.intents:
        seen: Counter = Counter()
        for topic in intent.topics:
            for sentence, weight in topic_sentences.get(topic, ()):
                if weight >= 1.0:
                    seen.update(sentence.words)
        # a word in two or more of the sentences is the topic's, not one sentence's accident
        matcher.topic_words[intent.name] = frozenset(w for w, n in seen.items()
                                                     if n >= 2 and w not in stems and not w.isdigit())
