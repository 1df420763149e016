"""The YAML loader: strict scalars, positions of every key and value, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from slidegen import loader
from slidegen.errors import DeckError, Location
from slidegen.loader import SourceFloat, SourceInt, load_yaml, load_yaml_text


def value_of(scalar: str) -> Any:
    return load_yaml_text(f"v: {scalar}\n", "t.yaml").data["v"]


def problems(text: str) -> list[str]:
    with pytest.raises(DeckError) as caught:
        load_yaml_text(text, "t.yaml")
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("scalar", "expected"),
    [
        # Booleans stay the text written; yes/no settings read true/false themselves.
        ("true", "true"),
        ("True", "True"),
        ("TRUE", "TRUE"),
        ("false", "false"),
        ("FALSE", "FALSE"),
        ("null", None),
        ("~", None),
        ("", None),
    ],
)
def test_typed_scalars(scalar: str, expected: object) -> None:
    value = value_of(scalar)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "scalar",
    [
        "NO", "no", "yes", "Yes", "on", "off", "y", "n",  # YAML 1.1 booleans
        "0123", "0x1F", "0o17", "1_000", "0b101",  # YAML 1.1 octal/hex/sexagesimal ints
        "12:30", "1:20:30",  # sexagesimal
        "2014-12-31",  # dates stay text; the model parses them where a date is wanted
        ".5", "1.", "+.inf_not",  # not the decimal forms slidegen types
        "Oltre cento",
    ],
)  # fmt: skip
def test_everything_else_is_the_text_written(scalar: str) -> None:
    value = value_of(scalar)
    assert type(value) is str
    assert value == scalar


@pytest.mark.parametrize(
    ("scalar", "number"),
    [("0", 0), ("475", 475), ("-20", -20), ("+5", 5), ("1234567", 1234567)],
)
def test_integers_remember_their_source(scalar: str, number: int) -> None:
    value = value_of(scalar)
    assert isinstance(value, SourceInt)
    assert value == number
    assert value.source == scalar


@pytest.mark.parametrize(
    ("scalar", "number"),
    [("1.10", 1.1), ("2.5", 2.5), ("-0.5", -0.5), ("1e3", 1000.0), ("6.02E+23", 6.02e23)],
)
def test_decimals_remember_their_source(scalar: str, number: float) -> None:
    value = value_of(scalar)
    assert isinstance(value, SourceFloat)
    assert value == number
    assert value.source == scalar


@pytest.mark.parametrize("scalar", ['"123"', "'true'", '"null"', "'1.10'"])
def test_quoted_scalars_are_text(scalar: str) -> None:
    assert value_of(scalar) == scalar[1:-1]


def test_block_scalars_are_text() -> None:
    data = load_yaml_text("a: |\n  12\nb: >-\n  true\n", "t.yaml").data
    assert data == {"a": "12\n", "b": "true"}


def test_positions_of_keys_and_values() -> None:
    loaded = load_yaml_text(
        "deck:\n  title: T\nsections:\n  - title: S\n    slides:\n      - kind: bullets\n",
        "d.yaml",
    )
    assert loaded.keys[("deck", "title")] == (2, 3)
    assert loaded.values[("deck", "title")] == (2, 10)
    assert loaded.values[("sections", 0)] == (4, 5)
    assert loaded.values[("sections", 0, "slides", 0, "kind")] == (6, 15)
    assert loaded.locate(("sections", 0, "slides", 0, "kind")) == Location("d.yaml", 6, 15)
    assert loaded.locate(("sections", 0, "slides", 0, "kind"), key=True) == Location("d.yaml", 6, 9)


def test_locate_falls_back_to_the_nearest_ancestor() -> None:
    loaded = load_yaml_text("deck:\n  title: T\n", "d.yaml")
    assert loaded.locate(("deck", "theme")) == Location("d.yaml", 2, 3)
    assert loaded.locate(("deck", "theme"), key=True) == Location("d.yaml", 2, 3)
    assert loaded.locate(("nowhere", 3)) == Location("d.yaml", 1, 1)


def test_location_format() -> None:
    assert str(Location("d.yaml", 3, 7)) == "d.yaml:3:7"
    assert str(Location("d.yaml")) == "d.yaml"


def test_duplicate_keys_all_reported() -> None:
    assert problems("a: 1\nb: 2\na: 3\nb: 4\n") == [
        "t.yaml:3:1: duplicate key 'a' (first defined on line 1)",
        "t.yaml:4:1: duplicate key 'b' (first defined on line 2)",
    ]


def test_aliases_anchors_and_tags_refused_as_text_to_quote() -> None:
    assert problems("a: &x 1\nb: *x\n") == [
        't.yaml:1:4: this text starts with & — put it in quotes: a: "&x 1"\n    a: &x 1\n       ^'
    ]
    assert problems("b: *x\n") == [
        't.yaml:1:4: this text starts with * — put it in quotes: b: "*x"\n    b: *x\n       ^'
    ]
    assert problems("b: !important news\n") == [
        't.yaml:1:4: this text starts with ! — put it in quotes: b: "!important news"'
        "\n    b: !important news\n       ^"
    ]


def test_billion_laughs_never_expands() -> None:
    text = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    assert len(problems(text)) == 1


def test_not_finite_numbers_refused_with_location() -> None:
    assert problems("a: [1, .nan]\nb: -.Inf\n") == [
        "t.yaml:1:8: '.nan' is not a finite number; write the value as text in quotes if meant",
        "t.yaml:2:4: '-.Inf' is not a finite number; write the value as text in quotes if meant",
    ]


def test_non_text_keys_refused() -> None:
    assert problems("? [a, b]\n: 1\n") == ["t.yaml:1:3: keys must be plain text"]


def test_nesting_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_DEPTH", 3)
    load_yaml_text("a: {b: {c: 1}}\n", "t.yaml")
    assert problems("a: {b: {c: {d: 1}}}\n") == ["t.yaml:1:16: nesting deeper than 3 levels"]


def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.yaml"
    path.write_text("title: more than ten bytes\n")
    with pytest.raises(DeckError) as caught:
        load_yaml(path, "big.yaml")
    assert str(caught.value) == "big.yaml: file is 27 bytes; the limit is 10 bytes"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: caffè\n".encode())
    assert load_yaml(path).data == {"a": "caffè"}


def test_directory_is_not_a_deck(tmp_path: Path) -> None:
    with pytest.raises(DeckError) as caught:
        load_yaml(tmp_path, "folder")
    assert str(caught.value) == "folder: is a directory, expected a YAML file"


def test_empty_document() -> None:
    loaded = load_yaml_text("# only a comment\n", "t.yaml")
    assert loaded.data is None
