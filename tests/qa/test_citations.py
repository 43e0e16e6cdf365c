"""Every quote is its article's own words: a substring of that article's body, carried with
the sentence it came from."""
import pytest

QUESTIONS = {
    "thursday": [
        "Who plays Iris Calloway?", "Who does Nora Fairweather play?", "Who is in the cast of Thursday?",
        "When does Thursday season 2 come out?", "When is the next season coming out?", "Has Thursday been renewed?",
        "Is Desmond Achebe returning for season 3?", "How many episodes are in season 2?", "Who created Thursday?",
        "Where was Thursday filmed?", "What is Thursday about?", "who is new in season 2",
        "Will there be a season 4 of Thursday?", "Is Thursday on Streamly?",
    ],
    "blue-hour-bakery": [
        "Who plays Kang Do-hyun?", "who does pak jun seo play", "Who is in the cast of season 2?",
        "When does part 2 come out?", "When does season 3 come out?", "Will there be a season 3 of blue hour?",
        "How many hours did it get in its first month?", "What is Blue Hour Bakery based on?",
        "Who directed Blue Hour Bakery?", "Where was Blue Hour Bakery filmed?", "who is jeong tae kyu",
        "where can i watch blue hour bakery",
    ],
}


@pytest.mark.parametrize("show", sorted(QUESTIONS))
async def test_every_quote_is_verbatim_from_its_own_article(engines, fixture_bodies, show):
    engine = engines[show]
    titles = {a.title for a in await engine.articles()}
    for question in QUESTIONS[show]:
        answer = await engine.ask(question)
        assert answer.answered and answer.citations, question
        for c in answer.citations:
            assert c.title in titles, (question, c.title)
            assert c.quote in fixture_bodies[c.title], (question, c.quote)
            assert c.sentence is not None and c.sentence.text == c.quote
            article = c.sentence.article
            assert (article.title, article.publisher, article.date, article.url) == (c.title, c.publisher, c.date, c.url)


async def test_citations_as_json(bakery_engine):
    answer = await bakery_engine.ask("Who plays Kang Do-hyun?")
    data = answer.to_json()
    assert data["answered"] and data["show"] == "blue-hour-bakery" and data["intent"] == "who_plays"
    assert set(data["citations"][0]) == {"title", "source", "url", "date", "quote"}
    assert data["citations"][0]["source"] in {"Hallyu Desk", "Hanriver Herald"}


async def test_a_description_asked_only_by_its_type_quotes_several_sources(tmp_path):
    # "plot" chose the question type: nothing more particular is asked, so the answer
    # draws on every source nearly as good as the best, as "what is it about?" does
    from bot.config import Config

    from ..conftest import write_article
    from ..helpers import ask_once
    folder = tmp_path / "lantern-lane"
    for n, line in enumerate(["The series follows a night-shift librarian who finds a door to another city.",
                              "The drama centres on a librarian who guards a secret door in the stacks.",
                              "The show is about a library whose basement opens onto a sleeping town."]):
        write_article(folder, f"{n}.md", line + "\n", title=f"Lantern Lane review {n}", date=f"2024-0{n + 1}-01")
    config = Config(articles_dir=folder, data_dir=tmp_path / "data")
    plot = await ask_once(config, "whats the plot of the show")
    assert plot.answered and len(plot.citations) == 3, plot.text
