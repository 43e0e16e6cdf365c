"""/config: per-server settings for admins (Manage Server)."""
from ._cog import Config

__all__ = ("Config", "setup")


async def setup(bot) -> None:
    await bot.add_cog(Config(bot))
