"""The ``playground`` command: serve, worker, migrate, token, credits, simulator, schema, and the terminal client
(generate, watch, batches: see ``app/client.py``).

The web stack (Starlette, Strawberry, the schema) is imported only by the commands that need it, so that quick
commands such as ``token`` start fast. The client commands read no service settings: they only talk to an API.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError
from tortoise.exceptions import DBConnectionError

from app import worker
from app.logs import configure_logging
from models import Role
from models.enums import GenerationMode
from services import credits, users
from services.core import db
from services.core.auth import issue_token
from services.core.config import Settings, load_settings
from services.core.errors import DomainError
from services.generation import capabilities

EXIT_CANNOT_LISTEN = 3
"""`serve` or `simulator` cannot listen on ``--host``/``--port`` (the port is in use, or the host is not this
machine's): nothing was started, no migration ran."""


class CannotListen(Exception):
    """The listening socket could not be opened; the message is one line for the terminal."""


def listen(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket on ``host``:``port``, opened before anything else starts, so that a busy port
    or an unusable host is known before the server announces itself, migrates or logs a line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError):
        raise CannotListen(f"cannot listen on {host}:{port}: no such host") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart need not wait for TIME_WAIT
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        reason = error.strerror or type(error).__name__
        raise CannotListen(f"cannot listen on {host}:{port}: {reason[0].lower()}{reason[1:]}") from None
    sock.set_inheritable(True)
    return sock


def banner(settings: Settings, host: str, port: int) -> str:
    """The one line a newcomer needs, true for this configuration: the playground's address where the server
    serves it, else the GraphQL endpoint (``/`` answers nothing there)."""
    from app.web import serves_web_client

    where = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    if serves_web_client(settings):
        return f"Preset Playground: open {where}/ (GraphQL at {where}/graphql)"
    return f"Preset Playground API: GraphQL at {where}/graphql"


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from app.api import RequestGuard, create_app
    from app.slow_clients import guarded_http_protocol

    sock: socket.socket = args.listener
    print(banner(settings, args.host, args.port), flush=True)  # uvicorn's own startup lines follow in the log
    config = uvicorn.Config(
        create_app(settings),
        proxy_headers=True,
        # Deadlines for a request's headers and a stalled body (uvicorn has none: a client could hold a connection).
        http=guarded_http_protocol(
            header_timeout=settings.request_header_timeout_seconds,
            body_timeout=settings.request_body_timeout_seconds,
        ),
        ws_ping_interval=20,  # Strawberry sends no protocol pings; uvicorn's keep sockets honest.
        ws_ping_timeout=20,
        # The server refuses (1009) a message over the body cap before buffering it; the app checks it too.
        ws_max_size=RequestGuard.MAX_JSON_BYTES,
        # SIGTERM: stop accepting, close WebSockets with 1012 (clients reconnect elsewhere), finish requests.
        timeout_graceful_shutdown=int(settings.shutdown_grace_seconds),
        log_config=None,  # our logging (app/logs.py) formats uvicorn's records too
    )
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _token(args: argparse.Namespace, settings: Settings) -> int:
    secret_file = (settings.var_dir / "jwt_secret").resolve()
    if not settings.jwt_secret and not settings.jwt_jwks_url and not secret_file.is_file():
        # Creating one here would sign tokens no server accepts (the server keeps its own under its var/).
        print(
            f"playground: no JWT_SECRET and no development secret at {secret_file}: run this in the directory "
            "`playground serve` runs in, or set PLAYGROUND_VAR_DIR or JWT_SECRET as the server has them",
            file=sys.stderr,
        )
        return 2
    role = Role.ADMIN if args.role == "admin" else Role.USER
    print(issue_token(settings, args.sub, role=role, email=args.email, name=args.name, ttl_seconds=args.ttl))
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.redis_url:
        print(
            "playground: `worker` needs REDIS_URL (without it, `playground serve` runs batches itself)",
            file=sys.stderr,
        )
        return 2
    asyncio.run(worker.run(settings, concurrency=args.concurrency))
    return 0


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    applied = asyncio.run(db.migrate(settings.resolved_database_url))
    print("\n".join(f"applied {name}" for name in applied) or "database is up to date")
    return 0


def _credits_grant(args: argparse.Namespace, settings: Settings) -> int:
    async def grant() -> None:
        async with worker.database(settings):
            user = await users.get_or_create_by_subject(args.sub, settings.signup_credits)
            entry = await credits.grant(user.id, args.amount, reason=args.reason)
        print(
            f"{args.sub}: +{args.amount} {_plural(args.amount, 'credit')}, balance {entry.balance_after} "
            f"(database {db.describe_target(settings.resolved_database_url)})"
        )

    asyncio.run(grant())
    return 0


def _storage_migrate(args: argparse.Namespace, settings: Settings) -> int:
    from app.runtime import storage_for
    from services.storage_moves import move_objects

    source, target = storage_for(settings, args.source), storage_for(settings, args.to)
    if source.location == target.location:
        print("playground: --to names the store the objects are already in", file=sys.stderr)
        return 2

    async def move() -> int:
        async with worker.database(settings):
            report = await move_objects(source, target)
        print(
            f"{report.copied} objects copied and verified ({report.bytes_copied} bytes) to {target.location}; "
            f"{len(report.missing)} missing from the source, {len(report.failed)} failed"
        )
        if report.complete:
            print(f"every object is in {target.location}: set STORAGE_URL={target.location} and restart")
            return 0
        print("not complete: run the same command again (it resumes where it stopped)", file=sys.stderr)
        return 1

    return asyncio.run(move())


def _simulator(args: argparse.Namespace, settings: Settings) -> int:
    from services.seedream.simulator import Latency, SimulatorConfig, run
    from services.seedream.simulator.fault_plan import load_fault_plan

    keys = frozenset({settings.simulator_api_key, *args.api_key})
    latency = Latency.fixed(args.latency) if args.latency is not None else Latency.lognormal(3.0, 0.35, 20.0)
    faults = args.faults or settings.simulator_faults
    try:
        plan = load_fault_plan(faults) if faults is not None else None
    except (OSError, ValueError) as exc:
        print(f"fault plan {faults}: {exc}", file=sys.stderr)
        return 2
    # A long-running server keeps no request log (that is for tests).
    run(
        args.host,
        args.port,
        SimulatorConfig(api_keys=keys, latency=latency, record_requests=False, render_once=args.render_once).with_plan(
            plan, args.tier
        ),
        sock=args.listener,
        own_logging=True,  # LOG_FORMAT=json gives JSON lines here too
    )
    return 0


def _schema(args: argparse.Namespace, settings: Settings) -> int:
    from app.schema import create_schema

    print(create_schema(settings).as_str())
    return 0


def _client(args: argparse.Namespace) -> int:
    from app import client

    async def run() -> int:
        api = client.connection(args.api, args.token)
        try:
            if args.command == "generate":
                fields = client.generate_input(
                    project=args.project,
                    prompts=args.prompt,
                    mode=args.mode,
                    count=args.count,
                    max_images=args.max_images,
                    size=args.size,
                    presets=args.preset,
                )
                return await client.generate(api, fields, follow=args.watch, out=sys.stdout)
            if args.command == "watch":
                return await client.watch(api, args.batch_id, client.make_view(args.batch_id))
            return await client.batches(api, first=args.first, out=sys.stdout)
        finally:
            await api.close()

    try:
        return asyncio.run(run())
    except client.ClientError as error:
        print(f"playground: {error}", file=sys.stderr)
        return client.EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _client_parser(commands: Any, name: str, summary: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(name, help=summary)
    parser.add_argument("--api", help="the API's base URL (default PLAYGROUND_API_URL, else http://127.0.0.1:8000)")
    parser.add_argument(
        "--token", help="a bearer credential: an API key or a JWT (default PLAYGROUND_API_KEY, then PLAYGROUND_TOKEN)"
    )
    parser.set_defaults(client=True)
    return parser


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def _embedded_database_missing(settings: Settings) -> str | None:
    """For commands that work on an existing database: the problem when the embedded SQLite file (no
    ``DATABASE_URL``) does not exist here, where creating it would grant credits in a database no server reads."""
    if settings.database_url is not None:
        return None
    path = (settings.var_dir / "playground.db").resolve()
    if path.is_file():
        return None
    return (
        f"no database at {path} (no DATABASE_URL set): run this in the directory `playground serve` runs in, "
        "or set PLAYGROUND_VAR_DIR or DATABASE_URL as the server has them"
    )


def _storage_url(value: str) -> str:
    if not value.startswith(("file:", "s3://")):
        raise argparse.ArgumentTypeError("a storage URL starts with file: or s3://")
    return value


def _port(value: str) -> int:
    number = _whole(value)
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a TCP port (1-65535)")
    return number


def _positive(value: str) -> int:
    number = _whole(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return number


def _whole(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


def _text(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def settings_problem(error: ValueError) -> str:
    """What is wrong with the settings, in one line, without echoing any value (a secret could be among them)."""
    if isinstance(error, ValidationError):
        parts = []
        for problem in error.errors(include_input=False, include_url=False, include_context=False):
            where = ".".join(str(part) for part in problem["loc"]).upper()
            message = str(problem["msg"]).removeprefix("Value error, ")
            parts.append(f"{where}: {message}" if where else message)
        return "; ".join(parts)
    return str(error)


class OneLineParser(argparse.ArgumentParser):
    """argparse with its errors in one line (``playground serve: error: …``), as the README promises, and the
    usage only for ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="playground", description="Preset Playground API")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API (embedded default when nothing is configured)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=8000)
    serve.set_defaults(run=_serve, database=True, listens=True)

    worker = commands.add_parser("worker", help="run batches from the Redis queue (needs REDIS_URL)")
    worker.add_argument(
        "--concurrency", type=_positive, help="batches at once in this process (default WORKER_CONCURRENCY)"
    )
    worker.set_defaults(run=_worker, database=True)

    commands.add_parser("migrate", help="apply the database migrations").set_defaults(run=_migrate, database=True)

    token = commands.add_parser("token", help="print a signed JWT for local use")
    token.add_argument("--sub", type=_text, required=True, help="subject (user name)")
    token.add_argument("--email")
    token.add_argument("--name", help="display name others see (the token's `name` claim)")
    token.add_argument("--role", choices=["user", "admin"], default="user")
    token.add_argument("--ttl", type=_positive, default=3600, help="lifetime in seconds")
    token.set_defaults(run=_token)

    credit = commands.add_parser("credits", help="credit administration")
    credit_commands = credit.add_subparsers(dest="credits_command", required=True)
    grant = credit_commands.add_parser("grant", help="grant credits to a user (created if new)")
    grant.add_argument("--sub", type=_text, required=True)
    grant.add_argument("--amount", type=_positive, required=True)
    grant.add_argument("--reason", default="granted from the command line")
    grant.set_defaults(run=_credits_grant, database=True, existing_database=True)

    storage = commands.add_parser("storage", help="object storage administration")
    storage_commands = storage.add_subparsers(dest="storage_command", required=True)
    move = storage_commands.add_parser(
        "migrate", help="copy every stored object to another store, verified, switching each row (resumable)"
    )
    move.add_argument("--to", required=True, type=_storage_url, help="file:<dir> or s3://bucket/prefix")
    move.add_argument(
        "--from", dest="source", type=_storage_url, help="where the objects are now (default: STORAGE_URL)"
    )
    move.set_defaults(run=_storage_migrate, database=True)

    simulator = commands.add_parser("simulator", help="run the Seedream simulator (WaveSpeed and Ark formats)")
    simulator.add_argument("--host", default="127.0.0.1")
    simulator.add_argument("--port", type=_port, default=9100)
    simulator.add_argument(
        "--api-key", action="append", default=[], help="accept this key too (`simulator` always works)"
    )
    simulator.add_argument("--latency", type=float, help="fixed seconds per image (default: lognormal around 3 s)")
    simulator.add_argument(
        "--faults", type=Path, help="a JSON or YAML fault plan (default SIMULATOR_FAULTS; see README)"
    )
    simulator.add_argument(
        "--tier",
        choices=["bronze", "silver", "gold", "ultra"],
        help="WaveSpeed account tier: its images/min and concurrent tasks (bronze 2/2 ... ultra 5000/10000)",
    )
    simulator.add_argument(
        "--render-once",
        action="store_true",
        help="render one image per size and serve it to every request (benchmarks: no render CPU per request)",
    )
    simulator.set_defaults(run=_simulator, listens=True)

    commands.add_parser("schema", help="print the GraphQL SDL").set_defaults(run=_schema)

    generate = _client_parser(commands, "generate", "start a batch on a running API (--watch: follow it to the end)")
    generate.add_argument("--project", required=True, help="project id")
    generate.add_argument("--prompt", action="append", required=True, help="the prompt (repeat for one image each)")
    generate.add_argument(
        "--mode",
        type=str.upper,
        choices=[mode.value for mode in GenerationMode],
        help=", ".join(mode.value for mode in GenerationMode),
    )
    generate.add_argument("--count", type=int, help="images per prompt")
    generate.add_argument("--max-images", type=int, help="images of a SEQUENTIAL set")
    generate.add_argument("--size", help="e.g. 1024x1024 or 2K")
    generate.add_argument("--preset", action="append", default=[], help="a style preset id (repeat to mix)")
    generate.add_argument("--watch", action="store_true", help="show live progress until the batch ends")

    watch = _client_parser(commands, "watch", "follow a batch's live progress until it ends")
    watch.add_argument("batch_id")

    listing = _client_parser(commands, "batches", "list your recent batches")
    listing.add_argument("--first", type=int, default=20, help="how many (at most 100)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "client", False):
        configure_logging("WARNING")  # the client's output is its progress, not request logs
        return _client(args)
    configure_logging()
    try:
        settings = load_settings()
        capabilities.check_prices(settings)
    except ValueError as error:
        print(f"playground: invalid settings: {settings_problem(error)}", file=sys.stderr)
        return 2
    url = settings.resolved_database_url
    if getattr(args, "listens", False):
        try:
            args.listener = listen(args.host, args.port)  # first: a busy port stops everything before it starts
        except CannotListen as error:
            print(f"playground: {error}", file=sys.stderr)
            return EXIT_CANNOT_LISTEN
    if getattr(args, "existing_database", False) and (problem := _embedded_database_missing(settings)):
        print(f"playground: {problem}", file=sys.stderr)
        return 1
    try:
        if getattr(args, "database", False):
            # Before anything starts: a refused, missing or locked-out database is one line, not a traceback. Only
            # the embedded default's own directory is created; a DATABASE_URL naming a missing directory is refused.
            asyncio.run(db.check_connection(url, create_directory=settings.database_url is None))
        return int(args.run(args, settings))
    except db.DatabaseUnreachable as error:
        print(f"playground: database unreachable: {error}", file=sys.stderr)
        return 1
    except DBConnectionError:  # lost between the check and the command
        print(f"playground: database unreachable: {db.describe_target(url)}", file=sys.stderr)
        return 1
    except DomainError as error:
        print(f"playground: {error.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
