"""Slide kinds: one module each, registered in :data:`KINDS`, the only table to extend.

Each module defines the kind's model (a pydantic class with a ``kind`` literal) and its
``plan(spec, lc) -> SlidePlan`` (or a list of plans, for a kind that continues on the next
slide): every box, size and line break decided, without python-pptx. The writers of
:mod:`slidegen.render` write the plans; adding a kind is one new module and one line here.
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
    plan: Callable[..., Any]
    titles: Callable[..., list[str]] | None = None
    """For a kind that may continue on further slides: the title of each slide it takes
    (``titles(spec, lc)``), so every title is planned before any slide is."""


KINDS: dict[str, Kind] = {
    "title": Kind(title.TitleSlide, title.plan),
    "section": Kind(section.SectionSlide, section.plan),
    "bullets": Kind(bullets.BulletsSlide, bullets.plan, bullets.page_titles),
    "columns": Kind(columns.ColumnsSlide, columns.plan),
    "metrics": Kind(metrics.MetricsSlide, metrics.plan),
    "chart": Kind(chart.ChartSlide, chart.plan),
    "table": Kind(table.TableSlide, table.plan, table.page_titles),
    "timeline": Kind(timeline.TimelineSlide, timeline.plan),
    "agenda": Kind(agenda.AgendaSlide, agenda.plan),
    "image": Kind(image.ImageSlide, image.plan),
    "statement": Kind(statement.StatementSlide, statement.plan),
    "closing": Kind(closing.ClosingSlide, closing.plan),
}

# The discriminated union pydantic validates against; built from the table above.
AnySlide: Any = Annotated[
    Union[tuple(kind.model for kind in KINDS.values())],  # noqa: UP007
    Field(discriminator="kind"),
]
