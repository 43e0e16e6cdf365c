"""Live reload: the running bot follows the articles folder (see bot.live)."""
from ._cog import LiveReload

__all__ = ("LiveReload", "setup")


async def setup(bot) -> None:
    await bot.add_cog(LiveReload(bot))
