"""Excel/PowerPoint number format codes for chart labels and axes, from a metric's format.

The codes say what :func:`slidegen.figures.format_figure` says in text: ``70%`` for a percent
metric (which stores 70), ``2,2 Mln`` for a compact one, ``1.000 €`` for currency. A code
never ends in a bare decimal point: ``#,##0.##`` shows 475 as ``475.``, so whole data gets
``#,##0`` and data with decimals exactly the places it needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel.numbers import format_compact_decimal, get_currency_symbol

from .figures import FigureFormat, babel_locale

MAX_DECIMALS = 2
_LEADING_NUMBER = re.compile(r"^[\d.,]+")


def decimals_needed(values: Iterable[float | None]) -> int:
    """The fewest decimal places (0 to 2) that show every value as it is."""
    needed = 0
    for value in values:
        if value is None:
            continue
        places = next(
            (d for d in range(MAX_DECIMALS + 1) if abs(round(value, d) - value) < 1e-9),
            MAX_DECIMALS,
        )
        needed = max(needed, places)
    return needed


def _number(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _quoted(text: str) -> str:
    """Literal text in a format code (the non-breaking space as a plain one: Excel's codes)."""
    return '"' + text.replace("\u00a0", " ").replace('"', "") + '"'


def _short_suffix(language: str, scale: int) -> str:
    """The language's word for millions or billions (`` Mln``, ``m``), from CLDR."""
    text = format_compact_decimal(scale, locale=babel_locale(language), fraction_digits=0)
    return _LEADING_NUMBER.sub("", text) if text[:1].isdigit() else ""


def _with_currency(digits: str, suffix: str, currency: str, language: str) -> str:
    """``digits`` and ``suffix`` with the currency symbol where the language puts it."""
    locale = babel_locale(language)
    symbol = get_currency_symbol(currency, locale=locale)
    pattern = locale.currency_formats["standard"].pattern
    if pattern.strip().startswith("¤"):
        return _quoted(symbol) + digits + (_quoted(suffix) if suffix else "")
    spaced = "\u00a0¤" in pattern or " ¤" in pattern
    return digits + _quoted(suffix + (" " if spaced else "") + symbol)


def number_format_code(
    kind: FigureFormat,
    values: Iterable[float | None],
    language: str,
    currency: str = "EUR",
) -> str:
    """The format code for labels and axis of data written as ``kind``."""
    numbers = [v for v in values if v is not None]
    decimals = decimals_needed(numbers)
    if kind == "percent":
        return _number(decimals) + _quoted("%")  # the data is 70 for 70%: a literal sign
    if kind == "currency":
        return _with_currency(_number(decimals), "", currency, language)
    if kind in ("compact", "compact-currency"):
        # Short forms from a million, as in text (figures.SHORT_FORM_FROM); whole below it.
        largest = max((abs(v) for v in numbers), default=0.0)
        digits, suffix = _number(0), ""
        for scale, commas in ((1_000_000_000, ",,,"), (1_000_000, ",,")):
            if largest >= scale:
                digits, suffix = "#,##0.0" + commas, _short_suffix(language, scale)
                break
        if kind == "compact-currency":
            return _with_currency(digits, suffix, currency, language)
        return digits + (_quoted(suffix) if suffix else "")
    return _number(decimals)
