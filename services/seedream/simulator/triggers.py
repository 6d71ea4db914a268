"""Trigger words in a prompt that force an outcome, so tests are deterministic.

`[[fail:policy]]` content-policy rejection, `[[fail:500]]` server error, `[[fail:task]]` task-level 5000
(WaveSpeed),
`[[fail:429]]` rate limited, `[[fail:timeout]]` never completes, `[[partial:N]]` a set loses N slots,
`[[delay:S]]` this request takes S seconds. `[[fail:500:K]]` / `[[fail:429:K]]` / `[[fail:task:K]]` fail only
the
first K attempts of the same prompt (`once` = 1), for retry tests.

Failures the real services are documented to produce, for the "never pay twice" tests:
`[[poll:429:K]]` / `[[poll:500:K]]` the first K polls of the task fail (the task runs on); `[[download:500:K]]`
each output link fails its first K downloads; `[[fail:402]]` out of balance (WaveSpeed 402, Ark 403
`AccountOverdueError`); `[[fail:envelope]]` an HTTP 200 carrying an error (WaveSpeed envelope code 1401, Ark a
lone `error` object); `[[fail:sync5004]]` a WaveSpeed sync reply with code 5004 and status `failed` while the
task runs on; `[[fail:truncate]]` an Ark stream that ends after its first image without `completed`;
`[[fail:closed]]` Ark `InvalidEndpoint.ClosedEndpoint`; `[[code:X]]` the provider code to use for `policy` or
`envelope` (e.g. `[[code:SensitiveContentDetected.Violence]]`).

Replies whose outcome the caller cannot know (the service made, and billed, the work; see `faults`):
`[[fail:lostreply]]` the reply never comes (the caller's read timeout fires); `[[fail:504]]` a gateway's 504 page;
`[[fail:html]]` an HTTP 200 carrying an HTML page; `[[fail:reset]]` the connection drops mid-reply (an Ark stream
after its first image). `[[fail:nocode]]` a WaveSpeed task that fails without a code (the docs' example);
`[[poll:404:K]]` the first K polls answer 404 (the task is lost from the service's view); `[[fail:cutimage]]`
every output is cut at half its bytes (its header still reads). `[[fail:stuck]]` the task stays queued;
`[[fail:expire]]` output links answer 403 (expired); `[[fail:nsfw]]` the first image is flagged; `[[fail:short]]`
a set comes back with half its images. The same faults without trigger words: `fault_plan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRIGGER = re.compile(r"\[\[(fail|partial|delay|poll|download):([a-z0-9.]+)(?::([a-z0-9]+))?\]\]")
_CODE = re.compile(r"\[\[code:([A-Za-z0-9._]+)\]\]")
FAILURE_KINDS = frozenset(
    {
        "policy",
        "500",
        "task",
        "429",
        "timeout",
        "402",
        "envelope",
        "sync5004",
        "truncate",
        "closed",
        "lostreply",
        "504",
        "html",
        "reset",
        "nocode",
        "cutimage",
        "stuck",
        "expire",
        "nsfw",
        "short",
    }
)


@dataclass(frozen=True, slots=True)
class Triggers:
    failure: str | None = None
    """One of FAILURE_KINDS."""
    failure_attempts: int | None = None
    """Fail only the first N attempts; None means always."""
    partial: int = 0
    delay_s: float | None = None
    poll_failures: tuple[str, ...] = ()
    """HTTP statuses (as text) the task's first polls answer with, in order."""
    download_failures: int = 0
    """How many times each output link fails before it serves the image."""
    code: str | None = None


def parse_triggers(prompt: str) -> Triggers:
    failure: str | None = None
    attempts: int | None = None
    partial = 0
    delay: float | None = None
    poll_failures: list[str] = []
    download_failures = 0
    for kind, value, extra in _TRIGGER.findall(prompt):
        count = 1 if extra in ("", "once") else int(extra) if extra.isdigit() else 1
        if kind == "poll" and value in ("404", "429", "500", "503"):
            poll_failures.extend([value] * count)
        elif kind == "download" and value in ("404", "500", "503"):
            download_failures = count
        elif kind == "fail" and value in FAILURE_KINDS:
            failure = value
            if extra:
                attempts = 1 if extra == "once" else int(extra) if extra.isdigit() else None
        elif kind == "partial" and value.isdigit():
            partial = int(value)
        elif kind == "delay":
            try:
                delay = float(value)
            except ValueError:
                delay = None
    code = _CODE.search(prompt)
    return Triggers(
        failure, attempts, partial, delay, tuple(poll_failures), download_failures, code[1] if code else None
    )


def visible_prompt(prompt: str) -> str:
    """The prompt without trigger words (what is drawn on the image)."""
    return " ".join(_CODE.sub("", _TRIGGER.sub("", prompt)).split())
