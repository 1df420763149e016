"""``section``: a divider between parts of the deck (sections add one unless told not to)."""

from __future__ import annotations

from typing import Literal

from ..layout.context import LayoutContext
from ..layout.geometry import SECTION
from ..layout.paras import Para
from ..layout.shapes import SlidePlan
from ..layout.slideplan import placeholder_text, slide_plan
from ..model import TitledSlide


class SectionSlide(TitledSlide):
    """A divider between parts of the deck."""

    kind: Literal["section"]


def plan(spec: SectionSlide, lc: LayoutContext) -> SlidePlan:
    theme, ink = lc.theme, lc.inks[SECTION]
    shapes = []
    if spec.subtitle:
        subtitle = Para.of(spec.subtitle, color=ink, heading=True, emphasis_color=ink)
        shapes.append(
            placeholder_text(
                lc,
                lc.page.section.body,
                [subtitle],
                name="Subtitle",
                size=theme.sizes.subtitle * 1.3,
                min_size=theme.sizes.min_body,
            )
        )
    return slide_plan(lc, SECTION, spec.title, shapes, anchor="bottom")
