"""Web pages to articles: the main text without the site around it, and its metadata.

trafilatura finds the article in the page (navigation, ads, share buttons, related links
and comments left out) and returns it as a small XML tree; this module writes that tree
out as Markdown-like lines (`#` headings, paragraphs separated by a blank line, `- ` list
items, table rows with ` | `) but without inline emphasis marks, so a quoted sentence
reads exactly as the page showed it.

Metadata: the page's own statements first (Open Graph, JSON-LD, `<meta>`, `<time>`,
canonical link), then trafilatura's. The date in particular is read here at the precision
the page states, because htmldate (trafilatura's date finder) fills in a missing day with
today's, and a made-up day would reorder sources. A date htmldate finds elsewhere is kept
only if the page or its address spells that exact day out.
"""
from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .article import IntakeArticle, clean_url, make_article
from .dates import page_date
from .errors import IntakeRefused, Reason

log = logging.getLogger(__name__)

# Publication-date metadata, most specific first (property=, name= or itemprop=).
_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
              "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued",
              "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "publishdate",
              "publish-date", "pubdate", "date", "og:published_time", "article:published")
_TITLE_KEYS = ("og:title", "twitter:title")
_SITE_KEYS = ("og:site_name", "application-name", "twitter:site")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = {"p", "quote", "list", "item", "table", "row", "head", "code", "div"}
_MAX_JSON_LD_CHARS = 200_000
#: Less text than this (about one short sentence) is a menu or a notice, not an article.
MIN_ARTICLE_CHARS = 40


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself in its head (each field None when it says nothing)."""

    title: str | None = None
    site_name: str | None = None
    canonical: str | None = None
    date: str | None = None


def article_from_html(page: str | bytes, *, url: str | None = None, source_name: str | None = None,
                      charset: str | None = None) -> IntakeArticle:
    """The article in an HTML page, or a refusal if the page has no main text.

    `url` is where the page came from (None for an uploaded file); `source_name` is the
    uploaded file's name, and defaults to the page title. `charset` is the encoding the
    server declared, used when `page` is bytes. CPU-bound: async callers should run it in
    a thread.
    """
    text = decode_page(page, charset) if isinstance(page, bytes) else page
    meta = read_page_meta(text)
    extracted = _extract(text, url)
    def found(name: str):  # trafilatura's field, or None when it extracted nothing
        return getattr(extracted, name, None)

    body = render_body(found("body")) if found("body") is not None else ""
    if sum(ch.isalnum() for ch in body) < MIN_ARTICLE_CHARS:
        log.info("no main text in %s (%r)", url or "an uploaded page", body[:80])
        raise IntakeRefused("I couldn't find any article text on that page: it may need JavaScript "
                            "or a login to show it. Paste the text into a .txt file and upload that "
                            "instead.", Reason.NO_TEXT)
    article = make_article(
        body=body, source_name=source_name, title=found("title") or meta.title,
        publisher=found("sitename") or meta.site_name,
        date=meta.date or _stated_date(found("date"), text, url),
        url=clean_url(meta.canonical, base=url) or clean_url(found("url"), base=url) or clean_url(url))
    log.debug("page %s: %d characters of text, title %r, date %s",
              article.url, len(body), article.title, article.date)
    return article


def _extract(text: str, url: str | None):
    try:
        return trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=True,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # a parser bug on one odd page must not take the command down
        log.exception("trafilatura failed on %s", url or "an uploaded page")
        return None


def render_body(body: etree._Element) -> str:
    """trafilatura's XML body as text lines; blocks separated by a blank line.

    Text directly in the body (trafilatura's fallback extractors return a bare `<span>`)
    counts as a paragraph of its own.
    """
    blocks = ["\n".join(_lines_of(body.text))]
    for element in body:
        blocks.append(_render_block(element))
        blocks.append("\n".join(_lines_of(element.tail)))
    blocks = [block for block in blocks if block]
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _render_block(element: etree._Element) -> str:
    tag = element.tag
    if tag == "head":
        rend = element.get("rend") or ""
        level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        text = " ".join(_lines(element))
        return f"{'#' * level} {text}" if text else ""
    if tag == "list":
        return "\n".join(_list_items(element))
    if tag == "table":
        rows = (" | ".join(c for c in (" ".join(_lines(cell)) for cell in row.iter("cell")) if c)
                for row in element.iter("row"))
        return "\n".join(row for row in rows if row)
    return "\n".join(_lines(element))


def _list_items(element: etree._Element) -> Iterator[str]:
    for item in element.iterchildren("item"):
        text = " ".join(_lines(item, skip=("list",)))
        if text:
            yield f"- {text}"
        for sub in item.iterchildren("list"):
            yield from _list_items(sub)


def _lines(element: etree._Element, skip: tuple[str, ...] = ()) -> list[str]:
    """The element's text as lines: <lb/> and nested blocks break lines, markup is dropped."""
    return _lines_of("".join(_text(element, skip)), breaks=True)


def _lines_of(raw: str | None, *, breaks: bool = False) -> list[str]:
    """Non-empty lines with whitespace runs collapsed; source newlines are breaks only if `breaks`."""
    if not raw:
        return []
    parts = raw.split("\n") if breaks else [raw]
    return [line for line in (" ".join(part.split()) for part in parts) if line]


def _text(element: etree._Element, skip: tuple[str, ...]) -> Iterator[str]:
    # Line breaks in the HTML source are only spacing; <lb/> and blocks are real breaks.
    yield _spaced(element.text)
    for child in element:
        if child.tag == "lb":
            yield "\n"
        elif child.tag in skip or child.tag == "graphic" or not isinstance(child.tag, str):
            pass
        elif child.tag in _BLOCK_TAGS:
            yield "\n"
            yield from _text(child, skip)
            yield "\n"
        else:
            yield from _text(child, skip)
        yield _spaced(child.tail)


def _spaced(text: str | None) -> str:
    return text.replace("\n", " ") if text else ""


def read_page_meta(text: str) -> PageMeta:
    """Title, site name, canonical link and publication date from the page's own tags."""
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1) or "<html/>")
    except (etree.ParserError, ValueError):
        return PageMeta()
    metas: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = (node.get("content") or "").strip()
        if key and value:
            metas.setdefault(key, value)
    ld = _json_ld(tree)
    title = next((metas[k] for k in _TITLE_KEYS if k in metas), None) or _first_text(tree, "title") \
        or _first_text(tree, "h1")
    site = next((metas[k].lstrip("@") for k in _SITE_KEYS if k in metas), None) or ld.get("publisher")
    canonical = next((n.get("href") for n in tree.iter("link")
                      if "canonical" in (n.get("rel") or "").lower().split() and n.get("href")),
                     None) or metas.get("og:url")
    return PageMeta(title=title, site_name=site, canonical=canonical, date=_meta_date(tree, metas, ld))


def _meta_date(tree, metas: dict[str, str], ld: dict[str, str]) -> str | None:
    candidates = [ld.get("datePublished")]
    candidates += [metas.get(key) for key in _DATE_KEYS]
    for node in tree.iter("time"):
        if node.get("itemprop", "").lower() == "datepublished" or node.get("pubdate") is not None:
            candidates.append(node.get("datetime") or node.text_content())
    for raw in candidates:
        date = page_date(raw)
        if date:
            return date
    return None


def _json_ld(tree) -> dict[str, str]:
    """datePublished and the publisher's name from the page's JSON-LD, if any."""
    found: dict[str, str] = {}
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json" or not node.text:
            continue
        if len(node.text) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(node.text)
        except ValueError:
            continue
        for obj in _objects(data, depth=0):
            if "datePublished" not in found and isinstance(obj.get("datePublished"), str):
                found["datePublished"] = obj["datePublished"]
            publisher = obj.get("publisher")
            if "publisher" not in found:
                name = publisher.get("name") if isinstance(publisher, dict) else publisher
                if isinstance(name, str) and name.strip():
                    found["publisher"] = name.strip()
    return found


def _objects(data, depth: int) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _first_text(tree, tag: str) -> str | None:
    for node in tree.iter(tag):
        text = " ".join(node.text_content().split())
        if text:
            return text
    return None


def _stated_date(date: str | None, text: str, url: str | None) -> str | None:
    """htmldate's date, if the page or its address writes out that exact day."""
    if not date or len(date) != 10:
        return None
    year, month, day = date.split("-")
    spellings = (f"{year}-{month}-{day}", f"{year}/{month}/{day}", f"{year}.{month}.{day}",
                 f"{year}{month}{day}")
    haystacks = (text, url or "")
    return date if any(s in h for s in spellings for h in haystacks) else None


def decode_page(data: bytes, declared: str | None = None) -> str:
    """Bytes of a page as text: byte-order mark, the server's charset, <meta charset>, UTF-8.

    Falls back to windows-1252, which browsers use for undeclared legacy pages.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    sniffed = _META_CHARSET.search(data[:4096])
    for name in (declared, sniffed.group(1).decode("ascii", "ignore") if sniffed else None):
        codec = _codec(name)
        if codec:
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # Pages labelled latin-1 or ascii are windows-1252 in practice (as browsers assume).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
