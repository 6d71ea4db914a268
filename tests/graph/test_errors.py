"""Services name fields as Python does; the graph layer alone turns them into the API's names and error shapes."""

from __future__ import annotations

import pytest

from graph.core.errors import UserError, UserErrorCode, api_path, error_extensions
from services.core.errors import Forbidden, InvalidInput, NotFound
from services.generation.references import ReferenceRejected, RejectReason


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (["input", "max_images"], ["input", "maxImages"]),
        (["input", "references", "0", "upload_id"], ["input", "references", "0", "uploadId"]),
        (["batch_job_id"], ["batchJobId"]),
        (["first"], ["first"]),
        (None, None),
    ],
)
def test_python_field_paths_become_api_paths(field: list[str] | None, expected: list[str] | None) -> None:
    assert api_path(field) == expected


def test_a_user_error_carries_the_api_path_and_code() -> None:
    error = UserError.from_error(InvalidInput("too many", ["input", "style_intensity"]))
    assert error.field == ["input", "styleIntensity"]
    assert error.code is UserErrorCode.INVALID


def test_error_extensions_for_arguments_and_access() -> None:
    assert error_extensions(NotFound("batch job not found", ["batch_job_id"])) == {
        "code": "BAD_USER_INPUT",
        "reason": "NOT_FOUND",
        "field": ["batchJobId"],
    }
    rejected = ReferenceRejected(RejectReason.BLOCKED_ADDRESS, "private address", ["input", "references", "0"])
    assert error_extensions(rejected)["reason"] == "BLOCKED_ADDRESS"
    assert error_extensions(Forbidden("administrators only")) == {"code": "FORBIDDEN"}


def test_a_user_error_carries_the_services_reason_or_repeats_its_code() -> None:
    rejected = ReferenceRejected(RejectReason.TOO_LARGE, "too big", ["input", "references", "0"])
    assert UserError.from_error(rejected).reason == "TOO_LARGE"
    assert UserError.from_error(InvalidInput("bad", ["x"], reason="TOO_LONG")).reason == "TOO_LONG"
    assert UserError.from_error(NotFound("gone", ["id"])).reason == "NOT_FOUND"
