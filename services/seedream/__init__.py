"""Seedream 4.0 provider clients behind one protocol, and a local simulator of their wire formats.

Use `create_http_client()` once per process and `create_provider(kind, http, base_url=..., api_key=...)` to
get a
`SeedreamProvider`; call `await provider.generate(GenerationRequest(...))`. Failures raise the
`ProviderError` tree
in `errors.py`; partial sets come back as results with `failed` slots.
"""

from services.seedream.ark import ArkClient, ArkConfig
from services.seedream.errors import (
    ProviderAuthError,
    ProviderDeadlineExceeded,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
)
from services.seedream.factory import ProviderKind, create_http_client, create_provider
from services.seedream.types import (
    ErrorCategory,
    FailedSlot,
    GeneratedImage,
    GenerationMode,
    GenerationRequest,
    GenerationResult,
    ImageCallback,
    ImageSize,
    ReferenceImage,
    SeedreamProvider,
    SizeTier,
    Submission,
    SubmissionCallback,
    Timings,
)
from services.seedream.wavespeed import WaveSpeedClient, WaveSpeedConfig
from services.seedream.webhook_signature import WebhookSignatureError, sign_webhook, verify_webhook_signature

__all__ = [
    "ArkClient",
    "ArkConfig",
    "ErrorCategory",
    "FailedSlot",
    "GeneratedImage",
    "GenerationMode",
    "GenerationRequest",
    "GenerationResult",
    "ImageCallback",
    "ImageSize",
    "ProviderAuthError",
    "ProviderDeadlineExceeded",
    "ProviderError",
    "ProviderKind",
    "ProviderRejected",
    "ProviderTransient",
    "ReferenceImage",
    "SeedreamProvider",
    "SizeTier",
    "Submission",
    "SubmissionCallback",
    "Timings",
    "WaveSpeedClient",
    "WaveSpeedConfig",
    "WebhookSignatureError",
    "create_http_client",
    "create_provider",
    "sign_webhook",
    "verify_webhook_signature",
]
