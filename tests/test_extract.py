import pytest

from bot.articles import read_article
from bot.extract import extract, is_name, load_topics
from bot.ingest import segment
from bot.config import BUNDLED_KNOWLEDGE

from .conftest import write_article


@pytest.fixture(scope="module")
def topics():
    return load_topics(BUNDLED_KNOWLEDGE / "topics.toml")


def facts_of(tmp_path, rules, topics, body, **meta):
    meta.setdefault("title", "Test article")
    doc = segment(read_article(write_article(tmp_path, "t.md", body, **meta)), rules)
    return extract(doc, topics)


@pytest.mark.parametrize("sentence", [
    "Cho Yi-hyun as Choi Nam-ra.",
    "Choi Nam-ra is played by Cho Yi-hyun.",
    "Cho Yi-hyun was seen playing Choi Nam-ra.",
    "Cho Yi-hyun in the role of Choi Nam-ra.",
    "Choi Nam-ra (Cho Yi-hyun) will be back.",
    "Cho Yi-hyun was cast as Choi Nam-ra.",
    "Cho Yi-hyun, who plays Choi Nam-ra, spoke to reporters.",
    "Cho Yi-hyun plays Choi Nam-ra.",
    "Cho Yi-hyun, who once portrayed Choi Nam-ra, is back.",
])
def test_cast_phrasings(tmp_path, rules, topics, sentence):
    plays = [(f.subject, f.object) for f in facts_of(tmp_path, rules, topics, sentence + "\n")
             if f.kind == "plays"]
    assert plays == [("Cho Yi-hyun", "Choi Nam-ra")]


def test_stars_list_and_crew(tmp_path, rules, topics):
    body = ("Directed by Lee Jae-kyoo; Kim Nam-Su, the series stars Park Ji-hu, Yoon Chan-young, "
            "and Lomon as the main lead. The show was written by Chun Sung-il.\n")
    facts = facts_of(tmp_path, rules, topics, body)
    stars = {f.subject for f in facts if f.kind == "stars"}
    assert {"Park Ji-hu", "Yoon Chan-young"} <= stars
    crew = {(f.subject, f.object) for f in facts if f.kind == "crew"}
    assert ("Lee Jae-kyoo", "director") in crew and ("Kim Nam-Su", "director") in crew
    assert ("Chun Sung-il", "writer") in crew


def test_dates_and_estimates(tmp_path, rules, topics):
    body = ("The debut of the first season on Netflix occurred on January 28, 2022. "
            "Netflix commissioned a second season of the zombie series on June 6, 2022. "
            "We'd expect All of Us Are Dead season 2 in summer 2024 at the earliest. "
            "The initial batch of 12 episodes adapted the source material.\n")
    facts = facts_of(tmp_path, rules, topics, body)
    by_kind = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f.value)
    assert by_kind["premiere_date"] == ["January 28, 2022"]
    assert by_kind["renewal_date"] == ["June 6, 2022"]
    assert by_kind["release_estimate"] == ["summer 2024 at the earliest"]
    assert by_kind["episodes"] == ["12"]


@pytest.mark.parametrize("text,ok", [("Cho Yi-hyun", True), ("Lomon", True), ("The Society", False),
                                     ("Netflix", False), ("Season Two Now Here", False)])
def test_is_name(text, ok):
    assert is_name(text) is ok


def test_real_articles_cast_facts(bundled_docs, topics):
    plays = {(f.subject, f.object) for _, doc in bundled_docs for f in extract(doc, topics) if f.kind == "plays"}
    for pair in [("Cho Yi-hyun", "Choi Nam-ra"), ("Yoon Chan-young", "Lee Cheong-san"),
                 ("Lomon", "Lee Su-hyeok"), ("Kim Bo-yoon", "Hyo-ryung"), ("Park Solomon", "Su-hyeok"),
                 ("Lee Yoo-mi", "Lee Na-yeon"), ("Im Jae-hyuk", "Yang Dae-su")]:
        assert pair in plays, pair
