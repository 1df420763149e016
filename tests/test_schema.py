"""The JSON Schema an editor uses to complete and check deck.yaml."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from typing import Any

import jsonschema
import pytest
import yaml

from helpers import REPO, run_cli
from slidegen.schema import DOCS_VARIABLE, schema_text
from slidegen.schema_generator import deck_schema

SCHEMA_FILE = REPO / "deck.schema.json"
EXAMPLES = [REPO / "deck.yaml", *sorted((REPO / "examples").glob("*/deck.yaml"))]


def as_editor_sees_it(path: Any) -> Any:
    """The YAML as a YAML-aware editor reads it (dates as ISO strings)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", [SCHEMA_FILE, REPO / "src" / "slidegen" / "deck.schema.json"])
def test_shipped_schema_files_are_in_sync(path: Any) -> None:
    """The repository's deck.schema.json and the package's (what `slidegen schema` prints) are
    the model's schema; regenerate them when the model changes: `make schema`."""
    assert path.read_text(encoding="utf-8") == schema_text(deck_schema())


@pytest.mark.parametrize(
    ("value", "description"),
    [(None, "None"), ("1", "Title, organization, period, language, theme.")],
)
def test_fields_carry_their_docstrings_only_in_a_process_for_the_schema(
    value: str | None, description: str
) -> None:
    """pydantic reads the docstrings by parsing the source, ~70 ms at every start: only the
    schema shows them (``make schema``, :func:`deck_schema`'s child process)."""
    env = {key: item for key, item in os.environ.items() if key != DOCS_VARIABLE}
    if value is not None:
        env[DOCS_VARIABLE] = value
    script = "from slidegen.deck import Deck\nprint(Deck.model_fields['deck'].description)"
    child = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert child.stdout == description + "\n"


def test_cli_prints_the_schema(tmp_path: Any) -> None:
    result = run_cli("schema", cwd=tmp_path)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == deck_schema()


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(deck_schema())


@pytest.mark.parametrize("deck", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_decks_validate_against_the_schema(deck: Any) -> None:
    jsonschema.validate(as_editor_sees_it(deck), deck_schema())


def test_schema_rejects_what_slidegen_rejects() -> None:
    data = as_editor_sees_it(REPO / "deck.yaml")
    data["sections"][0]["slides"][0]["kind"] = "bulets"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, deck_schema())
    data = as_editor_sees_it(REPO / "deck.yaml")
    data["deck"]["titel"] = "typo"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, deck_schema())
