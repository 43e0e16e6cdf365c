"""The running bot follows its articles folder (real engine, SimCord): a dropped article
answers within a few seconds, a deleted one stops answering, nothing is restarted."""

import pytest

from bot.live import POLL_SECONDS
from tests.helpers import SEASON_3_ARTICLE as SEASON_3, SEASON_3_QUESTION as QUESTION
from tests.helpers import config, engine  # noqa: F401  (fixtures: a copy of the bundled show)

pytestmark = pytest.mark.real_engine


async def _answer(world) -> str:
    result = await world.fan.slash(world.general, "ask", question=QUESTION)
    return result.response.embeds[0].description


async def test_the_bot_looks_at_its_folder_every_few_seconds(world):
    cog = world.env.bot.get_cog("LiveReload")

    assert cog.watcher is not None and cog.poll.is_running()
    assert cog.poll.seconds == POLL_SECONDS <= 5


async def test_a_dropped_then_deleted_article_is_followed_without_a_restart(world, config):
    before = await _answer(world)
    path = config.articles_dir / "season-3.md"
    path.write_text(SEASON_3, encoding="utf-8")
    not_yet = await _answer(world)  # no look at the folder since (SimCord's clock stands still)
    await world.env.advance_time(POLL_SECONDS + 1)
    dropped = await _answer(world)
    path.unlink()
    await world.env.advance_time(POLL_SECONDS + 1)
    deleted = await _answer(world)

    assert "June 5, 2026" not in before and "June 5, 2026" not in not_yet
    assert "June 5, 2026" in dropped
    assert "June 5, 2026" not in deleted


async def test_the_watcher_stops_with_the_bot(world):
    cog = world.env.bot.get_cog("LiveReload")
    poll = cog.poll

    await world.env.bot.close()

    assert not poll.is_running()
