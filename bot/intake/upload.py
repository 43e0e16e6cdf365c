"""Uploaded files to articles: size, type and encoding checked before anything is read.

The checks run cheapest and most telling first (size, emptiness, what the bytes really
are, the file name, the encoding, the header), and an `IntakeArticle` is returned only
when all of them pass, so a refused upload leaves nothing behind. Uploads must be UTF-8:
a server admin can re-save a file, and guessing an encoding could change the quoted text.
"""
from __future__ import annotations

import logging
import re
from pathlib import PurePosixPath

from .article import IntakeArticle, safe_file_name
from .errors import IntakeRefused, Reason
from .html import article_from_html
from .text import article_from_text

log = logging.getLogger(__name__)

#: Largest upload accepted: 1 MB (1,048,576 bytes). A long news article is under 100 KB of
#: text; a saved web page with its inline scripts and styles can approach a megabyte.
MAX_UPLOAD_BYTES = 1024 * 1024
#: File name endings accepted, and how each is read.
UPLOAD_KINDS = {".md": "text", ".markdown": "text", ".txt": "text", ".html": "html", ".htm": "html"}

_ASK = "upload a .md, .txt or .html file"
_MIB = 1024 * 1024
# Leading bytes of common non-text files, to name what was uploaded instead of an article.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "an image (PNG)"),
    (b"\xff\xd8\xff", 0, "an image (JPEG)"),
    (b"GIF87a", 0, "an image (GIF)"),
    (b"GIF89a", 0, "an image (GIF)"),
    (b"WEBP", 8, "an image (WebP)"),
    (b"II*\x00", 0, "an image (TIFF)"),
    (b"MM\x00*", 0, "an image (TIFF)"),
    (b"%PDF-", 0, "a PDF document"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a Word or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a Microsoft Office document"),
    (b"{\\rtf", 0, "a rich-text (RTF) document"),
    (b"\x1f\x8b", 0, "a compressed (gzip) file"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a compressed (7-Zip) file"),
    (b"Rar!\x1a\x07", 0, "a compressed (RAR) file"),
    (b"ftyp", 4, "a video, audio or image file (MP4/HEIC)"),
    (b"WAVE", 8, "an audio file (WAV)"),
    (b"OggS", 0, "an audio or video file (Ogg)"),
    (b"ID3", 0, "an audio file (MP3)"),
    (b"\x1a\x45\xdf\xa3", 0, "a video file (WebM/Matroska)"),
    (b"SQLite format 3\x00", 0, "a database file (SQLite)"),
    (b"\x7fELF", 0, "a program"),
)
_BINARY_TYPES = re.compile(r"^(image|audio|video|font|model)/|^application/(pdf|zip|gzip|x-7z|vnd\.rar|"
                           r"x-rar|msword|vnd\.ms-|vnd\.openxmlformats|vnd\.oasis|x-msdownload|"
                           r"x-executable|x-sqlite)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def article_from_upload(filename: str, content_type: str | None, data: bytes) -> IntakeArticle:
    """The article in an uploaded file, or `IntakeRefused` saying why it cannot be one.

    `content_type` is what the uploader declared (Discord's attachment content type), a
    hint only: the bytes decide. CPU-bound for HTML: async callers should run it in a thread.
    """
    name = safe_file_name(filename) or "upload"
    check_upload_size(len(data))
    if not data:
        raise IntakeRefused(f"That file is empty: {_ASK} with the article's text in it.", Reason.EMPTY)
    kind = _sniff(data)
    if kind:
        hint = " (copy its text into a .txt file)" if "document" in kind else ""
        raise IntakeRefused(f"That looks like {kind}, not an article: {_ASK}{hint}.", Reason.FILE_TYPE)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in UPLOAD_KINDS:
        shown = f"a {suffix} file" if suffix else "a file without an extension"
        raise IntakeRefused(f"That is {shown}; articles must be .md, .txt or .html files.",
                            Reason.FILE_TYPE)
    media = (content_type or "").split(";")[0].strip().lower()
    if _BINARY_TYPES.match(media):
        raise IntakeRefused(f"That file was sent as {media}, not as text: {_ASK}.", Reason.FILE_TYPE)
    text = decode_upload(data)
    if not text.strip():
        raise IntakeRefused("That file has no text in it, only blank space.", Reason.EMPTY)
    if UPLOAD_KINDS[suffix] == "html":
        article = article_from_html(text, source_name=name)
    else:
        article = article_from_text(text, source_name=name)
    log.info("upload %r accepted: %d characters, title %r", name, len(article.body), article.title)
    return article


def check_upload_size(size: int) -> None:
    """Refuse an upload over `MAX_UPLOAD_BYTES`; callers can check the declared size first."""
    if size <= MAX_UPLOAD_BYTES:
        return
    shown = f"{size / _MIB:.1f} MB"
    if shown == "1.0 MB":  # just over the limit: "1.0 MB" would read as allowed
        shown = f"{size:,} bytes"
        raise IntakeRefused(f"That file is {shown}; articles can be at most 1 MB "
                            f"({MAX_UPLOAD_BYTES:,} bytes).", Reason.TOO_LARGE)
    raise IntakeRefused(f"That file is {shown}; articles can be at most 1 MB.", Reason.TOO_LARGE)


def decode_upload(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is fine), or a refusal naming the problem."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IntakeRefused("That file is saved as UTF-16; save it as UTF-8 and upload it again.",
                            Reason.NOT_UTF8)
    if b"\x00" in data:
        raise IntakeRefused(f"That file contains binary data (zero bytes), so it isn't a text "
                            f"article: {_ASK}.", Reason.BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IntakeRefused(f"That file isn't UTF-8 text (byte {exc.start + 1:,} can't be read): save "
                            "it as UTF-8 and upload it again.", Reason.NOT_UTF8) from None
    control = _CONTROL.search(text)
    if control:
        raise IntakeRefused(f"That file contains binary data (control character "
                            f"0x{ord(control.group()):02X}), so it isn't a text article: {_ASK}.",
                            Reason.BINARY)
    return text


def _sniff(data: bytes) -> str | None:
    for magic, offset, kind in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            if magic == b"WEBP" and not data.startswith(b"RIFF"):
                continue
            if magic == b"WAVE" and not data.startswith(b"RIFF"):
                continue
            return kind
    return None
