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
    unknown: list[str]  # names of things the articles never mention ("Lupin", "Seoul")
    unfamiliar: list[str]  # ordinary English words the articles happen not to use


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
        self._english: frozenset[str] | None = None  # loaded on first need: most questions never need it

    def read(self, question: str) -> Understood:
        capitalised = _capitalised_words(question)
        raw = self.phrases.apply(tokens(question)[:MAX_WORDS])
        links = self.linker.link(raw)
        words, plain, unknown, unfamiliar = [], [], [], []
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
                    if word in capitalised or not self.is_english(word):
                        unknown.append(word)
                    else:
                        unfamiliar.append(word)
                fixed = stem(word)
            words.append(fixed)
            plain.append(word)
            i += 1
        return Understood(words, plain, links, unknown, unfamiliar)

    def is_english(self, word: str) -> bool:
        """Whether a word is ordinary English (in any inflection), as opposed to a name."""
        if self._english is None:
            self._english = _load_english()
        forms = {word, stem(word), word[:-1], word[:-2], word[:-3] + "y", word[:-2] + "e", word[:-3], word[:-3] + "e"}
        return any(f in self._english for f in forms if len(f) >= 2)

    def _correct(self, word: str) -> str | None:
        """The known (stemmed) word this word is, allowing a typo; None when unknown."""
        s = stem(word)
        if s in self.known or word in self.stopwords:
            return s
        if len(word) < 4 or not word.isalpha():
            return None
        best = process.extractOne(s, self._known_list, scorer=fuzz.ratio, score_cutoff=SPELL_CUTOFF)
        return best[0] if best else None


def _capitalised_words(question: str) -> set[str]:
    """Words written with a capital inside the sentence: names, to the writer."""
    out = set()
    for raw in question.split():
        raw = raw.strip("\"'“‘(")
        if raw[:1].isupper() and not raw.isupper():
            out.update(tokens(raw))
    return out


def _load_english() -> frozenset[str]:
    try:
        from english_words import get_english_words_set
    except ImportError:  # without the word list every unknown word is treated as a name
        return frozenset()
    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))
