"""Which hosts a link may reach: public internet addresses only, unless allow-listed.

A link an admin pastes into Discord is fetched from inside the bot's network, so without
these checks `/knowledge add url:` could read cloud metadata (169.254.169.254), the
host's own services (127.0.0.1, [::1]) or an intranet. Every address a host name resolves
to must be a global unicast address, and IP literals are recognised in every spelling
that resolvers and browsers accept (2130706433, 0x7f.1, 0177.0.0.1, ::ffff:127.0.0.1),
so none can pass as a host name. Hosts on the allow-list (`SHOWBOT_FETCH_ALLOW_HOSTS`)
skip the address rule, matched by the name or address written in the link.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from ipaddress import IPv4Address, IPv6Address

from .errors import IntakeRefused, Reason

log = logging.getLogger(__name__)

IPAddress = IPv4Address | IPv6Address
#: Looks up a host name: (host, port) -> addresses as strings. Injected in tests.
Resolve = Callable[[str, int], Awaitable[Sequence[str]]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HEX = re.compile(r"0x[0-9a-f]*", re.IGNORECASE)
_OCTAL = re.compile(r"0[0-7]+")
_DECIMAL = re.compile(r"0|[1-9]\d*")
_HOST_PORT = re.compile(r"^(?:\[(?P<v6>[^\]]+)\]|(?P<name>[^:\[\]]+))(?::\d+)?$")


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (IPv4 and IPv6)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_ip_host(host: str) -> IPAddress | None:
    """The address a URL host denotes if it is an IP literal in any accepted spelling, else None.

    Raises ValueError for an all-numeric host that is no valid address (such as 1.2.3.999),
    which browsers reject as a URL.
    """
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    return _legacy_ipv4(text)


def _legacy_ipv4(text: str) -> IPv4Address | None:
    # inet_aton and the WHATWG URL standard: 1 to 4 parts, each decimal, 0x-hex or 0-octal;
    # the last part fills the remaining bytes (127.1 = 127.0.0.1, 2130706433 = 127.0.0.1).
    parts = text.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        if _HEX.fullmatch(part):
            numbers.append(int(part[2:] or "0", 16))
        elif _OCTAL.fullmatch(part):
            numbers.append(int(part, 8))
        elif _DECIMAL.fullmatch(part):
            numbers.append(int(part))
        else:
            return None  # a name (or not numeric all through): resolved and checked as a name
    *front, last = numbers
    if any(n > 255 for n in front) or last >= 256 ** (4 - len(front)):
        raise ValueError(f"{text!r} is not a valid IPv4 address")
    value = last
    for i, n in enumerate(front):
        value += n << (8 * (3 - i))
    return IPv4Address(value)


def is_public_address(address: IPAddress) -> bool:
    """True only for global unicast addresses, looking inside IPv6 forms that carry IPv4."""
    if isinstance(address, IPv6Address):
        embedded = address.ipv4_mapped
        if embedded is None and address in _NAT64:
            embedded = IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
        if address.sixtofour is not None and not is_public_address(address.sixtofour):
            return False
        if address.teredo is not None:
            return False
        if address.is_site_local:
            return False
    return not (address.is_private or address.is_loopback or address.is_link_local
                or address.is_multicast or address.is_reserved or address.is_unspecified
                or not address.is_global)


def host_key(host: str) -> str:
    """A host as compared with the allow-list: IPs canonical, names lower-case IDNA, no port."""
    text = host.strip().lower()
    match = _HOST_PORT.match(text)
    if match:
        text = match.group("v6") or match.group("name")
    text = text.rstrip(".")
    try:
        address = parse_ip_host(text)
    except ValueError:
        address = None
    if address is not None:
        return str(address)
    try:
        return text.encode("idna").decode("ascii")
    except UnicodeError:
        return text


def allow_list(hosts: Iterable[str]) -> frozenset[str]:
    """The allow-list entries (names or addresses, ports ignored) in comparable form."""
    return frozenset(host_key(h) for h in hosts if h and h.strip())


async def vet_host(host: str, port: int, *, allow: frozenset[str], resolve: Resolve,
                   timeout: float, redirected: bool = False) -> tuple[str, ...]:
    """The addresses `host` may be reached at, or a refusal.

    Allow-listed hosts are still resolved, so the connection can be pinned to the same
    addresses; only the public-address rule is waived for them.
    """
    allowed = host_key(host) in allow
    try:
        literal = parse_ip_host(host)
    except ValueError:
        raise IntakeRefused(f"{host} isn't a valid web address.", Reason.BAD_URL) from None
    if literal is not None:
        if not allowed and not is_public_address(literal):
            _refuse_private(host, [literal], redirected)
        return (str(literal),)
    name = host.rstrip(".").lower()
    if not allowed and (name == "localhost" or name.endswith(".localhost")):
        _refuse_private(host, [], redirected)
    try:
        found = await asyncio.wait_for(resolve(host, port), timeout)
    except (TimeoutError, asyncio.TimeoutError):
        raise IntakeRefused(f"Looking up {host} took too long; try again later.", Reason.TIMEOUT) from None
    except (OSError, UnicodeError) as exc:
        log.info("DNS lookup of %s failed: %s", host, exc)
        raise IntakeRefused(f"I couldn't find the site {host}: check the link.", Reason.DNS) from None
    addresses = []
    for text in found:
        try:
            addresses.append(ipaddress.ip_address(text))
        except ValueError:
            log.warning("resolver gave %r for %s, which is no address", text, host)
            raise IntakeRefused(f"I couldn't find the site {host}: check the link.", Reason.DNS) from None
    if not addresses:
        raise IntakeRefused(f"I couldn't find the site {host}: check the link.", Reason.DNS)
    if not allowed and not all(is_public_address(a) for a in addresses):
        _refuse_private(host, addresses, redirected)
    return tuple(dict.fromkeys(str(a) for a in addresses))


def _refuse_private(host: str, addresses: Sequence[IPAddress], redirected: bool) -> None:
    log.info("refused %s: not a public address (%s)", host, ", ".join(map(str, addresses)) or "local name")
    where = "redirects to" if redirected else "points to"
    # The resolved addresses stay in the log: the person asking need not learn the network.
    raise IntakeRefused(f"That link {where} a private or local network address, which I don't fetch: "
                        "link a public news page instead.", Reason.PRIVATE_ADDRESS)
