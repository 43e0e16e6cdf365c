"""👍/👎 buttons under each answer; votes go to the settings database."""
from ._cog import Feedback
from ._view import DOWN_ID, UP_ID, FeedbackView, VoteButton

__all__ = ("DOWN_ID", "UP_ID", "Feedback", "FeedbackView", "VoteButton", "setup")


async def setup(bot) -> None:
    await bot.add_cog(Feedback(bot))
