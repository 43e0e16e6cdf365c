"""Recipes are called as the engine calls them: a Context with the show's knowledge, its
retriever and the wording, and an Ask from the reader's understanding of a question."""
import pytest

from bot.qa.recipes import RECIPES, Ask, Context
from bot.qa.retriever import Retriever

from ..conftest import linked


@pytest.fixture(scope="session")
def contexts(thursday_knowledge, bakery_knowledge, lexicon, matcher):
    out = {}
    for k in (thursday_knowledge, bakery_knowledge):
        linked(k, lexicon, matcher)
        out[k.show.id] = Context(k, Retriever(k, lexicon, matcher.intent_words), lexicon)
    return out


@pytest.fixture(scope="session")
def cook(contexts, reader, matcher):
    """cook(show, intent, question, season=..., part=...) -> the recipe's Draft (or None)."""
    def run(show: str, intent: str, question: str, **resolved):
        ctx = contexts[show]
        q = reader.read(question, ctx.k, [])
        ask = Ask(q, matcher.by_name[intent], 1.0, resolved.get("season", q.season), resolved.get("part", q.part))
        return RECIPES[matcher.by_name[intent].recipe](ctx, ask)
    return run
