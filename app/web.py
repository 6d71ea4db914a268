"""The browser playground: the built single-page app (``web/``) at ``/``, and development sign-in.

The app talks to the API only through the public GraphQL endpoint. Its built assets are optional: the server starts
with Python alone, and without them ``/`` answers a page that says how to build them (``scripts/serve`` builds them
when Node.js is installed). ``POST /dev/token`` signs a user token for development sign-in; it exists only in
development, where anyone who can reach the server may sign in as anyone (the server binds 127.0.0.1 by default).
"""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from services.core.auth import issue_token
from services.core.config import Settings

log = logging.getLogger(__name__)

DEFAULT_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
DEV_TOKEN_TTL_SECONDS = 3600
SUBJECT = re.compile(r"[A-Za-z0-9._@-]{1,64}")
MAX_NAME_LENGTH = 80
# Hashed file names never change content: browsers may keep them for a year. index.html must always be re-read.
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preset Playground: the web client is not built</title>
<style>body{{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5}}
code,pre{{background:#f4f5f8;padding:.1em .3em;border-radius:4px}}pre{{padding:.75em}}</style></head>
<body><h1>The web client is not built</h1>
<p>The API is running, but the browser playground's files are missing (<code>{dist}</code>).
<code>scripts/serve</code> builds them when Node.js 20+ and npm are installed. To build them by hand:</p>
<pre>cd web &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>then reload this page. Meanwhile the API works as usual: GraphQL (and GraphiQL in development) is at
<a href="/graphql">/graphql</a>.</p></body></html>
"""


def web_dist(settings: Settings, dist: Path | None = None) -> Path:
    """Where the built playground is looked for."""
    return dist or settings.web_dist_dir or DEFAULT_DIST


def serves_web_client(settings: Settings, dist: Path | None = None) -> bool:
    """Whether ``/`` answers with the playground (or the page saying how to build it): wherever it is built, and
    anywhere but a production deployment with Redis."""
    built = (web_dist(settings, dist) / "index.html").is_file()
    return built or settings.is_development or not settings.redis_url


def web_routes(settings: Settings, dist: Path | None = None) -> list[BaseRoute]:
    """Routes to add after the API's own: development sign-in, then the app (or the how-to-build page).

    The app is served wherever it is built (the production image builds it into ``WEB_DIST_DIR``). Without a build,
    a production server with Redis (a deployment, not someone trying it out) answers 404 at ``/`` instead of the
    how-to-build page."""
    routes: list[BaseRoute] = []
    if settings.is_development and settings.hs256_secret is not None:
        routes.append(Route("/dev/token", DevToken(settings), methods=["POST"]))
    dist = web_dist(settings, dist)
    built = (dist / "index.html").is_file()
    if not serves_web_client(settings, dist):
        log.info("web client: not built (%s missing); / is not served", dist)
        return routes
    if built:
        log.info("web client: serving %s at /", dist)
        if (dist / "assets").is_dir():
            routes.append(Mount("/assets", ImmutableFiles(directory=dist / "assets"), name="web-assets"))
    else:
        log.warning(
            "web client: not built (%s missing); / explains how to build it: cd web && npm ci && npm run build", dist
        )
    routes.append(Route("/{path:path}", SinglePageApp(dist), methods=["GET", "HEAD"]))
    return routes


class ImmutableFiles(StaticFiles):
    """Hashed build assets, cached for good."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = IMMUTABLE
        return response


class SinglePageApp:
    """A file of the build when one matches the path; else, for a page load (``Accept: text/html``, as browsers send
    when they navigate), ``index.html``, so client routes (``/gallery``) load the app. Anything else is a 404: a
    missing file (``/missing.js``), or a non-browser request for a path that is no file of the build."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope)
        page_load = "text/html" in request.headers.get("accept", "")
        response = self.response(request.path_params.get("path", ""), page_load=page_load)
        await response(scope, receive, send)

    def response(self, path: str, *, page_load: bool) -> Response:
        index = self.dist / "index.html"
        not_found = Response("Not Found", status_code=404, media_type="text/plain")
        if path and not page_load:
            candidate = (self.dist / path).resolve()
            inside = candidate.is_relative_to(self.dist) and candidate.is_file()
            return FileResponse(candidate, headers={"Cache-Control": NO_CACHE}) if inside else not_found
        if not index.is_file():
            page = NOT_BUILT_PAGE.format(dist=html.escape(str(self.dist)))
            return HTMLResponse(page, status_code=503, headers={"Cache-Control": NO_CACHE})
        if path:
            candidate = (self.dist / path).resolve()
            if candidate.is_relative_to(self.dist) and candidate.is_file():
                return FileResponse(candidate, headers={"Cache-Control": NO_CACHE})
            if "." in path.rsplit("/", 1)[-1]:
                return not_found
        return FileResponse(index, headers={"Cache-Control": NO_CACHE})


class DevToken:
    """``POST /dev/token`` ``{"sub": "alice", "name": "Alice"}`` → ``{"token": …, "expiresIn": 3600}``: a user token
    (never an administrator's), for the playground's development sign-in."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.response(Request(scope, receive))
        await response(scope, receive, send)

    async def response(self, request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return _refuse('send a JSON object such as {"sub": "alice"}')
        if not isinstance(body, dict):
            return _refuse('send a JSON object such as {"sub": "alice"}')
        subject, name = body.get("sub"), body.get("name")
        if not isinstance(subject, str) or not SUBJECT.fullmatch(subject):
            return _refuse("sub: 1-64 letters, digits or . _ @ -")
        if name is not None and (not isinstance(name, str) or len(name.strip()) > MAX_NAME_LENGTH):
            return _refuse(f"name: at most {MAX_NAME_LENGTH} characters")
        token = issue_token(
            self.settings, subject, name=(name or "").strip() or None, ttl_seconds=DEV_TOKEN_TTL_SECONDS
        )
        log.info("development token issued for %s", subject)
        return JSONResponse({"token": token, "expiresIn": DEV_TOKEN_TTL_SECONDS}, headers={"Cache-Control": "no-store"})


def _refuse(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=400)
