"""/ask, the shortcuts (/cast, /release, /sources, /help) and @mention replies."""
from ._cog import Answers

__all__ = ("Answers", "setup")


async def setup(bot) -> None:
    await bot.add_cog(Answers(bot))
