"""bot.pipeline.people.cluster: name spellings -> people, by general rules (never a table)."""
from bot.pipeline.people import Mention, cluster


def people(*mentions: Mention) -> dict[tuple[str, str], list[str]]:
    """(kind, canonical name) -> aliases."""
    return {(p.kind, p.name): p.aliases for p in cluster(list(mentions))}


def actor(name, article="a.md", partner=None):
    return Mention("actor", name, article, partner=partner)


def character(name, article="a.md", partner=None):
    return Mention("character", name, article, partner=partner)


def crew(name, role="director", article="a.md"):
    return Mention("crew", name, article, role=role)


def test_romanisations_of_one_name_are_one_person():
    assert people(actor("Baek Yu-ri", "001"), actor("Baek Yoo-ri", "002"), actor("Baek Yu-ri", "003")) == {
        ("actor", "Baek Yu-ri"): ["Baek Yu-ri", "Baek Yoo-ri"]}
    assert len(people(crew("Jung Tae-gyu"), crew("Jeong Tae-kyu", article="b.md"))) == 1


def test_the_spelling_most_articles_use_is_the_name():
    found = people(actor("Baek Yoo-ri", "001"), actor("Baek Yu-ri", "002"), actor("Baek Yu-ri", "003"))
    assert list(found) == [("actor", "Baek Yu-ri")]


def test_near_identical_spellings_of_the_same_shape_meet():
    assert len(people(actor("Gwendolyn Christie"), actor("Gwendoline Christie"))) == 1


def test_different_names_that_look_alike_stay_apart():
    assert len(people(actor("Kim Si-a"), actor("Kim Si-eun"))) == 2
    assert len(people(actor("Seo Ji-wan"), actor("Seo Ji-won"))) == 2


def test_a_family_name_alone_is_the_only_full_name_it_ends():
    assert people(actor("Fairweather"), actor("Nora Fairweather")) == {
        ("actor", "Nora Fairweather"): ["Nora Fairweather", "Fairweather"]}


def test_a_short_name_two_people_share_is_left_alone():
    found = people(actor("Vale"), actor("Juniper Vale"), actor("Marguerite Vale"))
    assert ("actor", "Vale") in found and len(found) == 3


def test_a_name_inside_a_longer_one_is_the_same_person():
    assert people(character("Iris Calloway"), character("Detective Iris Calloway")) == {
        ("character", "Detective Iris Calloway"): ["Detective Iris Calloway", "Iris Calloway"]}


def test_a_shortened_given_name_with_the_same_family_name():
    assert len(people(crew("Mat Holt", "creator"), crew("Mathilde Holt", "creator"))) == 1


def test_actors_credited_for_one_character_whose_names_overlap_are_one():
    found = people(actor("Jiwan", "a", partner="Kang Do-hyun"), actor("Seo Jiwan", "b", partner="Kang Do-hyun"),
                   character("Kang Do-hyun", "a", partner="Jiwan"))
    assert ("actor", "Seo Jiwan") in found and found[("actor", "Seo Jiwan")] == ["Seo Jiwan", "Jiwan"]


def test_crew_initials_meet_the_full_given_name():
    assert people(crew("Jeong TK"), crew("Jeong Tae-kyu", article="b.md")) == {
        ("crew", "Jeong Tae-kyu"): ["Jeong Tae-kyu", "Jeong TK"]}


def test_kinds_are_kept_apart_and_roles_gathered():
    found = {(p.kind, p.name): p for p in cluster([actor("Maren Holt"), crew("Maren Holt", "creator"),
                                                   crew("Maren Holt", "showrunner", "b.md")])}
    assert set(found) == {("actor", "Maren Holt"), ("crew", "Maren Holt")}
    assert found[("crew", "Maren Holt")].roles == ["creator", "showrunner"]


def test_characters_are_also_known_by_their_hyphenated_given_name():
    assert people(character("Yoon Seol-a")) == {("character", "Yoon Seol-a"): ["Yoon Seol-a", "Seol-a"]}
    assert people(character("Juniper Vale")) == {("character", "Juniper Vale"): ["Juniper Vale"]}


def test_people_get_stable_ids_from_one():
    ids = [p.id for p in cluster([actor("A Person"), character("B Person"), crew("C Person")])]
    assert ids == [1, 2, 3]
