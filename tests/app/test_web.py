"""The browser playground's serving: the built app at ``/`` with client routes, a clear page when it is not built,
where it is served at all, and development sign-in (``POST /dev/token``)."""

from __future__ import annotations

from pathlib import Path

import httpx
import jwt
import pytest
from starlette.applications import Starlette

from app.api import create_app
from app.web import IMMUTABLE
from services.core.config import Environment, Settings
from tests.conftest import TEST_REDIS_URL

INDEX = "<!doctype html><title>Preset Playground</title><div id=root></div>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    built = tmp_path / "dist"
    (built / "assets").mkdir(parents=True)
    (built / "index.html").write_text(INDEX)
    (built / "assets" / "index-abc123.js").write_text("console.log('app')")
    (built / "favicon.svg").write_text("<svg/>")
    return built


def make_settings(tmp_path: Path, **changes: object) -> Settings:
    fields: dict[str, object] = {"var_dir": tmp_path / "var", "jwt_secret": "s" * 40, **changes}
    return Settings(**fields)  # type: ignore[arg-type]


async def get(app: Starlette, path: str, **kwargs: object) -> httpx.Response:
    # Static routes need no lifespan (no database): plain requests against the ASGI app.
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        return await http.request("GET", path, **kwargs)  # type: ignore[arg-type]


async def post(app: Starlette, path: str, body: object | None = None, content: bytes | None = None) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        if content is not None:
            return await http.post(path, content=content)
        return await http.post(path, json=body)


async def test_built_app_is_served_at_root_and_for_client_routes(tmp_path: Path, dist: Path) -> None:
    app = create_app(make_settings(tmp_path), web_dist=dist)

    page = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}  # what a browser sends when it navigates
    root = await get(app, "/")
    deep = await get(app, "/gallery?tab=public", headers=page)
    nested = await get(app, "/batches/3f1c", headers=page)
    not_a_page = await get(app, "/jwt_secret")  # curl, scripts: no app for paths that are no file of the build

    for response in (root, deep, nested):
        assert response.status_code == 200
        assert response.text == INDEX
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["cache-control"] == "no-cache"
    assert not_a_page.status_code == 404


async def test_assets_and_root_files_are_served_and_missing_files_are_404(tmp_path: Path, dist: Path) -> None:
    (tmp_path / "secret.txt").write_text("outside the build")
    app = create_app(make_settings(tmp_path), web_dist=dist)

    asset = await get(app, "/assets/index-abc123.js")
    icon = await get(app, "/favicon.svg")
    missing_asset = await get(app, "/assets/gone.js")
    missing_file = await get(app, "/missing.js")
    escape = await get(app, "/..%2fsecret.txt", headers={"Accept": "text/html"})

    assert asset.status_code == 200
    assert asset.text == "console.log('app')"
    assert asset.headers["cache-control"] == IMMUTABLE
    assert icon.status_code == 200
    assert icon.text == "<svg/>"
    assert missing_asset.status_code == 404
    assert missing_file.status_code == 404
    assert escape.status_code == 404
    assert "outside" not in escape.text


async def test_the_api_keeps_its_paths(app: Starlette, settings: Settings, dist: Path) -> None:
    served = create_app(settings, web_dist=dist)
    served.state.services = app.state.services  # the session app's started runtime and database

    health = await get(served, "/healthz")
    graphql = await post(served, "/graphql", {"query": "{ capabilities { provider } }"})
    media = await get(served, "/media/nothing.png")

    assert health.json() == {"status": "ok"}
    assert graphql.json() == {"data": {"capabilities": {"provider": "simulator"}}}
    assert media.status_code == 403  # answered by /media (an unsigned link), not by the web client
    assert "signature" in media.text


async def test_without_built_assets_root_says_how_to_build_them(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "no-dist"
    with caplog.at_level("WARNING", logger="app.web"):
        app = create_app(make_settings(tmp_path), web_dist=missing)

    root = await get(app, "/")
    deep = await get(app, "/projects", headers={"Accept": "text/html"})
    health = await get(app, "/healthz")

    assert root.status_code == 503
    assert root.headers["content-type"].startswith("text/html")
    assert "The web client is not built" in root.text
    assert "npm ci" in root.text
    assert "npm run build" in root.text
    assert str(missing) in root.text
    assert deep.status_code == 503
    assert health.status_code == 200  # the API itself runs
    assert any("not built" in record.getMessage() for record in caplog.records)


def production_with_redis(tmp_path: Path, **changes: object) -> Settings:
    return make_settings(
        tmp_path,
        environment=Environment.PRODUCTION,
        redis_url=TEST_REDIS_URL,
        database_url="postgres://postgres@127.0.0.1:5432/unused",
        **changes,
    )


async def test_production_serves_the_built_app_at_root_but_no_dev_sign_in(tmp_path: Path, dist: Path) -> None:
    # As the image runs it: the build in WEB_DIST_DIR, PostgreSQL and Redis.
    app = create_app(production_with_redis(tmp_path, web_dist_dir=dist))

    root = await get(app, "/", headers={"accept": "text/html"})
    client_route = await get(app, "/gallery", headers={"accept": "text/html"})
    asset = await get(app, "/assets/index-abc123.js")
    token = await post(app, "/dev/token", {"sub": "mallory"})

    assert (root.status_code, root.text) == (200, INDEX)
    assert (client_route.status_code, client_route.text) == (200, INDEX)
    assert asset.status_code == 200
    assert token.status_code == 405  # only the app's GET route matches: nothing signs tokens


async def test_production_with_redis_and_no_build_serves_nothing_at_root(tmp_path: Path) -> None:
    app = create_app(production_with_redis(tmp_path), web_dist=tmp_path / "missing")

    root = await get(app, "/", headers={"accept": "text/html"})
    token = await post(app, "/dev/token", {"sub": "mallory"})

    assert root.status_code == 404
    assert token.status_code == 404


async def test_production_embedded_serves_the_app_but_mints_no_tokens(tmp_path: Path, dist: Path) -> None:
    app = create_app(make_settings(tmp_path, environment=Environment.PRODUCTION), web_dist=dist)

    root = await get(app, "/")
    token = await post(app, "/dev/token", {"sub": "mallory"})

    assert root.status_code == 200
    assert root.text == INDEX
    assert token.status_code == 405  # only the app's GET route matches: nothing signs tokens


async def test_dev_token_signs_a_user_token_the_api_accepts(tmp_path: Path, dist: Path) -> None:
    settings = make_settings(tmp_path)
    app = create_app(settings, web_dist=dist)

    response = await post(app, "/dev/token", {"sub": "alice", "name": "Alice A."})

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["expiresIn"] == 3600
    assert settings.jwt_secret is not None
    claims = jwt.decode(body["token"], settings.jwt_secret, algorithms=["HS256"])
    assert claims["sub"] == "alice"
    assert claims["name"] == "Alice A."
    assert claims["exp"] - claims["iat"] == 3600
    assert "app_metadata" not in claims
    assert "role" not in claims


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"not json", "JSON object"),
        (b"[1]", "JSON object"),
        (b"{}", "sub:"),
        (b'{"sub": ""}', "sub:"),
        (b'{"sub": "has space"}', "sub:"),
        (b'{"sub": "' + b"a" * 65 + b'"}', "sub:"),
        (b'{"sub": "alice", "name": 5}', "name:"),
        (b'{"sub": "alice", "name": "' + b"n" * 81 + b'"}', "name:"),
    ],
)
async def test_dev_token_refuses_bad_requests(tmp_path: Path, dist: Path, content: bytes, error: str) -> None:
    app = create_app(make_settings(tmp_path), web_dist=dist)

    response = await post(app, "/dev/token", content=content)

    assert response.status_code == 400
    assert error in response.json()["error"]
    assert "token" not in response.json()
