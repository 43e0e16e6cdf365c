"""Answers quoted from the sentences about a topic (trailer, plot, ending, ...)."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..kb import SentenceRec, recency
from ..models import Answer
from .base import MAX_QUOTES, Query, Recipes
from .helpers import QUOTED, newest_first


class TopicAnswers(Recipes):
    def topic(self, q: Query) -> Answer | None:
        scored = self._topic_sentences(q, q.intent.topics)
        if not scored:
            return None
        top = scored[0][0]
        chosen = [s for score, s in scored if score >= 0.5 * top][:MAX_QUOTES]
        # When the question's own words outweigh the words that chose the intent, a sentence
        # must hold one of them: "who kissed in season 1?" is not answered by how season 1
        # ended, "what is the age rating?" not by a review score.
        words = {w for w in q.content if not w.isdigit()}
        specific = words - q.intent_words
        weight = lambda ws: sum(self.kb.idf(w) for w in ws)
        if specific and weight(specific) >= weight(words - specific) \
                and not any(self._holds_any(s, specific) for s in chosen):
            return None
        if q.intent.time_sensitive:
            # news moves on: the newest dated source on this topic always gets its say, first
            newest = max((s for _, s in scored if s.article.date), key=lambda s: recency(s.article), default=None)
            if newest is not None and newest not in chosen:
                chosen = [newest] + chosen[:MAX_QUOTES - 1]
            chosen.sort(key=lambda s: recency(s.article), reverse=True)
        runs = [self._quote_run(s) for s in chosen]
        lines = [self.attributed(*run) for run in runs]
        spoiler = any(self.is_spoiler(s) for s in chosen)
        return self.answer(q, " ".join(lines), [x for run in runs for x in run], spoiler)

    def _quote_run(self, s: SentenceRec, most: int = 1) -> list[SentenceRec]:
        """A sentence that opens a quotation, with the sentences that finish it."""
        run = [s]
        while len(run) <= most and _open_quote(" ".join(x.text for x in run)):
            nxt = self.kb.sentences.get(run[-1].id + 1)
            if nxt is None or nxt.article.id != s.article.id or nxt.heading != s.heading:
                break
            run.append(nxt)
        return run

    def _topic_sentences(self, q: Query, topics) -> list[tuple[float, SentenceRec]]:
        weights: dict[int, float] = defaultdict(float)
        by_id = {}
        for topic in topics:
            for s, w in self.kb.topics.get(topic, ()):
                weights[s.id] = max(weights[s.id], w)
                by_id[s.id] = s
        wanted = {p.id for p in q.people}
        scored = []
        for sid, w in weights.items():
            s = by_id[sid]
            score = w + 2 * self._relevance(q, s)
            if q.expects and self._holds(s, q.expects, q):
                score += 0.4
            if "quotes" not in topics and QUOTED.search(s.text):
                score -= 0.3  # a narrative statement answers better than someone's opinion
            if "ending" not in topics and self.is_spoiler(s):
                score -= 0.3  # never spoil when another sentence will do
            if wanted:
                named = any(s in self.kb.mentions.get(pid, ()) for pid in wanted)
                score += 0.5 if named else -0.5
            scored.append((score, s))
        # at most two sentences per article, so that several sources get a say
        scored.sort(key=lambda x: (-x[0], newest_first(recency(x[1].article))))
        out, per_article = [], Counter()
        for score, s in scored:
            if per_article[s.article.id] < 2:
                per_article[s.article.id] += 1
                out.append((score, s))
        return out


def _open_quote(text: str) -> bool:
    return text.count("\u201c") > text.count("\u201d")
