"""Article -> cleaned sections and sentences, each an exact slice of the body.

Boilerplate rules are data (knowledge/language/boilerplate.toml). What survives is kept
verbatim: every sentence is `body[start:end]`, so any quote built from it is too. List
items and Markdown table rows are sentences of their own; a table row remembers the
table's header, so "| Christina Ricci | Marilyn Thornhill |" can be read as a cast line.
"""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.text.required import AnyOf

from .articles import ArticleFile

log = logging.getLogger(__name__)

_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u25cf\u25aa\u2013]|\d{1,2}[.)])\s+")
# A sentence ends at . ! ? (and closing quotes/brackets) followed by space and a capital,
# a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"'\u201d\u2019)*_]*)\s+(?=[A-Z0-9\"\u201c\u2018'(*_])")
_ABBREVIATION = re.compile(r"(?:\b(?:No|Nos|Dr|Mr|Mrs|Ms|St|Jr|Sr|vs|Vol|Ep|Prof|Gen|Sgt|Lt|Capt|Col|Inc|Ltd|Co|"
                           r"Mt|Ft|approx|est|U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e)|\b[A-Z])\.$")
# "Feb. 16, 2023": a month abbreviated before a day or year; "It aired in Jan. The ..." still ends.
_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MAX_HEADING_WORDS = 16


@dataclass(frozen=True)
class Boilerplate:
    """Each rule is a set of patterns asked whether any matches (every line and sentence of
    every article is checked against all of them, so each pattern first checks the plain
    words it needs: bot.text.required)."""
    drop_line: AnyOf
    cut_rest: AnyOf
    drop_sentence: AnyOf
    caption: AnyOf

    @classmethod
    def load(cls, path: Path) -> "Boilerplate":
        return cls.from_data(tomllib.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_data(cls, data: dict) -> "Boilerplate":
        def compile_all(key: str) -> AnyOf:
            return AnyOf(re.compile(p, re.IGNORECASE) for p in data.get(key, []))
        return cls(compile_all("drop_line"), compile_all("cut_rest"),
                   compile_all("drop_sentence"), compile_all("caption"))


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    section: int  # index into Document.sections
    start: int  # offsets into the article body: body[start:end] == text
    end: int
    text: str
    kind: str = "text"  # text | item (list item) | row (table row)
    cells: tuple[str, ...] = ()  # a table row's cells
    header: tuple[str, ...] = ()  # a table row's column names


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
    header: tuple[str, ...] | None = None
    bare_list = _bare_list_lines(lines)
    for i, (start, line) in enumerate(lines):
        text = line.strip()
        if not text:
            header = None
            continue
        if rules.cut_rest.search(text):
            doc.removed.extend(t.strip() for _, t in lines[i:] if t.strip())
            break
        if rules.drop_line.search(text):
            doc.removed.append(text)
            continue
        if text.startswith("|") and text.count("|") >= 2:
            header = _table_line(doc, start + (len(line) - len(line.lstrip())), text, header)
            after_heading = False
            continue
        header = None
        if i in bare_list:  # "Jonathan Bailey as Anthony" on its own line, in a run of such lines
            offset = start + (len(line) - len(line.lstrip()))
            _add(doc, len(doc.sections) - 1, offset, text, rules, kind="item")
            after_heading = False
            continue
        next_text = _next_text(lines, i)
        if text.startswith("#"):
            heading = text.lstrip("#").strip()
            if heading:
                _add_heading(doc, heading, headings_seen, after_heading=False)
                after_heading = True
            continue
        if _is_caption(text, next_text, rules):
            doc.removed.append(text)
            continue
        if _is_heading(text, next_text):
            if after_heading or _heading_key(text) in headings_seen:
                doc.removed.append(text)  # repeated or stacked: an image's alt text
            else:
                _add_heading(doc, text, headings_seen, after_heading)
                after_heading = True
            continue
        after_heading = False
        _add_sentences(doc, start + (len(line) - len(line.lstrip())), text, rules)
    return doc


def _add_heading(doc: Document, text: str, seen: set[str], after_heading: bool) -> None:
    key = _heading_key(text)
    if key in seen:
        doc.removed.append(text)
        return
    seen.add(key)
    doc.sections.append(text)


def _table_line(doc: Document, line_start: int, text: str, header: tuple[str, ...] | None):
    """A Markdown table line: the first is the header, a rule line is skipped, the rest
    are rows (sentences). Returns the header in force."""
    if _TABLE_RULE.match(text):
        return header
    cells = tuple(c.strip() for c in text.strip().strip("|").split("|"))
    if header is None:
        return cells
    inner = text.strip().strip("|").strip()
    if inner:
        offset = line_start + text.index(inner)
        doc.sentences.append(Sentence(len(doc.sentences), len(doc.sections) - 1, offset, offset + len(inner),
                                      inner, "row", cells, header))
    return header


def _lines_with_offsets(body: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in body.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _drop_masthead(lines, title: str, doc: Document):
    """Drop site taglines above the article's own title line, and the title line itself."""
    key = _heading_key(title)
    for i, (_, line) in enumerate(lines[:8]):
        if line.strip() and _heading_key(line.lstrip("# ")) == key:
            doc.removed.extend(t.strip() for _, t in lines[:i] if t.strip())
            return lines[i + 1:]
    return lines


_MIN_BARE_LIST = 3


def _bare_list_lines(lines) -> set[int]:
    """Indexes of lines in a run of at least three adjacent short, title-like lines with no
    blank line between them: a list written without markers (a cast list of "X as Y" lines),
    not a stack of headings, which stand apart."""
    out: set[int] = set()
    run: list[int] = []
    for i, (_, line) in enumerate(lines + [(0, "")]):
        text = line.strip()
        if text and not text.startswith(("#", "|")) and _looks_like_heading(text):
            run.append(i)
            continue
        if len(run) >= _MIN_BARE_LIST:
            out.update(run)
        run = []
    return out


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
    return next_text is not None and _looks_like_heading(text) and text[:1].isupper()


def _is_caption(text: str, next_text: str | None, rules: Boilerplate) -> bool:
    if len(text.split()) <= 12 and rules.caption.search(text):
        return True
    if _looks_like_heading(text) and text[:1].islower() and not text.endswith("?"):
        return True  # lower-case alt text such as "all of us are dead season 2"
    # a short title-like line right above a caption is the picture's own label
    return (next_text is not None and _looks_like_heading(text) and len(next_text.split()) <= 12
            and rules.caption.search(next_text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a paragraph; abbreviations ("No. 1", "Dr. Lim",
    "U.S.", "Feb. 16") do not end one."""
    spans, pos = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match["close"])
        before = text[pos:match.start()]
        tail = before[-6:] if len(before) > 6 else before
        if _ABBREVIATION.search(tail):
            continue
        if text[match.end():match.end() + 1].isdigit() and _MONTH_ABBREVIATION.search(tail):
            continue
        spans.append((pos, end))
        pos = match.end()
    spans.append((pos, len(text)))
    return spans


def _add_sentences(doc: Document, line_start: int, text: str, rules: Boilerplate) -> None:
    section = len(doc.sections) - 1
    marker = _LIST_MARKER.match(text)
    if marker:
        item = text[marker.end():].strip()
        if item:
            _add(doc, section, line_start + text.index(item, marker.end() - 1), item, rules, kind="item")
        return
    for start, end in split_sentences(text):
        _add(doc, section, line_start + start, text[start:end], rules)


def _add(doc: Document, section: int, start: int, text: str, rules: Boilerplate, kind: str = "text") -> None:
    stripped = text.strip()
    if not stripped:
        return
    start += text.index(stripped)
    if rules.drop_sentence.search(stripped):
        doc.removed.append(stripped)
        return
    assert doc.article.body[start:start + len(stripped)] == stripped
    doc.sentences.append(Sentence(len(doc.sentences), section, start, start + len(stripped), stripped, kind))
