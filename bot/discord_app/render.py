"""All Discord formatting lives here: core objects in, ``discord.Embed`` out.

Pure functions (no I/O), so every Discord limit is unit-testable. Text from
outside (questions, article titles, quotes) is markdown-escaped: a question
like ``**hi** ||x||`` must show as typed and never break the layout.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import discord
from discord.utils import escape_markdown

from bot.qa.models import Answer, Article, Citation, Show

# Discord's hard limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
FIELD_COUNT_LIMIT = 25
EMBED_TOTAL_LIMIT = 6000

#: More sources than this is noise in a chat answer; /sources lists them all.
MAX_CITATIONS_SHOWN = 5
MAX_SUGGESTIONS_SHOWN = 5
ELLIPSIS = "…"

ANSWER_COLOUR = discord.Colour.blurple()
DECLINE_COLOUR = discord.Colour.light_grey()
#: What texts say when no single show is meant (several loaded, none chosen).
ANY_SHOW = "the show"
FOOTER = "Answers come from news articles about {show}. /sources lists them."
#: Discord's limit for a command's (or an option's) description.
COMMAND_DESCRIPTION_LIMIT = 100

_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*\s")


def shorten(text: str, limit: int) -> str:
    """Fit ``text`` into ``limit`` characters, cutting at a sentence end if one is
    reasonably close, else at a word boundary, and marking the cut with an ellipsis."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    window = text[: limit - 1]  # room for the ellipsis
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window + " ")]
    if sentence_ends and sentence_ends[-1] >= limit * 0.6:
        cut = window[: sentence_ends[-1]].rstrip()
        return (cut + " " + ELLIPSIS) if len(cut) + 2 <= limit else cut[: limit - 1] + ELLIPSIS
    space = window.rfind(" ")
    cut = window[:space] if space >= limit * 0.5 else window  # one huge word: hard cut
    return cut.rstrip(" ,;:-") + ELLIPSIS


def _escape(text: str) -> str:
    # Escape first, then shorten: shortening after escaping keeps us under the limit.
    return escape_markdown(text or "")


def _spoiler(text: str, hide: bool, limit: int) -> str:
    if not hide:
        return shorten(text, limit)
    return "||" + shorten(text, limit - 4) + "||"


def citation_field(number: int, citation: Citation, *, hide: bool = False) -> tuple[str, str]:
    """One source as an embed field: (name, value)."""
    name = shorten(f"{number}. {citation.title}", FIELD_NAME_LIMIT)
    meta = " · ".join(_escape(part) for part in (citation.publisher, citation.date) if part)
    link = f"[link]({citation.url})" if citation.url and citation.url.startswith(("http://", "https://")) else ""
    head = " · ".join(part for part in (meta, link) if part)
    # The link must never be cut in half, so the quote gets whatever room is left.
    room = FIELD_VALUE_LIMIT - len(head) - 3
    quote = citation.quote.strip().replace("\n", " ")
    body = ""
    if quote and room > 20:
        body = "> " + _spoiler(_escape(quote), hide, room - 2)
    value = "\n".join(part for part in (head, body) if part) or "\u200b"
    return name, shorten(value, FIELD_VALUE_LIMIT)


def show_name(show: Show | None) -> str:
    """How texts name a show: its name, or "the show" when none is meant."""
    return show.name if show is not None else ANY_SHOW


def commands_show_name(shows: Mapping[str, Show]) -> str:
    """The show slash-command descriptions name. They are global, the same in every
    server, so only a bot with one show loaded names it."""
    return next(iter(shows.values())).name if len(shows) == 1 else ANY_SHOW


def describe_command(template: str, show: str) -> str:
    """A command description naming ``show`` within Discord's 100 characters (a long
    show name is shortened, never the sentence around it)."""
    room = COMMAND_DESCRIPTION_LIMIT - len(template.replace("{show}", ""))
    return template.format(show=shorten(show, max(room, 10)))[:COMMAND_DESCRIPTION_LIMIT]


def name_examples(examples: Iterable[str], show: str) -> list[str]:
    """Generic example questions ("Who created the show?") about the named show."""
    if show == ANY_SHOW:
        return list(examples)
    return [re.sub(r"\bthe (?:show|series)\b", show, e) for e in examples]


def pick_examples(examples: Sequence[str], k: int = MAX_SUGGESTIONS_SHOWN) -> list[str]:
    """``k`` examples spread over the list (the engine lists them by question type, so
    the first few are all about the cast)."""
    if len(examples) <= k:
        return list(examples)
    step = len(examples) / k
    return [examples[int(i * step)] for i in range(k)]


def render_answer(answer: Answer, *, hide_spoilers: bool = True, show: str = ANY_SHOW) -> discord.Embed:
    """The answer, then its sources, within every embed limit; ``show`` is the name of
    the show it is about, for the footer and the suggestions of a decline."""
    hide = answer.spoiler and hide_spoilers
    description = _spoiler(_escape(answer.text), hide, DESCRIPTION_LIMIT)
    if not answer.answered and answer.suggestions:
        suggestions = name_examples(answer.suggestions[:MAX_SUGGESTIONS_SHOWN], show)
        tips = "\n".join(f"• {_escape(s)}" for s in suggestions)
        description = shorten(description, DESCRIPTION_LIMIT - len(tips) - 20) + "\n\n**Try asking:**\n" + tips
    embed = discord.Embed(
        title=shorten(_escape(answer.question), TITLE_LIMIT) or None,
        description=description,
        colour=ANSWER_COLOUR if answer.answered else DECLINE_COLOUR,
    )
    for number, citation in enumerate(answer.citations[:MAX_CITATIONS_SHOWN], start=1):
        name, value = citation_field(number, citation, hide=hide)
        embed.add_field(name=name, value=value, inline=False)
    footer = FOOTER.format(show=show)
    if hide:
        footer = "Spoiler hidden: click the blurred text to reveal it. " + footer
    embed.set_footer(text=shorten(footer, FOOTER_LIMIT))
    return fit(embed)


def fit(embed: discord.Embed) -> discord.Embed:
    """Enforce the 6,000-character / 25-field totals by dropping trailing fields,
    then shortening the description. Never lets Discord reject the message."""
    while len(embed.fields) > FIELD_COUNT_LIMIT:
        embed.remove_field(-1)
    while len(embed) > EMBED_TOTAL_LIMIT and embed.fields:
        embed.remove_field(-1)
    if len(embed) > EMBED_TOTAL_LIMIT and embed.description:
        excess = len(embed) - EMBED_TOTAL_LIMIT
        desc = embed.description
        if desc.startswith("||") and desc.endswith("||"):
            embed.description = "||" + shorten(desc[2:-2], len(desc) - 4 - excess) + "||"
        else:
            embed.description = shorten(desc, len(desc) - excess)
    return embed


def _fit_lines(lines: list[str]) -> str:
    """As many lines as fit an embed's description, then "…and N more." for the rest."""
    out: list[str] = []
    used = 0
    for shown, line in enumerate(lines):
        more = f"\n…and {len(lines) - shown} more."
        if used + len(line) + 1 + len(more) > DESCRIPTION_LIMIT:
            out.append(more.strip())
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def render_sources(articles: Sequence[Article], *, show: str = ANY_SHOW) -> discord.Embed:
    """The articles the bot knows, with publisher, date and link; the ones this server's
    admins added (with /knowledge add) are marked."""
    title = f"Sources about {show}" if show != ANY_SHOW else "Sources"
    embed = discord.Embed(title=shorten(title, TITLE_LIMIT), colour=ANSWER_COLOUR)
    if not articles:
        embed.description = "No articles are loaded yet."
        return embed
    lines = []
    for article in articles:
        title = _escape(article.title)
        if article.url and article.url.startswith(("http://", "https://")):
            title = f"[{title}]({article.url})"
        parts = [_escape(p) for p in (article.publisher, article.date) if p]
        if article.guild_id is not None:
            parts.append("added on this server")
        meta = " · ".join(parts)
        lines.append(shorten(f"• {title}" + (f" — {meta}" if meta else ""), 400))
    embed.description = _fit_lines(lines)
    embed.set_footer(text=f"{len(articles)} article(s). Every answer cites the ones it used.")
    return embed


COMMANDS_HELP = (
    ("/ask question", "Ask anything about {show}; the answer cites its sources."),
    ("/cast [name]", "The cast, or who plays a character (or whom an actor plays)."),
    ("/release", "When {show} came out, season by season."),
    ("/sources", "The news articles the answers come from."),
    ("/help", "This message."),
)
#: What a mention looks like, in the help's "Or mention me".
MENTION_EXAMPLE = "Who is in the cast?"


def render_help(suggestions: Iterable[str] = (), *, show: str = ANY_SHOW, shows: Sequence[str] = (),
                mention_hint: bool = True) -> discord.Embed:
    """What the bot does for this server: ``show`` is the name of the server's show
    (or "the show"); ``shows`` lists the loaded shows' names when there are several."""
    named = show != ANY_SHOW
    embed = discord.Embed(
        title=shorten(f"showbot: {show if named else 'TV shows'}, answered from the news", TITLE_LIMIT),
        description=(f"I answer fans' questions about *{_escape(show)}*" if named
                     else "I answer fans' questions about the shows I know")
        + ", always citing the articles I used.",
        colour=ANSWER_COLOUR,
    )
    commands_text = "\n".join(f"`{c}`: {d.format(show=show)}" for c, d in COMMANDS_HELP)
    embed.add_field(name="Commands", value=shorten(commands_text, FIELD_VALUE_LIMIT), inline=False)
    if len(shows) > 1:
        listed = ", ".join(_escape(name) for name in shows)
        embed.add_field(name="Shows I know", value=shorten(
            f"{listed}. Name one in your question; server admins choose the server's show with "
            "`/config show`.", FIELD_VALUE_LIMIT), inline=False)
    if mention_hint:
        embed.add_field(name="Or mention me", value=f"`@showbot {MENTION_EXAMPLE}`", inline=False)
    tips = [f"• {_escape(s)}" for s in name_examples(pick_examples(list(suggestions)), show)]
    if tips:
        embed.add_field(name="Try asking", value=shorten("\n".join(tips), FIELD_VALUE_LIMIT), inline=False)
    return fit(embed)


def render_notice(text: str) -> str:
    """Plain message content (errors, cooldowns): always within 2,000 characters."""
    return shorten(text, CONTENT_LIMIT)


def render_added(*, title: str, date: str | None, publisher: str | None, url: str | None, name: str,
                 show: str, learned: str, replaced: bool) -> discord.Embed:
    """What /knowledge add stored: the article's header as read, and what was extracted."""
    heading = "Updated" if replaced else "Added"
    embed = discord.Embed(title=shorten(f"{heading}: {_escape(title)}", TITLE_LIMIT), colour=ANSWER_COLOUR)
    if url and url.startswith(("http://", "https://")):
        embed.url = url
    embed.add_field(name="Date", value=_escape(date) if date else "not stated (it counts as undated)")
    embed.add_field(name="Publisher", value=shorten(_escape(publisher), FIELD_VALUE_LIMIT) if publisher else "not stated")
    embed.add_field(name="Show", value=shorten(_escape(show), FIELD_VALUE_LIMIT))
    embed.add_field(name="Extracted", value=shorten(learned, FIELD_VALUE_LIMIT), inline=False)
    embed.set_footer(text=shorten(f"Listed as “{name}”. Answers on this server use it from now on; "
                                  "/knowledge remove takes it out.", FOOTER_LIMIT))
    return fit(embed)


def render_server_articles(articles: Sequence, shows: Mapping[str, str]) -> discord.Embed:
    """/knowledge list: the server's own articles, newest first, with who added them and
    when. ``articles`` are bot.storage.guild_articles.StoredArticle; ``shows`` maps show
    ids to names."""
    embed = discord.Embed(title="Articles added on this server", colour=ANSWER_COLOUR)
    if not articles:
        embed.description = "None yet. Add one with `/knowledge add` (a file or a link)."
        return embed
    lines = []
    for article in articles:
        who = f"<@{article.added_by}>" if article.added_by else "the host admin"
        meta = " · ".join(part for part in (
            _escape(article.date) if article.date else None,
            _escape(article.publisher) if article.publisher else None,
            _escape(shows.get(article.show_id, article.show_id)) if len(shows) > 1 else None,
        ) if part)
        lines.append(shorten(f"• **{_escape(article.name)}**" + (f" — {meta}" if meta else "")
                             + f"\n  added by {who} <t:{int(article.added_at)}:R>", 500))
    embed.description = _fit_lines(lines)
    embed.set_footer(text=f"{len(articles)} article(s). /knowledge remove takes one out; /knowledge export "
                          "downloads them all.")
    return embed
