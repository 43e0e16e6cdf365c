"""Question text -> normalised words, linked people, and the words nobody knows."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .entities import EntityLinker, Link
from .kb import stem
from .normalise import PhraseMap, tokens

MAX_WORDS = 80  # a 4,000-character message is read only this far
SPELL_CUTOFF = 82


@dataclass(frozen=True)
class Understood:
    words: list[str]  # stemmed, spelling-corrected, names replaced by <slot> tokens
    plain: list[str]  # the same before slots (for search)
    links: list[Link]
    unknown: list[str]  # words neither the articles nor the phrasings contain


class Reader:
    def __init__(self, phrases: PhraseMap, linker: EntityLinker, known: set[str],
                 stopwords: set[str], fillers: set[str]):
        self.phrases = phrases
        self.linker = linker
        self.known = known  # stemmed words of articles, phrasings and language data
        self._known_list = sorted(w for w in known if len(w) >= 4 and w.isalpha())
        self.stopwords = stopwords
        self.fillers = fillers
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def read(self, question: str) -> Understood:
        raw = self.phrases.apply(tokens(question)[:MAX_WORDS])
        links = self.linker.link(raw)
        words, plain, unknown = [], [], []
        spans = {l.start: l for l in links}
        i = 0
        while i < len(raw):
            link = spans.get(i)
            if link is not None:
                words.append(f"<{link.person.kind if link.person.kind != 'crew' else 'crew'}>")
                plain.extend(raw[link.start:link.end])
                i = link.end
                continue
            word = raw[i]
            fixed = self.correct(word)
            if fixed is None:
                if word not in self.fillers and word not in self.stopwords and not word.isdigit():
                    unknown.append(word)
                fixed = stem(word)
            words.append(fixed)
            plain.append(word)
            i += 1
        return Understood(words, plain, links, unknown)

    def _correct(self, word: str) -> str | None:
        """The known (stemmed) word this word is, allowing a typo; None when unknown."""
        s = stem(word)
        if s in self.known or word in self.stopwords:
            return s
        if len(word) < 4 or not word.isalpha():
            return None
        best = process.extractOne(s, self._known_list, scorer=fuzz.ratio, score_cutoff=SPELL_CUTOFF)
        return best[0] if best else None
