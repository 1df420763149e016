"""``closing``: the last slide, keywords and a tagline on the brand colour."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..layout.context import LayoutContext
from ..layout.geometry import CLOSING
from ..layout.paras import Para
from ..layout.shapes import Shape, SlidePlan
from ..layout.slideplan import slide_plan
from ..layout.text import text_shape
from ..model import ShortText, Text, TitledSlide


class ClosingSlide(TitledSlide):
    """The last slide: keywords and a tagline."""

    kind: Literal["closing"]
    keywords: list[ShortText] = Field(default_factory=list, max_length=12)
    """Words that sum the deck up, shown as a list."""
    tagline: Text | None = None
    """The final line, e.g. ``CREMONA SMART CITY``."""


def plan(spec: ClosingSlide, lc: LayoutContext) -> SlidePlan:
    """Full-bleed like the cover: no footer chrome."""
    theme, page = lc.theme, lc.page
    sizes, ink = theme.sizes, lc.inks[CLOSING]
    rest = page.closing.body
    tagline_box = None
    if spec.tagline:
        rest, tagline_box = rest.take_bottom(round(rest.height * 0.25), page.gap)
    shapes: list[Shape] = []
    if spec.keywords:  # keywords before the tagline: reading order follows the eye
        half = (len(spec.keywords) + 1) // 2
        wide = len(spec.keywords) > 4
        columns = [spec.keywords[:half], spec.keywords[half:]] if wide else [spec.keywords]
        boxes = rest.split_columns(len(columns), page.gap * 2)
        for index, (box, words) in enumerate(zip(boxes, columns, strict=True), start=1):
            paras = [
                Para.of(word, color=ink, emphasis_color=ink, heading=True, space_before=0.5)
                for word in words
            ]
            shapes.append(
                text_shape(
                    lc,
                    box,
                    paras,
                    name=f"Keywords {index}",
                    size=sizes.subtitle * 1.6,
                    min_size=sizes.min_body,
                    anchor="middle",
                )
            )
    if spec.tagline and tagline_box:
        tagline = Para.of(
            f"**{spec.tagline}**", heading=True, color=ink, emphasis_color=ink, align="right"
        )
        shapes.append(
            text_shape(
                lc,
                tagline_box,
                [tagline],
                name="Tagline",
                size=sizes.statement,
                min_size=sizes.body,
                anchor="bottom",
            )
        )
    return slide_plan(lc, CLOSING, spec.title, shapes)
