"""bot.qa.policy.search_ok: whether a sentence found by search answers the question, and why not."""
from bot.qa.policy import Thresholds, search_ok
from bot.qa.retriever import Query, Retriever
from bot.text.normalise import stem, tokens


def scored(k, lexicon, start: str, text: str, **kw):
    terms = tuple(dict.fromkeys(stem(w) for w in tokens(text)))
    q = Query(terms, {t: k.idf(t) for t in terms}, **kw)
    s = next(s for s in k.sentences if s.text.startswith(start))
    return Retriever(k, lexicon).score(s, q), q


def test_a_sentence_that_answers_is_accepted(bakery_knowledge, lexicon):
    best, q = scored(bakery_knowledge, lexicon, "It logged 120 million", "viewing hours first month", expects="number")
    assert search_ok(best, bakery_knowledge.idf, Thresholds(), q.expects, q.terms) == (True, "")


def test_a_sentence_about_another_season_is_refused(bakery_knowledge, lexicon):
    best, q = scored(bakery_knowledge, lexicon, "Season 2 is expected", "expected arrive", season=3)
    assert search_ok(best, bakery_knowledge.idf, Thresholds(), None, q.terms) == (False, "about another season")


def test_a_sentence_without_the_kind_of_answer_is_refused(bakery_knowledge, lexicon):
    best, q = scored(bakery_knowledge, lexicon, "Kovi has not announced", "kovi announced", expects="date")
    assert search_ok(best, bakery_knowledge.idf, Thresholds(), q.expects, q.terms) == (False, "holds no date")


def test_a_sentence_that_covers_too_little_is_refused(bakery_knowledge, lexicon):
    best, q = scored(bakery_knowledge, lexicon, "It logged 120 million", "viewing hours bakery chef dawn critic")
    ok, why = search_ok(best, bakery_knowledge.idf, Thresholds(), None, q.terms)
    assert not ok and why.startswith("covers")


def test_stricter_thresholds_refuse_more(bakery_knowledge, lexicon):
    best, q = scored(bakery_knowledge, lexicon, "It logged 120 million", "viewing hours month bakery")
    assert search_ok(best, bakery_knowledge.idf, Thresholds(search=0.5), None, q.terms)[0]
    assert not search_ok(best, bakery_knowledge.idf, Thresholds(search=0.99), None, q.terms)[0]
