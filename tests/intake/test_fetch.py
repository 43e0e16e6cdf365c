"""Safe fetching: only public addresses (unless allow-listed), checked per hop, bounded."""
from __future__ import annotations

import time

import pytest

from bot.intake.errors import IntakeRefused, Reason
from bot.intake.fetch import FetchLimits, fetch_page
from bot.intake.fetch import PinnedResolver

from .conftest import FakeDNS

LOCAL = ("127.0.0.1",)


async def refused(link: str, **kwargs) -> IntakeRefused:
    with pytest.raises(IntakeRefused) as info:
        await fetch_page(link, **kwargs)
    return info.value


# --- refused before any lookup or connection ---------------------------------------------

@pytest.mark.parametrize("link, reason", [
    ("file:///etc/passwd", Reason.SCHEME),
    ("ftp://example.com/article.txt", Reason.SCHEME),
    ("data:text/html,<p>hello</p>", Reason.SCHEME),
    ("javascript:alert(1)", Reason.SCHEME),
    ("gopher://example.com/", Reason.SCHEME),
    ("example.com/article", Reason.BAD_URL),
    ("http://user:secret@example.com/", Reason.BAD_URL),
    ("http://1.2.3.999/", Reason.BAD_URL),
    ("http://[::1]/", Reason.PRIVATE_ADDRESS),
    ("http://[::1]:8080/admin", Reason.PRIVATE_ADDRESS),
    ("http://169.254.169.254/latest/meta-data", Reason.PRIVATE_ADDRESS),
    ("http://2130706433/", Reason.PRIVATE_ADDRESS),
    ("http://0x7f.1/", Reason.PRIVATE_ADDRESS),
    ("http://0177.0.0.1/", Reason.PRIVATE_ADDRESS),
    ("http://127.1/", Reason.PRIVATE_ADDRESS),
    ("http://0.0.0.0/", Reason.PRIVATE_ADDRESS),
    ("http://0/", Reason.PRIVATE_ADDRESS),
    ("http://10.0.0.1/", Reason.PRIVATE_ADDRESS),
    ("http://192.168.1.1/", Reason.PRIVATE_ADDRESS),
    ("http://100.64.0.1/", Reason.PRIVATE_ADDRESS),
    ("http://224.0.0.1/", Reason.PRIVATE_ADDRESS),
    ("http://255.255.255.255/", Reason.PRIVATE_ADDRESS),
    ("http://[::ffff:127.0.0.1]/", Reason.PRIVATE_ADDRESS),
    ("http://[::ffff:a9fe:a9fe]/", Reason.PRIVATE_ADDRESS),
    ("http://[fe80::1]/", Reason.PRIVATE_ADDRESS),
    ("http://[fc00::1]/", Reason.PRIVATE_ADDRESS),
    ("http://[64:ff9b::a00:1]/", Reason.PRIVATE_ADDRESS),
    ("http://localhost/", Reason.PRIVATE_ADDRESS),
    ("http://printer.localhost/", Reason.PRIVATE_ADDRESS),
])
async def test_refused_without_any_lookup_or_connection(link, reason, connections):
    dns = FakeDNS({})
    exc = await refused(link, resolve=dns)
    assert exc.reason == reason, str(exc)
    assert dns.lookups == [] and connections.attempts == []
    assert str(exc).endswith(".") and "127.0.0.1" not in str(exc)


async def test_loopback_is_refused_by_default_and_nothing_is_requested(site, connections):
    exc = await refused(site.url("/article"))
    assert exc.reason == Reason.PRIVATE_ADDRESS
    assert "private or local network address" in str(exc)
    assert site.hits == [] and connections.attempts == []


async def test_allow_listed_address_is_fetched(site):
    page = await fetch_page(site.url("/article"), allow_hosts=LOCAL)
    assert page.is_html and page.media_type == "text/html" and page.charset == "utf-8"
    assert b"All of Us Are Dead season 2 confirmed" in page.data
    assert page.url == site.url("/article")
    assert site.hits == ["/article"]


async def test_allow_list_ignores_case_ports_and_blanks(site):
    page = await fetch_page(site.url("/plain"), allow_hosts=(" ", f"127.0.0.1:{site.port}"))
    assert page.media_type == "text/plain"


# --- names: every resolved address must be public -----------------------------------------

async def test_name_resolving_to_a_private_address_is_refused(site, connections):
    dns = FakeDNS({"news.test": [["127.0.0.1"]]})
    exc = await refused(f"http://news.test:{site.port}/article", resolve=dns)
    assert exc.reason == Reason.PRIVATE_ADDRESS
    assert dns.lookups == ["news.test"] and connections.attempts == [] and site.hits == []


async def test_one_private_address_among_public_ones_is_enough_to_refuse(connections):
    dns = FakeDNS({"mixed.test": [["93.184.216.34", "2606:2800:220:1::1", "10.0.0.7"]]})
    exc = await refused("https://mixed.test/story", resolve=dns)
    assert exc.reason == Reason.PRIVATE_ADDRESS and connections.attempts == []


async def test_allow_listed_name_is_fetched_at_the_address_that_was_checked(site):
    # The second answer would be a rebinding attack; the connection must not ask again.
    dns = FakeDNS({"intranet.test": [["127.0.0.1"], ["203.0.113.9"]]})
    page = await fetch_page(f"http://intranet.test:{site.port}/article", resolve=dns,
                            allow_hosts=("Intranet.Test.",))
    assert page.is_html and dns.lookups == ["intranet.test"]


async def test_unknown_host_is_a_clear_refusal():
    exc = await refused("https://no-such-site.test/x", resolve=FakeDNS({}))
    assert exc.reason == Reason.DNS and "no-such-site.test" in str(exc)


async def test_pinned_resolver_answers_only_for_vetted_hosts():
    resolver = PinnedResolver()
    resolver.pin("News.Example.", ["93.184.216.34"])
    answer = await resolver.resolve("news.example", 443)
    assert [(a["host"], a["port"], a["hostname"]) for a in answer] == [("93.184.216.34", 443, "news.example")]
    with pytest.raises(OSError):
        await resolver.resolve("other.example", 443)


# --- redirects: each hop checked, at most five ---------------------------------------------

@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data",
    "http://10.0.0.1/",
    "http://[::1]/",
    "http://0x0a.1/",
])
async def test_redirect_from_an_allowed_host_to_a_private_address_is_refused(site, connections, target):
    exc = await refused(site.url(f"/redirect?to={target}"), allow_hosts=LOCAL)
    assert exc.reason == Reason.PRIVATE_ADDRESS and "redirects to" in str(exc)
    assert len(site.hits) == 1
    assert all("127.0.0.1" in repr(a) for a in connections.attempts)  # only the first hop connected


async def test_redirect_to_a_name_that_resolves_privately_is_refused(site):
    dns = FakeDNS({"evil.test": [["10.1.2.3"]]})
    exc = await refused(site.url("/redirect?to=http://evil.test/"), allow_hosts=LOCAL, resolve=dns)
    assert exc.reason == Reason.PRIVATE_ADDRESS and dns.lookups == ["evil.test"]


async def test_redirect_to_another_scheme_is_refused(site):
    exc = await refused(site.url("/redirect?to=file:///etc/passwd"), allow_hosts=LOCAL)
    assert exc.reason == Reason.SCHEME and "after a redirect" in str(exc)


async def test_redirect_within_an_allowed_host_is_followed(site):
    page = await fetch_page(site.url("/redirect?to=/plain"), allow_hosts=LOCAL)
    assert page.url == site.url("/plain") and page.media_type == "text/plain"
    assert site.hits == ["/redirect?to=/plain", "/plain"]


async def test_more_than_five_redirects_are_refused(site):
    exc = await refused(site.url("/loop/0"), allow_hosts=LOCAL)
    assert exc.reason == Reason.REDIRECTS and "more than 5 times" in str(exc)
    assert len(site.hits) == 6


# --- what comes back: status, type, size, time ----------------------------------------------

async def test_error_status_is_refused(site):
    exc = await refused(site.url("/missing"), allow_hosts=LOCAL)
    assert exc.reason == Reason.HTTP_STATUS and "404" in str(exc)


@pytest.mark.parametrize("path, shown", [("/image", "image/png"), ("/json", "application/json")])
async def test_content_other_than_html_or_text_is_refused(site, path, shown):
    exc = await refused(site.url(path), allow_hosts=LOCAL)
    assert exc.reason == Reason.CONTENT_TYPE and shown in str(exc)


async def test_content_without_a_type_is_refused(raw_server):
    port = await raw_server(b"HTTP/1.1 200 OK\r\nContent-Length: 17\r\nConnection: close\r\n\r\n"
                            b"<p>what am I?</p>")
    exc = await refused(f"http://127.0.0.1:{port}/", allow_hosts=LOCAL)
    assert exc.reason == Reason.CONTENT_TYPE and "didn't say" in str(exc)


async def test_an_allowed_address_counts_in_any_spelling(site):
    # 2130706433 is 127.0.0.1; the request goes to the canonical form.
    page = await fetch_page(f"http://2130706433:{site.port}/plain", allow_hosts=LOCAL)
    assert page.url == site.url("/plain")


async def test_xhtml_and_plain_text_are_accepted(site):
    assert (await fetch_page(site.url("/xhtml"), allow_hosts=LOCAL)).is_html
    page = await fetch_page(site.url("/plain"), allow_hosts=LOCAL)
    assert not page.is_html and page.data.startswith(b"---\ntitle: Season 2 wraps filming")


async def test_body_over_two_megabytes_is_refused_while_streaming(site):
    exc = await refused(site.url("/big"), allow_hosts=LOCAL)
    assert exc.reason == Reason.TOO_LARGE and "larger than 2 MB" in str(exc)


async def test_declared_length_over_the_limit_is_refused_before_reading(site):
    exc = await refused(site.url("/big-declared"), allow_hosts=LOCAL)
    assert exc.reason == Reason.TOO_LARGE


async def test_body_exactly_at_the_limit_is_read(site):
    page = await fetch_page(site.url("/big?size=5000"), allow_hosts=LOCAL,
                            limits=FetchLimits(max_bytes=5000))
    assert len(page.data) == 5000
    exc = await refused(site.url("/big?size=5001"), allow_hosts=LOCAL, limits=FetchLimits(max_bytes=5000))
    assert exc.reason == Reason.TOO_LARGE


@pytest.mark.parametrize("path", ["/slow", "/stalled"])
async def test_a_site_that_takes_too_long_is_refused(site, path):
    started = time.monotonic()
    exc = await refused(site.url(path), allow_hosts=LOCAL,
                        limits=FetchLimits(connect_timeout=0.3, total_timeout=0.3))
    assert exc.reason == Reason.TIMEOUT and "took too long" in str(exc)
    assert time.monotonic() - started < 2


async def test_connection_refused_is_a_clear_refusal(site):
    port = site.port
    await site.server.close()
    exc = await refused(f"http://127.0.0.1:{port}/article", allow_hosts=LOCAL)
    assert exc.reason == Reason.CONNECTION and "couldn't connect to 127.0.0.1" in str(exc)


async def test_a_descriptive_user_agent_is_sent(site):
    page = await fetch_page(site.url("/user-agent"), allow_hosts=LOCAL)
    assert page.data.startswith(b"showbot/") and b"Discord" in page.data
