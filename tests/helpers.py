"""Small helpers shared by the core's tests."""
from __future__ import annotations

from bot.cli.evaluate import verbatim


def is_verbatim(quote: str, bodies: list[str]) -> bool:
    q = verbatim(quote)
    return bool(q) and any(q in verbatim(b) for b in bodies)


async def ask_once(config, question: str):
    """Open an engine over `config` (building as needed), ask one question, close it."""
    from bot.service import open_engine
    engine = await open_engine(config)
    try:
        return await engine.ask(question)
    finally:
        await engine.close()
