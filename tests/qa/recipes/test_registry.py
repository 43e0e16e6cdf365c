"""bot.qa.recipes.RECIPES: plain functions registered by name."""
import inspect

from bot.qa.recipes import RECIPES


def test_recipes_are_plain_functions_of_context_and_ask():
    assert {"who_plays", "actor_role", "release", "renewal", "episodes", "crew", "source", "describe"} <= set(RECIPES)
    for name, recipe in RECIPES.items():
        assert inspect.isfunction(recipe), name
        assert list(inspect.signature(recipe).parameters) == ["ctx", "ask"], name
