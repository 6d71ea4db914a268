"""A local Seedream simulator speaking WaveSpeed v3 and Ark wire formats, with real (Pillow) images.

Routes (one app serves both formats, so the Ark base URL is `<root>/api/v3`):

- WaveSpeed: `POST /api/v3/bytedance/seedream-v4{,/edit,/sequential,/edit-sequential}` (async, or sync with
the
  5004 "still processing" answer after `sync_wait_s`, `?webhook=` delivery with signed headers),
  `GET /api/v3/predictions/{id}/result` and `GET /api/v3/predictions/{id}`, `GET /api/v3/balance`,
  `POST /api/v3/media/upload/binary` (served back under `/media/...`), outputs under `/outputs/...`.
- Ark: `POST /api/v3/images/generations`, JSON or SSE with `stream: true`.

Keys: bearer `simulator` plus `SimulatorConfig.api_keys`. Limits per key: `images_per_minute` and
`concurrent_tasks`; a WaveSpeed task over the concurrency limit gets 429 at submit (WaveSpeed itself would
queue it;
rejecting makes the pressure visible and keeps tests deterministic). Failures: `SimulatorConfig.failures`
rates and
the prompt trigger words in `triggers.py` (`[[fail:policy]]`, `[[fail:500]]`, `[[fail:500:once]]`,
`[[fail:task]]`, `[[fail:429]]`, `[[fail:timeout]]`, `[[partial:N]]`, `[[delay:S]]`). The simulator never
opens a
connection except its own listening socket and webhook deliveries to loopback hosts.

Standalone: `run(host, port, SimulatorConfig(api_keys=frozenset({key})))`.

In-process, without a socket (the embedded default)::

    app = create_app(SimulatorConfig(latency=Latency.fixed(0.5)))
    http = create_http_client(transport=httpx.ASGITransport(app=app))
    provider = create_provider("simulator", http, base_url="http://simulator", api_key="simulator")

Every URL the simulator hands out (poll URLs, outputs, uploads) is built from the request's own base URL, so
`http://simulator` resolves back through the same transport. Run the app's lifespan (or just let the process
end)
to cancel tasks still in flight; `httpx.ASGITransport` does not run lifespans itself.
"""

from services.seedream.simulator.app import create_app
from services.seedream.simulator.config import FailureRates, Latency, SimulatorConfig
from services.seedream.simulator.server import SimulatorServer, run
from services.seedream.simulator.state import RecordedRequest, SimulatorState, WebhookDelivery

__all__ = [
    "FailureRates",
    "Latency",
    "RecordedRequest",
    "SimulatorConfig",
    "SimulatorServer",
    "SimulatorState",
    "WebhookDelivery",
    "create_app",
    "run",
]
