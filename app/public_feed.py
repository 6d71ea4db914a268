"""``GET /public/gallery``: the public gallery as a cacheable HTTP resource.

The same page as the GraphQL field ``publicGallery``, run through the schema with an anonymous context (any
``Authorization`` or cookie header is dropped before the schema sees the request), so what it shows is exactly what
anyone may read: public fields, no ``likedByMe``. The body is deterministic for the same rows, so its SHA-256 is a
strong ``ETag``; a request whose ``If-None-Match`` names it gets ``304 Not Modified`` with no body.
``Cache-Control: public, max-age=N`` lets browsers and shared caches keep it for a short while; a like, an edit or a
newly published item changes the body and so the tag.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph.core.context import AppServices, Context

MAX_AGE_SECONDS = 30
ORDERS = ("NEWEST", "TRENDING")
FILTER_FIELDS = ("mode", "search", "createdAfter", "createdBefore")
FEED_QUERY = """
query PublicFeed($first: Int!, $after: String, $orderBy: PublicGalleryOrder!, $filter: PublicGalleryFilter) {
  publicGallery(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title tags mode prompt url width height likeCount createdAt author { displayName } } }
  }
}"""
DROPPED_HEADERS = (b"authorization", b"cookie")


def _variables(request: Request) -> dict[str, Any]:
    """The feed's variables from the query string (``first``, ``after``, ``orderBy``, ``mode``, ``tag`` repeated,
    ``search``, ``createdAfter``, ``createdBefore``); the schema checks their values."""
    params = request.query_params
    first = params.get("first", "20")
    wanted: dict[str, Any] = {k: params[k] for k in FILTER_FIELDS if params.get(k)}
    tags = params.getlist("tag")
    if tags:
        wanted["tags"] = tags
    return {
        "first": int(first) if first.isdigit() else -1,
        "after": params.get("after"),
        "orderBy": params.get("orderBy", "NEWEST"),
        "filter": wanted or None,
    }


def entity_tag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(header: str | None, tag: str) -> bool:
    if header is None:
        return False
    offered = [part.strip().removeprefix("W/") for part in header.split(",")]
    return "*" in offered or tag in offered


async def public_gallery(request: Request) -> Response:
    """The public gallery page the query string asks for, with ``ETag`` and ``Cache-Control``."""
    services: AppServices = request.app.state.services
    schema = request.app.state.schema
    scope = dict(request.scope)
    scope["headers"] = [(k, v) for k, v in request.scope.get("headers", []) if k.lower() not in DROPPED_HEADERS]
    context = Context(services=services, request=Request(scope), response=None)
    result = await schema.execute(FEED_QUERY, variable_values=_variables(request), context_value=context)
    if result.errors:
        errors = [{"message": e.message, "extensions": e.extensions or {}} for e in result.errors]
        return JSONResponse({"errors": errors}, status_code=400, headers={"Cache-Control": "no-store"})
    body = json.dumps(result.data["publicGallery"], separators=(",", ":"), sort_keys=True).encode()
    tag = entity_tag(body)
    headers = {"ETag": tag, "Cache-Control": f"public, max-age={MAX_AGE_SECONDS}", "Vary": "Accept-Encoding"}
    if _matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
