"""A local web site on 127.0.0.1 for the fetch tests, and spies that prove no connection."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>All of Us Are Dead season 2 confirmed | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="All of Us Are Dead season 2 confirmed">
<meta property="article:published_time" content="2022-06-06T10:00:00+09:00">
<link rel="canonical" href="/tv/aouad-season-2">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<nav><a href="/">Home</a> <a href="/tv">TV</a> <a href="/film">Film</a> <a href="/news">News</a></nav>
<article>
<h1>All of Us Are Dead season 2 confirmed</h1>
<p>Netflix has <strong>confirmed</strong> that <em>All of Us Are Dead</em> will return for a
second season, the streamer announced on Monday during its Geeked Week event.</p>
<h2>Who is coming back?</h2>
<p>Cho Yi-hyun returns as Choi Nam-ra, alongside Park Solomon as Lee Su-hyeok. The
returning cast was confirmed at a fan event in Seoul, where the director spoke about the
new episodes.</p>
<ul><li>Cho Yi-hyun as Choi Nam-ra</li><li>Park Solomon as Lee Su-hyeok</li></ul>
<p>Filming is expected to begin next year, according to the production company, with the
same writer returning to adapt the webcomic.</p>
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Ten zombie shows to watch next</a></li>
<li><a href="/b">The best K-dramas of the year</a></li></ul></aside>
<footer><p>Copyright 2021 Example News. All rights reserved.</p>
<p>Subscribe to our newsletter</p></footer>
</body></html>"""

PLAIN_ARTICLE = ("---\ntitle: Season 2 wraps filming\ndate: 2026-03-01\n---\n"
                 "Production on season 2 has wrapped, the studio said.\n")


@dataclass
class Site:
    """The running server, its base address, and what it saw."""

    server: TestServer
    hits: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    @property
    def port(self) -> int:
        return self.server.port


def _app(site: Site) -> web.Application:
    async def record(request: web.Request, handler):
        site.hits.append(request.path_qs)
        return await handler(request)

    async def article(request):
        return web.Response(text=ARTICLE_HTML, content_type="text/html", charset="utf-8")

    async def xhtml(request):
        return web.Response(text=ARTICLE_HTML, content_type="application/xhtml+xml")

    async def plain(request):
        return web.Response(text=PLAIN_ARTICLE, content_type="text/plain")

    async def png(request):
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png")

    async def json_(request):
        return web.json_response({"title": "not an article"})

    async def big(request):
        # 2 MB + 1 byte, streamed without a Content-Length
        size = int(request.query.get("size", 2 * 1024 * 1024 + 1))
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        chunk = b"<p>" + b"z" * 65_530 + b"</p>\n"
        sent = 0
        while sent < size:
            part = chunk[: size - sent]
            await response.write(part)
            sent += len(part)
        return response

    async def big_declared(request):
        response = web.StreamResponse(headers={"Content-Type": "text/html",
                                               "Content-Length": str(3 * 1024 * 1024)})
        await response.prepare(request)
        await response.write(b"<p>start</p>")  # the client should hang up before reading on
        return response

    async def slow(request):
        await site.release.wait()
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def stalled_body(request):
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        await response.write(b"<html><body><p>The first words")
        await site.release.wait()
        return response

    async def redirect(request):
        raise web.HTTPFound(request.query["to"])

    async def loop(request):
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/loop/{n + 1}")

    async def user_agent(request):
        return web.Response(text=request.headers.get("User-Agent", ""), content_type="text/plain")

    async def missing(request):
        raise web.HTTPNotFound()

    async def empty_page(request):
        return web.Response(text="<html><body><script>renderApp()</script></body></html>",
                            content_type="text/html")

    app = web.Application(middlewares=[web.middleware(record)])
    app.router.add_get("/article", article)
    app.router.add_get("/xhtml", xhtml)
    app.router.add_get("/plain", plain)
    app.router.add_get("/image", png)
    app.router.add_get("/json", json_)
    app.router.add_get("/big", big)
    app.router.add_get("/big-declared", big_declared)
    app.router.add_get("/slow", slow)
    app.router.add_get("/stalled", stalled_body)
    app.router.add_get("/redirect", redirect)
    app.router.add_get("/loop/{n}", loop)
    app.router.add_get("/missing", missing)
    app.router.add_get("/user-agent", user_agent)
    app.router.add_get("/app", empty_page)
    return app


@pytest.fixture
async def site():
    site = Site(server=None)  # type: ignore[arg-type]  # the app needs the Site first
    site.server = TestServer(_app(site), host="127.0.0.1")
    await site.server.start_server()
    try:
        yield site
    finally:
        site.release.set()  # let held handlers finish so the server closes at once
        await site.server.close()


@pytest.fixture
async def raw_server():
    """Start servers on 127.0.0.1 that send fixed bytes (for answers aiohttp.web won't send)."""
    servers = []

    async def start(answer: bytes) -> int:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(answer)
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        servers.append(server)
        return server.sockets[0].getsockname()[1]

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


@dataclass
class ConnectionSpy:
    """Every outgoing connection attempt made through the event loop."""

    attempts: list = field(default_factory=list)


@pytest.fixture
async def connections(monkeypatch) -> ConnectionSpy:
    spy = ConnectionSpy()
    loop = asyncio.get_running_loop()
    for name in ("sock_connect", "create_connection"):
        original = getattr(loop, name)

        def wrapper(*args, _original=original, _name=name, **kwargs):
            if kwargs.get("sock") is None:  # a socket handed over was recorded at sock_connect
                spy.attempts.append((_name, args[1:3]))
            return _original(*args, **kwargs)

        monkeypatch.setattr(loop, name, wrapper)
    return spy


class FakeDNS:
    """A resolver answering from a table; a host's answers are served in turn, the last repeated."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        answers = self.table.get(host)
        if answers is None:
            raise OSError(f"no such host {host}")
        turn = self.lookups.count(host) - 1
        return list(answers[min(turn, len(answers) - 1)])
