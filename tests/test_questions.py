"""Our own fan question set (tests/questions.jsonl), scored in-process with bot.cli.evaluate."""
from pathlib import Path

from bot.cli import evaluate as ev

QUESTIONS = Path(__file__).parent / "questions.jsonl"
MIN_PASS_RATE = 0.90


def test_question_file_is_well_formed():
    rows = ev.load_questions(QUESTIONS)
    assert len(rows) >= 100
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "q", "answerable", "must", "must_not", "sources", "tags"}, r["id"]
        assert all(isinstance(g, list) and g for g in r["must"]), r["id"]
        assert set(r["sources"]) <= {"000", "001", "002", "003", "004"}, r["id"]
        if not r["answerable"]:
            assert not r["must"] and not r["sources"], r["id"]
    assert sum(not r["answerable"] for r in rows) >= 15


def test_checker_rules():
    articles = {"000": ev.verbatim("Cho Yi-hyun was seen playing Choi Nam-ra. It aired in 2022.")}
    q = {"id": "x", "q": "?", "answerable": True, "must": [["cho yi hyun"]], "must_not": ["lomon"], "sources": ["000"]}
    good = {"answered": True, "answer": "Cho Yi-hyun plays Nam-ra.",
            "citations": [{"quote": "Cho Yi-hyun was seen playing Choi Nam-ra."}]}
    assert ev.check(q, good, articles) == []
    assert ev.check(q, {**good, "answered": False}, articles) == ["did not answer"]
    assert any("contains" in p for p in ev.check(q, {**good, "answer": "Cho Yi-hyun and Lomon"}, articles))
    assert any("verbatim" in p for p in ev.check(q, {**good, "citations": [{"quote": "Made up sentence here."}]}, articles))
    joined = {**good, "citations": [{"quote": "Cho Yi-hyun was seen … It aired in 2022."}]}
    assert ev.check(q, joined, articles) == []
    year = {"id": "y", "answerable": True, "must": [["22"]], "sources": []}
    assert ev.check(year, {"answered": True, "answer": "in 2022", "citations": []}, articles)  # whole words
    oos = {"id": "z", "answerable": False}
    assert ev.check(oos, {"answered": True, "answer": "x", "citations": []}, articles)
    assert ev.check(oos, {"answered": False, "answer": "x", "citations": []}, articles) == []


async def _assert_pass_rate(config, questions) -> None:
    report = await ev.run(config, questions)
    print(report.summary())
    for qid, problems in report.failures.items():
        print(qid, problems)
    assert report.quotes_ok == report.quotes
    assert report.rate >= MIN_PASS_RATE, f"{report.rate:.1%}: failing {sorted(report.failures)}"


async def test_pass_rate(bundled_config, capsys):
    await _assert_pass_rate(bundled_config, QUESTIONS)


# Questions written after the shared dev set in other words (tests/fixtures/paraphrases/):
# seeds.jsonl on the bundled show runs here; wednesday.jsonl and sweethome.jsonl are for the
# shared show corpora (../shared/eval/shows), scored with score.py.
PARAPHRASES = Path(__file__).parent / "fixtures" / "paraphrases" / "seeds.jsonl"


async def test_paraphrase_pass_rate(bundled_config, capsys):
    await _assert_pass_rate(bundled_config, PARAPHRASES)
