"""Key figures: a metric on a slide, and the deck's catalogue of metric definitions.

A metric is written inline (``"**475** comunicati stampa"``) or refers by id to the deck's
``metrics:`` catalogue, whose values come from the reporting period's data file.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from .figures import FigureFormat
from .messages import say
from .model import Number, NumberOrText, ShortText, StrictModel, Text, short_form_schema

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
_METRIC_SHORT = re.compile(r"^(?P<qualifier>[^*]*?)\s*\*\*(?P<value>[^*]+)\*\*\s*(?P<label>.*)$")
# A figure is a number when it reads the same in every language: no leading zero, and a
# decimal point only with other than three digits after it ("1.000" is a thousand in
# Italian and one in English: it stays text, shown as written).
_NUMERIC = re.compile(r"^[-+]?(0|[1-9]\d*)(\.(\d{1,2}|\d{4,}))?$")

Direction = Literal["up", "down"]
MetricId = Annotated[str, Field(pattern=IDENTIFIER.pattern)]


class MetricDefinition(StrictModel):
    """How a metric of the catalogue reads; its value comes from each period's data."""

    label: ShortText
    """What the figure counts, e.g. ``comunicati stampa``."""
    type: Literal["number", "text"] = "number"
    """``number`` values must be numbers (a typo is an error); ``text`` accepts words too."""
    format: FigureFormat = "number"
    """``number`` (1.000), ``percent`` (70 → 70%), ``currency``, ``compact`` (2,2 Mln),
    ``compact-currency`` (2,2 Mln €)."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for the currency formats."""
    unit: Text | None = None
    """A unit written after the value (not for percent or currency formats)."""
    good: Direction | None = None
    """Which way is good: ``up`` (more is better) or ``down``; colours the change."""
    target: Number | None = None
    """A goal for the value; tiles show progress towards it."""
    note: Text | None = None
    """A small line under the label."""


class Metric(StrictModel):
    """A key figure: a value (number or text), what it counts, and optional qualifier and note.

    Short forms: ``"**475** comunicati stampa"``, ``"Oltre **1000** appuntamenti"``, or a
    metric id of the deck's catalogue (``comunicati_stampa``), filled from the period data.
    """

    id: MetricId | None = None
    """A metric of the deck's ``metrics:`` catalogue; the other fields default from it."""
    value: NumberOrText | None = None
    """The figure. A number is data (it can be charted); text (``MIGLIAIA``) is shown as is."""
    label: ShortText | None = None
    """What the figure counts, e.g. ``comunicati stampa``."""
    qualifier: Text | None = None
    """A word before the value, e.g. ``Oltre``."""
    unit: Text | None = None
    """A unit after the value, e.g. ``%`` or ``€``."""
    note: Text | None = None
    """A small line under the label."""
    format: FigureFormat = "number"
    """How a numeric value is written (see the catalogue's ``format``)."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for the currency formats."""
    good: Direction | None = None
    """Which way is good, for the colour of the change since the previous period."""
    target: Number | None = None
    """A goal; the tile shows progress towards it."""
    previous: NumberOrText | None = None
    """The previous period's value (filled from the period data); the tile shows the change."""
    previous_label: Text | None = None
    """The previous period's name, shown with the change."""
    missing: bool = False
    """Set when the period has no value yet and the build allows it: shown as missing."""

    __get_pydantic_json_schema__ = short_form_schema(
        "'**475** comunicati stampa' (the value in bold), or a metric id of the catalogue"
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if IDENTIFIER.match(text):
            return {"id": text}
        match = _METRIC_SHORT.match(text)
        if not match:
            raise ValueError(say("metric_short_form"))
        figure: Any = match.group("value").strip()
        unit = None
        if figure.endswith("%"):
            figure, unit = figure[:-1].strip(), "%"
        if _NUMERIC.match(figure):
            figure = float(figure) if "." in figure else int(figure)
        elif unit:
            figure += unit
            unit = None
        short: dict[str, Any] = {"value": figure, "label": match.group("label") or " "}
        if match.group("qualifier"):
            short["qualifier"] = match.group("qualifier")
        if unit:
            short["unit"] = unit
        return short

    @model_validator(mode="after")
    def _complete(self) -> Metric:
        if self.id is None and (self.value is None or self.label is None):
            missing = "value" if self.value is None else "label"
            raise ValueError(say("metric_needs", key=missing))
        return self

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, int | float)


MetricList = Annotated[list[Metric], Field(min_length=1, max_length=8)]
