"""Slide kinds: one module each, registered in :data:`KINDS`, the only table to extend.

Each module defines the kind's model (a pydantic class with a ``kind`` literal) and its
``render(spec, ctx) -> Slide`` (or a list of slides, for a kind that continues on the next
slide); adding a kind is one new module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, NamedTuple, Union

from pydantic import BaseModel, Field

from . import (
    agenda,
    bullets,
    chart,
    closing,
    columns,
    image,
    metrics,
    section,
    statement,
    table,
    timeline,
    title,
)


class Kind(NamedTuple):
    model: type[BaseModel]
    render: Callable[..., Any]
    titles: Callable[..., list[str]] | None = None
    """For a kind that may continue on further slides: the title of each slide it takes
    (``titles(spec, ctx)``), so every title is planned before any slide is drawn."""


KINDS: dict[str, Kind] = {
    "title": Kind(title.TitleSlide, title.render),
    "section": Kind(section.SectionSlide, section.render),
    "bullets": Kind(bullets.BulletsSlide, bullets.render, bullets.page_titles),
    "columns": Kind(columns.ColumnsSlide, columns.render),
    "metrics": Kind(metrics.MetricsSlide, metrics.render),
    "chart": Kind(chart.ChartSlide, chart.render),
    "table": Kind(table.TableSlide, table.render, table.page_titles),
    "timeline": Kind(timeline.TimelineSlide, timeline.render),
    "agenda": Kind(agenda.AgendaSlide, agenda.render),
    "image": Kind(image.ImageSlide, image.render),
    "statement": Kind(statement.StatementSlide, statement.render),
    "closing": Kind(closing.ClosingSlide, closing.render),
}

# The discriminated union pydantic validates against; built from the table above.
AnySlide: Any = Annotated[
    Union[tuple(kind.model for kind in KINDS.values())],  # noqa: UP007
    Field(discriminator="kind"),
]
