"""An archive's version log and recorded environment (``data/environment/environment.json``) mutated
structurally, generated: any value replaced by null, a number, text, a list or a deeply
nested mapping. ``verify`` reads it to say how the environment differs and how to recreate
it: whatever the file holds, that is lines of text, never a traceback."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from slidegen.archive import environment
from slidegen.archive.sequence import ArchiveError, read_log
from slidegen.theme_loader import load_theme
from test_hostile import examples

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


def recorded() -> dict[str, Any]:
    from pathlib import Path

    return environment.current(load_theme("cremona", Path(".")).theme, "LibreOffice 7.4")


RECORDED = recorded()


@st.composite
def mutated(draw: st.DrawFn) -> object:
    """The recorded environment with values replaced, at any depth, or the whole of it."""
    if draw(st.integers(0, 9)) == 0:
        return draw(JSON)
    record: Any = copy.deepcopy(RECORDED)
    for _ in range(draw(st.integers(1, 4))):
        path: list[Any] = []
        node = record
        while isinstance(node, dict | list) and node and draw(st.booleans()):
            key = draw(
                st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
            )
            path.append(key)
            node = node[key]
        if not path:
            key = draw(st.sampled_from(["slidegen", "python", "packages", "fonts", "libreoffice"]))
            path = [key]
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw(JSON)
    return record


@examples(200)
@given(record=mutated())
def test_a_mutated_environment_record_is_described_not_crashed_on(record: object) -> None:
    note(repr(record))
    here = copy.deepcopy(RECORDED)
    lines = environment.differences(record, here)  # type: ignore[arg-type]
    assert all(isinstance(line, str) and "\n" not in line for line in lines)
    from pathlib import Path

    hint = environment.recreate_hint(Path("bag"), record)  # type: ignore[arg-type]
    assert isinstance(hint, str) and hint


ENTRY = {
    "version": 2,
    "deck": "deck.yaml",
    "tagmanifest_sha256": "ab" * 32,
    "previous_version": 1,
    "previous_sha256": "cd" * 32,
}


@st.composite
def log_lines(draw: st.DrawFn) -> str:
    """A version log (JSON lines) with entries changed: a field's value, a field gone or
    added, a line that is no mapping."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        entry: Any = dict(ENTRY)
        choice = draw(st.integers(0, 3))
        if choice == 0:
            entry[draw(st.sampled_from(sorted(ENTRY)))] = draw(JSON)
        elif choice == 1:
            del entry[draw(st.sampled_from(sorted(ENTRY)))]
        elif choice == 2:
            entry = draw(JSON)
        lines.append(json.dumps(entry))
    return "\n".join(lines) + "\n"


@examples(200)
@given(text=log_lines())
def test_a_mutated_version_log_is_read_or_refused_located(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    log = tmp_path_factory.mktemp("log") / "versions.jsonl"
    log.write_text(text, encoding="utf-8")
    try:
        entries = read_log(log)
    except ArchiveError as error:
        assert error.problems and error.problems[0].location.line >= 1
        return
    for entry in entries:
        assert isinstance(entry.version, int) and isinstance(entry.deck, str)
        assert entry.previous_version is None or isinstance(entry.previous_version, int)
