"""A new article in other words, from another site: the answers pick it up."""
from .conftest import write_article
from .helpers import ask_once

FRESH = """All of Us Are Dead Season 2: Filming Wraps

Netflix has finally given fans the update they wanted.

Also read: Kingdom Season 3: Everything We Know

Park Ji-hu returns as Nam On-jo. Newcomer Kim Si-a joins the cast as Yoo Ji-min, a transfer student at Hyosan High.

Director Lee Jae-kyoo returns to helm the new season, which will have eight episodes.
"""


async def test_new_cast_phrasings_and_new_people(tmp_config):
    write_article(tmp_config.articles_dir, "010-fresh.md", FRESH, title="Filming wraps",
                  publisher="Seoul Screen Daily", date="2026-10-15")
    a = await ask_once(tmp_config, "Who plays Ji-min?")
    assert a.answered and a.text.startswith("Kim Si-a plays Yoo Ji-min")  # not "Newcomer Kim Si-a"
    b = await ask_once(tmp_config, "who does kim si-a play")
    assert "Yoo Ji-min" in b.text


async def test_episode_counts_are_kept_per_season(tmp_config):
    write_article(tmp_config.articles_dir, "010-fresh.md", FRESH, date="2026-10-15")
    s2 = await ask_once(tmp_config, "How many episodes will season 2 have?")
    assert "8" in s2.text and "12" not in s2.text
    s1 = await ask_once(tmp_config, "how many episodes are in season 1")
    assert "12" in s1.text and "8" not in s1.text


async def test_a_related_link_in_a_fresh_article_is_not_knowledge(tmp_config):
    write_article(tmp_config.articles_dir, "010-fresh.md", FRESH, date="2026-10-15")
    a = await ask_once(tmp_config, "What is Kingdom season 3 about?")
    assert not a.answered
