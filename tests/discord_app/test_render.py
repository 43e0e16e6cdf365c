"""bot.discord_app.render: Answer -> Embed, within every Discord limit."""
import pytest

from bot.discord_app import render
from bot.qa.models import Answer, Article, Citation

CITE = Citation("Title", "Publisher", "2022-01-28", "https://example.com/a", "A quoted sentence.")


def limits_ok(embed) -> bool:
    return (len(embed) <= 6000 and len(embed.fields) <= 25
            and len(embed.title or "") <= 256 and len(embed.description or "") <= 4096
            and all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
            and len(embed.footer.text or "") <= 2048)


def test_answer_then_sources():
    embed = render.render_answer(Answer("Who plays Nam-ra?", True, "who_plays", 0.9, "Cho Yi-hyun.", (CITE,)))

    assert embed.title == "Who plays Nam-ra?" and embed.description == "Cho Yi-hyun."
    assert embed.fields[0].name == "1. Title"
    assert embed.fields[0].value == "Publisher · 2022-01-28 · [link](https://example.com/a)\n> A quoted sentence."


def test_citation_without_url_or_publisher():
    name, value = render.citation_field(1, Citation("T", None, None, None, "Q."))
    assert "link" not in value and value == "> Q."


def test_non_http_urls_are_not_linked():
    _, value = render.citation_field(1, Citation("T", None, None, "javascript:alert(1)", "Q."))
    assert "javascript" not in value


@pytest.mark.parametrize("size", [5000, 20000])
def test_huge_answers_are_shortened_cleanly_never_rejected(size):
    text = ("Nam-ra is the class president. " * (size // 31 + 1))[:size]
    quote = "word " * 400
    citations = tuple(Citation("T" * 300, "P" * 300, "2022", "https://e.com/" + "x" * 200, quote) for _ in range(30))
    answer = Answer("Q" * 5000, True, "x", 1.0, text, citations)

    embed = render.render_answer(answer)

    assert limits_ok(embed)
    assert embed.description.endswith("president. …")
    assert embed.title.endswith("…")


def test_spoilers_are_wrapped_and_can_be_shown():
    answer = Answer("q", True, "ending", 1.0, "She leaves.", (CITE,), spoiler=True)

    hidden = render.render_answer(answer)
    shown = render.render_answer(answer, hide_spoilers=False)

    assert hidden.description == "||She leaves.||" and "||A quoted sentence.||" in hidden.fields[0].value
    assert shown.description == "She leaves." and "||" not in shown.fields[0].value


def test_long_spoiler_keeps_its_closing_tag():
    embed = render.render_answer(Answer("q", True, "e", 1.0, "Long. " * 2000, spoiler=True))
    assert embed.description.startswith("||") and embed.description.endswith("||") and limits_ok(embed)


def test_declines_show_suggestions():
    embed = render.render_answer(Answer("q", False, "none", 0.0, "I don't know.", suggestions=("Who plays X?",)))
    assert "Try asking" in embed.description and "• Who plays X?" in embed.description


def test_markdown_in_text_is_escaped():
    embed = render.render_answer(Answer("**q** ||x||", True, "x", 1.0, "_a_", (CITE,)))
    assert embed.title == r"\*\*q\*\* \|\|x\|\|" and embed.description == r"\_a\_"


@pytest.mark.parametrize("text, limit, expected", [
    ("short", 10, "short"),
    ("One sentence here. Two sentence here.", 30, "One sentence here. …"),
    ("alpha beta gamma delta", 15, "alpha beta…"),
    ("x" * 50, 10, "x" * 9 + "…"),
])
def test_shorten(text, limit, expected):
    assert render.shorten(text, limit) == expected
    assert len(render.shorten(text, limit)) <= limit


def test_sources_list_and_overflow():
    articles = [Article(i, "show", "p", f"Article {i} " + "t" * 200, "Pub", "2022", f"https://e.com/{i}")
                for i in range(100)]
    embed = render.render_sources(articles)
    assert limits_ok(embed) and "more." in embed.description
    assert "[Article 0" in embed.description and "(https://e.com/0)" in embed.description


def test_sources_empty():
    assert "No articles" in render.render_sources([]).description


def test_help_and_notice_within_limits():
    assert limits_ok(render.render_help(["x" * 3000] * 10))
    assert len(render.render_notice("x" * 5000)) <= 2000
