"""Make a provider reply safe to store as `api_response`: JSON types only, large base64 payloads elided."""

from __future__ import annotations

from services.seedream.types import JSONObject, JSONValue

# Anything longer is an image payload (base64 or data: URL), not a message worth keeping.
MAX_KEPT_STRING = 2048


def elide_payloads(value: object) -> JSONValue:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        if len(value) > MAX_KEPT_STRING:
            return f"<elided {len(value)} chars>"
        return value
    if isinstance(value, dict):
        return {str(key): elide_payloads(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [elide_payloads(item) for item in value]
    return repr(value)


def elide_object(value: object) -> JSONObject:
    elided = elide_payloads(value)
    return elided if isinstance(elided, dict) else {"value": elided}
