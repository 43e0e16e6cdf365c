"""Who plays whom, who is who, the cast and who returns."""
from __future__ import annotations

from ..kb import Fact, SentenceRec, recency
from ..models import Answer
from ..people import Person
from .base import Query, Recipes
from .helpers import (
    DOUBT,
    QUOTED,
    by_support,
    cast_pairs,
    first_of_kind,
    join_names,
    named_early,
)


class CastAnswers(Recipes):
    def _plays(self, *, actor: int | None = None, character: int | None = None) -> list[Fact]:
        return [f for f in self.kb.facts.get("plays", ())
                if (actor is None or f.subject_id == actor) and (character is None or f.object_id == character)]

    def who_plays(self, q: Query) -> Answer | None:
        char = first_of_kind(q.people, "character")
        return self._character_cast(q, char) if char else None

    def _character_cast(self, q: Query, char: Person) -> Answer | None:
        facts = self._plays(character=char.id)
        if not facts:
            return None
        actors = by_support(facts, lambda f: f.subject_id)
        names = [self._name(self.kb.people[a]) for a in actors]
        if len(names) == 1:
            text = self.t["plays"].format(actor=names[0], character=char.name)
        else:
            text = self.t["plays_many"].format(character=char.name, actors=join_names(names))
        return self.answer(q, text, self._newest_per_article(facts))

    def actor_role(self, q: Query) -> Answer | None:
        actor = first_of_kind(q.people, "actor")
        return self._actor_cast(q, actor) if actor else None

    def _actor_cast(self, q: Query, actor: Person) -> Answer | None:
        facts = self._plays(actor=actor.id)
        if not facts:
            stars = [f for f in self.kb.facts.get("stars", ()) if f.subject_id == actor.id]
            if not stars:
                return None
            return self.answer(q, self.t["stars_only"].format(actor=self._name(actor)),
                               self._newest_per_article(stars))
        best = by_support(facts, lambda f: f.object_id)[0]  # the role most articles agree on
        text = self.t["plays"].format(actor=self._name(actor), character=self.kb.people[best].name)
        return self.answer(q, text, self._newest_per_article(facts))

    def who_is(self, q: Query) -> Answer | None:
        if not q.people:
            return None
        person = q.people[0]
        if person.kind == "character":
            base = self._character_cast(q, person)
        elif person.kind == "actor":
            base = self._actor_cast(q, person)
        else:
            base = self._crew_of(q, person)
        about = self._about(q, person)
        if q.content and about is None:
            return None  # "what is X's birthday?": knowing who X is does not answer it
        if base is None and about is None:
            return None
        if about is None:
            return base
        text = self.attributed(about) if base is None else f"{base.text} {self.attributed(about)}"
        base_cites = [c for c in (self.kb.sentence_for(c) for c in base.citations) if c] if base else []
        # a question beyond "who is X" is answered by the sentence: it is cited first
        cites = [about] + base_cites[:1] if q.content else base_cites[:2] + [about]
        return self.answer(q, text, cites, self.is_spoiler(about))

    def _about(self, q: Query, person: Person) -> SentenceRec | None:
        """The sentence that best describes `person` for this question (not a cast line)."""
        cast_lines = {f.sentence.id for kind in ("plays", "stars") for f in self.kb.facts.get(kind, ())}
        best, best_score = None, float("-inf")
        for s in self.kb.mentions.get(person.id, ()):
            if s.id in cast_lines:
                continue
            relevance = self._relevance(q, s) if q.content else 0.1
            if not relevance:
                continue
            score = relevance + (0.2 if named_early(s, person) else 0.0) - (0.15 if self.is_spoiler(s) else 0.0)
            if QUOTED.search(s.text):
                score -= 0.3  # what someone said to them describes them less than narration
            if not q.content and score <= 0:
                continue  # nothing asked beyond "who is X": only a sentence about them will do
            if score > best_score or (score == best_score and best is not None
                                      and recency(s.article) > recency(best.article)):
                best, best_score = s, score
        return best

    def cast_list(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("plays", [])
        if not facts:
            return None
        pairs = cast_pairs(facts)
        text = self.t["cast_list"].format(pairs=", ".join(
            self.t["cast_pair"].format(actor=self.kb.people[a].name, character=self.kb.people[c].name)
            for a, c in pairs[:12]))
        return self.answer(q, text, self._newest_per_article(facts))

    def returning(self, q: Query) -> Answer | None:
        returning_sentences = {s.id for s, w in self.kb.topics.get("returning", ()) if w >= 0.9}
        facts = [f for f in self.kb.facts.get("plays", []) if f.sentence.id in returning_sentences]
        wanted = {p.id for p in q.people}
        if wanted:
            facts = [f for f in facts if f.subject_id in wanted or f.object_id in wanted]
        doubts = [s for s, w in self.kb.topics.get("returning", ()) if DOUBT.search(s.text)]
        if wanted:
            doubts = [s for s in doubts if any(s in self.kb.mentions.get(p, ()) for p in wanted)]
        if not facts and not doubts:
            return None
        parts, cited = [], []
        if facts:
            pairs = cast_pairs(facts)
            parts.append(self.t["returning"].format(pairs=", ".join(
                self.t["cast_pair"].format(actor=self._name(self.kb.people[a]), character=self.kb.people[c].name)
                for a, c in pairs)))
            cited += self._newest_per_article(facts)
        for s in doubts[:1]:
            chars = [p for p in self.kb.people.values() if p.kind == "character" and s in self.kb.mentions.get(p.id, ())]
            if chars:
                parts.append(self.t["returning_doubt"].format(source=self.source(s), character=chars[0].name))
                cited.append(s)
        return self.answer(q, " ".join(parts), cited)
