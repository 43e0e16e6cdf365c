"""👍/👎 buttons under each answer; votes go to the settings database."""
from ._view import FeedbackView

__all__ = ("FeedbackView", "setup")


async def setup(bot) -> None:
    # Persistent: the buttons keep working on old answers after a restart,
    # because callbacks are matched by custom_id, not by an in-memory view.
    bot.add_view(FeedbackView())
