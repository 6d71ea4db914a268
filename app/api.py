"""The API's composition root: the Starlette app with GraphQL (HTTP + WebSocket), health checks and media."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import re
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import structlog
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.graphql import OperationType
from strawberry.types.unset import UnsetType
from tortoise import Tortoise
from tortoise.contrib.starlette import RegisterTortoise

from app import public_feed, tracing, web
from app.logs import register_secrets
from app.media import MediaFiles
from app.metrics import metrics_endpoint
from app.provider_webhooks import wavespeed_webhook
from app.runtime import build_runtime, link_signer, storage_for
from app.schema import SHARED_SUBSCRIPTION, create_schema
from app.websocket import RAW_SEND, ProgressFanout, TransportWSHandler, WebSocketAdapter
from graph.core.context import AppServices, Context
from graph.core.persisted import PersistedDocuments, PersistedQueryRefused
from models.keys import ApiKeyScope
from services.core import db
from services.core.auth import TokenVerifier
from services.core.config import Settings, load_settings, rate_limit_disabled
from services.core.errors import Unauthenticated
from services.generation import capabilities, provider_webhooks
from services.generation.capabilities import MAX_REFERENCE_BYTES
from services.generation.reconcile import reconcile
from services.generation.retention import schedule_retention
from services.infra import metrics
from services.infra.documents import DocumentStore, load_manifest
from services.infra.outage import Outage
from services.infra.rate_limits import Budget, RequestRateLimiter, create_rate_limiter
from services.infra.storage import LocalStorage
from services.keys import ApiKeyVerifier
from services.users import UserCache

log = logging.getLogger(__name__)
READINESS_TIMEOUT_S = 2.0
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class GraphQLView(GraphQL[Context, None]):
    """Strawberry's ASGI view with our context and connect-time WebSocket authentication; sockets speak
    graphql-transport-ws through ``app.websocket`` (shared subscription fan-out, caps, timers)."""

    graphql_transport_ws_handler_class = TransportWSHandler
    websocket_adapter_class = WebSocketAdapter
    max_message_bytes = 1024 * 1024
    """The largest WebSocket message accepted (set to the HTTP JSON body cap in ``create_app``)."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        socket = scope["type"] == "websocket"
        if socket:
            metrics.WEBSOCKETS_OPEN.inc()
        try:
            if scope["type"] == "http":
                await self.handle_http(scope, receive, send)
            else:
                await super().__call__(scope, receive, send)
        finally:
            if socket:
                metrics.WEBSOCKETS_OPEN.dec()

    async def handle_http(self, scope: Any, receive: Any, send: Any) -> None:
        """Strawberry's HTTP handling, with its request errors (bad JSON, wrong shapes) as GraphQL-style bodies."""
        try:
            response: Response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = bad_request(error.status_code, error.reason)
        except PersistedQueryRefused as error:
            # Apollo's and urql's clients read these bodies as they are (PersistedQueryNotFound: HTTP 200, no data).
            response = JSONResponse(error.body, status_code=error.status)
        if scope["method"] == "GET":
            # Only an answer ``execute_single`` found cacheable says so; anything else over GET (a refusal, a
            # PersistedQueryNotFound the client is about to follow with the text, a 400) is never stored.
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("Vary", "Authorization")
        await response(scope, receive, send)

    async def execute_single(
        self,
        request: Any,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Any,
        context: Context,
        root_value: None,
        request_data: Any,
    ) -> ExecutionResult:
        """Strawberry's single-operation execution with subscriptions refused over plain HTTP: Strawberry would run
        one as a query and mask the result (``Cannot return null``); they live on the WebSocket. Over GET only
        persisted queries run (``extensions.persistedQuery``, so that caches can serve them), and only queries:
        a document sent as text over GET, and any mutation, is answered with a 400 naming POST.

        The document is the request's text or the persisted one its hash names (``graph.core.persisted``)."""
        documents: PersistedDocuments = request.app.state.documents  # made from the settings in create_app
        if request_adapter.method == "POST":
            allowed = {OperationType.QUERY, OperationType.MUTATION}
        elif documents.requested(request_data.extensions):
            allowed = {OperationType.QUERY}
        else:
            allowed = set()
        resolved = await documents.resolve(request_data.query, request_data.extensions)
        try:
            result = await self.schema.execute(
                resolved.text,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as error:
            raise HTTPException(400, error.as_http_error_reason()) from error
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.SUBSCRIPTION:
                raise HTTPException(
                    400, "subscriptions run over the WebSocket at /graphql (graphql-transport-ws), not over HTTP"
                ) from error
            raise HTTPException(400, f"send {error.operation_type.value} operations with POST") from error
        except MissingQueryError as error:
            raise HTTPException(400, "No GraphQL query found in the request") from error
        await documents.ran(resolved, result.errors, signed_in=context.signed_in)
        if request_adapter.method == "GET" and isinstance(sub_response, Response):
            sub_response.headers["Cache-Control"] = self.cache_control(request, context, result)
            sub_response.headers["Vary"] = "Authorization"
        return result

    @staticmethod
    def cache_control(request: Request, context: Context, result: ExecutionResult) -> str:
        """``Cache-Control`` of a persisted query answered over GET: ``public`` (caches and CDNs may serve it to
        anyone, ``GRAPHQL_GET_MAX_AGE_SECONDS``) only when nothing in it depends on the caller (no
        ``Authorization`` sent, no user read) and it has no errors (a rate limit or an outage would be cached)."""
        max_age = context.services.settings.graphql_get_max_age_seconds
        if "authorization" in request.headers or context.identity is not None or context.known_user is not None:
            return "private, no-store"
        if result.errors or max_age == 0:
            return "no-store"
        return f"public, max-age={max_age}"

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET naming a persisted query has no `query` parameter either: it is an operation, not a visit.
        return "extensions" not in request.query_params and super().should_render_graphql_ide(request)

    def decode_json(self, data: str | bytes) -> object:
        try:
            # Decoded here as UTF-8, strictly: json.loads would guess UTF-16 or UTF-32 from the first bytes of a
            # bytes body and run it, where the README promises a 400 for any body that is not UTF-8.
            text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
            if "\x00" in text:  # UTF-16 or UTF-32 without a byte order mark reads as valid UTF-8 with NULs
                raise UnicodeError("NUL in the body")
            return json.loads(text, parse_constant=_not_json)
        except (UnicodeError, RecursionError) as error:
            # Invalid UTF-8, or JSON nested deeper than the parser goes: the client's fault, like any bad JSON.
            raise HTTPException(400, "the request body must be UTF-8 JSON, not nested too deep") from error
        except ValueError as error:
            # Bad JSON (JSONDecodeError), NaN or Infinity (not JSON, though Python reads them), or an integer longer
            # than Python converts (4,300 digits).
            raise HTTPException(400, "Unable to parse request body as JSON") from error

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, str]:
        """Strawberry's multipart parsing, refusing a ``map`` that gives one file to two or more variables: the same
        open file would reach two resolvers, the second finding it read and closed (a masked error, with the first
        upload kept though the client got no id for it)."""
        try:
            form_data = await request.get_form_data()
        except ValueError as error:
            raise HTTPException(400, "Unable to parse the multipart body") from error
        try:
            operations: Any = form_data.form.get("operations", "{}")
            files_map: Any = form_data.form.get("map", "{}")
            if isinstance(operations, bytes | str):
                operations = self.parse_json(operations)
            if isinstance(files_map, bytes | str):
                files_map = self.parse_json(files_map)
            if not isinstance(files_map, dict) or not all(isinstance(paths, list) for paths in files_map.values()):
                raise HTTPException(400, "map must be an object of file names to lists of variable paths")
            for name, paths in files_map.items():
                if len(paths) != 1:
                    raise HTTPException(
                        400, f"file {name!r} is mapped to {len(paths)} variables; map each file to exactly one"
                    )
            try:
                return replace_placeholders_with_files(operations, files_map, form_data.files)
            except KeyError as error:
                raise HTTPException(400, "File(s) missing in form data") from error
        except HTTPException:
            for file in form_data.files.values():  # refused before any resolver could close them
                if isinstance(file, UploadFile):
                    await file.close()
            raise

    def parse_json(self, data: str | bytes) -> Any:
        parsed = super().parse_json(data)
        if not isinstance(parsed, dict | list):
            raise HTTPException(400, "the request body must be a JSON object")
        return parsed

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        services: AppServices = request.app.state.services
        return Context(
            services=services, request=request, response=response if isinstance(response, Response) else None
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        try:
            user = await context.user()
        except Unauthenticated as error:
            raise ConnectionRejectionError({"message": error.message}) from error
        scopes = context.identity.scopes if context.identity is not None else None
        if scopes is not None and ApiKeyScope.READ not in scopes:
            # Every subscription needs READ, and the shared batchProgress path does not run the scope guard.
            raise ConnectionRejectionError({"message": "a WebSocket needs an API key with the READ scope"})
        # The handler (app/websocket/handler.py) closes the socket with 4403 when the token expires.
        return {"userId": str(user.id)}


def _not_json(constant: str) -> object:
    """``json.loads`` reads NaN, Infinity and -Infinity, which JSON does not have: refuse them in request bodies."""
    raise ValueError(f"{constant} is not JSON")


class RequestId:
    """Gives every HTTP request and WebSocket a request id (the client's ``X-Request-ID`` when it is sane, else a new
    one), bound into the logging context for everything the request runs and sent back as ``X-Request-ID``."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        header = (b"x-request-id", request_id.encode())

        async def send_with_id(message: Any) -> None:
            if message["type"] in ("http.response.start", "websocket.accept"):
                message = {**message, "headers": [*message.get("headers", []), header]}
            await send(message)

        if scope["type"] == "websocket":
            # The server's own send, for the frames app/websocket fans out after the handshake: thousands per
            # event, each spared the wrappers (this one, Starlette's) that only matter for the handshake and close.
            scope[RAW_SEND] = send

        # A fresh logging context per request; what the request binds (user, batch) ends with it. (A server runs
        # each request in a task of its own anyway; an in-process caller, such as a test client, does not.)
        outer = structlog.contextvars.get_contextvars()
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            structlog.contextvars.clear_contextvars()
            structlog.contextvars.bind_contextvars(**outer)


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Readiness, per component: ``database`` (a query answers), ``redis`` (the queue's Redis answers a PING;
    ``disabled`` in the embedded mode) and ``bus`` (the progress listener is connected). 503 when a component that
    ``READINESS_REQUIRES`` names is down; the others are reported and do not fail it. Reasons go to the log (once per
    outage), never into the response."""
    services: AppServices = request.app.state.services
    required = set(services.settings.readiness_requires)
    states = {
        "database": "ok" if await _database_answers(request.app.state.database_outage) else "down",
        "redis": ("ok" if await services.outbox.healthy() else "down") if services.settings.redis_url else "disabled",
        "bus": "ok" if services.bus.healthy else "down",
    }
    components = {name: {"status": state, "required": name in required} for name, state in states.items()}
    ready = all(state != "down" or name not in required for name, state in states.items())
    # What this process's reconciler did (never fails readiness: it waits for the others).
    reconciler = request.app.state.reconciler.state.as_json()
    return JSONResponse(
        {"status": "ok" if ready else "unavailable", "components": components, "reconciler": reconciler},
        status_code=200 if ready else 503,
    )


async def _database_answers(outage: Outage) -> bool:
    try:
        async with asyncio.timeout(READINESS_TIMEOUT_S):
            await Tortoise.get_connection("default").execute_query("SELECT 1")
    except Exception as error:  # any failure means "not ready"
        outage.failed(error, "readiness check")
        return False
    outage.succeeded()
    return True


class RequestGuard:
    """In front of the GraphQL endpoint: a CSRF guard for multipart uploads and a cap on request bodies.

    A browser cannot send a custom header cross-site without a CORS preflight, so multipart requests must carry
    ``X-Playground-Upload`` (``Apollo-Require-Preflight`` also works). Bodies are capped (JSON 1 MiB, multipart the
    largest reference image plus room for the form) so that nobody can make the server buffer gigabytes.
    """

    HEADERS = (b"x-playground-upload", b"apollo-require-preflight")
    MAX_JSON_BYTES = 1024 * 1024
    MAX_MULTIPART_BYTES = MAX_REFERENCE_BYTES + 256 * 1024

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        multipart = headers.get(b"content-type", b"").lower().startswith(b"multipart/")
        if multipart and not any(h in headers for h in self.HEADERS):
            await self._refuse(scope, receive, send, 400, "multipart requests need the header X-Playground-Upload: 1")
            return
        limit = self.MAX_MULTIPART_BYTES if multipart else self.MAX_JSON_BYTES
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, 413, f"request bodies are limited to {limit} bytes")
            return
        # The body is read here, up to the cap, so that one sent without a Content-Length (chunked) that grows past
        # it is answered 413 too; the application then reads what was buffered.
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > limit:
                await self._refuse(scope, receive, send, 413, f"request bodies are limited to {limit} bytes")
                return
        buffered: list[dict[str, Any]] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def replay() -> Any:
            return buffered.pop() if buffered else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Any, receive: Any, send: Any, status: int, message: str) -> None:
        await bad_request(status, message)(scope, receive, send)


def bad_request(status: int, message: str) -> JSONResponse:
    """A request refused before GraphQL runs, in the GraphQL error shape clients already read."""
    code = "PAYLOAD_TOO_LARGE" if status == 413 else "BAD_REQUEST"
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status)


@contextlib.asynccontextmanager
async def rate_limiter(settings: Settings) -> AsyncIterator[RequestRateLimiter]:
    """The per-user request budgets of ``settings`` (in Redis when it is configured, shared by every replica)."""
    rates = {
        Budget.OPERATIONS: settings.rate_limit_operations,
        Budget.GENERATE: settings.rate_limit_generate,
        Budget.UPLOADS: settings.rate_limit_uploads,
        Budget.UPLOAD_BYTES: settings.rate_limit_upload_bytes,
    }
    limiter = create_rate_limiter(
        settings.redis_url,
        {budget: rate for budget, rate in rates.items() if not rate_limit_disabled(rate)},
        key_prefix=f"{settings.redis_namespace}:rates",
    )
    try:
        yield limiter
    finally:
        await limiter.close()


def persisted_documents(settings: Settings) -> PersistedDocuments:
    """Persisted queries and trusted documents as ``settings`` say (the manifest is read, and checked, here: a
    manifest that cannot be used stops the process at start)."""
    store = (
        DocumentStore(settings.redis_url, namespace=settings.redis_namespace)
        if settings.graphql_persisted_queries
        else None
    )
    manifest = settings.graphql_trusted_documents
    return PersistedDocuments(
        store=store,
        trusted=load_manifest(manifest) if manifest is not None else None,
        trusted_only=settings.graphql_trusted_documents_only,
    )


def create_app(settings: Settings | None = None, *, web_dist: Path | None = None) -> Starlette:
    """Build the app; with no settings, they are read from the environment. Traced when an OTLP endpoint is set
    (``app/tracing.py``). ``web_dist``: the built web client (default ``web/dist``; see ``app/web.py``)."""
    settings = settings or load_settings()
    capabilities.check_prices(settings)
    tracing.configure_tracing("playground-api")
    tracer_provider = tracing.tracer_provider()
    storage = storage_for(settings)
    if isinstance(storage, LocalStorage):
        storage.root.mkdir(parents=True, exist_ok=True)
    view = GraphQLView(
        create_schema(settings, tracer_provider=tracer_provider),
        graphql_ide="graphiql" if settings.is_development else None,
        allow_queries_via_get=False,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        connection_init_wait_timeout=timedelta(seconds=settings.ws_init_timeout_seconds),
        max_subscriptions_per_connection=settings.ws_max_operations,
        allowed_origins=tuple(settings.allowed_origins),
        multipart_uploads_enabled=True,
    )
    view.max_message_bytes = RequestGuard.MAX_JSON_BYTES  # WebSocket messages are capped like HTTP bodies

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        url = settings.resolved_database_url
        if settings.is_sqlite:
            # The embedded default migrates itself; production runs `playground migrate` before rolling out.
            await db.migrate(url)
        async with (
            RegisterTortoise(app, config=db.tortoise_config(url)),
            build_runtime(settings) as runtime,
            rate_limiter(settings) as limiter,
        ):
            api_keys = ApiKeyVerifier(settings.api_key_hash_secret, cache_seconds=settings.api_key_cache_seconds)
            app.state.services = AppServices(
                settings=settings,
                verifier=TokenVerifier(settings, keys=api_keys),
                bus=runtime.bus,
                outbox=runtime.outbox,
                storage=runtime.storage,
                publisher=runtime.publisher,
                http=runtime.http,
                rate_limiter=limiter,
                api_keys=api_keys,
                user_cache=UserCache(ttl_seconds=settings.user_cache_seconds),
            )
            register_secrets(settings.secret_values())  # now with the development key, if that is the one in use
            app.state.webhooks = runtime.webhooks  # the webhook recorder (tests follow a batch with it)
            app.state.schema = view.schema  # GET /public/gallery runs its fixed query through it
            app.state.database_outage = Outage("the database", logger=log)
            app.state.reconciler = runtime.reconciler
            app.state.fanout = ProgressFanout(
                view.schema,
                app.state.services,
                view.encode_json,
                shared=SHARED_SUBSCRIPTION,
                max_sockets_per_user=settings.ws_max_sockets_per_user,
                max_subscriptions_per_user=settings.ws_max_subscriptions_per_user,
            )
            # Batches left open by a previous run (a crash, a restart) are queued again; SQL is the record.
            await reconcile(runtime.outbox, runtime.publisher)
            await schedule_retention(settings)  # storage retention runs on its schedule from here (outbox)
            # What startup built (schema, ORM metadata, modules) lives as long as the process: keep it out of the
            # collector's full passes, which otherwise walk it again and again while thousands of idle sockets
            # allocate their keep-alive pings (measured: most of an idle server's CPU).
            gc.collect()
            gc.freeze()
            try:
                yield
            finally:
                await app.state.fanout.close()
                if app.state.documents.store is not None:
                    await app.state.documents.store.close()
        await asyncio.to_thread(tracing.flush_tracing)

    middleware = [Middleware(RequestId)]
    traced = tracing.asgi_middleware()
    if traced is not None:
        middleware.insert(0, traced)  # outermost: the span covers the whole request
    if settings.allowed_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.allowed_origins,
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["Authorization", "Content-Type", "X-Playground-Upload", "Apollo-Require-Preflight"],
            )
        )
    application = Starlette(
        routes=[
            Route("/graphql", RequestGuard(view), methods=["GET", "POST"]),
            WebSocketRoute("/graphql", view),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_endpoint),
            Route(provider_webhooks.ROUTE, wavespeed_webhook, methods=["POST"]),
            Route("/public/gallery", public_feed.public_gallery, methods=["GET"]),
            Mount("/media", MediaFiles(storage, link_signer(settings)), name="media"),
            *web.web_routes(settings, web_dist),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    application.state.documents = persisted_documents(settings)
    return application
