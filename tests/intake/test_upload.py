"""Uploads: refused clearly when they cannot be an article, complete when they can."""
from __future__ import annotations

import pytest

from bot.pipeline.articles import read_article
from bot.intake.errors import IntakeRefused, Reason
from bot.intake.upload import MAX_UPLOAD_BYTES, article_from_upload, check_upload_size

from .conftest import ARTICLE_HTML

GOOD_MD = ("---\ntitle: All of Us Are Dead season 2 wraps filming\npublisher: Example News\n"
           "date: 2026-03-01\nurl: https://example.com/aouad-s2-wrap\n---\n"
           "Production on the second season has wrapped, **Netflix** said.\n\n"
           "The cast returns in 2027.\n")


def refusal(filename: str, data: bytes, content_type: str | None = None) -> IntakeRefused:
    with pytest.raises(IntakeRefused) as info:
        article_from_upload(filename, content_type, data)
    return info.value


def test_png_is_named_as_an_image():
    exc = refusal("poster.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    assert exc.reason == Reason.FILE_TYPE
    assert str(exc) == ("That looks like an image (PNG), not an article: upload a .md, .txt or .html file.")


def test_png_renamed_to_md_is_still_an_image():
    assert refusal("news.md", b"\x89PNG\r\n\x1a\n" + bytes(200)).reason == Reason.FILE_TYPE


@pytest.mark.parametrize("data, words", [
    (b"%PDF-1.7\n...", "a PDF document"),
    (b"PK\x03\x04" + bytes(30), "ZIP archive"),
    (b"\xff\xd8\xff\xe0" + bytes(30), "an image (JPEG)"),
    (b"GIF89a" + bytes(30), "an image (GIF)"),
])
def test_other_binary_files_are_named(data, words):
    exc = refusal("news.txt", data)
    assert exc.reason == Reason.FILE_TYPE and words in str(exc)


def test_six_megabyte_file_is_too_large():
    exc = refusal("huge.md", b"a" * (6 * 1024 * 1024))
    assert exc.reason == Reason.TOO_LARGE
    assert str(exc) == "That file is 6.0 MB; articles can be at most 1 MB."
    assert "6.2 MB" in str(refusal("huge.md", b"a" * 6_500_000))


def test_size_limit_is_one_megabyte_exactly():
    body = b"Text. " * (MAX_UPLOAD_BYTES // 6)
    assert article_from_upload("max.txt", None, body + b"x" * (MAX_UPLOAD_BYTES - len(body)))
    exc = refusal("over.txt", b"a" * (MAX_UPLOAD_BYTES + 1))
    assert exc.reason == Reason.TOO_LARGE and "1,048,577 bytes" in str(exc)  # not "1.0 MB"
    with pytest.raises(IntakeRefused):
        check_upload_size(MAX_UPLOAD_BYTES + 1)  # callers may check the declared size first


def test_empty_and_blank_files_are_refused():
    exc = refusal("empty.md", b"")
    assert exc.reason == Reason.EMPTY and str(exc).startswith("That file is empty")
    exc = refusal("blank.txt", b"\xef\xbb\xbf  \n\t\r\n")
    assert exc.reason == Reason.EMPTY and "only blank space" in str(exc)


def test_invalid_utf8_is_refused_with_a_fix():
    exc = refusal("latin1.txt", "Caf\u00e9 scene in episode 3.".encode("latin-1"))
    assert exc.reason == Reason.NOT_UTF8
    assert str(exc) == "That file isn't UTF-8 text (byte 4 can't be read): save it as UTF-8 and upload it again."
    assert refusal("utf16.txt", "Text".encode("utf-16")).reason == Reason.NOT_UTF8


@pytest.mark.parametrize("data", [b"Some text\x00with a zero byte", b"Text with \x01 a control byte"])
def test_binary_bytes_in_text_are_refused(data):
    assert refusal("odd.txt", data).reason == Reason.BINARY


@pytest.mark.parametrize("name", ["notes.docx", "article.pdf", "README", "page.php"])
def test_other_extensions_are_refused(name):
    exc = refusal(name, b"Plain text that is otherwise fine.")
    assert exc.reason == Reason.FILE_TYPE and "articles must be .md, .txt or .html files" in str(exc)


def test_a_binary_declared_type_is_refused():
    exc = refusal("news.md", b"Plain text.", content_type="image/png")
    assert exc.reason == Reason.FILE_TYPE and "image/png" in str(exc)


def test_bad_date_header_is_refused():
    data = GOOD_MD.replace("2026-03-01", "2024-02-30").encode()
    exc = refusal("news.md", data)
    assert exc.reason == Reason.DATE
    assert str(exc) == "The header's date 2024-02-30 isn't a real date: February 2024 has 29 days."


def test_malformed_header_is_refused():
    exc = refusal("news.md", b"---\ntitle: T\nauthor: Jane\n---\nText.\n")
    assert exc.reason == Reason.HEADER and "isn't one of title:, publisher:, date: or url:" in str(exc)


def test_good_markdown_file(tmp_path):
    article = article_from_upload("../uploads/AOUAD wrap.MD", "text/markdown; charset=utf-8",
                                  b"\xef\xbb\xbf" + GOOD_MD.encode())
    assert (article.title, article.publisher, article.date, article.url, article.source_name) == (
        "All of Us Are Dead season 2 wraps filming", "Example News", "2026-03-01",
        "https://example.com/aouad-s2-wrap", "AOUAD wrap.MD")
    assert article.body == ("Production on the second season has wrapped, **Netflix** said.\n\n"
                            "The cast returns in 2027.\n")  # verbatim, Markdown and all
    path = tmp_path / "stored.md"
    path.write_bytes(article.to_bytes())
    back = read_article(path)
    assert (back.title, back.publisher, back.date, back.url, back.body) == (
        article.title, article.publisher, article.date, article.url, article.body)


def test_good_text_file_without_header():
    article = article_from_upload("wrap.txt", None, "Season 2 wraps\r\n\r\nFilming ended in Seoul.\r\n".encode())
    assert article.title == "Season 2 wraps" and article.date is None and article.source_name == "wrap.txt"
    assert article.body == "Season 2 wraps\n\nFilming ended in Seoul.\n"


@pytest.mark.parametrize("name", ["saved.html", "saved.HTM"])
def test_good_html_file_is_reduced_to_its_main_text(name):
    article = article_from_upload(name, "text/html", ARTICLE_HTML.encode())
    assert article.source_name == name
    assert (article.title, article.publisher, article.date) == (
        "All of Us Are Dead season 2 confirmed", "Example News", "2022-06-06")
    assert "Cho Yi-hyun returns as Choi Nam-ra" in article.body
    assert "cookies" not in article.body and "<p>" not in article.body


def test_html_file_without_article_text_is_refused():
    exc = refusal("app.html", b"<html><body><script>app()</script></body></html>")
    assert exc.reason == Reason.NO_TEXT
