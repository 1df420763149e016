"""``section``: a divider between parts of the deck (sections add one unless told not to)."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide

from ..layout.paras import Para
from ..model import TitledSlide
from ..render.context import RenderContext
from ..render.master import SECTION
from ..render.page import (
    drop_unused_placeholders,
    fill_placeholder,
    new_slide,
    place_title,
)


class SectionSlide(TitledSlide):
    """A divider between parts of the deck."""

    kind: Literal["section"]


def render(spec: SectionSlide, ctx: RenderContext) -> Slide:
    theme, frame = ctx.theme, ctx.page.section
    ink = ctx.inks[SECTION]
    slide = new_slide(ctx, SECTION)
    place_title(ctx, slide, spec.title, ctx.title_colors[SECTION], anchor="bottom")
    if spec.subtitle:
        fill_placeholder(
            ctx,
            slide,
            frame.body,
            [
                Para.of(
                    spec.subtitle,
                    color=ink,
                    heading=True,
                    emphasis_color=ink,
                )
            ],
            name="Subtitle",
            size=theme.sizes.subtitle * 1.3,
            min_size=theme.sizes.min_body,
        )
    drop_unused_placeholders(slide, keep_text=bool(spec.subtitle))
    return slide
