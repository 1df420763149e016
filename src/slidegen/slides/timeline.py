"""``timeline``: dated milestones on a line, those done by the deck's date told apart from
those still to come (filled and outlined dots, full and muted text)."""

from __future__ import annotations

import datetime
import itertools
from typing import Any, Literal

from pydantic import Field, field_validator

from ..layout.context import LayoutContext
from ..layout.paras import Para
from ..layout.shapes import DotShape, LineShape, Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import text_shape
from ..messages import say
from ..model import ShortText, StrictModel, Text, TitledSlide
from ..timelineplan import MilestoneDate, plan_timeline


class Milestone(StrictModel):
    """One step: when, and what."""

    date: ShortText
    """``2014``, ``2014-07`` or ``2014-07-15``."""
    text: ShortText
    """What happened, or will."""
    note: Text | None = None
    """A smaller line under the text."""

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if isinstance(value, datetime.date):
            value = value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a year written as a number
        if isinstance(value, str):
            MilestoneDate.parse(value)
        return value

    @property
    def when(self) -> MilestoneDate:
        return MilestoneDate.parse(self.date)


class TimelineSlide(TitledSlide):
    """Milestones in date order on a line (2 to 10)."""

    kind: Literal["timeline"]
    milestones: list[Milestone] = Field(min_length=2, max_length=10)
    """The milestones, earliest first."""

    @field_validator("milestones")
    @classmethod
    def _in_order(cls, milestones: list[Milestone]) -> list[Milestone]:
        for before, after in itertools.pairwise(milestones):
            if after.when.last_day < before.when.first_day:  # "2015" may follow "2015-06"
                raise ValueError(say("milestones_order", after=after.date, before=before.date))
        return milestones


def plan(spec: TimelineSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    colors, sizes = lc.theme.colors, lc.theme.sizes
    placed_line = plan_timeline(
        [m.when for m in spec.milestones], lc.page.body, lc.page.gap, lc.info.date
    )
    shapes: list[Shape] = [LineShape(placed_line.line, colors.muted, 2, "Timeline")]
    # Reading order: each milestone's dot, then its label, earliest first.
    placed_milestones = zip(spec.milestones, placed_line.milestones, strict=True)
    for number, (milestone, placed) in enumerate(placed_milestones):
        done = placed.past is not False
        # Done: filled in the brand colour; still to come: outlined only.
        fill = colors.primary if done else colors.background
        shapes.append(DotShape(placed.dot, colors.primary, fill, 2.25, f"Dot {number + 1}"))
        paras = [
            Para.of(
                f"**{milestone.when.label(lc.language)}**",
                heading=True,
                color=colors.primary if done else colors.muted,
                emphasis_color=colors.primary if done else colors.muted,
                align="center",
            ),
            Para.of(
                milestone.text,
                color=colors.text if done else colors.muted,
                align="center",
                emphasis_color=colors.primary if done else colors.muted,
                space_before=0.2,
            ),
        ]
        if milestone.note:
            paras.append(
                Para.of(
                    f"*{milestone.note}*",
                    color=colors.muted,
                    scale=0.85,
                    align="center",
                    space_before=0.2,
                )
            )
        shapes.append(
            text_shape(
                lc,
                placed.label,
                paras,
                name=f"Milestone {number + 1}",
                size=sizes.body * 0.9,
                min_size=sizes.min_body,
                anchor="bottom" if placed.above else "top",
            )
        )
    return content_slide(lc, heading, shapes)
