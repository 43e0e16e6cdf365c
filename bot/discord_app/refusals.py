"""Expected refusals, raised by checks and turned into friendly replies by
the error-handler extension (bot/discord_app/exts/errors). Not bugs: never logged as errors."""
from __future__ import annotations

from discord import app_commands


class ChannelNotAllowed(app_commands.CheckFailure):
    """The server restricted answers to other channels."""

    def __init__(self, channel_ids: tuple[int, ...]) -> None:
        self.channel_ids = channel_ids
        super().__init__("answers are restricted to other channels")


class UserOnCooldown(app_commands.CheckFailure):
    """The user asked again before the server's cooldown ran out."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"on cooldown for {retry_after:.0f}s")


class EmptyQuestion(app_commands.CheckFailure):
    """The question was blank (only spaces or mention markup)."""


class KnowledgeRefused(app_commands.AppCommandError):
    """A /knowledge request that cannot be done as asked (no show chosen, no such
    article, a file and a link at once); the message says what to do instead."""
