"""The general language data, ready to use: slang and synonym rewriting, stop and question
words, related words, answer wording. Built once per process from LanguageData."""
from __future__ import annotations

from dataclasses import dataclass

from bot.text.language import LanguageData
from bot.text.normalise import PhraseMap, stem, tokens


@dataclass(frozen=True)
class Lexicon:
    phrases: PhraseMap
    stopwords: frozenset[str]  # as written
    stop_stems: frozenset[str]
    question_stems: frozenset[str]
    fillers: frozenset[str]
    opinion: frozenset[str]
    weak: frozenset[str]  # stems of words that qualify rather than name what is asked
    related: dict[str, frozenset[str]]  # stem -> stems that answer it
    templates: dict[str, str]
    intents: dict

    @classmethod
    def from_data(cls, data: LanguageData) -> "Lexicon":
        lang = data.language
        split = lambda key: frozenset(lang.get(key, "").split())
        stopwords = split("stopwords")
        related: dict[str, set[str]] = {}
        for k, v in lang.get("related", {}).items():
            group = {stem(w) for w in tokens(v)}
            related.setdefault(stem(k), set()).update(group)
        return cls(PhraseMap(lang.get("phrases", {})), stopwords, frozenset(stem(w) for w in stopwords),
                   frozenset(stem(w) for w in split("question_words")), split("fillers"),
                   frozenset(stem(w) for w in split("opinion")),
                   frozenset(stem(w) for w in split("weak")),
                   {k: frozenset(v - {k}) for k, v in related.items()},
                   {k: v for k, v in data.answers.items() if isinstance(v, str)}, data.intents)

    def words(self, text: str) -> list[str]:
        """Tokens with slang rewritten ("eps" -> "episodes")."""
        return self.phrases.apply(tokens(text))
