"""Newer news wins: official dates, cancellations and past 'estimates' (answers.py)."""
from ..conftest import write_article
from ..helpers import ask_once as ask


async def test_an_announced_date_leads_over_old_estimates(tmp_config):
    write_article(tmp_config.articles_dir, "006-date.md",
                  "Netflix announced that All of Us Are Dead season 2 will premiere on March 5, 2027.\n",
                  title="Season 2 date set", publisher="K-Wire", date="2026-09-01")
    a = await ask(tmp_config, "When does season 2 come out?")
    assert a.answered
    assert a.text.startswith("K-Wire (September 1, 2026)") and "March 5, 2027" in a.text
    assert "No official release date" not in a.text  # the older claim no longer holds
    assert a.citations[0].publisher == "K-Wire"


async def test_without_news_the_release_answer_says_unannounced_and_attributes_estimates(tmp_config):
    a = await ask(tmp_config, "When does season 2 come out?")
    assert "No official release date" in a.text
    for source, estimate in (("Radio Times", "summer 2024 at the earliest"), ("trendingnewsbuzz", "2023")):
        assert source in a.text and estimate in a.text
    # "will start on June 6, 2022" in an article written after July 11, 2022 is no forecast
    assert "June 6, 2022" not in a.text


async def test_a_newer_cancellation_is_not_answered_with_the_old_renewal(tmp_config):
    write_article(tmp_config.articles_dir, "007-cancel.md",
                  "Netflix has cancelled All of Us Are Dead season 2, and there is no official confirmation "
                  "of any further plans.\n", title="Cancelled", publisher="K-Wire", date="2026-10-01")
    a = await ask(tmp_config, "Has season 2 been confirmed?")
    assert a.answered and a.citations[0].publisher == "K-Wire"
    assert not a.text.startswith("Yes")
