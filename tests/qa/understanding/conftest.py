"""Understanding: the show finder over both invented shows, and questions read as the
engine reads them (the shows they name found first)."""
import pytest

from bot.qa.understanding import ShowFinder

from ..conftest import linked


@pytest.fixture(scope="session")
def finder(thursday_knowledge, bakery_knowledge) -> ShowFinder:
    return ShowFinder({k.show.id: k.show for k in (thursday_knowledge, bakery_knowledge)})


@pytest.fixture(scope="session")
def read(reader, lexicon, matcher, finder, thursday_knowledge, bakery_knowledge):
    """read(question, show_id) -> Question, with the shows the question names found first."""
    shows = {"thursday": linked(thursday_knowledge, lexicon, matcher),
             "blue-hour-bakery": linked(bakery_knowledge, lexicon, matcher)}

    def run(text: str, show: str = "blue-hour-bakery"):
        words = lexicon.words(text)
        mentions = [m for m in finder.find(words) if m.show_id == show]
        return reader.read(text, shows[show], mentions, list(words))
    return run
