"""Errors raised by the Seedream clients, one tree for every provider.

```
ProviderError                    base: provider, code, status, message
 ├── ProviderTransient           retry with backoff: timeouts, connection errors, 429 (retry_after), 5xx,
 │    │                          WaveSpeed 5xxx task codes, Ark `InvalidEndpoint.ClosedEndpoint`;
 │    │                          `outcome_unknown` when the provider may have run (and billed) it anyway
 │    └── ProviderDeadlineExceeded   our own overall deadline ran out while the task was still running;
 │                                   `resume_task_id` says which task to poll instead of submitting again
 ├── ProviderRejected            never retry, fail the item and refund: 4xx, WaveSpeed 1xxx (also inside an
 │                               HTTP 200 envelope), Ark content-policy codes and sub-codes; `category` is
 │                               CONTENT_POLICY or INVALID_INPUT
 └── ProviderAuthError           operator problem (401 bad key, 402 / overdue balance, 403 denied, 404 model
                                 not open): stop, alert
```

Each is built by a `from_*` classmethod on `ProviderError` that reads one provider's reply and returns the
right
subclass, so the mapping of codes lives here and nowhere else. A partial set is never an error: it is a
`GenerationResult` with failed slots.
"""

from __future__ import annotations

import httpx

from services.seedream.types import ErrorCategory, JSONObject, JSONValue

# WaveSpeed task-level codes (data.code when data.status == "failed").
WAVESPEED_CONTENT_POLICY_CODE = 1200
WAVESPEED_SYNC_STILL_PROCESSING_CODE = 5004

ARK_CONTENT_POLICY_CODES = frozenset(
    {
        "InputTextSensitiveContentDetected",
        "InputImageSensitiveContentDetected",
        "OutputImageSensitiveContentDetected",
        "SensitiveContentDetected",
    }
)
# Ark codes that say "try again later" whatever HTTP status carries them; `ContentSecurityDetectionError` is the
# detection service itself failing, not the user's input.
ARK_TRANSIENT_CODES = frozenset({"InvalidEndpoint.ClosedEndpoint", "ContentSecurityDetectionError"})
# Ark codes an operator must act on (top up the account; `ModelQuotaExhausted`: the free-tokens mode is suspended),
# like a bad key: a retry cannot help, whatever status (429) carries them.
ARK_ACCOUNT_CODES = frozenset({"AccountOverdueError", "ModelQuotaExhausted"})
ARK_INVALID_INPUT_CODES = frozenset({"InvalidParameter", "MissingParameter"})
WAVESPEED_PAYMENT_REQUIRED = 402
# Statuses a gateway answers while the provider may still make (and bill) the request: WaveSpeed documents that a
# 504 can hide a task that completes.
OUTCOME_UNKNOWN_STATUSES = frozenset({504})
OUTCOME_UNKNOWN_CODE = "PROVIDER_OUTCOME_UNKNOWN"
"""The code of a failed slot (or error) whose request reached the provider with no reply saying what it made."""


def is_ark_content_policy(code: str | None) -> bool:
    """Ark's content-policy family: the documented codes, their dotted sub-codes
    (`SensitiveContentDetected.Violence`, `InputImageSensitiveContentDetected.PrivacyInformation`) and
    Volcengine's `...RiskDetection` codes."""
    if not code:
        return False
    return code.partition(".")[0] in ARK_CONTENT_POLICY_CODES or code.endswith("RiskDetection")


class ProviderError(Exception):
    """Base of every provider failure. `code` is the provider's own code as a string (`"1200"`,
    `"InvalidParameter"`)."""

    category: ErrorCategory = ErrorCategory.TRANSIENT
    resume_task_id: str | None = None
    """Set when the provider's task is still running: poll it again, never submit a new one."""

    def __init__(self, message: str, *, provider: str, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider
        self.code = code
        self.status = status

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(provider={self.provider!r}, code={self.code!r}, "
            f"status={self.status!r}, message={self.message!r})"
        )

    @classmethod
    def from_http_status(
        cls,
        status: int,
        message: str,
        *,
        provider: str,
        code: str | None = None,
        retry_after: float | None = None,
        content_policy: bool = False,
    ) -> ProviderError:
        """Map an HTTP-level failure (no task ran) onto the tree."""
        if status in (401, 402, 403, 404):
            # 402: the account is out of balance; like a bad key, an operator must act and a retry cannot help.
            return ProviderAuthError(message, provider=provider, code=code, status=status)
        if status == 429:
            return ProviderTransient(message, provider=provider, code=code, status=status, retry_after=retry_after)
        if status == 408 or status >= 500:
            return ProviderTransient(message, provider=provider, code=code, status=status, retry_after=retry_after)
        category = ErrorCategory.CONTENT_POLICY if content_policy else ErrorCategory.INVALID_INPUT
        return ProviderRejected(message, provider=provider, code=code, status=status, category=category)

    @classmethod
    def from_wavespeed_response(cls, response: httpx.Response, body: JSONValue) -> ProviderError:
        """A WaveSpeed reply whose HTTP status or envelope `code` is not 200."""
        envelope_code: int | None = None
        message = f"HTTP {response.status_code}"
        if isinstance(body, dict):
            raw_code = body.get("code")
            envelope_code = raw_code if isinstance(raw_code, int) else None
            message = str(body.get("message") or message)
            data = body.get("data")
            if isinstance(data, dict) and data.get("error"):
                message = f"{message}: {data['error']}"
        if response.status_code == 200 and envelope_code is not None and 1000 <= envelope_code < 6000:
            # HTTP 200 carrying a task code ({"code": 1401, ...}): the task table decides, so bad input is
            # never retried.
            return cls.from_wavespeed_task({"code": envelope_code, "status": "failed", "error": message})
        # HTTP 200 with a non-200 envelope code: the envelope code is the real status.
        status = response.status_code if response.status_code != 200 else (envelope_code or 502)
        if "insufficient balance" in message.lower():
            status = WAVESPEED_PAYMENT_REQUIRED
        code = str(envelope_code) if envelope_code is not None else None
        return cls.from_http_status(
            status,
            message,
            provider="wavespeed",
            code=code,
            retry_after=retry_after_seconds(response),
        )

    @classmethod
    def from_wavespeed_task(cls, data: JSONObject) -> ProviderError:
        """A task that ended `failed` (or `timeout`/`cancelled`/`deleted`) with HTTP 200."""
        raw_code = data.get("code")
        code = raw_code if isinstance(raw_code, int) else None
        status_text = str(data.get("status"))
        message = str(data.get("error") or f"task {status_text}")
        code_text = str(code) if code is not None else status_text
        if code == WAVESPEED_CONTENT_POLICY_CODE:
            return ProviderRejected(
                message, provider="wavespeed", code=code_text, category=ErrorCategory.CONTENT_POLICY
            )
        if code is not None and 1000 <= code < 2000:
            return ProviderRejected(message, provider="wavespeed", code=code_text, category=ErrorCategory.INVALID_INPUT)
        if code is None and status_text == "failed":
            # The docs' own failed-task example carries no code: the cause is unknown (it may be the input, which
            # WaveSpeed does not refund), so it fails without a second purchase.
            return ProviderError(message, provider="wavespeed", code="task_failed")
        # 5xxx and provider-side timeouts: WaveSpeed refunds them and a retry may work.
        return ProviderTransient(message, provider="wavespeed", code=code_text)

    @classmethod
    def from_ark_response(cls, response: httpx.Response, body: JSONValue) -> ProviderError:
        """An Ark reply with a non-2xx status and (usually) an `{"error": {...}}` body."""
        code: str | None = None
        message = f"HTTP {response.status_code}"
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            error = body["error"]
            assert isinstance(error, dict)
            code = str(error.get("code")) if error.get("code") is not None else None
            message = str(error.get("message") or message)
        return cls.from_ark_code(code, message, status=response.status_code, retry_after=retry_after_seconds(response))

    @classmethod
    def from_ark_code(
        cls, code: str | None, message: str, *, status: int, retry_after: float | None = None
    ) -> ProviderError:
        """An Ark error object, by code first (the same code can come with different statuses), then status."""
        if code in ARK_TRANSIENT_CODES:
            return ProviderTransient(message, provider="ark", code=code, status=status, retry_after=retry_after)
        if code in ARK_ACCOUNT_CODES:
            return ProviderAuthError(message, provider="ark", code=code, status=status)
        if is_ark_content_policy(code):
            return ProviderRejected(
                message, provider="ark", code=code, status=status, category=ErrorCategory.CONTENT_POLICY
            )
        if status == 200:
            # An error inside a success reply (or a stream): only the code tells; unknown codes may pass.
            if code in ARK_INVALID_INPUT_CODES:
                return ProviderRejected(message, provider="ark", code=code, category=ErrorCategory.INVALID_INPUT)
            return ProviderTransient(message, provider="ark", code=code, retry_after=retry_after)
        return cls.from_http_status(status, message, provider="ark", code=code, retry_after=retry_after)

    @classmethod
    def from_transport_error(
        cls, exc: httpx.TransportError, *, provider: str, request_sent: bool = False
    ) -> ProviderTransient:
        """Timeouts and connection failures: always worth a retry. With `request_sent`, the failure came after
        the provider had the whole request (a read timeout, a reset mid-reply): it may be running, and billed."""
        timed_out = isinstance(exc, httpx.TimeoutException)
        kind = "timeout" if timed_out else "connection_error"
        # Written for users (no exception reprs): the details go to the logs, not the image's message.
        message = (
            "the image service did not answer in time" if timed_out else "the connection to the image service failed"
        )
        # Connecting or writing failed: the provider never had the request, whatever the caller says.
        never_arrived = isinstance(
            exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.WriteError | httpx.WriteTimeout
        )
        return ProviderTransient(
            message, provider=provider, code=kind, outcome_unknown=request_sent and not never_arrived
        )

    @classmethod
    def unclear_reply(cls, response: httpx.Response, *, provider: str, is_json: bool) -> ProviderTransient | None:
        """A reply to a purchase that does not say whether the provider made it (a gateway's 504, an HTTP 200
        that is not JSON, such as a proxy's HTML page): the request may run and be billed. None otherwise."""
        if response.status_code in OUTCOME_UNKNOWN_STATUSES:
            return ProviderTransient(
                f"the image service's gateway timed out (HTTP {response.status_code})",
                provider=provider,
                code=str(response.status_code),
                status=response.status_code,
                outcome_unknown=True,
            )
        if response.status_code == 200 and not is_json:
            return ProviderTransient(
                "the image service answered with something other than JSON",
                provider=provider,
                code="bad_reply",
                status=200,
                outcome_unknown=True,
            )
        return None


class ProviderTransient(ProviderError):
    """Retry with backoff and jitter. `retry_after` is the provider's hint in seconds, when it gave one."""

    category = ErrorCategory.TRANSIENT

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        code: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        outcome_unknown: bool = False,
    ) -> None:
        super().__init__(message, provider=provider, code=code, status=status)
        self.retry_after = retry_after
        self.outcome_unknown = outcome_unknown
        """The provider may have run (and billed) the request: a retry can pay twice."""


class ProviderDeadlineExceeded(ProviderTransient):
    """Our overall deadline expired before the provider finished; `task_id` lets a later poll pick it up
    (`resume_task_id`) instead of a new, billed submit."""

    def __init__(self, message: str, *, provider: str, task_id: str | None = None) -> None:
        super().__init__(message, provider=provider, code="deadline_exceeded")
        self.task_id = task_id
        self.resume_task_id = task_id


class ProviderRejected(ProviderError):
    """The input must change: never retry. `category` is CONTENT_POLICY or INVALID_INPUT."""

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        category: ErrorCategory,
        code: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, provider=provider, code=code, status=status)
        self.category = category


class ProviderAuthError(ProviderError):
    """Bad key, access denied or model not enabled: retrying cannot help, an operator must act."""

    category = ErrorCategory.AUTH


def retry_after_seconds(response: httpx.Response) -> float | None:
    """The `Retry-After` header in seconds (only the delta form: providers do not send dates)."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
