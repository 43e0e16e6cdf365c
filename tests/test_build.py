"""Building the knowledge database: staleness, deleting and adding articles, bad files."""

from bot import build as builder
from bot.cli.evaluate import words

from .conftest import write_article
from .helpers import ask_once, is_verbatim

NEW_ARTICLE = ("All of Us Are Dead season 2 wraps filming\n\n"
               "Filming on the second season of All of Us Are Dead has officially wrapped, Netflix said. "
               "The streamer did not give a premiere date.\n")


answer = ask_once


async def test_build_report(tmp_config):
    report = await builder.build(tmp_config)
    assert report.articles == 5 and not report.skipped
    assert report.sentences > 100 and report.facts > 100 and report.people > 20
    assert tmp_config.knowledge_db.exists()
    assert not await builder.is_stale(tmp_config)


async def test_stale_database_is_rebuilt_automatically(tmp_config):
    assert await builder.is_stale(tmp_config)  # missing
    await builder.build(tmp_config)
    assert not await builder.is_stale(tmp_config)
    path = next(tmp_config.articles_dir.glob("000-*"))
    path.write_text(path.read_text().replace("written by Chun Sung-il", "written by Bae Dal-soo"))
    assert await builder.is_stale(tmp_config)
    a = await answer(tmp_config, "Who wrote the series?")
    assert not await builder.is_stale(tmp_config)
    assert a.answered and "Bae Dal-soo" in a.text and "Chun Sung-il" not in a.text


async def test_deleting_an_article_removes_its_facts(tmp_config):
    before = await answer(tmp_config, "What is its Rotten Tomatoes score?")
    assert before.answered and " 83 " in words(before.text)
    writer = await answer(tmp_config, "Who wrote the series?")
    assert "Chun Sung-il" in writer.text
    next(tmp_config.articles_dir.glob("000-*")).unlink()
    for q in ("What is its Rotten Tomatoes score?", "Who wrote the series?", "Who plays Nam So-ju?"):
        a = await answer(tmp_config, q)
        assert " 83 " not in words(a.text) and "Chun Sung-il" not in a.text
        assert all("Is Season 2 of All of Us Are Dead Confirmed" not in c.title for c in a.citations)


async def test_new_dated_article_leads_the_production_answer(tmp_config):
    write_article(tmp_config.articles_dir, "005-wrap.md", NEW_ARTICLE,
                  title="All of Us Are Dead season 2 wraps filming", publisher="Seoul Screen Daily",
                  date="2026-03-01")
    a = await answer(tmp_config, "Has filming for season 2 started?")
    assert a.answered and a.intent == "production"
    assert a.citations[0].publisher == "Seoul Screen Daily"
    assert a.citations[0].quote.startswith("Filming on the second season")
    assert a.text.index("wrapped") < min(a.text.index(w) for w in ("pre-production", "yet to") if w in a.text)


async def test_article_without_header_uses_first_line_as_title(tmp_config):
    write_article(tmp_config.articles_dir, "006-plain.txt",
                  "Hyosan survivors reunite\n\nThe Hyosan High School survivors held a reunion in Seoul.\n")
    a = await answer(tmp_config, "Did the Hyosan survivors hold a reunion?")
    assert a.answered
    cited = [c for c in a.citations if "reunion" in c.quote]
    assert cited and cited[0].title == "Hyosan survivors reunite" and cited[0].date is None


async def test_bad_article_is_skipped_with_a_reason(tmp_config):
    write_article(tmp_config.articles_dir, "007-bad.md", "Text.\n", title="x", date="March 2026")
    report = await builder.build(tmp_config)
    assert report.articles == 5
    assert len(report.skipped) == 1 and "007-bad.md: date must be" in report.skipped[0]


async def test_quotes_are_verbatim_after_rebuild(tmp_config):
    write_article(tmp_config.articles_dir, "005-wrap.md", NEW_ARTICLE, date="2026-03-01")
    bodies = [p.read_text() for p in tmp_config.articles_dir.iterdir()]
    a = await answer(tmp_config, "has season 2 wrapped filming")
    assert a.citations and all(is_verbatim(c.quote, bodies) for c in a.citations)
