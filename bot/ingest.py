"""Articles -> cleaned sections and sentences (with offsets into the verbatim body).

Boilerplate rules are data (knowledge/boilerplate.toml). What survives is kept verbatim:
every sentence is an exact slice of the article body, so any quote built from it is too.
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .articles import ArticleFile

log = logging.getLogger(__name__)

_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? (and any closing quotes) followed by space and a capital,
# a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z0-9\"\u201c\u2018'(])")
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True)
class Boilerplate:
    drop_line: list[re.Pattern]
    cut_rest: list[re.Pattern]
    drop_sentence: list[re.Pattern]
    caption: list[re.Pattern]

    @classmethod
    def load(cls, path: Path) -> "Boilerplate":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        compile_all = lambda key: [re.compile(p, re.IGNORECASE) for p in data.get(key, [])]
        return cls(compile_all("drop_line"), compile_all("cut_rest"),
                   compile_all("drop_sentence"), compile_all("caption"))


@dataclass(frozen=True)
class Sentence:
    index: int
    section: int  # index into Document.sections
    start: int  # offsets into the article body: body[start:end] == text
    end: int
    text: str
    list_item: bool = False


@dataclass
class Document:
    article: ArticleFile
    sections: list[str] = field(default_factory=list)  # headings; 0 is the article title
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # what cleaning dropped, for tests and logs


def segment(article: ArticleFile, rules: Boilerplate) -> Document:
    doc = Document(article, sections=[article.title])
    lines = _lines_with_offsets(article.body)
    lines = _drop_masthead(lines, article.title, doc)
    headings_seen: set[str] = {_heading_key(article.title)}
    after_heading = False  # a heading right under a heading is a picture's alt text
    for i, (start, line) in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if any(p.search(text) for p in rules.cut_rest):
            doc.removed.extend(t.strip() for _, t in lines[i:] if t.strip())
            break
        if any(p.search(text) for p in rules.drop_line):
            doc.removed.append(text)
            continue
        next_text = _next_text(lines, i)
        if _is_caption(text, next_text, rules):
            doc.removed.append(text)
            continue
        if _is_heading(text, next_text):
            key = _heading_key(text)
            if key in headings_seen or after_heading:  # repeated or stacked: an image's alt text
                doc.removed.append(text)
            else:
                headings_seen.add(key)
                doc.sections.append(text)
                after_heading = True
            continue
        after_heading = False
        _add_sentences(doc, start + (len(line) - len(line.lstrip())), text, rules)
    return doc


def _lines_with_offsets(body: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in body.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _drop_masthead(lines, title: str, doc: Document):
    """Drop site taglines above the article's own title line, and the title line itself."""
    key = _heading_key(title)
    for i, (_, line) in enumerate(lines[:6]):
        if line.strip() and _heading_key(line) == key:
            doc.removed.extend(t.strip() for _, t in lines[:i] if t.strip())
            return lines[i + 1:]
    return lines


def _next_text(lines, i: int) -> str | None:
    for _, line in lines[i + 1:]:
        if line.strip():
            return line.strip()
    return None


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _looks_like_heading(text: str) -> bool:
    if _LIST_MARKER.match(text) or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    return not text.endswith((".", "!", ",", ";", ":", '"', "\u201d", "'", "\u2019", ")"))


def _is_heading(text: str, next_text: str | None) -> bool:
    text = text.lstrip("#").strip()
    return next_text is not None and _looks_like_heading(text) and text[:1].isupper()


def _is_caption(text: str, next_text: str | None, rules: Boilerplate) -> bool:
    if len(text.split()) <= 12 and any(p.search(text) for p in rules.caption):
        return True
    if _looks_like_heading(text) and text[:1].islower() and not text.endswith("?"):
        return True  # lower-case alt text such as "all of us are dead season 2"
    # a short title-like line right above a caption is the picture's own label
    return (next_text is not None and _looks_like_heading(text) and len(next_text.split()) <= 12
            and any(p.search(next_text) for p in rules.caption))


def _add_sentences(doc: Document, line_start: int, text: str, rules: Boilerplate) -> None:
    section = len(doc.sections) - 1
    marker = _LIST_MARKER.match(text)
    if marker:
        item = text[marker.end():].strip()
        start = line_start + text.index(item)
        _add(doc, section, start, item, rules, list_item=True)
        return
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        _add(doc, section, line_start + pos, text[pos:match.start()], rules)
        pos = match.end()
    _add(doc, section, line_start + pos, text[pos:], rules)


def _add(doc: Document, section: int, start: int, text: str, rules: Boilerplate, list_item=False) -> None:
    stripped = text.strip()
    if not stripped:
        return
    start += text.index(stripped)
    if any(p.search(stripped) for p in rules.drop_sentence):
        doc.removed.append(stripped)
        return
    assert doc.article.body[start:start + len(stripped)] == stripped
    doc.sentences.append(Sentence(len(doc.sentences), section, start, start + len(stripped),
                                  stripped, list_item))
