"""Getting a message onto Discord through a passing 5xx or 429.

One failed REST call should not cost a user their answer: a transient failure
(a server error or a rate limit) is retried once after a pause, and if that
fails too, a second route is tried (a follow-up message instead of editing the
deferred response; a plain channel message instead of a reply). Only when
every route fails does the error reach the error handler.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

log = logging.getLogger(__name__)

#: Seconds before the one retry; long enough for a blip or a short rate limit.
RETRY_DELAY = 1.0

T = TypeVar("T")


def transient(error: BaseException) -> bool:
    """A failure that trying again may fix: Discord's server errors and rate limits."""
    return isinstance(error, discord.HTTPException) and (error.status >= 500 or error.status == 429)


async def deliver(primary: Callable[[], Awaitable[T]], fallback: Callable[[], Awaitable[T]], *,
                  what: str, delay: float = RETRY_DELAY) -> T:
    """``primary()``; after a transient failure, ``primary()`` once more after
    ``delay``; after any other failure, or a second one, ``fallback()``."""
    try:
        return await primary()
    except discord.HTTPException as error:
        if transient(error):
            log.warning("Sending %s failed (%s %s); retrying in %.1f s", what, error.status, error.text, delay)
            await asyncio.sleep(delay)
            try:
                return await primary()
            except discord.HTTPException as again:
                error = again
        log.warning("Sending %s failed (%s %s); trying another way", what, error.status, error.text)
    return await fallback()


#: What a retracted "thinking…" message shows for the moment before it is deleted.
RETRACTED = "\u2026"


async def retract(interaction: discord.Interaction) -> None:
    """Take back a public deferral, so that what follows can be private.

    After a public deferral, Discord turns the first follow-up into the deferred
    message, public whatever its flags. Deleting the still-loading message is not
    enough: follow-ups may then fail with 10008 Unknown Message (Discord did so for
    years, and SimCord models it). So the "thinking…" message is first completed
    (edited to an ellipsis), then deleted: the next follow-up is a message of its
    own, and may be ephemeral. If Discord refuses, the follow-up replaces the
    deferred message instead: public, but never lost."""
    try:
        await interaction.edit_original_response(content=RETRACTED, embed=None, view=None)
        await interaction.delete_original_response()
    except discord.HTTPException as error:
        log.warning("Could not retract the deferred response to /%s (%s %s); the refusal replaces it",
                    interaction.command.name if interaction.command else "?", error.status, error.text)
