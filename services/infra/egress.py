"""Requests to URLs that users give us (reference images to fetch, webhook endpoints): the server-side request
forgery guards, shared by every domain that makes such a request.

- only ``http`` and ``https``; no userinfo (``http://a@b/``); the host must be a plain DNS name or a canonical IP
  literal: numeric spellings that resolvers interpret (``2130706433``, ``0x7f.1``, ``127.1``) are refused;
- the host is resolved once, by us, and refused if *any* address is not globally routable (loopback, private,
  link-local including cloud metadata, carrier-grade NAT, multicast, reserved, unspecified, documentation ranges,
  and IPv6 outside global unicast; IPv4-mapped and 6to4 addresses are judged by the IPv4 address they embed);
- the request then goes to the vetted IP literal itself (``pinned_request``), with the original ``Host`` header and,
  for https, the ``sni_hostname`` extension (httpcore uses it for SNI *and* certificate verification), so a DNS
  answer that changes between our check and the connection (DNS rebinding) cannot redirect us; ``Connection:
  close``, so a connection opened for one host name is never reused for another on the same IP.

``allow_private=True`` lifts the address check (development against local servers, tests); nothing else.
Refusals are ``EgressRefused`` (an ``InvalidInput``: a ``userErrors`` entry) whose ``reason`` says why.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx

from services.core.errors import InvalidInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], Awaitable[list[str]]]


class Refusal(StrEnum):
    BAD_URL = "BAD_URL"
    BLOCKED_ADDRESS = "BLOCKED_ADDRESS"
    FETCH_FAILED = "FETCH_FAILED"


class EgressRefused(InvalidInput):
    """A URL we will not send a request to, or could not reach; ``reason`` is the machine-readable why."""

    def __init__(self, reason: Refusal | str, message: str, field: list[str] | None = None) -> None:
        super().__init__(message, field, reason=str(reason))
        self.reason = reason


# --- addresses -------------------------------------------------------------------------------------------------

_IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_IPV6_6TO4 = ipaddress.IPv6Network("2002::/16")
_IPV6_TEREDO = ipaddress.IPv6Network("2001::/32")
_IPV4_SHARED = ipaddress.IPv4Network("100.64.0.0/10")  # carrier-grade NAT; some clouds' metadata lives here


def is_blocked_address(address: IPAddress) -> bool:
    """True unless ``address`` is a globally routable unicast address we may connect to for a user."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_blocked_address(address.ipv4_mapped)
        if address in _IPV6_6TO4:
            return address.sixtofour is None or is_blocked_address(address.sixtofour)
        if address not in _IPV6_GLOBAL_UNICAST or address in _IPV6_TEREDO or address.is_site_local:
            return True
    elif address in _IPV4_SHARED:
        return True
    return (
        not address.is_global
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


async def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to, without blocking the event loop (``loop.getaddrinfo``)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# --- URLs ------------------------------------------------------------------------------------------------------

_HOSTNAME_RE = re.compile(r"[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?")
MAX_URL_LENGTH = 2048  # the longest URL we keep (a reference's source_url, a webhook endpoint)
MAX_HOST_LENGTH = 253  # DNS: a name is at most 253 characters in text form, each label 1-63
MAX_LABEL_LENGTH = 63
_NUMERIC_LABEL_RE = re.compile(r"[0-9]+|0x[0-9a-f]*")


@dataclass(frozen=True, slots=True)
class TargetURL:
    """A URL we are willing to try: http(s), no userinfo, a plain host name or a canonical IP literal."""

    url: httpx.URL  # as the user wrote it (fragment dropped)
    host: str  # ASCII (IDNA) host name, or the IP literal without brackets
    port: int
    ip: IPAddress | None  # set when the URL names an IP literal


def parse_target_url(url: str | httpx.URL) -> TargetURL:
    """Check the shape of a URL a user gave us (no network); ``EgressRefused(BAD_URL)`` when it is unacceptable."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise EgressRefused(Refusal.BAD_URL, "the URL is not valid") from None
    if parsed.scheme not in ("http", "https"):
        raise EgressRefused(Refusal.BAD_URL, "only http and https URLs are accepted")
    if parsed.userinfo:
        raise EgressRefused(Refusal.BAD_URL, "URLs with a user name or password are not accepted")
    host = parsed.raw_host.decode("ascii").lower()
    if not host:
        raise EgressRefused(Refusal.BAD_URL, "the URL has no host")
    ip: IPAddress | None
    if ":" in host:
        try:
            ip = ipaddress.IPv6Address(host)
        except ValueError:
            raise EgressRefused(Refusal.BAD_URL, "the URL's IPv6 address is not valid") from None
        if ip.scope_id:
            raise EgressRefused(Refusal.BAD_URL, "IPv6 zone identifiers are not accepted")
    else:
        if not _HOSTNAME_RE.fullmatch(host):
            raise EgressRefused(Refusal.BAD_URL, "the URL's host name is not valid")
        host = host.rstrip(".")
        _check_dns_name(host)
        ip = None
        # As in the WHATWG URL standard: a host whose last label is a number is an IPv4 address. Only the
        # canonical dotted quad is accepted; resolvers read 2130706433, 0x7f.1 or 127.1 as 127.0.0.1.
        if _NUMERIC_LABEL_RE.fullmatch(host.rsplit(".", 1)[-1]):
            try:
                ip = ipaddress.IPv4Address(host)
            except ValueError:
                raise EgressRefused(Refusal.BAD_URL, "IP addresses must be written as four decimal numbers") from None
            host = str(ip)
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise EgressRefused(Refusal.BAD_URL, "the URL's port must be between 1 and 65535")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return TargetURL(url=parsed.copy_with(fragment=None), host=host, port=port, ip=ip)


def _check_dns_name(host: str) -> None:
    """A host name the resolver can take: lengths within DNS limits, no label starting or ending with a hyphen, and
    IDNA labels (``xn--``) that decode. (Past these, the resolver's IDNA codec would raise instead of answering.)"""
    labels = host.split(".")
    if len(host) > MAX_HOST_LENGTH or any(len(label) > MAX_LABEL_LENGTH for label in labels):
        raise EgressRefused(
            Refusal.BAD_URL,
            f"the URL's host name is too long (at most {MAX_HOST_LENGTH} characters, {MAX_LABEL_LENGTH} per label)",
        )
    for label in labels:
        if label.startswith("-") or label.endswith("-"):
            raise EgressRefused(Refusal.BAD_URL, "the URL's host name is not valid")
        if label.startswith("xn--"):
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError:
                raise EgressRefused(Refusal.BAD_URL, "the URL's host name is not valid IDNA") from None


async def vet_destination(target: TargetURL, *, resolver: Resolver, allow_private: bool = False) -> list[IPAddress]:
    """The addresses we may connect to for ``target``; ``BLOCKED_ADDRESS`` if any address it names is not public."""
    if target.ip is not None:
        addresses: list[IPAddress] = [target.ip]
    else:
        if not allow_private and (target.host == "localhost" or target.host.endswith(".localhost")):
            raise EgressRefused(Refusal.BLOCKED_ADDRESS, "the URL points to a local address")
        try:
            resolved = await resolver(target.host)
        except UnicodeError:
            # The resolver's IDNA codec refused the name (parse_target_url checks what it knows of first).
            raise EgressRefused(Refusal.BAD_URL, "the URL's host name is not valid") from None
        except OSError:
            raise EgressRefused(Refusal.FETCH_FAILED, f"could not resolve {target.host}") from None
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolved]  # no IPv6 zone ids
        except ValueError:
            raise EgressRefused(Refusal.FETCH_FAILED, f"could not resolve {target.host}") from None
        if not addresses:
            raise EgressRefused(Refusal.FETCH_FAILED, f"could not resolve {target.host}")
    if not allow_private and any(is_blocked_address(a) for a in addresses):
        raise EgressRefused(Refusal.BLOCKED_ADDRESS, "the URL points to a private or reserved address")
    return addresses


def pinned_request(
    method: str,
    target: TargetURL,
    address: IPAddress,
    headers: Mapping[str, str],
    *,
    content: bytes | None = None,
    timeout_s: float | None = None,
) -> httpx.Request:
    """A request for ``target`` that connects to the vetted ``address`` while naming the original host to the server.

    Built from scratch: none of a client's default headers, cookies or auth ride along (send it with ``auth=None``
    and ``follow_redirects=False``).
    """
    extensions: dict[str, Any] = {}
    if timeout_s is not None:
        extensions["timeout"] = httpx.Timeout(timeout_s).as_dict()
    if target.url.scheme == "https" and target.ip is None:
        extensions["sni_hostname"] = target.host  # SNI and certificate verification use the name, not the IP
    return httpx.Request(
        method,
        target.url.copy_with(host=str(address)),
        content=content,
        headers={
            **headers,
            "Host": target.url.netloc.decode("ascii"),
            # No keep-alive: a pooled connection is keyed by IP, and must not serve another host name later.
            "Connection": "close",
        },
        extensions=extensions,
    )
