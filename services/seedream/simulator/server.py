"""Serve the simulator over real HTTP: `run()` for the CLI, `SimulatorServer` for tests and benchmarks."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn
from starlette.applications import Starlette

from services.seedream.simulator.app import create_app
from services.seedream.simulator.config import SimulatorConfig
from services.seedream.simulator.state import SimulatorState


def run(
    host: str = "127.0.0.1",
    port: int = 8090,
    config: SimulatorConfig | None = None,
    *,
    sock: socket.socket | None = None,
    own_logging: bool = False,
) -> None:
    """Serve the simulator until interrupted (what `playground simulator --port P --api-key K` calls).

    ``sock``: an already listening socket to serve on (instead of binding ``host``:``port``). ``own_logging``: the
    caller has configured logging (the CLI's JSON or console lines); uvicorn's default config is not applied."""
    app = create_app(config)
    settings = (
        uvicorn.Config(app, host=host, port=port, log_level="info", log_config=None)
        if own_logging
        else uvicorn.Config(app, host=host, port=port, log_level="info")
    )
    server = uvicorn.Server(settings)
    server.run(sockets=[sock] if sock is not None else None)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class SimulatorServer:
    """A simulator on a free loopback port in a background thread; ready when `start()` returns.

    `with SimulatorServer(config) as server: server.base_url` ... `server.state.requests`.
    """

    def __init__(self, config: SimulatorConfig | None = None, host: str = "127.0.0.1") -> None:
        self.app: Starlette = create_app(config)
        self.host = host
        self.port = free_port(host)
        self._server = uvicorn.Server(
            uvicorn.Config(
                self.app,
                host=host,
                port=self.port,
                log_level="warning",
                lifespan="on",
                timeout_graceful_shutdown=1,
            )
        )
        self._thread = threading.Thread(target=self._server.run, name="seedream-simulator", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def ark_base_url(self) -> str:
        return f"{self.base_url}/api/v3"

    @property
    def state(self) -> SimulatorState:
        state: SimulatorState = self.app.state.simulator
        return state

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("simulator did not start")
            # Waiting on a condition with a timeout: uvicorn exposes no event to block on.
            time.sleep(0.01)
        with socket.create_connection((self.host, self.port), timeout=timeout):
            pass

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
