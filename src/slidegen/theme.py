"""A theme's model: the colours, fonts, sizes and geometry a ``theme.yaml`` manifest gives
(reading one, and the template it may build on: :mod:`slidegen.theme_loader`)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .messages import say
from .model import Flag, ShortText, StrictModel, Text

_HEX = re.compile(r"[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3}")


def as_hex_colour(value: Any) -> Any:
    """A colour as the people who copy it from a brand manual write it — ``#00546B``,
    ``00546b``, ``#05B`` — as ``RRGGBB`` in capitals."""
    if value is None:
        return value  # missing: the model says so (or explains the # comment)
    text = getattr(value, "source", None) or str(value)
    digits = text.strip().removeprefix("#")
    if not _HEX.fullmatch(digits):
        raise ValueError(say("colour_format", got=repr(text)))
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return digits.upper()


HexColor = Annotated[str, BeforeValidator(as_hex_colour)]
"""A colour, ``RRGGBB`` hex once validated; written with or without ``#``, in any case, or
with three digits."""
FontName = Annotated[Text, Field(pattern=r"^[^\x00-\x1f\x7f]{1,64}$")]
"""A font's name; text, so a character XML cannot hold (U+FFFE, written as an escape) is a
located error, not a crash when the name is written into the deck."""


class Colors(StrictModel):
    """Brand colours as hex, ``"#00546B"`` or ``00546B`` (``#`` needs quotes in YAML)."""

    primary: HexColor
    """Titles, bold figures, section backgrounds."""
    text: HexColor
    """Body text."""
    muted: HexColor
    """Subtitles, notes, footer."""
    background: HexColor
    """Slide background."""
    surface: HexColor
    """Metric tiles and panels."""
    on_primary: HexColor
    """Text on the primary colour (section and closing slides)."""
    chart: list[HexColor] = Field(min_length=1, max_length=12)
    """Series / slice colours, in order."""
    positive: HexColor = "1E7B34"
    """A change for the better (metrics that declare which way is good)."""
    negative: HexColor = "B3261E"
    """A change for the worse, and missing values."""


class Font(StrictModel):
    """A font: the name written into the deck, and a metric-compatible stand-in for rendering."""

    name: FontName
    """The font name PowerPoint uses (e.g. ``Calibri``)."""
    standin: FontName | None = None
    """A metric-compatible free font used to render and measure (e.g. ``Carlito``)."""


class Fonts(StrictModel):
    heading: Font
    """Titles and figures."""
    body: Font
    """Everything else."""


class Sizes(StrictModel):
    """Type sizes in points; text shrinks from the size down to ``min_body`` to fit its box,
    and nothing on a slide is set smaller than ``min_body``."""

    title: float = Field(30, ge=12, le=80)
    subtitle: float = Field(18, ge=8, le=40)
    body: float = Field(20, ge=8, le=40)
    min_body: float = Field(12, ge=6, le=40)
    """The smallest text on a slide: lists, captions, tile labels and notes."""
    max_body: float = Field(24, ge=8, le=48)
    """The largest a short list grows to (from ``body``) so that it does not sit stranded at
    the top of an empty slide."""
    metric: float = Field(40, ge=12, le=120)
    statement: float = Field(36, ge=12, le=96)
    cover: float = Field(44, ge=16, le=96)
    footer: float = Field(10, ge=6, le=20)

    @model_validator(mode="after")
    def _body_between_min_and_max(self) -> Sizes:
        if not self.min_body <= self.body <= self.max_body:
            raise ValueError(
                say(
                    "sizes_order",
                    min_body=f"{self.min_body:g}",
                    body=f"{self.body:g}",
                    max_body=f"{self.max_body:g}",
                )
            )
        if self.title < self.min_body:
            raise ValueError(
                say("title_below_min", title=f"{self.title:g}", min_body=f"{self.min_body:g}")
            )
        return self


class Geometry(StrictModel):
    """Slide size and margins, in inches (16:9 by default)."""

    width: float = Field(13.333, ge=4, le=56)
    height: float = Field(7.5, ge=3, le=56)
    margin: float = Field(0.6, ge=0, le=3)

    @model_validator(mode="after")
    def _room_for_content(self) -> Geometry:
        if self.margin * 4 > self.width:
            raise ValueError(
                say("margins_too_wide", margin=f"{self.margin:g}", width=f"{self.width:g}")
            )
        return self


class Theme(StrictModel):
    """A theme manifest (``themes/<name>/theme.yaml``)."""

    name: Text
    """Human name of the theme."""
    description: Text | None = None
    colors: Colors
    fonts: Fonts
    sizes: Sizes = Sizes()
    geometry: Geometry = Geometry()
    logo: ShortText | None = None
    """Path of a logo image, relative to the theme's folder (or to the project holding
    ``themes/``), e.g. ``logo.png``."""
    wordmark: Text | None = None
    """A word set in the heading font at the top right of every content slide."""
    footer: Text | None = None
    """Footer text on every content slide (e.g. ``COMUNE DI CREMONA``)."""
    slide_numbers: Flag = True
    """Show the slide number in the footer."""
    template: ShortText | None = None
    """The organisation's PowerPoint template (``brand.potx`` or ``.pptx``), relative to the
    theme's folder (or to the project): slides are built on its masters and layouts, and
    colours, fonts and sizes the theme leaves out are the template's."""
    layouts: dict[ShortText, ShortText] = Field(default_factory=dict, max_length=32)
    """With a template: the layout (by name) for a role (``title``, ``section``, ``content``,
    ``closing``) or a slide kind (``bullets``, ``chart`` …), e.g. ``bullets: "Titolo e
    contenuto"``; the others are found by their placeholders."""

    @model_validator(mode="after")
    def _room_for_the_body(self) -> Theme:
        """The height the slide, its margin and the title size leave for a content slide's
        body; refused, at ``geometry.height``, when too little (negative boxes otherwise)."""
        from .layout.geometry import body_shortfall  # the layout imports this module

        shortfall = body_shortfall(self)
        if shortfall is None:
            return self
        body, needed = shortfall
        message = say(
            "no_room_for_body",
            height=f"{self.geometry.height:g}",
            body=f"{max(body, 0):.2f}",
            needed=f"{needed:g}",
        )
        error = PydanticCustomError("no_room", "{message}", {"message": message})
        details = InitErrorDetails(
            type=error, loc=("geometry", "height"), input=self.geometry.height
        )
        raise ValidationError.from_exception_data(type(self).__name__, [details])
