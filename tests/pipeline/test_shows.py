"""bot.pipeline.shows: a show's name (show.toml, or inferred from its articles), aliases, platform."""
import pytest

from bot.pipeline.articles import read_article
from bot.pipeline.shows import ShowFileError, ShowInfo, infer_name, initials, read_show_file, show_info

from ..conftest import BAKERY, THURSDAY


def titles(folder):
    return [read_article(p).title for p in sorted(folder.glob("*.md"))]


def test_the_name_is_inferred_from_the_words_before_season_in_titles():
    assert infer_name(titles(THURSDAY)) == "Thursday"


def test_a_quoted_title_in_titles_is_a_candidate():
    assert infer_name(["Why \u2018Salt and Sky\u2019 is the drama of the year", "Salt and Sky Season 2 confirmed"]) == "Salt and Sky"


def test_no_name_is_inferred_from_unrelated_titles():
    assert infer_name(["Ten dramas to watch", "What to stream this week"]) is None


def test_inferred_show_without_show_file():
    info = show_info("thursday", THURSDAY, None, titles(THURSDAY), platforms=["Streamly", "Streamly", "Kovi"])
    assert (info.name, info.source, info.platform) == ("Thursday", "inferred", "Streamly")
    assert info.aliases == ()  # the folder name is the name


def test_show_file_gives_name_aliases_and_platform_and_initials_are_added():
    info = show_info("blue-hour-bakery", BAKERY, BAKERY / "show.toml", titles(BAKERY))
    assert (info.name, info.platform, info.source) == ("Blue Hour Bakery", "Kovi", "show.toml")
    assert info.aliases == ("Blue Hour", "BHB")
    assert info.names() == ("Blue Hour Bakery", "Blue Hour", "BHB")


def test_the_folder_name_is_an_alias_and_the_last_resort(tmp_path):
    info = show_info("night-ferry", tmp_path / "night-ferry", None, ["Ten dramas to watch"])
    assert (info.name, info.source) == ("Night Ferry", "folder")
    other = show_info("tf", tmp_path / "tf", None, titles(THURSDAY))
    assert other.name == "Thursday" and "tf" not in other.aliases  # too short to be a name
    named = show_info("thursday-night", tmp_path, None, titles(THURSDAY))
    assert named.aliases == ("thursday night",)


@pytest.mark.parametrize("name,short", [("Blue Hour Bakery", "BHB"), ("All Roads Lead Home", "ARLH"),
                                        ("Thursday", None), ("Salt Wind", None)])
def test_initials_of_long_names(name, short):
    assert initials(name) == short


@pytest.mark.parametrize("text,message", [
    ('name = "X"\nseasons = 3\n', "unknown keys"),
    ("name = 3\n", "name must be a non-empty string"),
    ('name = "  "\n', "name must be a non-empty string"),
    ('aliases = "X"\n', "aliases must be a list of strings"),
    ("platform = 1\n", "platform must be a string"),
    ("name = \n", "show.toml"),
])
def test_a_bad_show_file_says_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "show.toml"
    path.write_text(text)
    with pytest.raises(ShowFileError, match=message):
        read_show_file(path)


def test_show_info_round_trips_through_json():
    info = ShowInfo("blue-hour-bakery", "Blue Hour Bakery", ("BHB",), "Kovi", "show.toml")
    assert ShowInfo.from_json(info.to_json()) == info
