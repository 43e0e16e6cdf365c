"""Logging for every entry point: one stderr handler, secrets redacted from the
final text, third-party chatter kept at INFO even when showbot logs DEBUG."""
from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"
#: Libraries whose DEBUG output drowns ours (aiosqlite logs every statement).
CHATTY = ("aiosqlite", "asyncio", "discord", "aiohttp", "websockets")
REDACTED = "[token]"


class RedactingFormatter(logging.Formatter):
    """Removes secrets from the formatted record: message, exception text and
    traceback alike. A filter that checks only the message misses a token that
    arrives inside an exception (``LoginFailure(f"... {token}")``) or its traceback."""

    def __init__(self, fmt: str, secrets: Iterable[str | None]) -> None:
        super().__init__(fmt)
        # Longest first, so a secret that contains another is replaced whole.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


def configure(level: str | int, *, secrets: Iterable[str | None] = (), stream=None) -> logging.Handler:
    """Route every log record to one stderr handler at ``level``."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(FORMAT, secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in CHATTY:
        logging.getLogger(name).setLevel(max(logging.INFO, root.level))
    return handler
