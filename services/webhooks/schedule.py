"""When a failed delivery is tried again: exponential backoff with jitter, for about a day.

Attempt 1 is at once; after each failure the next waits (±20 % jitter, so that a receiver coming back is not hit by
every delivery in the same second):

=========  =======  ===============
attempt    waits    about, since 1
=========  =======  ===============
2          5 s      5 s
3          5 min    5 min
4          30 min   35 min
5          2 h      2.6 h
6          5 h      7.6 h
7          10 h     17.6 h
8          10 h     27.6 h
=========  =======  ===============

After the 8th failure the delivery is FAILED (``webhookRedeliver`` sends it again). An endpoint none of whose
deliveries has succeeded for ``WEBHOOKS_DISABLE_AFTER_HOURS`` (72 h) is disabled, with the reason shown to its owner.
"""

from __future__ import annotations

import random
from datetime import timedelta

DELAYS: tuple[timedelta, ...] = (
    timedelta(seconds=5),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
MAX_ATTEMPTS = len(DELAYS) + 1
JITTER = 0.2


def next_delay(attempts: int, *, rng: random.Random | None = None) -> timedelta | None:
    """The wait after ``attempts`` failed attempts, or None when the schedule is used up."""
    if attempts < 1 or attempts > len(DELAYS):
        return None
    base = DELAYS[attempts - 1].total_seconds()
    factor = 1 + (rng or random).uniform(-JITTER, JITTER)
    return timedelta(seconds=base * factor)
