"""Owns the one feedback view: registered at start-up, attached to every answer."""
from __future__ import annotations

from discord.ext import commands

from ._view import FeedbackView


class Feedback(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.view = FeedbackView()

    async def cog_load(self) -> None:
        # Registers the buttons' custom-id pattern: clicks on any answer, sent
        # before or after a restart, are dispatched to a VoteButton.
        self.bot.add_view(self.view)
