"""Figures are formatted once each and reused: a reused figure is the one Babel writes for
exactly that value, never for an equal one (0.0 and -0.0, 1 and 1.0)."""

from __future__ import annotations

import pytest

from slidegen.figures import FigureFormat, _format, format_figure

KINDS: tuple[FigureFormat, ...] = ("number", "percent", "currency", "compact", "compact-currency")


@pytest.mark.parametrize("kind", KINDS)
def test_a_reused_figure_is_babels_for_that_very_value(kind: FigureFormat) -> None:
    values = [0.0, -0.0, 0, 1, 1.0, 2.5, -2.5, 1_234_567.0, 1e-7, 999_999]
    first = [format_figure(v, "it-IT", kind) for v in values]  # fills the cache
    again = [format_figure(v, "it-IT", kind) for v in reversed(values)][::-1]
    assert first == again == [_format(v, "it-IT", kind, "EUR") for v in values]


def test_the_language_and_currency_are_part_of_the_figure() -> None:
    assert format_figure(1234.5, "it-IT") == "1.234,5"
    assert format_figure(1234.5, "en-GB") == "1,234.5"
    assert format_figure(3, "it-IT", "currency", "USD") != format_figure(3, "it-IT", "currency")
