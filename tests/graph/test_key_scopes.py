"""Every root field of the schema has a scope decision for API keys, and each decision is what the guard enforces.

Generated from the schema: a new root field without an entry in ``graph.keys.scopes.ROOT_FIELD_RULES`` fails here.
"""

from __future__ import annotations

import uuid

import pytest
from graphql import GraphQLObjectType, parse

from app.schema import create_schema
from graph.keys.scopes import ANY_KEY, NO_KEY, ROOT_FIELD_RULES, refusal, root_fields
from models import ApiKeyScope, Role
from services.core.auth import Identity
from services.core.config import Settings


def schema_root_fields(settings: Settings) -> dict[str, set[str]]:
    schema = create_schema(settings)._schema
    roots: dict[str, set[str]] = {}
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        assert isinstance(root, GraphQLObjectType)
        roots[root.name] = set(root.fields)
    return roots


def key(*scopes: ApiKeyScope) -> Identity:
    return Identity(
        subject="apikey:x",
        role=Role.USER,
        email=None,
        expires_at=0,
        api_key_id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        scopes=frozenset(scopes),
    )


def test_every_root_field_has_a_scope_decision_and_no_decision_is_stale(settings: Settings) -> None:
    roots = schema_root_fields(settings)
    for root, fields in roots.items():
        missing = sorted(fields - set(ROOT_FIELD_RULES.get(root, {})))
        assert not missing, f"decide which API key scope reaches {root}.{missing} in graph/keys/scopes.py"
    for root, rules in ROOT_FIELD_RULES.items():
        stale = sorted(set(rules) - roots.get(root, set()))
        assert not stale, f"graph/keys/scopes.py names fields the schema does not have: {root}.{stale}"


def test_administrator_fields_and_the_key_fields_are_sessions_only() -> None:
    assert ROOT_FIELD_RULES["Mutation"]["creditsGrant"] is NO_KEY
    for field in ("apiKeyCreate", "apiKeyRevoke"):
        assert ROOT_FIELD_RULES["Mutation"][field] is NO_KEY
    assert ROOT_FIELD_RULES["Query"]["apiKeys"] is NO_KEY


@pytest.mark.parametrize(
    ("root", "field"), [(root, field) for root, rules in ROOT_FIELD_RULES.items() for field in rules]
)
def test_each_field_is_reached_by_its_scope_only(root: str, field: str) -> None:
    rule = ROOT_FIELD_RULES[root][field]
    every = list(ApiKeyScope)
    if rule is ANY_KEY:
        assert refusal(key(), root, field) is None
    elif rule is NO_KEY:
        error = refusal(key(*every), root, field)
        assert error is not None
        assert error.extensions == {"code": "FORBIDDEN", "requiredScope": None, "field": field}
    else:
        assert isinstance(rule, ApiKeyScope)
        assert refusal(key(rule), root, field) is None
        error = refusal(key(*(s for s in every if s is not rule)), root, field)
        assert error is not None
        assert error.extensions == {"code": "FORBIDDEN", "requiredScope": rule.value, "field": field}
    session = Identity(subject="someone", role=Role.ADMIN, email=None, expires_at=0)
    assert refusal(session, root, field) is None


def test_an_unknown_root_field_is_refused_to_keys() -> None:
    assert refusal(key(*ApiKeyScope), "Mutation", "somethingNew") is not None


def test_root_fields_are_found_through_fragments_and_directives() -> None:
    document = parse(
        """
        query A { me { id } }
        mutation B { ...M ... on Mutation { generate(input: {prompt: "x"}) @skip(if: true) { userErrors { code } } } }
        fragment M on Mutation { galleryRemove(id: "1") { removedId } ...N }
        fragment N on Mutation { creditsGrant(input: {subject: "x", amount: 1}) { balance } ...M }
        """
    )
    assert root_fields(document, "A") == ("Query", ["me"])
    found = root_fields(document, "B")
    assert found is not None
    assert found[0] == "Mutation"
    assert sorted(found[1]) == ["creditsGrant", "galleryRemove", "generate"]
    assert root_fields(document, None) is None  # two operations and no name: validation answers
