"""Which document a GraphQL request runs: its text, or a persisted document named by its hash.

Two mechanisms share one request shape, ``extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}``:

- **Automatic persisted queries** (Apollo's protocol, also spoken by urql's persisted exchange): a client sends the
  hash alone; an unknown hash is answered ``PersistedQueryNotFound`` (HTTP 200, the body Apollo clients look for),
  the client sends hash and text, the text is checked against the hash and, once it has run, registered in the
  ``DocumentStore`` (``services.infra.documents``), so the next hash-only request runs it
  (``GRAPHQL_PERSISTED_QUERIES``).
- **Trusted documents**: the operations of the client's build (GraphQL Code Generator's persisted documents
  manifest, ``GRAPHQL_TRUSTED_DOCUMENTS``) are known by hash from the start; with ``GRAPHQL_TRUSTED_DOCUMENTS_ONLY``
  nothing else runs (and nothing is registered), so a leaked token can only run what the app itself runs.

The HTTP view (``app.api``) asks ``resolve`` for the text before it executes anything; a refusal is a
``PersistedQueryRefused`` carrying its status and the exact response body.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError

from services.infra.documents import SHA256_HEX, DocumentStore, document_hash

APQ_VERSION = 1


class PersistedQueryRefused(Exception):
    """A request whose document cannot run, answered before anything executes with ``body`` and ``status``."""

    status = 400
    code = "BAD_REQUEST"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def body(self) -> dict[str, object]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


class PersistedQueryNotFound(PersistedQueryRefused):
    """The hash names no document this server knows: send it again with the text (Apollo's and urql's clients do)."""

    status = 200
    code = "PERSISTED_QUERY_NOT_FOUND"

    def __init__(self) -> None:
        super().__init__("PersistedQueryNotFound")


class PersistedQueryNotSupported(PersistedQueryRefused):
    """Persisted queries are off and no trusted documents are loaded: clients fall back to sending texts."""

    status = 200
    code = "PERSISTED_QUERY_NOT_SUPPORTED"

    def __init__(self) -> None:
        super().__init__("PersistedQueryNotSupported")


class UntrustedDocument(PersistedQueryRefused):
    """``GRAPHQL_TRUSTED_DOCUMENTS_ONLY``: the document is not one of the trusted documents."""

    code = "UNTRUSTED_DOCUMENT"

    def __init__(self) -> None:
        super().__init__(
            "this server runs only the trusted documents of its clients' builds; this document is not one of them"
        )


@dataclass(frozen=True, slots=True)
class Resolved:
    """The text to run, and whether to register it under ``digest`` once it has run."""

    text: str | None
    digest: str | None = None
    register: bool = False


class PersistedDocuments:
    """The request's document, by text or by hash (module docstring). One per process."""

    def __init__(
        self,
        *,
        store: DocumentStore | None,
        trusted: Mapping[str, str] | None = None,
        trusted_only: bool = False,
    ) -> None:
        if trusted_only and trusted is None:
            raise ValueError("trusted_only needs a trusted documents manifest")
        self.store = store
        """``None``: automatic persisted queries are off (``GRAPHQL_PERSISTED_QUERIES=false``)."""
        self.trusted: Mapping[str, str] = trusted or {}
        self.has_manifest = trusted is not None
        self.trusted_only = trusted_only

    @staticmethod
    def requested(extensions: object) -> bool:
        """True when the request names a persisted document (``extensions.persistedQuery``)."""
        return isinstance(extensions, dict) and extensions.get("persistedQuery") is not None

    async def resolve(self, query: str | None, extensions: Mapping[str, Any] | None) -> Resolved:
        persisted = extensions.get("persistedQuery") if isinstance(extensions, Mapping) else None
        if persisted is None:
            if query is not None and self.trusted_only and document_hash(query) not in self.trusted:
                raise UntrustedDocument
            return Resolved(query)
        if not isinstance(persisted, Mapping):
            raise PersistedQueryRefused("extensions.persistedQuery must be an object")
        if persisted.get("version") != APQ_VERSION:
            raise PersistedQueryRefused("Unsupported persisted query version")
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not SHA256_HEX.fullmatch(digest):
            raise PersistedQueryRefused("extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits")
        if query is None:
            text = self.trusted.get(digest)
            if text is None and self.store is not None and not self.trusted_only:
                text = await self.store.get(digest)
            if text is not None:
                return Resolved(text)
            if self.store is None and not self.has_manifest:
                raise PersistedQueryNotSupported
            raise PersistedQueryNotFound
        if document_hash(query) != digest:
            raise PersistedQueryRefused("provided sha does not match query")
        if digest in self.trusted:
            return Resolved(query)
        if self.trusted_only:
            raise UntrustedDocument
        return Resolved(query, digest, register=self.store is not None)

    async def ran(
        self, resolved: Resolved, errors: Sequence[GraphQLError] | None, *, signed_in: Callable[[], Awaitable[bool]]
    ) -> None:
        """After execution: register a document sent with its hash, unless it did not parse or validate (those
        errors have no path; errors of fields that ran do). Shared with the other replicas (Redis) only when
        ``signed_in()`` says the caller is verified; an anonymous caller's stays in this process's bounded LRU."""
        if not resolved.register or self.store is None or resolved.text is None or resolved.digest is None:
            return
        if errors and not all(error.path for error in errors):
            return
        await self.store.put(resolved.digest, resolved.text, shared=await signed_in())
