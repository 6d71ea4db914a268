"""aerich's command line, with one fix used by ``scripts/makemigrations``.

SQLite has no column comments, so when a field's description changes (a ``CharEnumField`` also describes its
members) there is nothing to alter; aerich 0.10.1 raises ``NotSupportError`` instead. Here that step writes nothing.
"""

from __future__ import annotations

from typing import Any

from aerich.cli import main
from aerich.ddl.sqlite import SqliteDDL
from aerich.migrate import Migrate


def _no_comment(self: SqliteDDL, model: Any, field_describe: dict[str, Any]) -> str:
    return ""


_add_operator = Migrate._add_operator.__func__  # type: ignore[attr-defined]


def _add_nonempty_operator(cls: type[Migrate], operator: str, upgrade: bool = True, fk_m2m_index: bool = False) -> None:
    if operator.strip():
        _add_operator(cls, operator, upgrade, fk_m2m_index)


SqliteDDL.set_comment = _no_comment  # type: ignore[method-assign]
Migrate._add_operator = classmethod(_add_nonempty_operator)  # type: ignore[method-assign,assignment]

if __name__ == "__main__":
    main()
