"""Line-oriented input and output that survive any bytes.

``showbot ask`` is a filter: questions in, one per line; with ``--json``, one
JSON object out per question. Both ends must hold whatever arrives: invalid
UTF-8 on stdin is decoded with U+FFFD replacement rather than stopping the
run, and every output line is valid UTF-8 JSON in which the characters that
some readers treat as line breaks (U+0085, U+2028, U+2029; JSON already escapes
the ASCII ones) are escaped, so every reader splits the output into the same
lines as there were questions.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO

#: Characters outside ASCII that str.splitlines() (and JavaScript, and some
#: editors) treat as line breaks, plus lone surrogates, which are not UTF-8.
_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}
_ESCAPES.update({code: f"\\u{code:04x}" for code in range(0xD800, 0xE000)})


def decode(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def read_lines(stream: IO) -> Iterator[str]:
    """Lines of ``stream`` without their line ending, read as bytes when the
    stream has them (split on b"\\n" only, a UTF-8 BOM dropped)."""
    source = getattr(stream, "buffer", stream)
    for n, raw in enumerate(source):
        if isinstance(raw, bytes):
            raw = decode(raw.removeprefix(codecs.BOM_UTF8) if n == 0 else raw)
        yield raw.rstrip("\r\n")


def from_argv(words: list[str]) -> str:
    """A question from command-line words; undecodable bytes (which Python
    keeps as surrogate escapes) become U+FFFD like on stdin."""
    return decode(" ".join(words).encode("utf-8", errors="surrogateescape"))


def json_line(obj: object) -> str:
    """``obj`` as one line of JSON that no reader splits."""
    return json.dumps(obj, ensure_ascii=False).translate(_ESCAPES)


def write_json_line(obj: object, out: IO) -> None:
    """Write ``obj`` as one UTF-8 line whatever the locale's encoding, and flush
    (a reader may be waiting for this answer before sending the next question)."""
    data = (json_line(obj) + "\n").encode("utf-8")
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        out.flush()
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


def tolerate_unencodable(out: IO) -> None:
    """Plain-text answers on a terminal whose encoding lacks some characters
    (Korean names on a Latin-1 console): replace them rather than crash."""
    reconfigure = getattr(out, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
