"""The deck format's JSON Schema, for editors (yaml-language-server) and CI."""

from __future__ import annotations

from typing import Any

from .deck import Deck


def deck_schema() -> dict[str, Any]:
    schema = Deck.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "slidegen deck",
        **schema,
    }
