"""Fetching one article page from a link, without letting the link reach inside the network.

Each hop (the link, then every redirect, followed by hand) is checked before any
connection: http or https only, no credentials, and a host whose every address is public
(see `addresses`). The connection then goes to exactly the addresses that were checked:
the session's resolver answers only from those pins, so a DNS answer that changes between
the check and the connect (DNS rebinding) cannot steer it elsewhere. Time, size and
content type are bounded too, and each refusal is a sentence the admin can act on.
"""
from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata

import aiohttp
from aiohttp.abc import AbstractResolver
from yarl import URL

from .addresses import Resolve, allow_list, host_key, parse_ip_host, system_resolve, vet_host
from .errors import IntakeRefused, Reason

log = logging.getLogger(__name__)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_LINK_CHARS = 2048
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """How long and how much a fetch may take; the defaults suit one news page."""

    connect_timeout: float = 5.0  # per connection (and per DNS lookup)
    total_timeout: float = 10.0  # the whole fetch, redirects included
    max_bytes: int = 2 * 1024 * 1024  # body bytes read, after decompression
    max_redirects: int = 5


@dataclass(frozen=True)
class FetchedPage:
    """A page's bytes and how the server described them."""

    url: str  # the address the content came from, after redirects
    media_type: str  # lower case, without parameters: "text/html"
    charset: str | None  # as declared by the server
    data: bytes

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


class PinnedResolver(AbstractResolver):
    """A resolver that knows only the hosts the fetcher vetted, and only their vetted addresses.

    aiohttp asks it for every connection to a host name; anything not pinned is an error,
    never a fresh DNS lookup. (IP-literal hosts are connected to directly by aiohttp; they
    are vetted before the request and cannot rebind.)
    """

    def __init__(self) -> None:
        self._pins: dict[str, tuple[str, ...]] = {}

    def pin(self, host: str, addresses: Iterable[str]) -> None:
        self._pins[host_key(host)] = tuple(addresses)

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[dict]:
        addresses = self._pins.get(host_key(host))
        if not addresses:
            raise OSError(f"{host} was not vetted for this fetch")
        return [{"hostname": host, "host": address, "port": port,
                 "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST} for address in addresses]

    async def close(self) -> None:
        self._pins.clear()


def default_user_agent() -> str:
    try:
        version = metadata.version("showbot")
    except metadata.PackageNotFoundError:
        version = "dev"
    return (f"showbot/{version} (Discord news bot; fetches one article page when a server "
            f"admin adds it) aiohttp/{aiohttp.__version__}")


def parse_link(link: str, *, redirected: bool = False) -> URL:
    """A link as a URL to fetch, or a refusal: http(s), a host, no credentials.

    Accepts what people paste in Discord: surrounding spaces and `<...>` (which stops an
    embed preview).
    """
    text = link.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    what = "That link redirects to an address" if redirected else "That"
    if not text or len(text) > _MAX_LINK_CHARS or any(ch.isspace() for ch in text):
        raise IntakeRefused(f"{what} isn't a web address I can read: paste the full link, starting "
                            "with https://.", Reason.BAD_URL)
    try:
        url = URL(text)
    except (ValueError, TypeError):
        raise IntakeRefused(f"{what} isn't a web address I can read: paste the full link, starting "
                            "with https://.", Reason.BAD_URL) from None
    if not url.scheme:
        raise IntakeRefused(f"{what} isn't a full web address: paste the whole link, starting with "
                            "https://.", Reason.BAD_URL)
    if url.scheme not in ("http", "https"):
        raise IntakeRefused(f"Only http:// and https:// links can be fetched, not {url.scheme}:"
                            f"{' (after a redirect)' if redirected else ''}.", Reason.SCHEME)
    if not url.raw_host:
        raise IntakeRefused(f"{'That redirect' if redirected else 'That link'} has no site name in "
                            "it: paste the full link, starting with https://.", Reason.BAD_URL)
    if url.user is not None or url.password is not None:
        raise IntakeRefused("Links with a user name or password in them can't be fetched.",
                            Reason.BAD_URL)
    return url


async def fetch_page(link: str, *, allow_hosts: Iterable[str] = (), resolve: Resolve | None = None,
                     limits: FetchLimits = FetchLimits(), user_agent: str | None = None) -> FetchedPage:
    """Fetch an HTML or plain-text page safely; `IntakeRefused` says why not.

    `allow_hosts` exempts those hosts (names or addresses as written in the link) from the
    public-address rule, hop by hop: a redirect from an allowed host to another private
    one is still refused. `resolve` replaces the system's DNS lookup (for tests).
    """
    url = parse_link(link)
    allow = allow_list(allow_hosts)
    resolver = PinnedResolver()
    connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, force_close=True,
                                     limit=2)
    timeout = aiohttp.ClientTimeout(total=None, connect=limits.connect_timeout,
                                    sock_connect=limits.connect_timeout,
                                    sock_read=limits.total_timeout)
    headers = {"User-Agent": user_agent or default_user_agent(),
               "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9"}
    host = url.raw_host or ""
    try:
        async with asyncio.timeout(limits.total_timeout):
            async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers,
                                             cookie_jar=aiohttp.DummyCookieJar(),
                                             trust_env=False) as session:
                for hop in range(limits.max_redirects + 1):
                    host = url.raw_host or ""
                    url = await _vet_and_pin(url, resolver, allow, resolve or system_resolve,
                                             limits, redirected=hop > 0)
                    async with session.get(url, allow_redirects=False) as response:
                        if response.status in _REDIRECTS and "Location" in response.headers:
                            url = _redirect_target(url, response.headers["Location"])
                            log.info("fetch: %s redirects (%d) to %s", host, response.status, url)
                            continue
                        return await _read_page(url, response, limits)
                raise IntakeRefused(f"That link redirected more than {limits.max_redirects} times: "
                                    "link the article page itself.", Reason.REDIRECTS)
    except IntakeRefused:
        raise
    except (TimeoutError, asyncio.TimeoutError):
        raise IntakeRefused(f"{host} took too long to answer (more than {limits.total_timeout:g} "
                            "seconds): try again later, or upload the article as a file.",
                            Reason.TIMEOUT) from None
    except (aiohttp.ClientError, OSError) as exc:
        log.info("fetch of %s failed: %r", host, exc)
        raise IntakeRefused(f"I couldn't connect to {host}: {_connection_problem(exc)}.",
                            Reason.CONNECTION) from None


async def _vet_and_pin(url: URL, resolver: PinnedResolver, allow: frozenset[str], resolve: Resolve,
                       limits: FetchLimits, *, redirected: bool) -> URL:
    host = url.raw_host or ""
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = await vet_host(host, port, allow=allow, resolve=resolve,
                               timeout=limits.connect_timeout, redirected=redirected)
    literal = parse_ip_host(host)
    if literal is not None:
        # aiohttp connects to IP literals itself; write them canonically (2130706433 -> 127.0.0.1).
        return url.with_host(str(literal)) if str(literal) != host else url
    resolver.pin(host, addresses)
    return url


def _redirect_target(current: URL, location: str) -> URL:
    try:
        target = current.join(URL(location.strip()))
    except (ValueError, TypeError):
        raise IntakeRefused("That link redirects to an address I can't read: link the article page "
                            "itself.", Reason.BAD_URL) from None
    return parse_link(str(target), redirected=True)


async def _read_page(url: URL, response: aiohttp.ClientResponse, limits: FetchLimits) -> FetchedPage:
    host = url.raw_host
    if not 200 <= response.status < 300:
        reason = f" ({response.reason})" if response.reason else ""
        raise IntakeRefused(f"{host} answered {response.status}{reason} for that link, not the page.",
                            Reason.HTTP_STATUS)
    if "Content-Type" not in response.headers:
        raise IntakeRefused(f"{host} didn't say what kind of content that link is, so I can't read "
                            "it as an article.", Reason.CONTENT_TYPE)
    media = response.content_type.lower()
    if media not in HTML_TYPES | TEXT_TYPES:
        raise IntakeRefused(f"That link is {media} content, not a web page: link an article page "
                            "(HTML or plain text).", Reason.CONTENT_TYPE)
    shown = f"{limits.max_bytes / (1024 * 1024):g} MB"
    too_large = IntakeRefused(f"That page is larger than {shown}, too big for one article: upload "
                              "the article's text as a file instead.", Reason.TOO_LARGE)
    if response.content_length is not None and response.content_length > limits.max_bytes:
        raise too_large
    data = bytearray()
    async for chunk in response.content.iter_chunked(_CHUNK):
        data += chunk
        if len(data) > limits.max_bytes:
            raise too_large
    log.info("fetched %s: %s, %d bytes", url, media, len(data))
    return FetchedPage(url=str(url), media_type=media, charset=response.charset, data=bytes(data))


def _connection_problem(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return "its HTTPS certificate isn't valid"
    if isinstance(exc, aiohttp.ClientSSLError):
        return "the secure (HTTPS) connection failed"
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "the site refused the connection or can't be reached"
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError)):
        return "the connection broke off before the page arrived"
    if isinstance(exc, aiohttp.ClientResponseError):
        return "it sent an answer I couldn't read"
    return "the connection failed"
