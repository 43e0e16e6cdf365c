"""Time-sensitive news and dates: release, renewal, premiere, episode counts."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..kb import Fact, SentenceRec, recency
from ..models import Answer
from .base import Query, Recipes
from .helpers import (
    NEGATIVE,
    OFFICIAL,
    POSITIVE,
    REPORTED,
    already_past,
    capitalised,
    month_year,
    most_specific,
    newest_first,
    same_date,
    season_asked,
)


class NewsAnswers(Recipes):
    def release(self, q: Query) -> Answer | None:
        unannounced = sorted((s for s, w in self.kb.topics.get("release_unannounced", ())),
                             key=lambda s: recency(s.article), reverse=True)
        estimates = sorted((f for f in self.kb.facts.get("release_estimate", ()) if not already_past(f)),
                           key=lambda f: recency(f.sentence.article), reverse=True)
        if not unannounced and not estimates:
            return None
        newest_official = max((recency(f.sentence.article) for f in estimates
                               if OFFICIAL.search(f.sentence.text) and not REPORTED.search(f.sentence.text)),
                              default=None)
        parts, cited = [], []
        if unannounced and (newest_official is None or recency(unannounced[0].article) >= newest_official):
            parts.append(self._as_of(unannounced[0]) + self.t["release_unannounced"])
            cited.append(unannounced[0])
        per_article: dict[int, list[Fact]] = defaultdict(list)
        for f in estimates:
            per_article[f.sentence.article.id].append(f)
        official, items = [], []
        for facts in per_article.values():
            f = facts[0]
            key = ("release_reported" if REPORTED.search(f.sentence.text) else
                   "release_official" if OFFICIAL.search(f.sentence.text) else "release_estimate")
            line = self.t[key].format(source=self.source(f.sentence),
                                      estimate=" / ".join(dict.fromkeys(x.value for x in facts)))
            (official if key == "release_official" else items).append(line)
            cited.append(f.sentence)
        if official:
            parts.append(capitalised(official[0]) + ".")
        if items:
            parts.append(self.t["release_earlier" if official else "release_estimates"].format(estimates="; ".join(items)))
        cited.extend(unannounced[1:2])
        return self.answer(q, " ".join(parts), cited)

    def _as_of(self, s: SentenceRec) -> str:
        return self.t["as_of"].format(when=month_year(s.article.date)) if s.article.date else ""

    def renewal(self, q: Query) -> Answer | None:
        sentences = [s for s, w in self.kb.topics.get("renewal", ()) if w >= 1.0]
        positive = sorted((s for s in sentences if POSITIVE.search(s.text) and not NEGATIVE.search(s.text)),
                          key=lambda s: recency(s.article), reverse=True)
        negative = sorted((s for s in sentences if NEGATIVE.search(s.text)),
                          key=lambda s: recency(s.article), reverse=True)
        if not positive and not negative:
            return None
        if not positive or (negative and recency(negative[0].article) > recency(positive[0].article)):
            return self.topic(q)  # the newest word is a doubt or a cancellation: quote, newest first
        dates = sorted(self.kb.facts.get("renewal_date", ()), key=lambda f: (-len(f.value or ""), newest_first(recency(f.sentence.article))))
        cited = [f.sentence for f in dates[:2]]
        text = (self.t["renewed"].format(date=dates[0].value) if dates else self.t["renewed_no_date"])
        cited += [s for s in positive if s not in cited][:2]
        older = [s for s in negative if recency(s.article) < recency(positive[0].article)]
        if negative and older:
            text += " " + self.t["renewal_doubt"].format(source=self.source(older[0]))
            cited.append(older[0])
        return self.answer(q, text, cited)

    # -- dates and counts -----------------------------------------------------------

    def premiere(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("premiere_date", [])
        if not facts:
            return self.topic(q)
        best = most_specific(facts)
        agreeing = [f for f in facts if same_date(f.value, best.value)] or [best]
        return self.answer(q, self.t["premiere"].format(date=best.value), self._newest_per_article(agreeing))

    def episodes(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("episodes", [])
        asked = season_asked(q.words)
        if asked:
            facts = [f for f in facts if f.object == asked]
        if not facts:
            return None
        lines, cited = [], []
        for season in sorted({f.object for f in facts}):
            of_season = [f for f in facts if f.object == season]
            count, _ = Counter(f.value for f in of_season).most_common(1)[0]
            agreeing = [f for f in of_season if f.value == count]
            lines.append(self.t["episodes"].format(season=season, count=count))
            cited += self._newest_per_article(agreeing, limit=2)
        return self.answer(q, " ".join(lines), cited)
