"""The feedback view. Stateless: the vote is keyed on the answer message id,
so one registered instance serves every answer ever sent."""
from __future__ import annotations

import logging

import discord

log = logging.getLogger(__name__)

UP_ID = "showbot:feedback:up"
DOWN_ID = "showbot:feedback:down"


class FeedbackView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    async def _vote(self, interaction: discord.Interaction, vote: int) -> None:
        await interaction.client.guild_settings.record_vote(
            message_id=interaction.message.id, user_id=interaction.user.id,
            guild_id=interaction.guild_id, vote=vote)
        thanks = "Thanks! Glad it helped." if vote > 0 else \
            "Thanks for telling me. Server admins can see weak answers with `/config report`."
        await interaction.response.send_message(thanks, ephemeral=True)

    @discord.ui.button(emoji="👍", style=discord.ButtonStyle.secondary, custom_id=UP_ID)
    async def up(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._vote(interaction, 1)

    @discord.ui.button(emoji="👎", style=discord.ButtonStyle.secondary, custom_id=DOWN_ID)
    async def down(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._vote(interaction, -1)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        log.error("Feedback button failed", exc_info=error)
        from bot.discord_app.exts.errors import describe_error, tell
        await tell(interaction, describe_error(error)[0])
