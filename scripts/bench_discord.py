"""Questions per second through the whole discord.py stack, offline.

Runs the real bot (create_bot) with the real core against SimCord's simulated
Discord and times N `/ask` commands end to end: interaction dispatch, checks,
defer, engine.ask, rendering, the REST edit, and the answer log write.

    python scripts/bench_discord.py            # 300 questions
    python scripts/bench_discord.py -n 1000
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import simcord  # noqa: E402

from bot.discord_app.app import create_bot  # noqa: E402
from bot.service import open_engine  # noqa: E402
from bot.config import Config  # noqa: E402
from bot.storage.guild_settings import GuildSettingsStore  # noqa: E402

QUESTIONS = ("Who plays Nam-ra?", "Who is Cheong-san?", "Is there a season 2?",
             "When was All of Us Are Dead released?", "Who directed it?", "What is the budget?")


async def bench(n: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        config = Config(data_dir=Path(tmp))
        engine = await open_engine(config)
        questions = list(QUESTIONS) + list(engine.suggestions())
        async with GuildSettingsStore(config.settings_db) as store:
            bot = create_bot(config=config, engine=engine, guild_settings=store)
            async with simcord.run(bot) as env:
                guild = env.create_guild()
                channel = guild.create_text_channel("general")
                fan = guild.add_member(env.create_user("fan"))
                await fan.slash(channel, "ask", question=questions[0])  # warm-up
                start = time.perf_counter()
                for i in range(n):
                    result = await fan.slash(channel, "ask", question=questions[i % len(questions)])
                    assert result.response.embeds, "no answer"
                elapsed = time.perf_counter() - start
        await engine.close()
    return n / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="number of /ask commands (default 300)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # timing, not logging
    rate = asyncio.run(bench(args.n))
    print(f"discord stack (/ask under SimCord, real core): {rate:.0f} questions/s over {args.n} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
