from __future__ import annotations

import httpx
import pytest

from services.seedream import (
    ErrorCategory,
    GenerationMode,
    GenerationRequest,
    ImageSize,
    ProviderAuthError,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
    WaveSpeedClient,
    WaveSpeedConfig,
    WebhookSignatureError,
    sign_webhook,
    verify_webhook_signature,
)
from services.seedream.types import JSONObject

SECRET = "whsec_c2VjcmV0"


@pytest.mark.parametrize(
    ("status", "body", "error", "category"),
    [
        (401, {"code": 401, "message": "Unauthorized"}, ProviderAuthError, ErrorCategory.AUTH),
        (400, {"code": 400, "message": "bad"}, ProviderRejected, ErrorCategory.INVALID_INPUT),
        (503, {"code": 503, "message": "down"}, ProviderTransient, ErrorCategory.TRANSIENT),
        # HTTP 200 with a failing envelope code: the envelope wins.
        (200, {"code": 500, "message": "internal"}, ProviderTransient, ErrorCategory.TRANSIENT),
        (200, {"code": 400, "message": "bad"}, ProviderRejected, ErrorCategory.INVALID_INPUT),
    ],
)
def test_wavespeed_envelope_mapping(
    status: int, body: JSONObject, error: type[ProviderError], category: ErrorCategory
) -> None:
    mapped = ProviderError.from_wavespeed_response(httpx.Response(status), body)

    assert type(mapped) is error
    assert mapped.category is category


@pytest.mark.parametrize(
    ("code", "error", "category"),
    [
        (1200, ProviderRejected, ErrorCategory.CONTENT_POLICY),
        (1401, ProviderRejected, ErrorCategory.INVALID_INPUT),
        (1402, ProviderRejected, ErrorCategory.INVALID_INPUT),
        (5000, ProviderTransient, ErrorCategory.TRANSIENT),
        (5003, ProviderTransient, ErrorCategory.TRANSIENT),
    ],
)
def test_wavespeed_task_code_mapping(code: int, error: type[ProviderError], category: ErrorCategory) -> None:
    mapped = ProviderError.from_wavespeed_task({"status": "failed", "code": code, "error": "x"})

    assert type(mapped) is error
    assert mapped.category is category
    assert mapped.code == str(code)


async def test_wavespeed_client_checks_the_envelope_code_on_http_200() -> None:
    # The simulator always pairs its HTTP status with the envelope code; only a mock can split them.
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"code": 500, "message": "internal", "data": {"error": "boom"}})

    async with httpx.AsyncClient(transport=httpx.MockTransport(reply)) as http:
        client = WaveSpeedClient(http, WaveSpeedConfig(api_key="k", base_url="http://ws.test"))
        with pytest.raises(ProviderTransient) as caught:
            await client.generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "p", size=ImageSize(1024, 1024)))

    assert caught.value.message == "internal: boom"
    assert caught.value.status == 500


async def test_connection_error_is_transient() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
        client = WaveSpeedClient(http, WaveSpeedConfig(api_key="k", base_url="http://ws.test"))
        with pytest.raises(ProviderTransient) as caught:
            await client.generate(GenerationRequest(GenerationMode.TEXT_TO_IMAGE, "p"))

    assert caught.value.code == "connection_error"


def test_signature_round_trip_and_rejections() -> None:
    body = b'{"id":"abc"}'
    headers = {
        "webhook-id": "abc",
        "webhook-timestamp": "1000",
        "webhook-signature": sign_webhook(SECRET, "abc", 1000, body),
    }
    verify_webhook_signature(SECRET, headers, body, now=1000 + 299)

    with pytest.raises(WebhookSignatureError, match="too old"):
        verify_webhook_signature(SECRET, headers, body, now=1000 + 301)
    with pytest.raises(WebhookSignatureError, match="mismatch"):
        verify_webhook_signature(SECRET, headers, body + b" ", now=1000)
    with pytest.raises(WebhookSignatureError, match="mismatch"):
        verify_webhook_signature("whsec_b3RoZXI", headers, body, now=1000)
    with pytest.raises(WebhookSignatureError, match="missing"):
        verify_webhook_signature(SECRET, {"webhook-id": "abc"}, body, now=1000)


def test_signature_uses_secret_without_prefix() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"c2VjcmV0", b"abc.1000.body", hashlib.sha256).hexdigest()
    assert sign_webhook(SECRET, "abc", 1000, b"body") == f"v3,{expected}"
