"""/knowledge: server admins add, list, remove and export their server's own articles."""
from ._cog import KnowledgeCommands

__all__ = ("KnowledgeCommands", "setup")


async def setup(bot) -> None:
    await bot.add_cog(KnowledgeCommands(bot))
