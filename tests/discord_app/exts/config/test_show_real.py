"""Several shows loaded, through the real engine (SimCord): a server's chosen show answers
questions that name none, a question naming another loaded show is answered from that
show, and texts say "the show" where no single show is meant. The second show is
invented (two short articles), so nothing here depends on one show's data."""
import shutil

import pytest

from bot.config import Config
from bot.service import open_engine
from tests.conftest import BUNDLED_SHOW

pytestmark = pytest.mark.real_engine

MOON_HARBOR = {
    "show.toml": 'name = "Moon Harbor"\nplatform = "Example+"\n',
    "premiere.md": """---
title: Moon Harbor season 2 gets a premiere date
publisher: Harbor Test News
date: 2026-02-02
---
Example+ announced that Moon Harbor season 2 will premiere on May 1, 2026.
Jane Doe returns as Captain Ilse Rivers in the second season of Moon Harbor.
""",
    "cast.md": """---
title: Meet the cast of Moon Harbor
publisher: Harbor Test News
date: 2025-05-05
---
Jane Doe plays Captain Ilse Rivers, the harbor master.
John Roe plays Tom Vale, her first mate.
""",
}


@pytest.fixture
def config(tmp_path) -> Config:
    root = tmp_path / "shows"
    shutil.copytree(BUNDLED_SHOW, root / "all-of-us-are-dead")
    (root / "moon-harbor").mkdir()
    for name, text in MOON_HARBOR.items():
        (root / "moon-harbor" / name).write_text(text, encoding="utf-8")
    return Config(articles_dir=root, data_dir=tmp_path / "data")


@pytest.fixture
async def engine(config):
    engine = await open_engine(config)
    yield engine
    await engine.close()


async def test_the_server_show_answers_and_a_named_show_is_answered_from_its_articles(world):
    await world.admin.slash(world.general, "config show", show="moon-harbor")

    plain = await world.fan.slash(world.general, "ask", question="Who plays Captain Ilse Rivers?")
    named = await world.fan.slash(world.general, "ask", question="Who plays Nam-ra in All of Us Are Dead?")

    assert "Jane Doe" in plain.response.embeds[0].description
    assert "about Moon Harbor" in plain.response.embeds[0].footer.text
    assert "Cho Yi-hyun" in named.response.embeds[0].description
    assert "about All of Us Are Dead" in named.response.embeds[0].footer.text


async def test_autocomplete_lists_both_shows_and_descriptions_say_the_show(world):
    choices = await world.admin.autocomplete(world.general, "config show", "show", "")

    assert [c["name"] for c in choices] == ["All of Us Are Dead", "Moon Harbor"]
    assert world.env.backend.find_command("ask", None)["description"].startswith("Ask a question about the show")


async def test_help_before_and_after_the_server_chooses(world):
    before = await world.fan.slash(world.general, "help")
    await world.admin.slash(world.general, "config show", show="moon-harbor")
    after = await world.fan.slash(world.general, "help")

    fields = {f.name: f.value for f in before.response.embeds[0].fields}
    assert "All of Us Are Dead, Moon Harbor" in fields["Shows I know"]
    assert "*Moon Harbor*" in after.response.embeds[0].description
