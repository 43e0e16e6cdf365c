"""Question text -> normalised words, linked people, and the words nobody knows."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .entities import EntityLinker, Link
from .kb import stem
from .normalise import PhraseMap, is_english, tokens

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
                 stopwords: set[str], fillers: set[str], frequency: dict[str, int] | None = None,
                 question_vocabulary: set[str] | None = None):
        self.phrases = phrases
        self.linker = linker
        self.known = known  # stemmed words of articles, phrasings and language data
        frequency = frequency or {}
        # most used first, so that a tie between corrections goes to the commoner word
        self._known_list = sorted((w for w in known if len(w) >= 3 and w.isalpha()),
                                  key=lambda w: (-frequency.get(w, 0), w))
        self.stopwords = stopwords
        self.fillers = fillers
        self.correct = lru_cache(maxsize=20_000)(self._correct)
        # unstemmed words of the phrasings: what a real word with a slip may be corrected to
        self.question_vocabulary = sorted(question_vocabulary or ())

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
                    if word in capitalised or not is_english(word):
                        unknown.append(word)
                    else:
                        unfamiliar.append(word)
                fixed = stem(word)
            words.append(fixed)
            plain.append(word)
            i += 1
        return Understood(words, plain, links, unknown, unfamiliar)

    def _correct(self, word: str) -> str | None:
        """The known (stemmed) word this word is, allowing a typo; None when unknown."""
        s = stem(word)
        if s in self.known or word in self.stopwords:
            return s
        if len(word) < 3 or not word.isalpha():
            return None
        if is_english(word):
            # "mother" and "tall" are words of their own, not slips for "other" and "tale"; only a
            # one-letter swap into a word the questions use is taken ("directer" -> "director")
            near = process.extractOne(word, self.question_vocabulary, scorer=Levenshtein.distance, score_cutoff=1)
            return stem(near[0]) if near and len(near[0]) == len(word) and len(word) >= 6 else None
        if len(word) <= 4:  # short words: one slip ("ded", "kis"), same first letter
            near = process.extract(word, [w for w in self._known_list if w[0] == word[0]],
                                   scorer=Levenshtein.distance, score_cutoff=1, limit=20)
            if not near:
                return None
            # a dropped letter is the commonest slip: prefer words that contain this one
            best = min(near, key=lambda m: (m[1], not _subsequence(word, m[0]), m[2]))
            return stem(best[0])
        # the raw word too: stemming a misspelling can cut it wrongly ("spred" -> "spr")
        hits = [process.extractOne(form, self._known_list, scorer=fuzz.ratio, score_cutoff=SPELL_CUTOFF)
                for form in {s, word}]
        hits = [h for h in hits if h]
        return max(hits, key=lambda h: h[1])[0] if hits else None


def _capitalised_words(question: str) -> set[str]:
    """Words written with a capital inside the sentence: names, to the writer."""
    out = set()
    for raw in question.split():
        raw = raw.strip("\"'“‘(")
        if raw[:1].isupper() and not raw.isupper():
            out.update(tokens(raw))
    return out


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)
