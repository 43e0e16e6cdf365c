"""Understanding needs the question-side tools the engine builds: the intent matcher, the
reader and each show's people linker."""
import pytest

from bot.qa.understanding import IntentMatcher, Reader, ShowFinder
from bot.qa.understanding.intents import load_intents
from bot.qa.understanding.people import PeopleLinker


@pytest.fixture(scope="session")
def matcher(lexicon) -> IntentMatcher:
    return IntentMatcher(load_intents(lexicon.intents), lexicon.phrases, lexicon.stop_stems)


@pytest.fixture(scope="session")
def reader(lexicon, matcher) -> Reader:
    return Reader(lexicon, matcher.vocabulary)


def linked(k):
    """The knowledge with its people linker, as the engine sets it on first use."""
    if k.linker is None:
        k.linker = PeopleLinker(k.people)
    return k


@pytest.fixture(scope="session")
def finder(thursday_knowledge, bakery_knowledge) -> ShowFinder:
    return ShowFinder({k.show.id: k.show for k in (thursday_knowledge, bakery_knowledge)})


@pytest.fixture(scope="session")
def read(reader, lexicon, finder, thursday_knowledge, bakery_knowledge):
    """read(question, show_id) -> Question, with the shows the question names found first."""
    shows = {"thursday": linked(thursday_knowledge), "blue-hour-bakery": linked(bakery_knowledge)}

    def run(text: str, show: str = "blue-hour-bakery"):
        words = lexicon.words(text)
        mentions = [m for m in finder.find(words) if m.show_id == show]
        return reader.read(text, shows[show], mentions, list(words))
    return run
