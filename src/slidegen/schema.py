"""The deck format's JSON Schema, for editors (yaml-language-server) and CI.

The schema is generated from the deck model and shipped as ``deck.schema.json`` inside the
package, so ``slidegen schema`` and ``slidegen init`` print/copy it without loading the model.
After a change to the model: ``make schema`` (a test fails until the files are regenerated).

Each field's description in the schema is its docstring, which pydantic reads from the source
only in a process started with ``SLIDEGEN_SCHEMA_DOCS=1`` (:data:`DOCS_VARIABLE`): parsing the
source costs every build some 70 ms for text only the schema shows. :func:`deck_schema` asks a
child process with that variable when the model of its own process was loaded without it.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: slidegen schema is quick
if TYPE_CHECKING:
    from typing import Any

SCHEMA_FILE = "deck.schema.json"
DOCS_VARIABLE = "SLIDEGEN_SCHEMA_DOCS"
"""Set to ``1`` before the model is imported, its fields carry their docstrings."""


def deck_schema() -> dict[str, Any]:
    """The schema, generated from the model (pydantic), with every field's description."""
    import json

    from . import model

    if not model.DOCUMENTED:
        return json.loads(_documented_schema_text())
    from .deck import Deck

    schema = Deck.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "slidegen deck",
        **schema,
    }


def _documented_schema_text() -> str:
    """:func:`schema_text` of the schema, from a child process whose model has its docstrings
    (the text, once per process: the child takes a second)."""
    global _documented
    if _documented is None:
        import subprocess

        child = subprocess.run(
            [sys.executable, "-m", __name__],
            env={**os.environ, DOCS_VARIABLE: "1"},
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        _documented = child.stdout
    return _documented


_documented: str | None = None


def schema_text(schema: dict[str, Any]) -> str:
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The schema as shipped in the package (what ``slidegen schema`` prints)."""
    # Beside this module (a wheel installs as plain files): no importlib.resources, ~15 ms.
    path = os.path.join(os.path.dirname(__file__), SCHEMA_FILE)
    with open(path, encoding="utf-8") as file:
        return file.read()


def main(paths: list[str]) -> None:
    """Write the generated schema to each of ``paths`` (``make schema``), or to stdout."""
    text = schema_text(deck_schema())
    if not paths:
        sys.stdout.buffer.write(text.encode("utf-8"))
    for path in paths:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)


if __name__ == "__main__":
    os.environ.setdefault(DOCS_VARIABLE, "1")  # read when the model is imported, just below
    main(sys.argv[1:])
