"""The batch loop's translation of provider failures, and its retry policy."""

from __future__ import annotations

import pytest

from models import ErrorCategory
from services.generation.backoff import RetryPolicy
from services.generation.provider import failed_slot_category, failure_of
from services.seedream import ErrorCategory as ProviderCategory
from services.seedream import (
    ProviderAuthError,
    ProviderDeadlineExceeded,
    ProviderError,
    ProviderRejected,
    ProviderTransient,
)


def test_transient_failures_are_retried_with_the_providers_hint() -> None:
    failure = failure_of(ProviderTransient("busy", provider="ark", code="429", retry_after=3.0))
    assert failure.retryable
    assert failure.category is ErrorCategory.TRANSIENT
    assert failure.retry_after == 3.0
    assert failure_of(ProviderDeadlineExceeded("slow", provider="wavespeed")).retryable


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        (ProviderCategory.CONTENT_POLICY, ErrorCategory.CONTENT_POLICY),
        (ProviderCategory.INVALID_INPUT, ErrorCategory.INVALID_INPUT),
    ],
)
def test_rejected_inputs_fail_at_once_in_their_category(category: ProviderCategory, expected: ErrorCategory) -> None:
    failure = failure_of(ProviderRejected("no", provider="ark", category=category, code="x"))
    assert not failure.retryable
    assert failure.category is expected
    assert failure.code == "x"


def test_refused_credentials_fail_without_telling_the_user_our_secrets() -> None:
    failure = failure_of(ProviderAuthError("key sk-123 is invalid", provider="ark", code="401"))
    assert not failure.retryable
    assert failure.category is ErrorCategory.PROVIDER_AUTH
    assert "sk-123" not in failure.message


def test_any_other_provider_error_fails_once_as_transient() -> None:
    failure = failure_of(ProviderError("odd reply", provider="wavespeed"))
    assert (failure.category, failure.retryable) == (ErrorCategory.TRANSIENT, False)


def test_a_missing_slot_without_a_reason_counts_as_transient() -> None:
    assert failed_slot_category(None) is ErrorCategory.TRANSIENT
    assert failed_slot_category(ProviderCategory.CONTENT_POLICY) is ErrorCategory.CONTENT_POLICY


def test_backoff_is_jittered_under_a_growing_cap_and_never_shorter_than_the_hint() -> None:
    policy = RetryPolicy(max_attempts=4, base_seconds=0.5, max_seconds=4.0)
    for attempt in (1, 2, 3):
        cap = min(4.0, 0.5 * 2**attempt)
        delays = [policy.delay(attempt) for _ in range(200)]
        assert all(0 <= d <= cap for d in delays)
        assert len(set(delays)) > 1  # jittered, so that workers do not retry in step
    assert all(policy.delay(1, retry_after=10.0) == 10.0 for _ in range(20))
    assert [policy.may_retry(a) for a in (1, 2, 3, 4)] == [True, True, True, False]
