"""Director, writer, source material and production companies."""
from __future__ import annotations

from ..models import Answer
from ..people import Person
from .base import Query, Recipes
from .helpers import by_support, join_names


class CrewAnswers(Recipes):
    def crew(self, q: Query) -> Answer | None:
        roles = set(q.intent.roles)
        facts = [f for f in self.kb.facts.get("crew", ()) if f.object in roles and f.subject_id]
        titles = self.kb.facts.get("source_title", []) if "original author" in roles else []
        if not facts and not titles:
            return self.topic(q) if q.intent.topics else None
        people = by_support(facts, lambda f: f.subject_id)
        if titles and people:
            author = self.kb.people[people[0]]
            text = self.t["source_title"].format(title=titles[0].value, author=self._name(author))
            return self.answer(q, text, [titles[0].sentence] + self._newest_per_article(facts))
        lead = self.kb.people[people[0]]
        lead_roles = sorted({f.object for f in facts if f.subject_id == lead.id}, key=q.intent.roles.index)
        text = self.t["crew"].format(people=self._name(lead), role=", ".join(lead_roles))
        cited = self._newest_per_article([f for f in facts if f.subject_id == lead.id])
        for other in people[1:2]:
            f = next(f for f in facts if f.subject_id == other)
            text += " " + self.t["crew_also"].format(source=self.source(f.sentence),
                                                     person=self.kb.people[other].name, role=f.object)
            cited.append(f.sentence)
        return self.answer(q, text, cited)

    def _crew_of(self, q: Query, person: Person) -> Answer | None:
        facts = [f for f in self.kb.facts.get("crew", ()) if f.subject_id == person.id]
        if not facts:
            return None
        roles = ", ".join(dict.fromkeys(f.object for f in facts))
        return self.answer(q, self.t["crew"].format(people=self._name(person), role=roles),
                           self._newest_per_article(facts))

    def companies(self, q: Query) -> Answer | None:
        facts = self.kb.facts.get("company", [])
        if not facts:
            return None
        names = by_support(facts, lambda f: f.subject.casefold())
        spelled = {f.subject.casefold(): f.subject for f in facts}
        text = self.t["companies"].format(companies=join_names([spelled[n] for n in names]))
        return self.answer(q, text, self._newest_per_article(facts))


# -- small pure helpers ---------------------------------------------------------------
