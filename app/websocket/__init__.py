"""graphql-transport-ws on the GraphQL endpoint: Strawberry's protocol handler, with a shared subscription fan-out,
per-user caps, a message size cap and timers instead of per-socket tasks. Three parts, each readable alone:

- ``writer``: the protocol writer. Frames are written without ever waiting on a slow socket: at once when the
  socket's buffer takes them, otherwise queued behind it (up to ``WRITE_BACKLOG`` messages; past that the socket is
  closed with 1013, try again later, and the client resumes with ``afterSeq``). A text message over
  ``max_message_bytes`` (the HTTP JSON body cap) closes the socket with 1009.
- ``fanout``: the process's shared subscriptions. The one root field the composition root names
  (``app.schema.SHARED_SUBSCRIPTION``: ``batchProgress``) is served without a task, a bus subscription and a
  per-event execution per subscriber: each subscriber joins the process's feed of its batch
  (``services.progress.feeds``) and a *shape* (same document, operation name and variables, the resume argument
  aside), whose one Strawberry stream renders each event once; the bytes go to every socket of the shape behind its
  own operation id.
- ``handler``: the graphql-transport-ws handler: connection init, caps (per user and process, at most
  ``WS_MAX_SOCKETS_PER_USER`` sockets, refused with 4429, and ``WS_MAX_SUBSCRIPTIONS_PER_USER`` live subscriptions,
  answered with an ``error`` message coded ``TOO_MANY_SUBSCRIPTIONS``), the timers (``connection_init`` deadline,
  the token's expiry: 4403), and the choice between the shared path and Strawberry's own. Who may follow a batch is
  decided by ``services.progress.follow.batch_to_follow``, as for the resolver.

Close codes this layer uses besides the protocol's (4400 bad message, 4401 unauthorised, 4403 forbidden or token
expired, 4408 init timeout, 4409 duplicate id, 4429 too many inits or sockets): 1009 message too big, 1013 try again
later (too slow to keep up): reconnect and resume with ``afterSeq``.
"""

from app.websocket.fanout import ProgressFanout
from app.websocket.handler import TOO_MANY_SUBSCRIPTIONS, TransportWSHandler
from app.websocket.writer import RAW_SEND, WRITE_BACKLOG, SocketWriter, WebSocketAdapter

__all__ = [
    "RAW_SEND",
    "TOO_MANY_SUBSCRIPTIONS",
    "WRITE_BACKLOG",
    "ProgressFanout",
    "SocketWriter",
    "TransportWSHandler",
    "WebSocketAdapter",
]
