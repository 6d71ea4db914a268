"""Image links, minted when a query reads the row that holds them (``Storage.link``): private images get links
that expire (``MEDIA_LINK_SECONDS``), public gallery items and previews of public presets stable ones.

Only objects the caller may read reach these helpers (every read is scoped through ``services.access``), so a link
is never minted for someone else's private image; the key comes from our own row, never from the request.

Why a context variable rather than a resolver with ``info``: link fields stay plain fields, which the execution's
short path answers in place (``graph.core.execution``). As resolvers, the ~100 links of a page of projects cost
1.4 ms of CPU per page (+16%, measured with bench_reads' page); minting them while the graph object is built costs
~3 microseconds each. ``graph.core.context.Context`` binds its storage when it is made, in the task that then
executes the operation (HTTP) or starts the operations' tasks (WebSocket), which inherit it.
"""

from __future__ import annotations

from contextvars import ContextVar

from services.infra.storage import InvalidKey, Storage, check_key

_storage: ContextVar[Storage] = ContextVar("playground_media_storage")


def bind(storage: Storage) -> None:
    """Mint this task's links (and those of the tasks it starts) with ``storage``."""
    _storage.set(storage)


def image_link(key: str | None, *, public: bool = False) -> str | None:
    """The link for a stored object's key, or None when there is no object."""
    if not key:
        return None
    return _storage.get().link(key, public=public)


def address_link(address: str | None) -> str | None:
    """The private link for an object known by its stored address (``StoredObject.url``: what progress events and
    ``sourceImages`` carry); an address that is not one of ours (a provider URL) is returned unchanged."""
    if not address:
        return address
    storage = _storage.get()
    key = key_of(address, storage.url_for("x.png").removesuffix("x.png"))
    return storage.link(key) if key else address


def key_of(address: str, *prefixes: str) -> str | None:
    """The key at the end of ``address`` when it starts with one of the store's prefixes, or with ``/media/``: rows
    written by the local store before a move to a bucket still name their objects that way (same keys)."""
    for prefix in (*prefixes, "/media/"):
        if address.startswith(prefix):
            try:
                return check_key(address.removeprefix(prefix))
            except InvalidKey:
                return None
    return None
