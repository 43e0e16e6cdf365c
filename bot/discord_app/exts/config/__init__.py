"""/config: per-server settings for admins (Manage Server)."""
from ._cog import ConfigCommands

__all__ = ("ConfigCommands", "setup")


async def setup(bot) -> None:
    await bot.add_cog(ConfigCommands(bot))
