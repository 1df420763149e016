"""``section``: a divider between parts of the deck (sections add one unless told not to)."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide

from ..layout import inches
from ..model import TitledSlide
from ..render.context import RenderContext
from ..render.page import drop_unused_placeholders, new_slide, place_title, set_background
from ..render.text import Para, add_text


class SectionSlide(TitledSlide):
    """A divider between parts of the deck."""

    kind: Literal["section"]


def render(spec: SectionSlide, ctx: RenderContext) -> Slide:
    theme, page = ctx.theme, ctx.page
    colors = theme.colors
    slide = new_slide(ctx, "Section Header")
    set_background(slide, colors.primary)
    content = page.slide.inset(inches(theme.geometry.margin * 1.6), inches(1.0))
    heading, rest = content.take_top(round(content.height * 0.6))
    place_title(
        ctx, slide, heading, spec.title, theme.sizes.cover, colors.on_primary, anchor="bottom"
    )
    drop_unused_placeholders(slide, keep={0})
    if spec.subtitle:
        add_text(
            ctx,
            rest.inset(0, inches(0.2)),
            [
                Para.of(
                    spec.subtitle,
                    color=colors.on_primary,
                    heading=True,
                    emphasis_color=colors.on_primary,
                )
            ],
            name="Subtitle",
            size=theme.sizes.subtitle * 1.3,
            min_size=theme.sizes.min_body,
        )
    return slide
