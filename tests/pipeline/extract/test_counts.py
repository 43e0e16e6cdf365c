"""bot.pipeline.extract.counts: episode counts per season, and the platform a show is on."""
import pytest

from bot.pipeline.extract.counts import episode_counts, platforms


def counts(text: str) -> list[tuple[int, bool]]:
    return [(c.count, c.total) for c in episode_counts(text)]


@pytest.mark.parametrize("sentence,expected", [
    ("Thursday premiered with all eight episodes of the first season.", [(8, False)]),
    ("The new season will have ten episodes, two more than the first.", [(10, False)]),
    ("Blue Hour Bakery will premiere with all 12 episodes released at once.", [(12, False)]),
    ("a 16-episode drama", [(16, False)]),
    ("The series runs to 26 episodes in total.", [(26, True)]),
    # "in all" about one season is that season's size; a total further on is not this count's
    ("The season has nine episodes in all.", [(9, False)]),
    ("The final season will have six episodes, bringing the total for the whole series to 22.", [(6, False)]),
    ("All three seasons, 22 episodes in total, are streaming now.", [(22, True)]),
])
def test_episode_counts(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The first four episodes were directed by Oskar Lindqvist.",
    "She wrote two episodes of the season.",
    "the next two episodes",
    "The season is split into two parts of four episodes each.",  # a part's size
    "Each part has four episodes.",
])
def test_a_share_of_the_episodes_is_not_the_seasons_size(sentence):
    assert counts(sentence) == []


@pytest.mark.parametrize("sentence,expected", [
    ("Blue Hour Bakery will premiere on Kovi on September 23, 2022.", ["Kovi"]),
    ("All episodes are now streaming on Streamly.", ["Streamly"]),
    ("It premieres on Thursday.", []),
])
def test_platforms(sentence, expected):
    assert platforms(sentence) == expected
