"""The deck: metadata and sections of slides."""

from __future__ import annotations

from pydantic import Field, model_validator

from .messages import say
from .metric import MetricDefinition, MetricId
from .model import DeckInfo, Flag, ShortText, StrictModel, Text
from .slides import AnySlide


class Section(StrictModel):
    """A part of the deck; it opens with a divider slide unless ``divider: false``."""

    title: ShortText | None = None
    """The section's title, shown on its divider."""
    subtitle: Text | None = None
    """A line under the title on the divider."""
    divider: Flag = True
    """Open the section with a divider slide."""
    notes: Text | None = None
    """Speaker notes for the divider slide."""
    slides: list[AnySlide] = Field(default_factory=list, max_length=5000)
    """The section's slides; each has a ``kind``."""

    @model_validator(mode="after")
    def _divider_needs_title(self) -> Section:
        if self.divider and not self.title:
            raise ValueError(say("divider_needs_title"))
        return self


class DataSource(StrictModel):
    """Where a period-driven deck finds its figures."""

    periods: str = Field("data/periods", min_length=1, max_length=200)
    """Folder of period files (``<period id>.yaml``), relative to the deck."""
    period: str | None = Field(None, max_length=200)
    """The period built by default (``--period`` overrides); the latest one when omitted."""


class Deck(StrictModel):
    """A slidegen deck: metadata and sections of slides."""

    deck: DeckInfo
    """Title, organization, period, language, theme."""
    data: DataSource | None = None
    """Period data: each reporting period's figures in its own file."""
    metrics: dict[MetricId, MetricDefinition] = Field(default_factory=dict)
    """The catalogue: metric id → how it reads (label, format, which way is good, target).
    Slides refer to metrics by id; ``{id}`` in any text is replaced by the value."""
    sections: list[Section] = Field(min_length=1, max_length=500)
    """The deck's sections, in order."""
