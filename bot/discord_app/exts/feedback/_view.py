"""The 👍/👎 buttons. One view serves every answer ever sent.

The buttons are ``DynamicItem``s: a click is matched by its custom id's
pattern, and everything it needs is in the custom id (the direction) or the
interaction (the answer message, the voter, the server). So the one view
registered at start-up is reused for every answer, discord.py keeps nothing
per answer (a ``View`` per answer was kept forever, about 25 KiB each), and the
buttons under answers sent before a restart keep working.
"""
from __future__ import annotations

import logging
import re

import discord

log = logging.getLogger(__name__)

UP_ID = "showbot:feedback:up"
DOWN_ID = "showbot:feedback:down"
VOTES = {"up": 1, "down": -1}
THANKS = {1: "Thanks! Glad it helped.",
          -1: "Thanks for telling me. Server admins can see weak answers with `/config report`."}


class VoteButton(discord.ui.DynamicItem[discord.ui.Button], template=r"showbot:feedback:(?P<direction>up|down)"):
    def __init__(self, direction: str) -> None:
        super().__init__(discord.ui.Button(
            emoji="👍" if direction == "up" else "👎", style=discord.ButtonStyle.secondary,
            custom_id=f"showbot:feedback:{direction}"))
        self.vote = VOTES[direction]

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> "VoteButton":
        return cls(match["direction"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await interaction.client.guild_settings.record_vote(
                message_id=interaction.message.id, user_id=interaction.user.id,
                guild_id=interaction.guild_id, vote=self.vote)
            await interaction.response.send_message(THANKS[self.vote], ephemeral=True)
        except Exception as error:
            # A click has no command tree around it: say what the error handler would.
            log.error("Feedback button failed", exc_info=error)
            from bot.discord_app.exts.errors import describe_error, tell
            await tell(interaction, describe_error(error)[0])


class FeedbackView(discord.ui.View):
    """👍 then 👎. Persistent (no timeout); create one and reuse it."""

    def __init__(self) -> None:
        super().__init__(timeout=None)
        self.add_item(VoteButton("up"))
        self.add_item(VoteButton("down"))
