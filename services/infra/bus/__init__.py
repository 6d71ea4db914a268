"""The progress bus: notifications about batches and users, fanned out to local subscribers.

The bus only carries notifications; the state of record is in SQL. A publisher writes the state first, then
publishes a small JSON-able dict that carries an integer ``seq`` (monotonic per batch) and, on the last event of a
stream, ``"terminal": True``. A consumer subscribes, reads the stored snapshot, yields it, then yields live events
with a higher ``seq``; whenever it receives ``RESYNC`` it re-reads the snapshot, because events were lost.

Two implementations share one interface (``EventBus``) and one queue policy:

- ``InProcessBus``: the embedded default (no ``REDIS_URL``); publish hands the event straight to the local queues.
- ``RedisBus``: one Redis pub/sub connection per process, shared by every local subscriber. A channel is
  SUBSCRIBEd when its first local subscriber arrives and UNSUBSCRIBEd when its last one leaves; messages are fanned
  out in memory. Publishing uses a separate, ordinary connection pool. A supervised listener task reconnects with
  capped, jittered backoff, re-subscribes every live channel and then sends ``RESYNC`` to their subscribers, since
  Redis pub/sub is at-most-once and whatever was published during the gap is gone.

Queue policy (both buses): each subscription has a bounded queue (``queue_size``). Delivery never waits, so a slow
subscriber never holds up the listener or other subscribers. When a queue is full, the oldest queued non-terminal
event is dropped: events are full snapshots, so a newer one supersedes it. Terminal events and ``RESYNC`` are never
dropped for room. Should protected items alone pile up past ``4 * queue_size`` (a consumer that stopped reading),
the queue is replaced by a single ``RESYNC``: the consumer then re-reads everything, terminal states included, from
SQL. Delivering ``RESYNC`` likewise discards the queued non-terminal events it supersedes.

Events handed to subscribers are shared between the subscribers of one channel: treat them as read-only.

The package: ``protocol`` (the interfaces and ``RESYNC``), ``fanout`` (the bounded queues and the local channel
table both buses share), ``in_process`` and ``redis_pubsub`` (the two buses); ``create_bus`` picks one.
"""

from __future__ import annotations

from typing import Any

from services.infra.bus.fanout import DEFAULT_QUEUE_SIZE, BusSubscription, FanoutBus
from services.infra.bus.in_process import InProcessBus
from services.infra.bus.protocol import RESYNC, Event, EventBus, Resync, Subscription
from services.infra.bus.redis_pubsub import RedisBus

__all__ = [
    "DEFAULT_QUEUE_SIZE",
    "RESYNC",
    "BusSubscription",
    "Event",
    "EventBus",
    "FanoutBus",
    "InProcessBus",
    "RedisBus",
    "Resync",
    "Subscription",
    "create_bus",
]


def create_bus(redis_url: str | None, *, queue_size: int = DEFAULT_QUEUE_SIZE, **redis_options: Any) -> EventBus:
    """The bus for this deployment: ``RedisBus`` when ``redis_url`` is set, else ``InProcessBus``.

    ``redis_options`` go to ``RedisBus`` (``channel_prefix``, ``client_name``, timeouts) and are ignored in-process.
    """
    if redis_url:
        return RedisBus(redis_url, queue_size=queue_size, **redis_options)
    return InProcessBus(queue_size=queue_size)
