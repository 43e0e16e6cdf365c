"""`showbot check`: what the articles folder holds, and what is wrong with it.

The build skips what it cannot use and says so in its log; an admin who wonders why an
article never shows up in answers runs this instead and gets one line per problem:
files skipped (and why: too big, not text, a link out of the folder, an unsupported type,
a nested folder), header errors, a show.toml that cannot be read, duplicate articles (the
same content under two names counts once), and articles without a date (they cannot be
placed in time, so they never lead a time-sensitive answer).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from bot.pipeline.articles import ArticleError, read_article
from bot.pipeline.files import discover
from bot.pipeline.shows import ShowFileError, read_show_file


@dataclass(frozen=True)
class Finding:
    name: str  # relative to the articles folder
    problem: str
    error: bool  # True: the file is not used; False: used, but worth fixing

    def __str__(self) -> str:
        return f"{'error' if self.error else 'warning'}: {self.name}: {self.problem}"


@dataclass
class FolderReport:
    root: Path
    shows: dict[str, int] = field(default_factory=dict)  # show id -> usable articles
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.error)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if not f.error)


def check_folder(root: Path) -> FolderReport:
    """Lint ``root`` as the build reads it. Raises ArticlesFolderError for an unusable root."""
    shows, skipped = discover(root)
    report = FolderReport(root)
    report.findings.extend(Finding(s.name, s.reason, True) for s in skipped)
    for show in shows:
        if show.show_file is not None:
            try:
                read_show_file(show.show_file)
            except ShowFileError as exc:
                report.findings.append(Finding(_rel(show.show_file, root),
                                               str(exc).removeprefix(f"{show.show_file.name}: "), True))
        seen: dict[str, str] = {}
        usable = 0
        for ref in show.articles:
            try:
                data = ref.path.read_bytes()
                article = read_article(ref.path, ref.name)
            except OSError as exc:
                report.findings.append(Finding(ref.name, f"cannot be read ({exc.strerror})", True))
                continue
            except ArticleError as exc:
                report.findings.append(Finding(ref.name, str(exc).removeprefix(f"{ref.name}: "), True))
                continue
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                report.findings.append(Finding(ref.name, f"duplicate of {seen[digest]} (same content; counted once)",
                                               False))
                continue
            seen[digest] = ref.name
            usable += 1
            if article.date is None:
                report.findings.append(Finding(ref.name, "no date in the header (date: YYYY-MM-DD): it cannot "
                                                         "lead time-sensitive answers", False))
        report.shows[show.id] = usable
    return report


def format_report(report: FolderReport) -> str:
    lines = [str(f) for f in report.findings]
    shows = ", ".join(f"{show} ({n})" for show, n in sorted(report.shows.items())) or "none"
    lines.append(f"{report.root}: {sum(report.shows.values())} usable article(s) in {len(report.shows)} show(s): "
                 f"{shows}; {report.errors} error(s), {report.warnings} warning(s).")
    return "\n".join(lines)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name
