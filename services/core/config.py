"""Typed settings, read once from the environment.

Everything defaults to the embedded mode: SQLite under ``./var/``, the in-process queue and bus, and the
Seedream simulator as the provider. Production sets ``DATABASE_URL``, ``REDIS_URL``, a JWT key and a provider.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import limits
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIN_HS256_SECRET_BYTES = 32
READINESS_COMPONENTS = ("database", "redis", "bus")


EXAMPLE_SECRETS = frozenset({"change-me-to-at-least-32-random-bytes-xxxxxxxx"})
"""Secret values printed in this repository (``deploy/env.example``): refused in production."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class LogFormat(StrEnum):
    CONSOLE = "console"
    JSON = "json"


class IntrospectionPolicy(StrEnum):
    """Who may query ``__schema`` and ``__type`` (``__typename`` is always allowed)."""

    OFF = "off"
    AUTHENTICATED = "authenticated"
    ON = "on"


class ProviderKind(StrEnum):
    SIMULATOR = "simulator"
    WAVESPEED = "wavespeed"
    ARK = "ark"


class Settings(BaseSettings):
    """The service's settings; each field is read from the upper-case environment variable of its name."""

    # hide_input_in_errors: a ValidationError names the setting and the problem, never the value (it may be a
    # secret: JWT_SECRET, a password inside DATABASE_URL or REDIS_URL, an API key), wherever it is printed or logged.
    model_config = SettingsConfigDict(
        env_prefix="",
        case_sensitive=False,
        extra="ignore",
        frozen=True,
        populate_by_name=True,
        hide_input_in_errors=True,
    )

    environment: Environment = Field(default=Environment.DEVELOPMENT, alias="PLAYGROUND_ENV")
    var_dir: Path = Field(default=Path("var"), alias="PLAYGROUND_VAR_DIR")
    database_url: str | None = None
    redis_url: str | None = None
    redis_namespace: str = Field(default="playground", pattern=r"^[A-Za-z0-9_.-]{1,64}$")

    jwt_secret: str | None = None
    jwt_jwks_url: str | None = None
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    jwt_leeway_seconds: int = Field(default=10, ge=0, le=30)
    metrics_token: str | None = Field(default=None, min_length=16)
    """``METRICS_TOKEN``: in production the API's ``/metrics`` answers only ``Authorization: Bearer <token>`` (and is
    not served at all without one); in development it is open."""
    jwt_max_lifetime_seconds: int = Field(default=86_400, ge=60, le=30 * 86_400)
    """The longest a token may live (``exp - iat``); tokens issued for longer are refused."""
    jwt_jwks_refresh_cooldown_seconds: float = Field(default=30.0, ge=0)
    user_cache_seconds: float = Field(default=30.0, ge=0, le=300)
    """How long a verified token and its user row are reused by HTTP requests (0: verified and read every time)."""
    api_key_secret: str | None = None
    """The key of the HMAC that API keys are stored under (at least 32 bytes). Unset: a development secret kept under
    ``var/``; in production, API keys are refused and cannot be created until it is set. Changing it invalidates
    every API key."""
    api_key_cache_seconds: float = Field(default=5.0, ge=0, le=10)
    """How long an API process reuses what it read about an API key: the longest a key revoked through another
    process (or expired) can still be used. The process that revokes a key forgets it at once."""

    seedream_provider: ProviderKind = ProviderKind.SIMULATOR
    seedream_base_url: str | None = None
    wavespeed_api_key: str | None = None
    ark_api_key: str | None = None
    ark_model: str = "seedream-4-0-250828"
    simulator_api_key: str = "simulator"

    simulator_latency_seconds: float | None = Field(default=None, ge=0)
    simulator_faults: Path | None = None
    """A fault plan (JSON or YAML) for the simulator: the embedded one and ``playground simulator``."""

    worker_concurrency: int = Field(default=4, ge=1, le=256)
    batch_item_concurrency: int = Field(default=4, ge=1, le=64)
    provider_concurrent_tasks: int = Field(default=10, ge=1)
    provider_images_per_minute: int = Field(default=500, ge=1)
    per_user_concurrency: int = Field(default=4, ge=1)
    provider_max_attempts: int = Field(default=4, ge=1, le=10)
    # Calls per item that may be billed: 1 never buys again after a call whose outcome is unknown (it fails,
    # refunded to the user); N lets N-1 such calls be followed by a new purchase, each possibly paid twice.
    provider_max_purchases_per_item: int = Field(default=1, ge=1, le=5)
    provider_webhook_base_url: str | None = Field(default=None, pattern=r"^https?://")
    """This API's public base URL as WaveSpeed can reach it (e.g. ``https://api.example.com``). When set, every
    WaveSpeed submit carries ``?webhook=<base>/provider-webhooks/wavespeed/<item>/<request>``, so a submit whose
    reply is lost is recovered when the task's signed webhook arrives. Unset: such a call is an unknown outcome."""
    provider_webhook_secret: str | None = None
    """WaveSpeed's webhook signing secret (``whsec_...``); the receiver refuses every delivery without it."""
    provider_webhook_wait_seconds: float = Field(default=600.0, gt=0)
    """How long an item whose submit reply was lost waits for its webhook before its outcome is unknown
    (failed with ``PROVIDER_OUTCOME_UNKNOWN``, refunded)."""
    provider_queue_wait_seconds: float = Field(default=900.0, gt=0)
    """How long a WaveSpeed task may stay queued (``created``) before it is given up as an unknown outcome (it may
    still run and bill later: never bought again)."""
    provider_retry_base_seconds: float = Field(default=1.0, ge=0)
    provider_retry_max_seconds: float = Field(default=30.0, ge=0)
    provider_deadline_seconds: float = Field(default=300.0, gt=0)
    allow_private_reference_urls: bool = False
    webhooks_allow_private_addresses: bool = False
    """Let webhook endpoints point at loopback and private addresses (development and tests only)."""
    webhooks_max_endpoints: int = Field(default=10, ge=1, le=1000)
    """Webhook endpoints per user."""
    webhooks_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    """How long a receiver has to answer a delivery (connect, send and the first bytes of its answer)."""
    webhooks_concurrency: int = Field(default=16, ge=1, le=256)
    """Webhook deliveries in flight at once per process (their own slots: a hanging receiver takes no batch's)."""
    webhooks_disable_after_hours: float = Field(default=72.0, gt=0)
    """An endpoint whose deliveries have failed for this long (no success in between) is disabled."""
    webhooks_follow_seconds: float = Field(default=30.0, gt=0, le=3600)
    """A batch's webhook follow-up reads it from SQL once it has been still this long (and again this often until it
    ends), recording any event whose recording a crash lost."""

    media_dir: Path | None = None
    media_base_url: str = "/media"
    storage_url: str | None = Field(default=None, pattern=r"^(file:|s3://)")
    """Where images, uploads and exports live: ``file:<dir>`` (unset: ``MEDIA_DIR``, default ``var/media``) or
    ``s3://bucket/prefix`` (credentials, region and endpoint from ``AWS_*`` and ``AWS_ENDPOINT_URL``)."""
    storage_link_endpoint: str | None = Field(default=None, pattern=r"^https?://")
    """``STORAGE_LINK_ENDPOINT``: the S3 endpoint as browsers reach it, when it is not ``AWS_ENDPOINT_URL`` (compose's
    MinIO: ``http://minio:9000`` inside, ``http://localhost:9000`` outside); presigned links name this host."""
    media_link_seconds: int = Field(default=3600, ge=60, le=7 * 86_400)
    """How long a private image link works (S3 presigned GETs allow at most seven days)."""
    media_signing_key: str | None = None
    """The HMAC key of ``/media`` links; unset: derived from ``JWT_SECRET`` (or the development key). Every API
    process of a deployment must share it."""

    retention_interval_seconds: int = Field(default=3600, ge=60, le=7 * 86_400)
    """How often the storage retention job runs (``services/storage/tasks.py``)."""
    retention_unused_upload_days: float = Field(default=30.0, gt=0)
    """An upload no batch has used for this long (and none still open uses) is removed with its file."""
    retention_orphan_grace_hours: float = Field(default=24.0, gt=0)
    """A stored file that no row names (the file of a deleted image, the leftover of a failed or cancelled batch)
    is removed once it is this old: younger ones may belong to a write still in flight."""
    export_link_days: float = Field(default=7.0, gt=0, le=7)
    """How long an account export (``meExport``) stays downloadable; the archive is removed afterwards."""
    exports_per_day: int = Field(default=3, ge=1, le=100)
    """``EXPORTS_PER_DAY``: account exports (``meExport``) a user may request in 24 hours (failed ones not counted)."""
    web_dist_dir: Path | None = None
    """``WEB_DIST_DIR``: the built browser playground served at ``/`` (default ``web/dist``; the image's is
    ``/app/web``)."""

    signup_credits: int = Field(default=20, ge=0)
    prices: dict[str, dict[str, int]] = Field(default_factory=dict)
    """PRICES: credits per delivered image by mode and tier, only where they differ from the defaults; the full
    table and its defaults belong to generation (``services.generation.capabilities.price_table``)."""
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    graphql_max_depth: int = Field(default=10, ge=2)
    graphql_max_aliases: int = Field(default=15, ge=1)
    graphql_max_tokens: int = Field(default=2000, ge=100)
    graphql_max_directives: int = Field(default=10, ge=1)
    """Directives (``@include``, ``@skip``...) in one document."""
    graphql_introspection: IntrospectionPolicy | None = None
    """``off``, ``authenticated`` (callers with a valid token) or ``on``; unset: ``on`` in development,
    ``authenticated`` in production."""
    graphql_persisted_queries: bool = True
    """Automatic persisted queries (Apollo's protocol): documents sent with their SHA-256 are registered (in this
    process, and in Redis when ``REDIS_URL`` is set) and later requests may send the hash alone, also over GET."""
    graphql_get_max_age_seconds: int = Field(default=30, ge=0, le=86400)
    """``Cache-Control: public, max-age=N`` on a persisted query answered over GET without ``Authorization`` and
    without errors (caches and CDNs may serve it); 0: ``no-store`` on every GET answer."""
    graphql_trusted_documents: Path | None = None
    """A persisted documents manifest (GraphQL Code Generator's ``persisted-documents.json``: SHA-256 to document):
    its documents run by hash from the start."""
    graphql_trusted_documents_only: bool = False
    """Refuse every document not in ``GRAPHQL_TRUSTED_DOCUMENTS`` (and register none)."""
    ws_max_operations: int = Field(default=20, ge=1)
    ws_init_timeout_seconds: float = Field(default=10.0, gt=0, le=10)
    ws_max_sockets_per_user: int = Field(default=20, ge=1)
    """Acknowledged WebSockets one user may hold open on one API process (more: closed with 4429)."""
    ws_max_subscriptions_per_user: int = Field(default=100, ge=1)
    """Live subscriptions one user may hold on one API process (more: an ``error`` TOO_MANY_SUBSCRIPTIONS)."""

    rate_limit_operations: str = "600/minute"
    """Every GraphQL operation of one user (HTTP and WebSocket), in the ``limits`` notation (``N/second|minute|hour``,
    ``N per M minutes``); ``off`` disables it. Redis-backed (shared by every replica) when ``REDIS_URL`` is set."""
    rate_limit_generate: str = "30/minute"
    """``generate``, ``batchJobRetry`` and ``stylePresetPreview`` (each starts a charged batch) per user."""
    rate_limit_uploads: str = "60/minute"
    """``imageUpload`` per user."""
    rate_limit_upload_bytes: str = "536870912/hour"
    """Bytes of images one user may upload (``imageUpload``), in the same notation; default 512 MiB an hour."""
    image_decode_slots: int = Field(default=2, ge=1, le=64)
    """Images decoded at once per process (uploads, fetched references, imported presets); each may hold up to
    ~150 MB of pixels while it is decoded, so this bounds the memory that decoding takes."""
    request_header_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    """How long a client has to send a request's headers once it has connected or begun a request (else 408)."""
    request_body_timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    """How long a request's body may stall (no byte arriving) before the request is answered 408 and closed."""

    log_level: str = "INFO"
    log_format: LogFormat | None = None
    """``console`` or ``json``; unset: JSON in production, console in development."""
    worker_metrics_port: int | None = Field(default=None, ge=0, le=65535)
    """Where a worker serves its /metrics (the API serves them on its own port); unset or 0: not served."""
    shutdown_grace_seconds: float = Field(default=25.0, ge=0, le=3600)
    """On SIGTERM: how long the API finishes in-flight requests and a worker its running batches."""
    outbox_sweep_seconds: float = Field(default=30.0, gt=0, le=3600)
    """How often each API process looks for batches left in the outbox by another process (one that died between
    committing a batch and handing it to the queue). Hand-overs that failed here are retried on their own backoff."""
    readiness_requires: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["database", "redis"])
    """Components whose failure makes ``/readyz`` answer 503 (``database``, ``redis``, ``bus``); the others are
    reported but do not fail it."""
    batch_lease_seconds: float = Field(default=30.0, ge=1, le=3600)
    """A runner holds its batch's lease in SQL and renews it every third of this; a batch whose lease ran out and
    whose queue job is gone is handed back by the reconciler. Longer tolerates longer database stalls of a runner."""
    reconcile_interval_seconds: float = Field(default=10.0, gt=0, le=3600)
    """How often every API and worker process looks for open batches with no live job and no lease (the
    reconciler); an open batch is handed back or ended within ``BATCH_LEASE_SECONDS`` plus this once the database
    and Redis answer again."""
    reconcile_max_handbacks: int = Field(default=5, ge=0, le=1000)
    """Hand-backs after which the reconciler ends a batch (refunding what was not delivered) instead of queueing it
    again."""
    worker_dead_after_seconds: int = Field(default=5, ge=2, le=600)
    """A worker silent this long counts as dead: its batch is re-delivered to another worker (a few seconds later)
    and its provider slots are free again. Longer tolerates longer stalls of a worker's event loop."""

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator(
        "rate_limit_operations", "rate_limit_generate", "rate_limit_uploads", "rate_limit_upload_bytes", mode="after"
    )
    @classmethod
    def _check_rate(cls, value: str) -> str:
        value = value.strip()
        if rate_limit_disabled(value):
            return "off"
        try:
            if len(limits.parse_many(value)) == 1:
                return value
        except ValueError:
            pass
        raise ValueError("a rate limit looks like `30/minute` or `100 per 10 minutes`, or is `off`")

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value:
            check_database_url(value)
        return value

    @field_validator("redis_url")
    @classmethod
    def _check_redis_url(cls, value: str | None) -> str | None:
        if value:
            check_redis_url(value)
        return value

    @field_validator("readiness_requires", mode="before")
    @classmethod
    def _split_components(cls, value: object) -> object:
        if isinstance(value, str):
            value = [name.strip().lower() for name in value.split(",") if name.strip()]
        if isinstance(value, list):
            unknown = sorted({str(name) for name in value} - set(READINESS_COMPONENTS))
            if unknown:
                raise ValueError(f"unknown component(s) {', '.join(unknown)}; known: {', '.join(READINESS_COMPONENTS)}")
        return value

    @field_validator("prices", mode="after")
    @classmethod
    def _check_prices(cls, value: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
        # Which modes and tiers exist is generation's to say (checked when the process starts); the range is ours.
        for tiers in value.values():
            for credits in tiers.values():
                if not 0 <= credits <= 10_000:
                    raise ValueError("PRICES: credits per image must be between 0 and 10000")
        return value

    @model_validator(mode="after")
    def _check_trusted_documents(self) -> Settings:
        if self.graphql_trusted_documents_only and self.graphql_trusted_documents is None:
            raise ValueError("GRAPHQL_TRUSTED_DOCUMENTS_ONLY needs GRAPHQL_TRUSTED_DOCUMENTS (the manifest's path)")
        return self

    @model_validator(mode="after")
    def _check_keys(self) -> Settings:
        if self.jwt_secret is not None and len(self.jwt_secret.encode()) < MIN_HS256_SECRET_BYTES:
            raise ValueError(f"JWT_SECRET must be at least {MIN_HS256_SECRET_BYTES} bytes")
        if self.jwt_secret and self.jwt_jwks_url:
            raise ValueError("set JWT_SECRET or JWT_JWKS_URL, not both")
        if self.environment is Environment.PRODUCTION and not (self.jwt_secret or self.jwt_jwks_url):
            raise ValueError("production needs JWT_SECRET or JWT_JWKS_URL")
        if self.api_key_secret is not None and len(self.api_key_secret.encode()) < MIN_HS256_SECRET_BYTES:
            raise ValueError(f"API_KEY_SECRET must be at least {MIN_HS256_SECRET_BYTES} bytes")
        if self.environment is Environment.PRODUCTION and self.jwt_secret in EXAMPLE_SECRETS:
            # Anyone who read deploy/env.example could sign tokens for any user, administrators included.
            raise ValueError("JWT_SECRET is the example value from deploy/env.example: generate one (see README)")
        return self

    @property
    def is_development(self) -> bool:
        return self.environment is Environment.DEVELOPMENT

    @property
    def resolved_introspection(self) -> IntrospectionPolicy:
        if self.graphql_introspection is not None:
            return self.graphql_introspection
        return IntrospectionPolicy.ON if self.is_development else IntrospectionPolicy.AUTHENTICATED

    @property
    def resolved_log_format(self) -> LogFormat:
        return self.log_format or (LogFormat.CONSOLE if self.is_development else LogFormat.JSON)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite://{self.var_dir / 'playground.db'}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def resolved_media_dir(self) -> Path:
        return self.media_dir or self.var_dir / "media"

    @property
    def resolved_storage_url(self) -> str:
        return self.storage_url or f"file:{self.resolved_media_dir}"

    @cached_property
    def media_signing_secret(self) -> bytes:
        """The key ``/media`` links are signed with: ``MEDIA_SIGNING_KEY``, else one derived from the HS256 key (a
        leaked link key then tells nothing about the token key), else a development key kept under ``var/``."""
        if self.media_signing_key:
            return self.media_signing_key.encode()
        base = self.hs256_secret or _development_secret(self.var_dir / "media_signing_key")
        return hmac.new(base.encode(), b"playground media links", hashlib.sha256).digest()

    def secret_values(self) -> list[str]:
        """Every configured secret (logs blank them out): the JWT key, the provider keys, URL passwords."""
        values = [self.jwt_secret, self.api_key_secret, self.wavespeed_api_key, self.ark_api_key]
        values += [self.metrics_token, self.media_signing_key, self.provider_webhook_secret]
        values += [urlsplit(url).password for url in (self.database_url, self.redis_url) if url]
        for setting, name in ((self.jwt_secret, "jwt_secret"), (self.api_key_secret, "api_key_secret")):
            development = self.var_dir / name
            if not setting and development.is_file():
                values.append(development.read_text().strip())
        return [value for value in values if value]

    @cached_property
    def hs256_secret(self) -> str | None:
        """The HS256 key: ``JWT_SECRET``, or (no JWKS either) a development secret kept under ``var/``."""
        if self.jwt_secret:
            return self.jwt_secret
        if self.jwt_jwks_url:
            return None
        return _development_secret(self.var_dir / "jwt_secret")

    @cached_property
    def api_key_hash_secret(self) -> str | None:
        """The HMAC key API keys are hashed with: ``API_KEY_SECRET``, or in development a secret kept under ``var/``;
        None in production without ``API_KEY_SECRET`` (API keys are then off)."""
        if self.api_key_secret:
            return self.api_key_secret
        if not self.is_development:
            return None
        return _development_secret(self.var_dir / "api_key_secret")


def rate_limit_disabled(value: str) -> bool:
    return value.strip().lower() in ("", "off", "none")


DATABASE_SCHEMES = ("sqlite", "postgres", "postgresql", "asyncpg")
REDIS_SCHEMES = ("redis", "rediss", "unix")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,19}")


def _scheme(url: str) -> str | None:
    """The URL's scheme when it has a sane one (only then may a message repeat it: nothing else of a URL that may
    carry a password is ever echoed)."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    return scheme if _SCHEME.fullmatch(scheme) else None


def check_database_url(url: str) -> None:
    """``ValueError`` (its message repeats no part of the URL but its scheme) unless Tortoise can use ``url``."""
    from tortoise.backends.base.config_generator import expand_db_url
    from tortoise.exceptions import ConfigurationError

    scheme = _scheme(url)
    usage = "use sqlite://PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"
    if scheme is None:
        raise ValueError(f"not a database URL; {usage}")
    if scheme not in DATABASE_SCHEMES:
        raise ValueError(f"unsupported scheme {scheme!r}; {usage}")
    try:
        expand_db_url(url)
    except ConfigurationError as error:  # Tortoise's own fixed messages ("Port is not an integer")
        raise ValueError(f"malformed ({error}); {usage}") from None
    except ValueError:  # urllib's or a parameter's cast: their messages may quote the URL
        raise ValueError(f"malformed (its host, port or a query parameter cannot be read); {usage}") from None


def check_redis_url(url: str) -> None:
    """``ValueError`` (its message repeats no part of the URL but its scheme) unless redis-py can use ``url``."""
    from redis.connection import parse_url

    scheme = _scheme(url)
    usage = "use redis://[:PASSWORD@]HOST:PORT/DB, rediss://... or unix://PATH"
    if scheme is None:
        raise ValueError(f"not a Redis URL; {usage}")
    if scheme not in REDIS_SCHEMES:
        raise ValueError(f"unsupported scheme {scheme!r}; {usage}")
    try:
        parse_url(url)  # type: ignore[no-untyped-call]  # unannotated in redis-py
        # redis-py reads the port only when it connects, and ignores a database "number" that is none.
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError(f"malformed (its host, port or database number cannot be read); {usage}") from None
    if port == 0:
        raise ValueError(f"malformed (port 0); {usage}")
    database = parts.path.strip("/")
    if scheme != "unix" and database and not database.isdigit():
        raise ValueError(f"malformed (the database must be a number); {usage}")


def _development_secret(path: Path) -> str:
    # Generated once and kept, so `playground token` and `playground serve` agree with nothing configured.
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        with path.open("x") as handle:
            path.chmod(0o600)
            handle.write(secret)
    except FileExistsError:  # another process created it first: use theirs
        return path.read_text().strip()
    return secret


def load_settings() -> Settings:
    """Read the settings from the environment (tests build ``Settings`` directly instead)."""
    return Settings()
