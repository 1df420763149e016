"""Locale-correct figures with Babel: ``1.000``, ``2,2 Mln €``, ``70%`` in Italian; ``1,000``,
``€2.2M``, ``70%`` in English."""

from __future__ import annotations

import decimal
import functools
from typing import Literal

from babel import Locale
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

FigureFormat = Literal["number", "percent", "currency", "compact", "compact-currency"]

_UNCHANGED = {"it": "invariato", "en": "unchanged", "fr": "inchangé", "de": "unverändert"}
_VERSUS = {"it": "rispetto a", "en": "vs", "fr": "par rapport à", "de": "ggü."}
_TARGET = {"it": "obiettivo", "en": "target", "fr": "objectif", "de": "Ziel"}
_MISSING = {
    "it": "dato mancante",
    "en": "missing value",
    "fr": "donnée manquante",
    "de": "Wert fehlt",
}


@functools.cache
def babel_locale(language: str) -> Locale:
    """The language's Babel locale, parsed once per run (a deck formats thousands of
    figures in one language)."""
    return Locale.parse(language, sep="-")


def format_figure(
    value: float, language: str, kind: FigureFormat = "number", currency: str = "EUR"
) -> str:
    """``value`` written as the language writes it; ``percent`` takes 70 for 70%."""
    # Babel reads a float through str(): the type and repr name the input exactly (0.0 and
    # -0.0, or 1 and 1.0, are equal keys but not the same figure).
    return _format_once(value, type(value), repr(value), language, kind, currency)


@functools.lru_cache(maxsize=65536)
def _format_once(
    value: float, _type: type, _repr: str, language: str, kind: FigureFormat, currency: str
) -> str:
    """:func:`format_figure`, worked out once per figure: a deck's charts, their alt text and
    labels format the same values over and over (~25 µs each through Babel)."""
    try:
        return _format(value, language, kind, currency)
    except decimal.InvalidOperation:  # beyond Babel's 28-digit decimal context
        return f"{value:.3g}"


def _format(value: float, language: str, kind: FigureFormat, currency: str) -> str:
    locale = babel_locale(language)
    if kind == "percent":
        return format_percent(value / 100, locale=locale, format="#,##0.#%")
    if kind == "currency":
        return format_currency(value, currency, locale=locale)
    if kind in ("compact", "compact-currency"):
        return _compact(value, locale, currency if kind == "compact-currency" else None)
    return format_decimal(value, locale=locale)


SHORT_FORM_FROM = 1_000_000
"""Short forms start at a million: below it a figure is written in full and grouped
(``250.000``, ``€250,000``). CLDR releases disagree on thousands (Italian had none, then
``250K``), and a report's readers should not see the spelling change with a library."""


def _compact(value: float, locale: Locale, currency: str | None) -> str:
    """``2,2 Mln €``; grouped digits below a million, where no short form is used, and
    999.999 shown as ``1 Mln``, not ``1000 K``."""
    rounded = float(f"{value:.3g}")  # three significant digits, the precision of a short form
    if abs(rounded) >= SHORT_FORM_FROM:
        text = (
            format_compact_currency(rounded, currency, locale=locale, fraction_digits=1)
            if currency
            else format_compact_decimal(rounded, locale=locale, fraction_digits=1)
        )
        if any(char.isalpha() for char in text.replace(currency or "", "")):
            return text
    # Below a million, or a language without a short form at this size: group the digits.
    if currency:
        whole = locale.currency_formats["standard"].pattern.replace(".00", "")
        return format_currency(
            round(value), currency, format=whole, locale=locale, currency_digits=False
        )
    return format_decimal(round(value), locale=locale)


def format_signed(
    value: float, language: str, kind: FigureFormat = "number", currency: str = "EUR"
) -> str:
    """A change with its sign: ``+25``, ``−3,5%`` (a real minus sign)."""
    text = format_figure(abs(value), language, kind, currency)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else text


def word(table: dict[str, str], language: str) -> str:
    return table.get(language.split("-")[0], table["en"])


def unchanged_word(language: str) -> str:
    return word(_UNCHANGED, language)


def versus_word(language: str) -> str:
    return word(_VERSUS, language)


def target_word(language: str) -> str:
    return word(_TARGET, language)


def missing_word(language: str) -> str:
    return word(_MISSING, language)
