"""Small helpers shared by the core's tests."""
from __future__ import annotations

from bot.evaluate import verbatim


def is_verbatim(quote: str, bodies: list[str]) -> bool:
    q = verbatim(quote)
    return bool(q) and any(q in verbatim(b) for b in bodies)
