"""Titles of works named in an article: quoted or emphasised, title-cased spans
("'Sweet Home'", "*Stranger Things*", "“All of Us Are Dead”"). The show's own title is
among them; the rest are other works, which a question may name to ask about another show."""
from __future__ import annotations

import re

_TITLE = re.compile(
    r"(?:(?<![\w'\u2019])'(?P<a>[^'\n]{2,60}?)'(?![\w])|\u2018(?P<b>[^\u2019\n]{2,60}?)\u2019|"
    r"\"(?P<c>[^\"\n]{2,60}?)\"|\u201c(?P<d>[^\u201d\n]{2,60}?)\u201d|(?<!\*)\*(?P<e>[^*\n]{2,60}?)\*(?!\*)|"
    r"(?<![\w_])_(?P<f>[^_\n]{2,60}?)_(?![\w]))")
_SMALL = frozenset("a an the of and or in on at to for with from by as is are us our my your vs".split())


_ITEM = r"[A-Z0-9][\w'\u2019:&-]*(?:\s(?:of|the|and|in|on|at|to|a|an|[A-Z0-9][\w'\u2019:&-]*)){0,5}"
# "the TV shows Trap, King2Hearts, and Intimate Strangers": a list of unquoted titles
# after a plural kind of work; two items at least, so that a lone capitalised word after
# "series" is not taken for one
_LISTED = re.compile(r"\b(?:shows|series|dramas|films|movies|sitcoms|miniseries)\s(?:like\s|such\sas\s|including\s)?"
                     rf"(?P<list>{_ITEM}(?:,\s{_ITEM})*,?\s(?:and|or)\s{_ITEM})")
_ITEM_SPLIT = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")


def titles_in(text: str) -> list[str]:
    """Title-cased quoted/emphasised spans (most words capitalised, no sentence inside),
    and unquoted titles listed after "the shows", "films like", ..."""
    out = [span for span, _, _ in title_spans(text)]
    for m in _LISTED.finditer(text):
        out.extend(t for t in _ITEM_SPLIT.split(m.group("list")) if t and t not in out and looks_like_title(t))
    return out


def title_spans(text: str) -> list[tuple[str, int, int]]:
    """(title, start, end) of each quoted or emphasised title, the marks included in the span."""
    out = []
    for m in _TITLE.finditer(text):
        span = next(g for g in m.groups() if g is not None).strip(" ,.;:!?")
        if looks_like_title(span) and not _is_term(text, m):
            out.append((span, m.start(), m.end()))
    return out


# A quoted word the sentence defines or names something by is a term, not a work:
# '"Hambie" is the fan nickname for ...', 'nicknamed "Hambies"', 'known as "Hambies"'.
_TERM_AFTER = re.compile(r"^\s*(?:is|are|was|were)\s(?:a|an|the)\s(?:[\w-]+\s){0,2}?(?:nickname|term|word|label|slang)s?\b", re.I)
_TERM_BEFORE = re.compile(r"\b(?:(?:nicknamed|dubbed|termed)(?:\s(?:them|him|her|it|themselves))?|known\sas|the\s(?:nickname|term|word)|nickname)\s*$", re.I)


def _is_term(text: str, m: re.Match) -> bool:
    if " " in next(g for g in m.groups() if g is not None).strip():
        return False  # a title of several words is named, not coined
    return bool(_TERM_AFTER.match(text[m.end():m.end() + 60]) or _TERM_BEFORE.search(text[max(0, m.start() - 40):m.start()]))


def looks_like_title(span: str) -> bool:
    words = span.split()
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return False
    if re.search(r"[.!?]\s", span) or span.endswith(("?", "!")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SMALL or not w[:1].isalpha()
               for w in words) and capitalised >= max(1, len(words) // 2)
