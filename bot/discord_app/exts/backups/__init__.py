"""Rolling backups of the settings database while the bot runs (at start, then daily)."""
from ._cog import SettingsBackups

__all__ = ("SettingsBackups", "setup")


async def setup(bot) -> None:
    await bot.add_cog(SettingsBackups(bot.guild_settings))
