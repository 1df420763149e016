"""The deck format as typed models: strict, documented, exported as JSON Schema.

Every model forbids unknown keys. Slide kinds form a discriminated union on ``kind``. Each
field's docstring is its documentation in the JSON Schema (and so in the user's editor).
"""

from __future__ import annotations

import functools
import math
import os
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    field_validator,
    model_validator,
)

from .dates import Date
from .figures import FigureFormat
from .markup import LINK, link_target
from .messages import say
from .schema import DOCS_VARIABLE

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


MAX_TEXT = 2_000
"""The most characters of any text set on a slide: more cannot be set legibly, and fitting
text costs time with its length (a 1 MB subtitle took 88 s)."""
MAX_NOTES = 20_000
"""The most characters of a slide's speaker notes: some 3,000 words, a long talk per slide."""


def _as_text(value: Any, limit: int = MAX_TEXT) -> Any:
    """Numbers and booleans in text fields become exactly the text the user wrote. Text
    longer than ``limit`` is refused before anything else reads it, so that no check on it
    costs more than its cap."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return getattr(value, "source", str(value))
    if isinstance(value, str):
        if len(value) > limit:
            raise ValueError(say("at_most_characters", count=limit, actual=len(value)))
        bad = _CONTROL.search(value)
        if bad:
            raise ValueError(say("contains_control_character", code=ord(bad.group())))
        for link in LINK.finditer(value):
            _check_link(link.group("url"))
    return value


MAX_LINK_LENGTH = 2000  # PowerPoint "repairs" (drops) hyperlinks longer than ~2,000 characters
_LINK_SCHEMES = ("https://", "http://", "mailto:")


def _check_link(url: str) -> None:
    length = len(link_target(url))  # as written into the file, percent-encoded
    if length > MAX_LINK_LENGTH:
        raise ValueError(say("link_too_long", length=f"{length:,}", limit=f"{MAX_LINK_LENGTH:,}"))
    if not url.lower().startswith(_LINK_SCHEMES):
        raise ValueError(say("link_scheme", url=url[:60]))


Text = Annotated[str, BeforeValidator(_as_text), Field(max_length=MAX_TEXT)]
"""Text with optional inline markup: ``**bold**`` and ``*italic*``; at most
:data:`MAX_TEXT` characters."""

ShortText = Annotated[Text, Field(min_length=1)]
"""Text that may not be empty."""

NotesText = Annotated[
    str, BeforeValidator(functools.partial(_as_text, limit=MAX_NOTES)), Field(max_length=MAX_NOTES)
]
"""Speaker notes: text, at most :data:`MAX_NOTES` characters."""

_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")


def _as_flag(value: Any) -> Any:
    """YAML 1.2's booleans (the loader leaves them as the text written); anything else is
    refused by the strict bool after this."""
    if isinstance(value, str) and value in (*_TRUE, *_FALSE):
        return value in _TRUE
    return value


Flag = Annotated[bool, Strict(), BeforeValidator(_as_flag)]
"""``true`` or ``false``. Never ``yes``, ``NO`` or ``1``: YAML 1.1 read those as booleans, and
slidegen reads them as the text written, so a flag takes only the two words."""


MAX_NUMBER = 1e15  # beyond this, figures are typos (and Babel's decimal context overflows)


def _as_number_or_text(value: Any) -> Any:
    if isinstance(value, bool):
        return _as_text(value)
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(say("finite_number"))
        if abs(value) > MAX_NUMBER:
            raise ValueError(
                say("number_too_large", value=f"{value:.3g}", limit=f"{MAX_NUMBER:.0e}")
            )
        return int(value) if isinstance(value, int) else float(value)
    return _as_text(value)


NumberOrText = Annotated[
    int | float | Annotated[str, Field(max_length=MAX_TEXT)], BeforeValidator(_as_number_or_text)
]
Number = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER)]


def short_form_schema(description: str) -> Any:
    """``__get_pydantic_json_schema__`` for models that also accept a plain string, so that
    editors validating ``deck.yaml`` against the schema accept the short form too."""

    def schema(cls: type, core_schema: Any, handler: Any) -> dict[str, Any]:
        full = handler.resolve_ref_schema(handler(core_schema))
        mapping = {key: value for key, value in full.items() if key != "description"}
        short = {"type": "string", "description": description, "maxLength": MAX_TEXT}
        return {"description": full.get("description", ""), "anyOf": [short, mapping]}

    return classmethod(schema)


def check_language(tag: str) -> str:
    """A language tag Babel (and so slidegen's number formats) knows."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        raise ValueError(say("unknown_language", tag=tag)) from None
    return tag


DOCUMENTED = os.environ.get(DOCS_VARIABLE) == "1"
"""Whether the fields' docstrings are their descriptions: pydantic reads them by parsing the
source (~70 ms at every start), for the JSON Schema only (slidegen.schema_generator, ``make
schema``)."""


class StrictModel(BaseModel):
    """Base of every deck model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=DOCUMENTED, allow_inf_nan=False
    )


class DeckInfo(StrictModel):
    """What the deck is: shown on the cover and footer, and stored in the file's properties."""

    title: ShortText
    """The deck's title, shown on the cover."""
    subtitle: Text | None = None
    """A line under the title on the cover."""
    organization: Text | None = None
    """Who presents it, e.g. ``Comune di Cremona``."""
    period: Text | None = None
    """The reporting period, e.g. ``Luglio – Dicembre 2014``."""
    period_dates: Text | None = None
    """The period's dates, shown on the cover under the period (filled from the period file
    of a period-driven deck: ``1 luglio 2014 – 31 dicembre 2014``)."""
    language: str = Field("it-IT", pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")
    """BCP 47 language tag of the text (``it-IT``, ``en-GB``): spelling, numbers, accessibility."""

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        return check_language(value)

    author: Text | None = None
    """Author stored in the file's properties."""
    date: Date | None = None
    """The period's end or the presentation date (``2014-12-31``): the file's creation date,
    unless ``SOURCE_DATE_EPOCH`` is set. Builds never stamp the current time."""
    theme: str = Field("cremona", max_length=64)
    """Name of a folder in ``themes/``; ``slidegen themes`` lists them."""


# -- building blocks -----------------------------------------------------------------------


class Bullet(StrictModel):
    """A list item; a plain string is the short form of ``{text: ...}``."""

    text: ShortText
    """The item's text, with inline markup."""
    note: Text | None = None
    """A smaller italic line under the item (an aside, a list of examples)."""
    items: list[Bullet] = Field(default_factory=list)
    """Sub-items; lists nest up to three levels."""

    __get_pydantic_json_schema__ = short_form_schema("The item's text, with inline markup.")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, str | int | float) and not isinstance(value, dict):
            return {"text": value}
        return value

    def depth(self) -> int:
        """Number of levels in this item's subtree, itself included."""
        return 1 + max((child.depth() for child in self.items), default=0)


BulletList = Annotated[list[Bullet], Field(min_length=1, max_length=40)]


def check_depth(items: list[Bullet]) -> list[Bullet]:
    for item in items:
        if item.depth() > 3:
            raise ValueError(say("lists_too_deep"))
    return items


ChartType = Literal[
    "bar", "column", "stacked-bar", "stacked-column", "line", "pie", "doughnut", "target", "trend"
]
NATIVE_CHART_TYPES = ("bar", "column", "stacked-bar", "stacked-column", "line", "pie", "doughnut")


class Series(StrictModel):
    """One data series of a chart."""

    name: ShortText
    """Series name, shown in the legend."""
    values: list[Number | None] = Field(min_length=1, max_length=200)
    """One value per category (``null``: no value, drawn as a gap, never as 0)."""


class Target(StrictModel):
    """A goal for a ``target`` chart, e.g. separate collection 70%."""

    label: ShortText
    """What the target is about."""
    target: Number
    """The goal (in ``unit``)."""
    value: Number | None = None
    """Where things stand now, if known; the chart shows progress towards ``target``."""
    unit: Text = "%"
    """Unit of ``target`` and ``value``."""


class Chart(StrictModel):
    """A chart. Native types are editable in PowerPoint; ``target`` is drawn with matplotlib.

    On a ``metrics`` slide a chart with no ``categories``/``series`` draws the slide's numeric
    metrics, so each figure is typed once.
    """

    type: ChartType
    """``bar``, ``column``, ``stacked-bar``, ``stacked-column``, ``line``, ``pie``,
    ``doughnut``, ``trend`` (metrics across periods; native) or ``target`` (progress towards
    goals, an image)."""
    title: Text | None = None
    """A title drawn above the chart."""
    categories: list[ShortText] | None = Field(None, min_length=1, max_length=200)
    """Category labels (x axis, or pie slices)."""
    series: list[Series] | None = Field(None, min_length=1, max_length=20)
    """Data series; each has one value per category."""
    targets: list[Target] | None = Field(None, min_length=1, max_length=4)
    """Goals, for ``type: target``."""
    data: ShortText | None = None
    """A CSV file (relative to the deck) holding the chart's table: categories in the first
    column, one series per other column, names in the header row. ``{period}`` in the path
    becomes the period being built (``data/series/{period}-mensile.csv``)."""
    metrics: list[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]] | None = Field(
        None, min_length=1, max_length=6
    )
    """For ``type: trend``: metric ids of the catalogue, drawn across all periods."""
    alt: Text | None = None
    """Alternative text for screen readers; generated from the data when omitted."""
    format: FigureFormat | None = None
    """How values are written on labels and the axis: ``number``, ``percent`` (70 → 70%),
    ``currency``, ``compact`` (2,2 Mln), ``compact-currency``. By default the format of the
    metrics drawn (trend charts and charts of a slide's metrics), else ``number``."""
    currency: str = Field("EUR", pattern=r"^[A-Z]{3}$")
    """ISO 4217 code for the currency formats."""

    @model_validator(mode="after")
    def _data_fits_type(self) -> Chart:
        if self.data is not None:
            if self.categories or self.series or self.targets or self.metrics:
                raise ValueError(say("chart_data_and_more"))
            if self.type in ("target", "trend"):
                raise ValueError(say("chart_no_csv", type=self.type))
            return self
        if self.type == "trend":
            if not self.metrics:
                raise ValueError(say("trend_needs_metrics"))
            return self
        if self.metrics:
            raise ValueError(say("metrics_only_trend"))
        if self.type == "target":
            if not self.targets:
                raise ValueError(say("target_needs_targets"))
            if self.categories or self.series:
                raise ValueError(say("target_takes_targets"))
            return self
        if self.targets:
            raise ValueError(say("targets_only_target", type=self.type))
        if (self.categories is None) != (self.series is None):
            raise ValueError(say("categories_and_series"))
        for series in self.series or []:
            if len(series.values) != len(self.categories or []):
                raise ValueError(
                    say(
                        "series_length",
                        name=series.name,
                        values=len(series.values),
                        categories=len(self.categories or []),
                    )
                )
        return self

    @property
    def has_data(self) -> bool:
        return (
            self.targets is not None
            or self.series is not None
            or self.data is not None
            or self.type == "trend"
        )


class Column(StrictModel):
    """One column of a ``columns`` slide."""

    heading: Text | None = None
    """The column's heading."""
    items: BulletList
    """The column's list."""
    numbered: Flag = False
    """Number the items (1. 2. 3.)."""

    _depth = field_validator("items")(check_depth)


class SlideBase(StrictModel):
    """Fields every slide has."""

    notes: NotesText | None = None
    """Speaker notes for the presenter."""


class TitledSlide(SlideBase):
    """A slide with a visible title."""

    title: ShortText
    """The slide's title (unique in the deck: screen readers navigate by it)."""
    subtitle: Text | None = None
    """A line under the title."""
