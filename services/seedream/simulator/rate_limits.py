"""Per-key limits like WaveSpeed's tiers: images per rolling minute and tasks in flight."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable

WINDOW_S = 60.0


class KeyLimiter:
    def __init__(self, images_per_minute: int, concurrent_tasks: int, clock: Callable[[], float]) -> None:
        self._images_per_minute = images_per_minute
        self._concurrent_tasks = concurrent_tasks
        self._clock = clock
        self._images: dict[str, deque[tuple[float, int]]] = defaultdict(deque)
        self._active: dict[str, int] = defaultdict(int)

    def acquire(self, key: str, images: int) -> tuple[str, float] | None:
        """Take a task slot and `images` from the minute budget, or return (reason, retry-after seconds)."""
        now = self._clock()
        window = self._images[key]
        while window and window[0][0] <= now - WINDOW_S:
            window.popleft()
        if self._active[key] >= self._concurrent_tasks:
            return "concurrent task limit reached", 1.0
        used = sum(count for _, count in window)
        if used + images > self._images_per_minute:
            retry_after = max(1.0, window[0][0] + WINDOW_S - now) if window else WINDOW_S
            return "images per minute limit reached", retry_after
        window.append((now, images))
        self._active[key] += 1
        return None

    def take_images(self, key: str, images: int) -> tuple[str, float] | None:
        """Take `images` from the minute budget only (WaveSpeed queues over its task limit instead of
        refusing), or return (reason, seconds until the window has room)."""
        now = self._clock()
        window = self._images[key]
        while window and window[0][0] <= now - WINDOW_S:
            window.popleft()
        used = sum(count for _, count in window)
        if used + images > self._images_per_minute:
            return "images per minute limit reached", max(1.0, window[0][0] + WINDOW_S - now) if window else WINDOW_S
        window.append((now, images))
        return None

    def release(self, key: str) -> None:
        self._active[key] = max(0, self._active[key] - 1)

    def active(self, key: str) -> int:
        return self._active[key]
