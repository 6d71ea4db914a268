"""A few slots per process for decoding images, and handing their memory back afterwards.

Decoding is what an image costs in memory, not its file: a 100 KB PNG of 6000×6000 pixels is 144 MB once decoded
(RGBA). Run on the default thread pool, six such uploads at once held 3.7 GB and kept 1.35 GB afterwards. Here:

- ``run`` executes a decode on a dedicated pool of ``slots`` threads (``IMAGE_DECODE_SLOTS``, default 2), so at most
  that many decodes hold pixels at once in this process; the others wait their turn without occupying the event
  loop's default executor (file reads and DNS lookups keep their threads);
- after each decode the C allocator is asked to return freed memory to the system (``malloc_trim`` on glibc).
  Pillow frees an image's blocks when it is closed, but glibc keeps large freed blocks in its heaps (its mmap
  threshold grows after the first large free), which is the "kept afterwards" part; trimming hands them back.

Waiting for a slot is bounded by the callers' own deadlines (an HTTP request's, a job's timeout).
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_SLOTS = 2

_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_slots = DEFAULT_SLOTS


def configure(slots: int) -> None:
    """Set how many decodes may run at once in this process (takes effect for decodes started afterwards)."""
    global _pool, _slots
    if slots < 1:
        raise ValueError("at least one decode slot is needed")
    with _lock:
        if slots == _slots and _pool is not None:
            return
        old, _pool, _slots = _pool, None, slots
    if old is not None:
        old.shutdown(wait=False)  # decodes already running finish; new ones go to the new pool


def slots() -> int:
    """How many decodes may run at once in this process."""
    return _slots


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=_slots, thread_name_prefix="decode")
        return _pool


async def run(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``fn(*args, **kwargs)`` in one of the decode slots; the memory it freed is returned to the system after."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_executor(), functools.partial(_call_then_trim, fn, *args, **kwargs))


def _call_then_trim(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    try:
        return fn(*args, **kwargs)
    finally:
        release_memory()


def _load_malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim with
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_malloc_trim = _load_malloc_trim()


def release_memory() -> None:
    """Return the C heap's free memory to the system, where the C library can (glibc); otherwise nothing."""
    if _malloc_trim is not None:
        _malloc_trim(0)
