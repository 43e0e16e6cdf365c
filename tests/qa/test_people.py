import pytest

from bot.qa.normalise import plain_key
from bot.qa.people import Mention, cluster

# Spellings as the five articles write them (article index, actor, character).
CAST = [
    (0, "Lomon", "Lee Su-hyeok"), (2, "Lomon", "Lee Su-Hyeok"), (4, "Lomon", "Lee Su-hyeok"),
    (1, "Park Solomon", "Su-hook"), (4, "Park Solomon", "Su-hyeok"),
    (0, "Lee Yoo-mi", "Lee Na-yeon"), (2, "Lee Yoo-mi", "Lee Na-Yeon"),
    (0, "Im Jae-hyuk", "Yang Dae-su"), (1, "I\u2019m Jae-hyuk", "Dae-Su"), (4, "Im Jae-hyuk", "Dae-su"),
    (1, "Kim Bo-Yoon", "Hyo-Kyung"), (4, "Kim Bo-yoon", "Hyo-ryung"),
    (0, "Cho Yi-hyun", "Choi Nam-ra"), (4, "Cho Yi-hyun", "Choi Nam-ra"),
    (0, "Park Ji-hu", "Nam On-jo"), (4, "Park Ji-hu", "Nam On-jo"),
    (0, "Yoon Chan-young", "Lee Cheong-san"), (0, "Yoo In-soo", "Yoon Gwi-nam"),
    (0, "Jeon Bae-soo", "Nam So-ju"), (0, "Kim Byung-chul", "Lee Byeong-chan"),
    (0, "Lee Kyu-hyung", "Song Jae-ik"), (1, "Ha Seung-ri", "Ha-ri"), (4, "Lee Eun-saem", "Mi-jin"),
]
STARS = [(2, "Lee You-mi"), (2, "Lim Jae-hyeok"), (1, "Cho Yi-Hyun")]
CREW = [(0, "Lee Jae Gyoo", "creator"), (1, "Lee Jae-kyoo", "director"), (1, "Kim Nam-Su", "director"),
        (2, "Lee JQ", "director"), (3, "Lee Jae-kyoo", "director"), (0, "Chun Sung-il", "writer"),
        (0, "Joo Dong-geun", "original author")]


@pytest.fixture(scope="module")
def people():
    mentions = []
    for art, actor, char in CAST:
        mentions.append(Mention("actor", actor, art, partner=char))
        mentions.append(Mention("character", char, art, partner=actor))
    mentions += [Mention("actor", a, art) for art, a in STARS]
    mentions += [Mention("crew", n, art, role=r) for art, n, r in CREW]
    return cluster(mentions)


def person(people, kind, alias):
    found = [p for p in people if p.kind == kind and plain_key(alias) in {plain_key(a) for a in p.aliases}]
    assert len(found) == 1, (kind, alias, [p.aliases for p in people if p.kind == kind])
    return found[0]


@pytest.mark.parametrize("kind,a,b", [
    ("actor", "Lomon", "Park Solomon"),
    ("actor", "Lee Yoo-mi", "Lee You-mi"),
    ("actor", "Im Jae-hyuk", "Lim Jae-hyeok"),
    ("actor", "Im Jae-hyuk", "I\u2019m Jae-hyuk"),
    ("actor", "Cho Yi-hyun", "Cho Yi-Hyun"),
    ("character", "Hyo-ryung", "Hyo-Kyung"),
    ("character", "Lee Su-hyeok", "Su-hyeok"),
    ("character", "Lee Su-hyeok", "Su-hook"),
    ("character", "Yang Dae-su", "Dae-Su"),
    ("crew", "Lee Jae-kyoo", "Lee Jae Gyoo"),
    ("crew", "Lee Jae-kyoo", "Lee JQ"),
])
def test_aliases_cluster(people, kind, a, b):
    assert person(people, kind, a) is person(people, kind, b)


@pytest.mark.parametrize("kind,a,b", [
    ("actor", "Park Ji-hu", "Park Solomon"),
    ("actor", "Cho Yi-hyun", "Yoon Chan-young"),
    ("actor", "Kim Bo-yoon", "Kim Byung-chul"),
    ("actor", "Lee Yoo-mi", "Lee Kyu-hyung"),
    ("actor", "Yoo In-soo", "Yoon Chan-young"),
    ("character", "Nam On-jo", "Nam So-ju"),
    ("character", "Lee Su-hyeok", "Lee Cheong-san"),
    ("character", "Lee Na-yeon", "Lee Byeong-chan"),
    ("character", "Ha-ri", "Hyo-ryung"),
    ("crew", "Lee Jae-kyoo", "Kim Nam-Su"),
    ("crew", "Chun Sung-il", "Joo Dong-geun"),
])
def test_distinct_people_stay_distinct(people, kind, a, b):
    assert person(people, kind, a) is not person(people, kind, b)


def test_canonical_names_and_short_forms(people):
    nam_ra = person(people, "character", "Choi Nam-ra")
    assert nam_ra.name == "Choi Nam-ra" and "Nam-ra" in nam_ra.aliases
    lomon = person(people, "actor", "Park Solomon")
    assert lomon.name == "Lomon"  # used in most articles
    director = person(people, "crew", "Lee JQ")
    assert director.name == "Lee Jae-kyoo" and "director" in director.roles


def test_synonym_table_merges_what_rules_cannot():
    mentions = [Mention("actor", "Alpha One", 0), Mention("actor", "Zed Quux", 1)]
    assert len(cluster(mentions)) == 2
    assert len(cluster(mentions, {"Zed Quux": "Alpha One"})) == 1


def test_empty():
    assert cluster([]) == []
