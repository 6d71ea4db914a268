"""The committed schema.graphql matches the code, and everything a client sees is described."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.schema import create_schema
from services.core.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    printed = create_schema(Settings(var_dir=tmp_path)).as_str()
    committed = (ROOT / "schema.graphql").read_text()
    assert committed.strip() == printed.strip(), "schema.graphql is stale: run `playground schema > schema.graphql`"


async def test_every_type_field_and_argument_has_a_description(tmp_path: Path) -> None:
    schema = create_schema(Settings(var_dir=tmp_path))
    query = """{ __schema { types { name kind description
        fields { name description args { name description } }
        inputFields { name description }
        enumValues { name } } } }"""
    result = await schema.execute(query)
    assert result.errors is None
    assert result.data is not None
    missing: list[str] = []
    builtin = {"String", "Int", "Float", "Boolean", "ID"}
    for type_ in result.data["__schema"]["types"]:
        name: str = type_["name"]
        if name.startswith("__") or name in builtin:
            continue
        if not type_["description"]:
            missing.append(name)
        fields: list[dict[str, Any]] = (type_["fields"] or []) + (type_["inputFields"] or [])
        for field in fields:
            if not field["description"]:
                missing.append(f"{name}.{field['name']}")
            for arg in field.get("args") or []:
                if not arg["description"]:
                    missing.append(f"{name}.{field['name']}({arg['name']})")
    assert missing == []
