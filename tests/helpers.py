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


def process_keepers() -> set:
    """Threads that would keep the process alive at exit (an open aiosqlite
    connection has one); asyncio's executor threads end with their loop."""
    import threading
    return {t for t in threading.enumerate()
            if t.is_alive() and not t.daemon and not t.name.startswith("asyncio_")}


def leaked_threads(before: set) -> set:
    """Process-keeping threads started since `before`, after giving closing ones a moment."""
    new = process_keepers() - before
    for thread in new:
        thread.join(timeout=2)
    return {t for t in new if t.is_alive()}
