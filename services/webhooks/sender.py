"""One POST of a delivery to its endpoint, under the server-side request forgery guards of ``services.infra.egress``.

At every attempt the endpoint's host is resolved again and every answer must be a public address (unless
``WEBHOOKS_ALLOW_PRIVATE_ADDRESSES``); the request then goes to one of those vetted addresses (the host name still in
``Host`` and TLS SNI), so a DNS answer that changes between the check and the connection cannot point us inward.
Redirects are not followed (a 3xx is a failure), a 2xx within ``WEBHOOKS_TIMEOUT_SECONDS`` is a success, and at most
`RESPONSE_CAP` bytes of the answer are read (kept, cut, for the delivery log).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from services.infra.egress import (
    EgressRefused,
    IPAddress,
    Resolver,
    TargetURL,
    parse_target_url,
    pinned_request,
    resolve_host,
    vet_destination,
)

RESPONSE_CAP = 4096
"""Bytes of a receiver's answer read at most."""
USER_AGENT = "PresetPlayground-Webhooks/1"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt came to."""

    ok: bool
    status_code: int | None
    latency_ms: int | None
    error: str | None
    requested: bool
    """Whether a request left (False: refused before any connection, e.g. a private address)."""


class UnsafeURL(ValueError):
    """The URL is not one we deliver to (shape, scheme, or an address that is not public)."""


def check_url(url: str, *, https_only: bool) -> TargetURL:
    """The URL's shape (no network): http(s), no credentials, a valid host; ``https`` only when asked."""
    try:
        target = parse_target_url(url)
    except EgressRefused as error:
        raise UnsafeURL(error.message) from None
    if https_only and target.url.scheme != "https":
        raise UnsafeURL("only https URLs are accepted")
    return target


async def vet(target: TargetURL, *, allow_private: bool, resolver: Resolver = resolve_host) -> list[IPAddress]:
    """The public addresses of the target's host as DNS answers now; `UnsafeURL` when any is not public."""
    try:
        return await vet_destination(target, resolver=resolver, allow_private=allow_private)
    except EgressRefused as error:
        raise UnsafeURL(error.message) from None


def _request(target: TargetURL, address: IPAddress, body: bytes, headers: dict[str, str]) -> httpx.Request:
    return pinned_request(
        "POST",
        target,
        address,
        {**headers, "Content-Type": "application/json", "User-Agent": USER_AGENT},
        content=body,
    )


async def post(
    http: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    timeout_s: float,
    allow_private: bool,
    https_only: bool,
    resolver: Resolver = resolve_host,
) -> Outcome:
    """POST ``body`` to ``url``; never raises for the receiver's or the network's failures (they are the outcome)."""
    try:
        target = check_url(url, https_only=https_only)
        addresses = await vet(target, allow_private=allow_private, resolver=resolver)
    except UnsafeURL as error:
        return Outcome(False, None, None, f"refused: {error}", requested=False)
    started = time.perf_counter()
    try:
        # The whole attempt, answer included, within the timeout (a receiver that drips its answer is cut off).
        async with asyncio.timeout(timeout_s):
            response = await _send(http, target, addresses, body, headers, timeout_s)
            try:
                read = 0
                async for chunk in response.aiter_raw():
                    read += len(chunk)
                    if read >= RESPONSE_CAP:
                        break
            finally:
                await response.aclose()
    except TimeoutError:
        return Outcome(False, None, _ms(started), f"timed out after {timeout_s:g} s", requested=True)
    except httpx.HTTPError as error:
        return Outcome(False, None, _ms(started), f"{type(error).__name__}: {error}"[:500], requested=True)
    latency = _ms(started)
    code = response.status_code
    if 200 <= code < 300:
        return Outcome(True, code, latency, None, requested=True)
    reason = "redirects are not followed" if 300 <= code < 400 else "the receiver answered an error"
    return Outcome(False, code, latency, f"HTTP {code}: {reason}", requested=True)


async def _send(
    http: httpx.AsyncClient,
    target: TargetURL,
    addresses: list[IPAddress],
    body: bytes,
    headers: dict[str, str],
    timeout_s: float,
) -> httpx.Response:
    error: httpx.HTTPError | None = None
    for address in addresses:
        request = _request(target, address, body, headers)
        request.extensions["timeout"] = httpx.Timeout(timeout_s).as_dict()
        try:
            return await http.send(request, auth=None, follow_redirects=False, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            error = exc  # the next address, if any
    assert error is not None
    raise error


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
