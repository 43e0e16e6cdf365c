"""Answer recipes, registered by the name intents.toml gives them as `recipe`.

Each is a plain function `(Context, Ask) -> Draft | None` (see base): dependencies come in
the Context, nothing is looked up globally, and no recipe calls another through a base
class."""
from __future__ import annotations

from typing import Callable

from . import cast, crew, describe, news
from .base import Ask, Context, Draft

Recipe = Callable[[Context, Ask], "Draft | None"]

RECIPES: dict[str, Recipe] = {
    "who_plays": cast.who_plays,
    "actor_role": cast.actor_role,
    "in_cast": cast.in_cast,
    "cast_list": cast.cast_list,
    "new_cast": cast.new_cast,
    "returning": cast.returning,
    "who_is": cast.who_is,
    "crew": crew.crew,
    "source": crew.source,
    "release": news.release,
    "renewal": news.renewal,
    "episodes": news.episodes,
    "watch": news.watch,
    "filming": news.filming,
    "describe": describe.describe,
}

__all__ = ["RECIPES", "Recipe", "Ask", "Context", "Draft"]
