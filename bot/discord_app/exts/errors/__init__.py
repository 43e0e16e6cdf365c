"""The one place that decides what users see when an app command fails."""
from ._handler import ErrorHandler, describe_error, tell

__all__ = ("ErrorHandler", "describe_error", "setup", "tell")


async def setup(bot) -> None:
    await bot.add_cog(ErrorHandler(bot))
