"""The simulator's Starlette app factory."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette

from services.seedream.simulator import ark_routes, wavespeed_routes
from services.seedream.simulator.config import SimulatorConfig
from services.seedream.simulator.state import SimulatorState


def create_app(config: SimulatorConfig | None = None) -> Starlette:
    """A fresh simulator; its state (tasks, recorded requests, webhooks) is at `app.state.simulator`."""
    state = SimulatorState(config or SimulatorConfig())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        # Tasks left hanging (timeouts, long latencies) must not outlive the server's event loop.
        for task in list(state.background):
            task.cancel()
        await asyncio.gather(*state.background, return_exceptions=True)

    app = Starlette(routes=[*wavespeed_routes.routes, *ark_routes.routes], lifespan=lifespan)
    app.state.simulator = state
    return app
