"""The deck format's JSON Schema, for editors (yaml-language-server) and CI.

The schema is generated from the deck model and shipped as ``deck.schema.json`` inside the
package, so ``slidegen schema`` and ``slidegen init`` print/copy it without loading the model.
After a change to the model: ``make schema`` (a test fails until the files are regenerated).
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_FILE = "deck.schema.json"


def deck_schema() -> dict[str, Any]:
    """The schema, generated from the model (pydantic)."""
    from .deck import Deck

    schema = Deck.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "slidegen deck",
        **schema,
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The schema as shipped in the package (what ``slidegen schema`` prints)."""
    return resources.files("slidegen").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def main(paths: list[str]) -> None:
    """Write the generated schema to each of ``paths`` (``make schema``)."""
    text = schema_text(deck_schema())
    for path in paths:
        Path(path).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
