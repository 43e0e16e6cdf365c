"""The knowledge base in memory: what the engine answers from, loaded once from SQLite."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .models import Article, Citation
from .normalise import PhraseMap, tokens
from .people import Person


def stem(word: str) -> str:
    """A light stemmer applied alike to questions, phrasings and articles:
    'plays'/'played'/'playing' -> 'play', 'ratings'/'rating' -> 'rat', 'release'/'released' -> 'releas'.
    Plurals go first, so that a plural and its singular always meet."""
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class SentenceRec:
    id: int
    article: Article
    heading: str
    text: str
    words: frozenset[str]  # stemmed, phrase-mapped tokens


@dataclass(frozen=True, slots=True)
class Fact:
    id: int
    sentence: SentenceRec
    kind: str
    subject: str | None
    object: str | None
    subject_id: int | None
    object_id: int | None
    value: str | None
    weight: float


@dataclass
class KnowledgeBase:
    articles: dict[int, Article]
    sentences: dict[int, SentenceRec]
    people: dict[int, Person]
    facts: dict[str, list[Fact]]  # by kind
    topics: dict[str, list[tuple[SentenceRec, float]]]  # topic -> sentences with weight
    mentions: dict[int, list[SentenceRec]]  # person id -> sentences naming them
    vocabulary: Counter  # stemmed word -> document frequency over sentences
    proper: frozenset[str] = field(default_factory=frozenset)  # words written capitalised
    seasons: frozenset[str] = field(default_factory=frozenset)  # season numbers the articles discuss
    people_in: dict[int, set[int]] = field(default_factory=dict)  # sentence id -> people it names
    _by_quote: dict[tuple[str, str], SentenceRec] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_quote = {(s.article.title, s.text): s for s in self.sentences.values()}

    def idf(self, word: str) -> float:
        """How telling a word is: rare words say more."""
        return math.log(1 + len(self.sentences) / (1 + self.vocabulary.get(word, 0)))

    def sentence_for(self, citation: Citation) -> SentenceRec | None:
        """The sentence a citation quotes (citations are built from sentences, whole)."""
        return self._by_quote.get((citation.title, citation.quote))

    @classmethod
    def from_rows(cls, rows: dict, phrases: PhraseMap) -> "KnowledgeBase":
        articles = {r["id"]: Article(r["id"], r["path"], r["title"], r["publisher"], r["date"], r["url"])
                    for r in rows["articles"]}
        headings = {r["id"]: r["heading"] for r in rows["sections"]}
        sentences, vocabulary, capitalised, seasons = {}, Counter(), Counter(), set()
        lowercase = Counter()
        for r in rows["sentences"]:
            words = phrases.apply(tokens(r["text"]))
            for a, b in zip(words, words[1:]):
                if a == "season" and b.isdigit():
                    seasons.add(b)
            stems = frozenset(stem(w) for w in words)
            vocabulary.update(stems)
            for raw in r["text"].split()[1:]:  # skip the sentence's first word
                word = "".join(tokens(raw))
                if word:
                    (capitalised if raw.lstrip("\"'“‘(")[:1].isupper() else lowercase)[word] += 1
            sentences[r["id"]] = SentenceRec(r["id"], articles[r["article_id"]],
                                             headings[r["section_id"]], r["text"], stems)
        people = {}
        for r in rows["people"]:
            people[r["id"]] = Person(r["id"], r["kind"], r["name"], [],
                                     [x for x in r["roles"].split(",") if x])
        for r in sorted(rows["aliases"], key=lambda r: (r["person_id"], r["position"])):
            people[r["person_id"]].aliases.append(r["alias"])
        facts, topics = defaultdict(list), defaultdict(list)
        for r in rows["facts"]:
            s = sentences[r["sentence_id"]]
            if r["kind"] == "topic":
                topics[r["subject"]].append((s, r["weight"]))
                continue
            facts[r["kind"]].append(Fact(r["id"], s, r["kind"], r["subject"], r["object"],
                                         r["subject_id"], r["object_id"], r["value"], r["weight"]))
        mentions, people_in = defaultdict(list), defaultdict(set)
        for r in rows["mentions"]:
            mentions[r["person_id"]].append(sentences[r["sentence_id"]])
            people_in[r["sentence_id"]].add(r["person_id"])
        proper = frozenset(stem(w) for w, n in capitalised.items() if n > lowercase[w])
        return cls(articles, sentences, people, dict(facts), dict(topics), dict(mentions),
                   vocabulary, proper, frozenset(seasons), dict(people_in))


def recency(article: Article) -> str:
    """Sort key: newer first when sorted in reverse; undated articles count as oldest."""
    return article.date or ""


def cite(s: SentenceRec) -> Citation:
    a = s.article
    return Citation(a.title, a.publisher, a.date, a.url, s.text)


def quoted(text: str) -> str:
    """A sentence in quotation marks, unless it already opens with one."""
    return text if text[:1] in "\"\u201c\u2018'" else f"\u201c{text}\u201d"
