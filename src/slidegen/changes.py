"""The change of a figure since the previous period, as tiles and table columns write it.

``▲ +25 (+5,3%)`` for a count, ``▲ +2,5 p.p.`` for a percentage, ``= invariato`` when it did
not move; coloured ``positive`` or ``negative`` when the metric says which way is good, else
``muted``. Pure: the renderers map the tone to the theme's colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .figures import FigureFormat, format_signed, unchanged_word, versus_word, word

Tone = Literal["positive", "negative", "muted"]
NO_CHANGE = "—"
"""What a change column shows when either period has no number."""

_CHANGE = {"it": "Variazione", "en": "Change", "fr": "Variation", "de": "Veränderung"}


@dataclass(frozen=True)
class PeriodChange:
    """A metric's value now and in the previous period, with how it is written."""

    now: float | str | None
    before: float | str | None
    format: FigureFormat = "number"
    currency: str = "EUR"
    good: Literal["up", "down"] | None = None


@dataclass(frozen=True)
class ChangeText:
    text: str
    tone: Tone


def describe_change(change: PeriodChange, language: str) -> ChangeText | None:
    """The change written for ``language``; None when either value is missing or text."""
    now, before = change.now, change.before
    if not _is_number(now) or not _is_number(before):
        return None
    assert isinstance(now, int | float) and isinstance(before, int | float)
    delta = now - before
    if delta == 0:
        return ChangeText(f"= {unchanged_word(language)}", "muted")
    arrow = "▲" if delta > 0 else "▼"
    kind: FigureFormat = "number" if change.format == "percent" else change.format
    text = f"{arrow}\u00a0{format_signed(delta, language, kind, change.currency)}"
    if change.format == "percent":
        text += " p.p." if language.startswith("it") else " pts"
    elif before != 0 and abs(delta / before) < 1000:  # a percentage past 100,000% says nothing
        text += f" ({format_signed(delta / abs(before) * 100, language, 'percent')})"
    if change.good is None:
        return ChangeText(text, "muted")
    improved = (delta > 0) == (change.good == "up")
    return ChangeText(text, "positive" if improved else "negative")


def change_header(language: str, previous_label: str | None) -> str:
    """The header of a change column that names none: ``Variazione rispetto a …``."""
    head = word(_CHANGE, language)
    return f"{head} {versus_word(language)} {previous_label}" if previous_label else head


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
