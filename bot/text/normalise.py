"""Text normalisation shared by ingestion and question understanding.

Two views of text are used everywhere:
- *tokens*: case-folded words, apostrophes and possessives dropped, hyphens split
  ("Nam-ra's" -> ["nam", "ra"]), so questions and articles compare word by word;
- *name keys*: a compact, romanisation-folded form of a person's name, so that the
  many spellings of a Korean name meet ("Lee Jae-kyoo" and "Lee Jae Gyoo", "Im Jae-hyuk"
  and "Lim Jae-hyeok", "Lee Yoo-mi" and "Lee You-mi").
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " ", "`": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Unicode-normalised, case-folded text with plain quotes and dashes."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # most words of most articles: nothing to strip, and this runs per word
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# "what's" is "what is", not a possessive: the question's shape depends on it
_IS_CONTRACTION = re.compile(r"\b(what|who|where|when|how|that|there|it|he|she|here)'s\b")


@lru_cache(maxsize=65_536)
def tokens(text: str) -> tuple[str, ...]:
    """Words of `text`: folded, accents, possessives and apostrophes dropped, split on the
    rest ("28.2" -> "28", "2": numbers compare the way readers split them too)."""
    text = _ACRONYM.sub(lambda m: m.group().replace(".", "") + " ", text)  # "U.S." -> "US"
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", _IS_CONTRACTION.sub(r"\1 is", fold(text))))
    return tuple(_NON_WORD.sub(" ", strip_accents(text)).split())


def words(text: str) -> list[str]:
    return list(tokens(text))


# Romanisation folding for name keys, applied to each syllable-ish token. Korean names
# are romanised many ways (Revised vs McCune-Reischauer, family-name customs), so the
# key keeps what survives every system: one letter for each sound pair, one vowel form.
_SURNAMES = {"lee": "i", "yi": "i", "rhee": "i", "rhie": "i", "ri": "i",
             "lim": "im", "rim": "im", "pak": "park", "bak": "park",
             "choe": "choi", "chwe": "choi", "jo": "cho", "gim": "kim", "yun": "yoon",
             "ko": "go", "jeong": "jung", "chung": "jung"}
_SOUNDS = [("oo", "u"), ("ou", "u"), ("eo", "u"), ("g", "k"), ("b", "p"), ("d", "t"),
           ("r", "l"), ("ch", "j"), ("sh", "s"), ("ae", "e"), ("yu", "u"), ("wo", "o")]


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """Compact romanisation-folded key: 'Lee Jae-kyoo' == 'Lee Jae Gyoo' == 'lee jaekyoo'."""
    parts = list(tokens(name))
    if parts and parts[0] in _SURNAMES and len(parts) > 1:
        parts[0] = _SURNAMES[parts[0]]
    key = "".join(parts)
    for old, new in _SOUNDS:
        key = key.replace(old, new)
    return key


def plain_key(name: str) -> str:
    """Compact folded name without romanisation folding ('Nam-ra' -> 'namra')."""
    return "".join(tokens(name))


_SAME_PLURAL = frozenset({"series", "species", "news"})


@lru_cache(maxsize=131_072)
def stem(word: str) -> str:
    """A light stemmer applied alike to questions, phrasings and articles:
    'plays'/'played'/'playing' -> 'play', 'released'/'release' -> 'releas',
    'zombies'/'zombie' -> 'zombi', 'stories'/'story' -> 'stori'. Plurals go first, so
    that a plural and its singular always meet."""
    if word in _SAME_PLURAL or not word.isalpha():
        return word
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-2]  # "stories" -> "stori", "zombies" -> "zombi"
    elif len(word) > 4 and word.endswith("es") and (word[-3] in "sxz" or word.endswith(("ches", "shes"))):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
            word = word[:-1]  # "shooting" -> "shoot", "wrapping" -> "wrap"
    elif len(word) > 4 and word.endswith("ied"):
        word = word[:-2]  # "married" -> "marri"
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
        if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
            word = word[:-1]  # "wrapped" -> "wrap"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"  # "story" meets "stories"
    return word


def stems(text: str) -> list[str]:
    return [stem(w) for w in tokens(text)]


class PhraseMap:
    """Rewrites token sequences by a synonym table, longest phrase first.

    The table is data (knowledge/language/language.toml): slang and variants -> the words
    the intents and articles use, e.g. "s2" -> "season 2", "eps" -> "episodes".
    """

    def __init__(self, table: dict[str, str]):
        self._rules: dict[tuple[str, ...], tuple[str, ...]] = {}
        for src, dst in table.items():
            self._rules[tokens(src)] = tokens(dst)
        self._longest = max((len(k) for k in self._rules), default=0)
        self._starts = frozenset(k[0] for k in self._rules if k)  # words some rule begins with

    def apply(self, words: list[str] | tuple[str, ...]) -> list[str]:
        """Words first, then phrases, until nothing changes (a few passes at most), so that
        rules build on each other."""
        if self._starts.isdisjoint(words):
            return list(words)  # most sentences: no rule applies
        words = self._pass(list(words), longest=1)
        for _ in range(3):
            rewritten = self._pass(words, self._longest)
            if rewritten == words:
                break
            words = rewritten
        return words

    def _pass(self, words: list[str], longest: int) -> list[str]:
        # only the words some rule starts with are looked at; the runs between are copied
        # whole (every sentence of every article passes through here at build time)
        out: list[str] = []
        i, n = 0, len(words)
        for at in [k for k, w in enumerate(words) if w in self._starts]:
            if at < i:
                continue  # inside a phrase just rewritten
            out.extend(words[i:at])
            for size in range(min(longest, n - at), 0, -1):
                repl = self._rules.get(tuple(words[at:at + size]))
                if repl is not None:
                    out.extend(repl)
                    i = at + size
                    break
            else:
                out.append(words[at])
                i = at + 1
        out.extend(words[i:])
        return out


# word endings and what the dictionary form may end with instead ("tries" -> "try")
_INFLECTIONS = [("ies", ("y",)), ("es", ("", "e")), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
                ("ing", ("", "e")), ("er", ("", "e")), ("est", ("", "e")), ("ly", ("",))]


@cache
def english_words() -> frozenset[str]:
    """An English word list, loaded on first need (most questions never need it)."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # without the list every unknown word is treated as a name
        return frozenset()
    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


@lru_cache(maxsize=65_536)
def is_english(word: str) -> bool:
    """Whether a (lower-case) word is ordinary English in any inflection, as opposed to a name."""
    forms = {word}
    for suffix, replacements in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.update(word[:-len(suffix)] + r for r in replacements)
    return not english_words().isdisjoint(forms)
