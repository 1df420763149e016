"""``timeline``: dated milestones on a line, those done by the deck's date told apart from
those still to come (filled and outlined dots, full and muted text)."""

from __future__ import annotations

import datetime
import itertools
from typing import Any, Literal

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu, Pt
from pydantic import Field, field_validator

from ..layout.paras import Para
from ..messages import say
from ..model import ShortText, StrictModel, Text, TitledSlide
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text
from ..timelineplan import MilestoneDate, MilestonePlan, plan_timeline


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


def render(spec: TimelineSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    colors, sizes = ctx.theme.colors, ctx.theme.sizes
    plan = plan_timeline([m.when for m in spec.milestones], ctx.page.body, ctx.page.gap,
                         ctx.info.date)  # fmt: skip
    line = slide.shapes.add_connector(
        MSO_CONNECTOR.STRAIGHT,
        Emu(plan.line.left),
        Emu(plan.line.top),
        Emu(plan.line.right),
        Emu(plan.line.top),
    )
    line.name = "Timeline"
    line.line.color.rgb = RGBColor.from_string(colors.muted)
    line.line.width = Pt(2)
    # Reading order: each milestone's dot, then its label, earliest first.
    placed_milestones = zip(spec.milestones, plan.milestones, strict=True)
    for number, (milestone, placed) in enumerate(placed_milestones):
        _dot(slide, placed, colors.primary, colors.background, number)
        done = placed.past is not False
        paras = [
            Para.of(f"**{milestone.when.label(ctx.language)}**", heading=True,
                    color=colors.primary if done else colors.muted,
                    emphasis_color=colors.primary if done else colors.muted, align="center"),
            Para.of(milestone.text, color=colors.text if done else colors.muted, align="center",
                    emphasis_color=colors.primary if done else colors.muted, space_before=0.2),
        ]  # fmt: skip
        if milestone.note:
            paras.append(Para.of(f"*{milestone.note}*", color=colors.muted, scale=0.85,
                                 align="center", space_before=0.2))  # fmt: skip
        add_text(ctx, placed.label, paras, name=f"Milestone {number + 1}",
                 size=sizes.body * 0.9, min_size=sizes.min_body,
                 anchor="bottom" if placed.above else "top")  # fmt: skip
    return slide


def _dot(slide: Slide, placed: MilestonePlan, primary: str, background: str, number: int) -> None:
    box = placed.dot
    dot = slide.shapes.add_shape(
        MSO_SHAPE.OVAL, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    dot.name = f"Dot {number + 1}"
    dot.shadow.inherit = False
    dot.line.color.rgb = RGBColor.from_string(primary)
    dot.line.width = Pt(2.25)
    dot.fill.solid()
    # Done: filled in the brand colour; still to come: outlined only.
    fill = primary if placed.past is not False else background
    dot.fill.fore_color.rgb = RGBColor.from_string(fill)
