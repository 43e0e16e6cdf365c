"""Answer -> plain text for the terminal (the CLI's counterpart of render.py)."""
from __future__ import annotations

import textwrap

from bot.qa.models import Answer


def format_answer(answer: Answer, width: int = 88) -> str:
    lines = [textwrap.fill(answer.text, width)]
    if answer.spoiler:
        lines.insert(0, "[spoiler]")
    if not answer.answered and answer.suggestions:
        lines.extend(f"  - {s}" for s in answer.suggestions)
    if answer.citations:
        lines.append("Sources:")
        for c in answer.citations:
            meta = ", ".join(x for x in (c.publisher, c.date, c.url) if x)
            lines.append(textwrap.fill(f"  * {c.title}" + (f" ({meta})" if meta else ""), width,
                                       subsequent_indent="    "))
            lines.append(textwrap.fill(f"“{c.quote}”", width, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(lines)


def format_help(suggestions, show: str = "the show") -> str:
    """What `help` prints in `showbot chat`; ``show`` names the show questions that name
    none are about."""
    lines = [f"Ask anything about {show} in your own words (typos and nicknames are fine), e.g.:"]
    lines.extend(f"  - {s}" for s in suggestions)
    lines.append("Every answer lists the articles it comes from. Commands: help, quit (or Ctrl-D / Ctrl-C).")
    return "\n".join(lines)


def format_sources(articles, shows: dict[str, str]) -> str:
    """`showbot sources`: the articles, newest first, grouped by show."""
    if not articles:
        return "No articles are loaded yet."
    lines = []
    for show_id in dict.fromkeys(a.show for a in articles):
        mine = [a for a in articles if a.show == show_id]
        lines.append(f"{shows.get(show_id, show_id)} ({len(mine)} article(s))")
        for a in mine:
            meta = " · ".join(x for x in (a.publisher, a.date, a.url) if x)
            added = " [added on this server]" if a.guild_id is not None else ""
            lines.append(f"  - {a.title}" + (f" — {meta}" if meta else "") + added + f"  ({a.name})")
    return "\n".join(lines)
