"""Who may be answered where and when: channel restriction, per-user cooldown,
and cleaning the question text. :func:`enforce` raises ``bot.discord_app.refusals``
refusals, which the error-handler extension turns into friendly ephemeral messages."""
from __future__ import annotations

import re
import time
import unicodedata

import discord
from bot.discord_app.refusals import ChannelNotAllowed, UserOnCooldown

#: Discord lets a string option be up to 6,000 characters; a question longer
#: than this is not a question. The core answers or declines anything up to it.
MAX_QUESTION = 4000

_MENTION_MARKUP = re.compile(r"<(?:@[!&]?|#)\d+>")


def clean_question(text: str, *, bot_id: int | None = None) -> str:
    """Drop mention markup (the bot's own and any other), control and
    zero-width characters; collapse whitespace; cap the length."""
    if bot_id is not None:
        text = re.sub(rf"<@!?{bot_id}>", " ", text)
    text = _MENTION_MARKUP.sub(" ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\n\t")
    return " ".join(text.split())[:MAX_QUESTION]


def mentions_bot(content: str, bot_id: int) -> bool:
    """An explicit @mention in the text; a reply's implicit ping doesn't count."""
    return f"<@{bot_id}>" in content or f"<@!{bot_id}>" in content


def channel_key(channel: discord.abc.GuildChannel | discord.Thread | None) -> tuple[int | None, ...]:
    """A thread counts as its parent channel for the allow-list."""
    if channel is None:
        return (None,)
    parent = getattr(channel, "parent_id", None)
    return (channel.id, parent) if parent else (channel.id,)


def allowed_here(settings, channel) -> bool:
    return any(settings.allows_channel(cid) for cid in channel_key(channel))


class Cooldowns:
    """Per (server, user) time of the last accepted question. In memory: a
    restart forgiving everyone is fine."""

    def __init__(self) -> None:
        self._last: dict[tuple[int | None, int], float] = {}
        self._told: dict[tuple[int | None, int], float] = {}

    def retry_after(self, guild_id: int | None, user_id: int, seconds: int) -> float:
        """0 if the user may ask now (and start their cooldown), else seconds to wait."""
        if seconds <= 0:
            return 0.0
        now = time.monotonic()  # looked up at call time so test clocks apply
        last = self._last.get((guild_id, user_id))
        if last is not None and now - last < seconds:
            return seconds - (now - last)
        self._last[(guild_id, user_id)] = now
        if len(self._last) > 10_000:  # forget the long idle, keep memory bounded
            self._last = {k: v for k, v in self._last.items() if now - v < 3600}
            self._told = {k: v for k, v in self._told.items() if k in self._last}
        return 0.0

    def first_refusal(self, guild_id: int | None, user_id: int) -> bool:
        """True the first time a user is refused within their current cooldown,
        False after: a public "you're asking quickly" once, then silence, so
        that spamming the bot cannot make it spam the channel."""
        key = (guild_id, user_id)
        window = self._last.get(key)
        if window is None or self._told.get(key) == window:
            return False
        self._told[key] = window
        return True


def enforce(settings, cooldowns: Cooldowns, *, guild_id: int | None, channel, user_id: int,
            cooldown: bool) -> None:
    """Raise the refusal, if any: the server allows answers in this channel, then
    (for questions) the user's cooldown has run out, which restarts it. The
    channel comes first so that a refusal for it never spends the cooldown."""
    if not allowed_here(settings, channel):
        raise ChannelNotAllowed(settings.allowed_channels)
    if cooldown:
        wait = cooldowns.retry_after(guild_id, user_id, settings.cooldown_seconds)
        if wait:
            raise UserOnCooldown(wait)
