"""Inline markup: ``**bold**`` and ``*italic*`` become runs; other asterisks stay as written."""

from __future__ import annotations

import pytest

from slidegen.markup import Run, parse_inline, plain_text

B = {"bold": True}
I = {"italic": True}  # noqa: E741
BI = {"bold": True, "italic": True}


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("plain", [Run("plain")]),
        ("**bold**", [Run("bold", **B)]),
        ("*italic*", [Run("italic", **I)]),
        ("a **b** c", [Run("a "), Run("b", **B), Run(" c")]),
        ("**a** and **b**", [Run("a", **B), Run(" and "), Run("b", **B)]),
        ("**x** *y*", [Run("x", **B), Run(" "), Run("y", **I)]),
        ("*(a note)*", [Run("(a note)", **I)]),
        (
            "Oltre **1000 APPUNTAMENTI** nell'agenda",
            [Run("Oltre "), Run("1000 APPUNTAMENTI", **B), Run(" nell'agenda")],
        ),
    ],
)
def test_bold_and_italic(text: str, runs: list[Run]) -> None:
    assert parse_inline(text) == runs


def test_italic_nested_in_bold() -> None:
    assert parse_inline("**bold *both* bold**") == [
        Run("bold ", **B),
        Run("both", **BI),
        Run(" bold", **B),
    ]


def test_asterisk_inside_bold_is_text() -> None:
    assert parse_inline("**a*b**") == [Run("a*b", **B)]


@pytest.mark.parametrize(
    "text",
    [
        "5 * 3",
        "a * b * c",
        "2*x",
        "word*not italic*",
        "**unclosed",
        "*unclosed",
        "**",
        "*",
        "* spaced *",
    ],
)
def test_unpaired_asterisks_are_kept(text: str) -> None:
    assert parse_inline(text) == [Run(text)]
    assert plain_text(text) == text


def test_whole_text_emphasis_applies_to_every_run() -> None:
    # Adjacent runs with the same emphasis are one run.
    assert parse_inline("a **b**", bold=True) == [Run("a b", **B)]
    assert parse_inline("a *b*", italic=True) == [Run("a b", **I)]


def test_empty_text_has_no_runs() -> None:
    assert parse_inline("") == []


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("**475** comunicati", "475 comunicati"),
        ("*Campeggio, ATS* **Interazione**", "Campeggio, ATS Interazione"),
        ("5 * 3", "5 * 3"),
    ],
)
def test_plain_text(text: str, plain: str) -> None:
    assert plain_text(text) == plain


def test_bold_italic_triple_asterisks() -> None:
    assert parse_inline("***x***") == [Run("x", **BI)]


def test_bold_nested_in_italic() -> None:
    assert plain_text("*see **this** now*") == "see this now"
