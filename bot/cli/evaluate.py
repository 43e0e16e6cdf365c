"""`showbot eval`: score the engine, in-process, against a JSONL question set.

The rules are those of the shared scorer (shared/eval/score.py), implemented here:

- a question line holds id, q, answerable, must (groups of alternatives; one of each
  group must be in the answer), must_not, sources (article ids) and tags;
- matching is on normalised text: NFKC, case-folded, spoiler bars and punctuation
  turned into spaces, whole words only ("12" does not match "2012");
- every citation quote must be a verbatim excerpt of an article (whitespace, quote
  marks and dashes normalised; "..." or "…" may join fragments);
- an answerable question must be answered, meet must/must_not and cite one of its
  sources; an unanswerable one must be declined.

An article's id is its file-name prefix before the first "_" or "-" ("000" for
"000-aouad-s2.md" or "000_857f.txt"); the whole stem is accepted as well.
"""
from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bot.pipeline.articles import ArticleError, read_article
from bot.pipeline.files import discover
from bot.config import Config

_PUNCT = re.compile(r"[^0-9a-z]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")
_MIN_FRAGMENT = 8


def words(text: str | None) -> str:
    """Text as space-separated lowercase words, padded with spaces (for whole-word tests)."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("||", " ")
    return " " + " ".join(_PUNCT.sub(" ", text).split()) + " "


def verbatim(text: str | None) -> str:
    """Text with whitespace, quote marks and dashes normalised, for quote checks."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).replace("||", "")
    return " ".join(text.split()).casefold()


def article_ids(path: Path) -> set[str]:
    """The ids a question's `sources` may use for this file: its prefix and its stem."""
    stem = path.stem
    return {re.split(r"[_-]", stem, maxsplit=1)[0], stem}


def load_articles(folder: Path) -> dict[str, str]:
    """Article id -> normalised body (one entry per id the file answers to)."""
    out: dict[str, str] = {}
    shows, _ = discover(folder)
    for show in shows:
        for ref in show.articles:
            try:
                body = verbatim(read_article(ref.path, ref.name).body)
            except ArticleError:
                continue
            for key in article_ids(ref.path):
                out[key] = body
    return out


def quote_sources(quote: str, articles: dict[str, str]) -> set[str]:
    """The ids of the articles that contain every fragment of the quote."""
    fragments = [f.strip(" .\"'") for f in _ELLIPSIS.split(verbatim(quote))]
    fragments = [f for f in fragments if len(f) >= _MIN_FRAGMENT]
    if not fragments:
        return set()
    return {key for key, text in articles.items() if all(f in text for f in fragments)}


def check(question: dict, reply: dict, articles: dict[str, str]) -> list[str]:
    """The reasons this reply fails the question; empty when it passes."""
    problems = []
    citations = reply.get("citations") or []
    for c in citations:
        if not quote_sources(c.get("quote", ""), articles):
            problems.append(f"quote not verbatim in any article: {c.get('quote', '')[:90]!r}")
    answered = bool(reply.get("answered"))
    if not question.get("answerable", True):
        if answered:
            problems.append("answered a question the articles cannot answer")
        return problems
    if not answered:
        return problems + ["did not answer"]
    text = words(reply.get("answer", ""))
    for group in question.get("must", []):
        if not any(words(alt) in text for alt in group):
            problems.append(f"missing one of {group}")
    for bad in question.get("must_not", []):
        if words(bad) in text:
            problems.append(f"contains {bad!r}")
    wanted = set(question.get("sources", []))
    if wanted:
        cited: set[str] = set()
        for c in citations:
            cited |= quote_sources(c.get("quote", ""), articles)
        if not cited & wanted:
            shown = sorted(k for k in cited if re.fullmatch(r"\d+", k)) or sorted(cited)
            problems.append(f"no citation from {sorted(wanted)} (cited {shown or 'none'})")
    return problems


class QuestionFileError(ValueError):
    """The question file is missing or is not JSONL questions; the message says which line."""


def load_questions(path: Path) -> list[dict]:
    """The questions of a JSONL file: one JSON object per line, each with a string ``q``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionFileError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise QuestionFileError(f"{path}: not UTF-8 text; expected JSONL, one JSON object per line") from None
    except OSError as exc:
        raise QuestionFileError(f"{path}: {exc.strerror or exc}") from None
    questions = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            question = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{path.name}:{n}: not JSON ({exc.msg}); expected one JSON object per line") from None
        if not isinstance(question, dict) or not isinstance(question.get("q"), str):
            raise QuestionFileError(f'{path.name}:{n}: expected a JSON object with a "q" question')
        question.setdefault("id", str(n))
        questions.append(question)
    if not questions:
        raise QuestionFileError(f"{path}: no questions")
    return questions


@dataclass
class Report:
    total: int = 0
    passed: int = 0
    answerable: int = 0
    answerable_ok: int = 0
    oos: int = 0
    oos_ok: int = 0
    quotes: int = 0
    quotes_ok: int = 0
    seconds: float = 0.0
    failures: dict[str, list[str]] = field(default_factory=dict)  # id -> problems

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 1.0

    def summary(self) -> str:
        return (f"answerable: {self.answerable_ok}/{self.answerable}  out-of-scope declined: "
                f"{self.oos_ok}/{self.oos}  verbatim quotes: {self.quotes_ok}/{self.quotes}  "
                f"seconds: {self.seconds:.2f}\n"
                f"score: {self.passed}/{self.total} ({100.0 * self.rate:.1f}%)")


async def run(config: Config, questions_path: Path, *, out=None) -> Report:
    """Ask every question in-process and check each reply; FAIL lines go to `out`."""
    from bot.service import open_engine

    questions = load_questions(questions_path)
    articles = load_articles(config.articles_dir)
    report = Report(total=len(questions))
    engine = await open_engine(config)
    try:
        started = time.perf_counter()
        replies = [(await engine.ask(q["q"].replace("\n", " "))).to_json() for q in questions]
        report.seconds = time.perf_counter() - started
    finally:
        await engine.close()
    for q, r in zip(questions, replies):
        problems = check(q, r, articles)
        for c in r.get("citations") or []:
            report.quotes += 1
            report.quotes_ok += bool(quote_sources(c.get("quote", ""), articles))
        if q.get("answerable", True):
            report.answerable += 1
            report.answerable_ok += not problems
        else:
            report.oos += 1
            report.oos_ok += not problems
        report.passed += not problems
        if problems:
            report.failures[q["id"]] = problems
            if out is not None:
                print(f"FAIL {q['id']}: {q['q']!r} -> intent={r.get('intent')!r} answered={r.get('answered')}",
                      file=out)
                for p in problems:
                    print(f"     - {p}", file=out)
                print(f"     answer: {(r.get('answer') or '')[:300]!r}", file=out)
    return report


async def evaluate(config: Config, questions_path: Path, *, quiet: bool = False) -> int:
    """`showbot eval`: print failures (unless quiet) and a summary; 0 if every question passes."""
    report = await run(config, Path(questions_path), out=None if quiet else sys.stdout)
    print(report.summary())
    return 0 if report.passed == report.total else 1
