"""The production bus: one Redis pub/sub connection per process, shared by every local subscriber.

A channel is SUBSCRIBEd when its first local subscriber arrives and UNSUBSCRIBEd when its last one leaves; messages
are fanned out in memory (``services.infra.bus.fanout``). Publishing uses a separate, ordinary connection pool. A
supervised listener task reconnects with capped, jittered backoff, re-subscribes every live channel and then sends
``RESYNC`` to their subscribers, since Redis pub/sub is at-most-once and whatever was published during the gap is
gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from typing import Any

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff, NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.infra import metrics
from services.infra.bus.fanout import DEFAULT_QUEUE_SIZE, BusSubscription, FanoutBus
from services.infra.bus.protocol import Event
from services.infra.outage import Outage

log = logging.getLogger(__name__)

# Publishing is best effort and sits in a worker's path: retry briefly, then log and move on.
PUBLISH_RETRIES = 2
PUBLISH_RETRY_BASE = 0.05
PUBLISH_RETRY_CAP = 0.5

# Errors that mean "the connection is gone": the listener reconnects on these and logs anything else in full.
_CONNECTION_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError, OSError)


class RedisBus(FanoutBus):
    """The production bus: one shared Redis pub/sub connection per process, supervised (see module docstring).

    ``client_name`` names the connections (``CLIENT SETNAME``; the publisher's gets a ``:publish`` suffix) so they
    can be found in ``CLIENT LIST``. ``ping_interval`` is how long the listener waits in silence before it PINGs;
    no reply within another interval counts as a lost connection. ``subscribe_timeout`` bounds how long entering a
    subscription waits for Redis to confirm the channel; after it the subscriber gets ``RESYNC`` when confirmed.
    """

    def __init__(
        self,
        redis_url: str,
        *,
        channel_prefix: str = "playground:",
        queue_size: int = DEFAULT_QUEUE_SIZE,
        client_name: str = "playground-bus",
        backoff_initial: float = 0.1,
        backoff_max: float = 5.0,
        ping_interval: float = 10.0,
        subscribe_timeout: float = 5.0,
        connect_timeout: float = 5.0,
        outage: Outage | None = None,
    ) -> None:
        super().__init__(queue_size=queue_size)
        # Failed reconnects and publishes are reported here: once per outage window, not once per attempt.
        self._outage = outage or Outage("Redis", cap_s=backoff_max, logger=log)
        self._prefix = channel_prefix
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._ping_interval = ping_interval
        self._subscribe_timeout = subscribe_timeout
        self._publisher = Redis.from_url(
            redis_url,
            client_name=f"{client_name}:publish",
            socket_connect_timeout=connect_timeout,
            retry=Retry(ExponentialWithJitterBackoff(base=PUBLISH_RETRY_BASE, cap=PUBLISH_RETRY_CAP), PUBLISH_RETRIES),
        )
        self._publish_timeout = connect_timeout
        # The listener's connection is made from this pool but owned by the bus: no retries inside redis-py, which
        # would otherwise reconnect and re-subscribe behind our back and hide the gap that needs a RESYNC.
        # Neither client sets socket_timeout: redis-py then writes through asyncio.wait_for, which on Python 3.11
        # can swallow a cancellation (cpython gh-86296); reads and publishes are bounded with asyncio.timeout.
        self._listener_pool = ConnectionPool.from_url(
            redis_url,
            client_name=client_name,
            socket_connect_timeout=connect_timeout,
            retry=Retry(NoBackoff(), 0),
            protocol=2,
        )
        self._connection: AbstractConnection | None = None
        self._command_lock = asyncio.Lock()
        # Per channel: SUBSCRIBE sent on the current connection, commands not yet acknowledged, confirmation.
        self._remote: set[str] = set()
        self._unacknowledged: dict[str, int] = {}
        self._confirmed: dict[str, asyncio.Event] = {}
        self._listener: asyncio.Task[None] | None = None
        self._healthy = False
        self._became_healthy = asyncio.Event()
        self._first_attempt = asyncio.Event()
        """Set once the listener's first connection attempt has succeeded or failed."""
        self._connected_once = False
        self.reconnects = 0
        self.connection_failures = 0
        self.publish_failures = 0

    @property
    def healthy(self) -> bool:
        """Whether the listener is connected and subscribed (for /readyz)."""
        return self._healthy

    async def start(self, *, wait: float | None = None) -> None:
        """Start the supervised listener and wait for its first connection attempt (at most ``wait`` seconds,
        default: the subscribe timeout, for a handshake into a black hole).

        An unreachable Redis does not raise, nor hold the caller past that first attempt: the listener keeps
        retrying in the background, ``healthy`` stays False meanwhile, and the outage is logged once (`Outage`).
        """
        if self._closed:
            raise RuntimeError("a closed bus cannot be restarted")
        if self._listener is None:
            self._listener = asyncio.create_task(self._supervise(), name="events-bus-listener")
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self._subscribe_timeout if wait is None else wait):
                await self._first_attempt.wait()

    async def wait_healthy(self) -> None:
        """Wait until the listener is connected (bound it with ``asyncio.timeout``)."""
        await self._became_healthy.wait()

    async def close(self) -> None:
        """End every subscription, stop the listener, close both connections."""
        if self._closed:
            return
        self._closed = True
        self._end_all()
        if self._listener is not None:
            # Cancel until it is done: a cancellation can still get lost inside a library call.
            while not self._listener.done():
                self._listener.cancel()
                await asyncio.wait({self._listener}, timeout=0.5)
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        await self._drop_connection()
        self._healthy = False
        await self._listener_pool.aclose()
        await self._publisher.aclose()

    async def publish(self, channel: str, event: Event) -> None:
        """PUBLISH ``event`` (JSON) to ``channel``; best effort.

        A Redis failure is logged and counted, not raised: the state is already in SQL, and the bus is only the
        notification. A non-JSON-able event raises ``TypeError``.
        """
        payload = json.dumps(event, separators=(",", ":"))
        if self._closed:
            log.warning("event on %s published after the bus closed; dropped", channel)
            return
        try:
            async with asyncio.timeout(self._publish_timeout):
                await self._publisher.publish(self._prefix + channel, payload)
            metrics.BUS_PUBLISHED.inc()
        except _CONNECTION_ERRORS as exc:
            self.publish_failures += 1
            self._outage.failed(exc, "publishing a progress event")
        except RedisError as exc:
            self.publish_failures += 1
            log.warning("event bus: publish to %s failed: %s: %s", channel, type(exc).__name__, exc)
        else:
            self._outage.succeeded()

    # Channel bookkeeping ---------------------------------------------------------------------------------------

    async def _channel_opened(self, channel: str) -> None:
        self._confirmed[channel] = asyncio.Event()
        await self._sync_channel(channel)

    async def _channel_closed(self, channel: str) -> None:
        self._confirmed.pop(channel, None)
        await self._sync_channel(channel)

    async def _await_ready(self, subscription: BusSubscription) -> None:
        confirmed = self._confirmed.get(subscription.channel)
        if confirmed is None:  # the bus closed meanwhile
            return
        if not confirmed.is_set() and self._healthy:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._subscribe_timeout):
                    await confirmed.wait()
        if not confirmed.is_set():
            # Redis is away (or slow): don't hold the caller. It reads its snapshot now and gets RESYNC once the
            # channel is confirmed, which covers whatever was published in between.
            subscription.needs_resync = True

    async def _sync_channel(self, channel: str) -> None:
        """Make the listener connection's subscription to ``channel`` match whether it has local subscribers.

        Serialised by the command lock, so SUBSCRIBE/UNSUBSCRIBE for a channel reach Redis in decision order.
        """
        async with self._command_lock:
            connection = self._connection
            wanted = channel in self._channels
            if connection is None:
                return  # not connected: the next connection subscribes every wanted channel
            if wanted == (channel in self._remote):
                # Already in that state at Redis (a subscriber left and another came back before the UNSUBSCRIBE
                # went out); if no command is in flight, the channel is confirmed as it stands.
                confirmed = self._confirmed.get(channel)
                if wanted and confirmed is not None and not self._unacknowledged.get(channel):
                    confirmed.set()
                return
            command = "SUBSCRIBE" if wanted else "UNSUBSCRIBE"
            # Book the command before sending: the listener may read its acknowledgement while we await the send.
            if wanted:
                self._remote.add(channel)
            else:
                self._remote.discard(channel)
            self._unacknowledged[channel] = self._unacknowledged.get(channel, 0) + 1
            try:
                await connection.send_command(command, self._prefix + channel)
            except _CONNECTION_ERRORS as exc:
                # The connection is dead; the next one starts from a clean slate and subscribes what is wanted.
                log.debug("event bus: %s %s not sent (%s); the listener will reconnect", command, channel, exc)

    # The supervised listener -----------------------------------------------------------------------------------

    async def _supervise(self) -> None:
        failures = 0
        while not self._closed:
            try:
                # A handshake into a black hole (a connection that accepts and never answers) would otherwise wait
                # forever, and nothing would ever reconnect: give it two ping intervals, then try again.
                connection = await asyncio.wait_for(self._connect(), timeout=2 * self._ping_interval)
                failures = 0
                await self._listen(connection)
            except asyncio.CancelledError:
                raise
            except _CONNECTION_ERRORS as exc:
                what = "event bus: pub/sub connection lost" if self._connected_once else "event bus: connecting"
                self._outage.failed(exc, what)
            except Exception:
                log.exception("event bus: listener failed")
            self.connection_failures += 1
            self._first_attempt.set()
            failures += 1
            await self._connection_lost()
            # Capped exponential backoff with full jitter, so many processes don't reconnect in lockstep.
            ceiling = min(self._backoff_max, self._backoff_initial * 2 ** min(failures - 1, 30))
            await asyncio.sleep(random.uniform(0, ceiling))  # noqa: S311 - jitter, not cryptography

    async def _connect(self) -> AbstractConnection:
        # redis-py leaves make_connection unannotated; it returns the pool's connection class.
        connection: AbstractConnection = self._listener_pool.make_connection()  # type: ignore[no-untyped-call]
        try:
            await connection.connect()  # type: ignore[no-untyped-call]  # unannotated in redis-py
            async with self._command_lock:
                self._remote.clear()
                self._unacknowledged.clear()
                wanted = list(self._channels)
                if wanted:
                    await connection.send_command("SUBSCRIBE", *(self._prefix + channel for channel in wanted))
                    self._remote.update(wanted)
                    self._unacknowledged.update(dict.fromkeys(wanted, 1))
                self._connection = connection
        except BaseException:
            await connection.disconnect()
            raise
        if self._connected_once:
            self.reconnects += 1
            metrics.BUS_RECONNECTS.inc()
            log.info("event bus: reconnected to Redis, resubscribed %d channel(s)", len(self._remote))
        self._connected_once = True
        self._outage.succeeded()
        self._healthy = True
        self._became_healthy.set()
        self._first_attempt.set()
        return connection

    async def _listen(self, connection: AbstractConnection) -> None:
        awaiting_pong = False
        while True:
            response = await connection.read_response(timeout=self._ping_interval)
            if response is None:  # silence for a whole interval
                if awaiting_pong:
                    raise RedisTimeoutError("no reply to PING from Redis")
                async with self._command_lock:
                    await connection.send_command("PING")
                awaiting_pong = True
                continue
            awaiting_pong = False
            self._handle(response)

    def _handle(self, response: Any) -> None:
        # RESP2 pub/sub replies: [kind, channel, payload]; a PING reply is [b"pong", b""] or b"PONG".
        if not isinstance(response, list) or len(response) != 3:
            return
        kind, raw_channel, payload = response
        channel = _decode(raw_channel).removeprefix(self._prefix)
        if kind == b"message":
            try:
                event = json.loads(payload)
            except ValueError:
                log.warning("event bus: dropped a non-JSON message on %s", channel)
                return
            if not isinstance(event, dict):
                log.warning("event bus: dropped a non-object message on %s", channel)
                return
            self._dispatch(channel, event)
        elif kind in (b"subscribe", b"unsubscribe"):
            self._acknowledged(channel)

    def _acknowledged(self, channel: str) -> None:
        remaining = self._unacknowledged.get(channel, 0) - 1
        if remaining > 0:
            # Older acknowledgements of a SUBSCRIBE/UNSUBSCRIBE flip-flop: the final state isn't reached yet.
            self._unacknowledged[channel] = remaining
            return
        self._unacknowledged.pop(channel, None)
        confirmed = self._confirmed.get(channel)
        if confirmed is None or channel not in self._remote:
            return
        confirmed.set()
        for subscription in self._channels.get(channel, ()):
            if subscription.needs_resync:
                subscription._resync()

    async def _connection_lost(self) -> None:
        self._healthy = False
        self._became_healthy.clear()
        async with self._command_lock:
            await self._drop_connection()
            self._remote.clear()
            self._unacknowledged.clear()
        # Anything published from now until the channel is confirmed again is lost for these subscribers.
        for confirmed in self._confirmed.values():
            confirmed.clear()
        for subscribers in self._channels.values():
            for subscription in subscribers:
                subscription.needs_resync = True

    async def _drop_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(*_CONNECTION_ERRORS):
                await connection.disconnect()


def _decode(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
