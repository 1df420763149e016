"""The deck format's JSON Schema as shipped, for editors (yaml-language-server) and CI.

The schema is generated from the deck model (:mod:`slidegen.schema_generator`, ``make
schema``) and shipped as ``deck.schema.json`` inside the package, so ``slidegen schema`` and
``slidegen init`` print/copy it without loading the model (a test fails until the files are
regenerated after a change to the model).

Each field's description in the schema is its docstring, which pydantic reads from the source
only in a process started with ``SLIDEGEN_SCHEMA_DOCS=1`` (:data:`DOCS_VARIABLE`): parsing the
source costs every build some 70 ms for text only the schema shows.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: slidegen schema is quick
if TYPE_CHECKING:
    from typing import Any

SCHEMA_FILE = "deck.schema.json"
DOCS_VARIABLE = "SLIDEGEN_SCHEMA_DOCS"
"""Set to ``1`` before the model is imported, its fields carry their docstrings."""


def schema_text(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The schema as shipped in the package (what ``slidegen schema`` prints)."""
    # Beside this module (a wheel installs as plain files): no importlib.resources, ~15 ms.
    path = os.path.join(os.path.dirname(__file__), SCHEMA_FILE)
    with open(path, encoding="utf-8") as file:
        return file.read()
