"""The deck format's JSON Schema, generated from the deck model (``make schema`` writes it
where :mod:`slidegen.schema` ships it).

Descriptions are the fields' docstrings, which the model carries only in a process started
with :data:`~slidegen.schema.DOCS_VARIABLE` set: :func:`deck_schema` asks a child process with
that variable when the model of its own process was loaded without it.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .schema import DOCS_VARIABLE, schema_text


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
