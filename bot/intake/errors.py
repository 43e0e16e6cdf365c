"""The one exception the intake layer raises when it will not take an article.

Callers (the `/knowledge add` command, the CLI) show `str(exc)` to the person who asked,
so every message is a complete, polite sentence that says what was wrong and, where it
helps, what to do instead. `reason` is a stable code for logs, metrics and tests, so
nobody has to match on the wording.
"""
from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why an article was refused; stable across rewordings of the messages."""

    TOO_LARGE = "too-large"
    EMPTY = "empty"
    FILE_TYPE = "file-type"
    BINARY = "binary"
    NOT_UTF8 = "not-utf8"
    HEADER = "header"
    DATE = "date"
    NO_TEXT = "no-text"
    BAD_URL = "bad-url"
    SCHEME = "scheme"
    PRIVATE_ADDRESS = "private-address"
    DNS = "dns"
    REDIRECTS = "redirects"
    HTTP_STATUS = "http-status"
    CONTENT_TYPE = "content-type"
    TIMEOUT = "timeout"
    CONNECTION = "connection"
    ENCODING = "encoding"


class IntakeRefused(ValueError):
    """An upload or link that cannot become an article; the message says why, for the user."""

    def __init__(self, message: str, reason: Reason) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason

    def __repr__(self) -> str:
        return f"IntakeRefused({self.message!r}, reason={self.reason.value!r})"
