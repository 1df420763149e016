"""``title``: the cover, from the deck's metadata unless the slide overrides it."""

from __future__ import annotations

from typing import Literal

from ..layout.context import LayoutContext
from ..layout.geometry import COVER
from ..layout.paras import Para
from ..layout.shapes import SlidePlan
from ..layout.slideplan import placeholder_text, slide_plan
from ..model import SlideBase, Text


class TitleSlide(SlideBase):
    """The cover. Title, subtitle, organization and period default to the deck's."""

    kind: Literal["title"]
    title: Text | None = None
    """Overrides the deck title on the cover."""
    subtitle: Text | None = None
    """Overrides the deck subtitle on the cover."""


def plan(spec: TitleSlide, lc: LayoutContext) -> SlidePlan:
    theme, info = lc.theme, lc.info
    ink = lc.inks[COVER]
    paras: list[Para] = []
    subtitle = spec.subtitle or info.subtitle
    if subtitle:
        paras.append(
            Para.of(
                subtitle, color=ink, scale=1.0, heading=True, emphasis_color=ink, space_before=0
            )
        )
    for line in (info.organization, info.period):
        if line:
            paras.append(Para.of(line, color=ink, scale=0.75, space_before=0.6))
    if info.period_dates:
        paras.append(Para.of(info.period_dates, color=ink, scale=0.6, space_before=0.2))
    shapes = []
    if paras:  # in the layout's subtitle placeholder, where PowerPoint's own cover has it
        shapes.append(
            placeholder_text(
                lc,
                lc.page.cover.body,
                paras,
                name="Cover details",
                size=theme.sizes.subtitle * 1.4,
                min_size=theme.sizes.min_body,
            )
        )
    return slide_plan(lc, COVER, spec.title or info.title, shapes, anchor="bottom")
