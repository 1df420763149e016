"""``closing``: the last slide, keywords and a tagline on the brand colour."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide
from pydantic import Field

from ..layout.paras import Para
from ..model import ShortText, Text, TitledSlide
from ..render.context import RenderContext
from ..render.master import CLOSING
from ..render.page import drop_unused_placeholders, new_slide, place_title
from ..render.text import add_text


class ClosingSlide(TitledSlide):
    """The last slide: keywords and a tagline."""

    kind: Literal["closing"]
    keywords: list[ShortText] = Field(default_factory=list, max_length=12)
    """Words that sum the deck up, shown as a list."""
    tagline: Text | None = None
    """The final line, e.g. ``CREMONA SMART CITY``."""


def render(spec: ClosingSlide, ctx: RenderContext) -> Slide:
    theme, page = ctx.theme, ctx.page
    sizes, ink = theme.sizes, ctx.inks[CLOSING]
    slide = new_slide(ctx, CLOSING)  # full-bleed like the cover: no footer chrome
    rest = page.closing.body
    place_title(ctx, slide, spec.title, ctx.title_colors[CLOSING])
    drop_unused_placeholders(slide)
    tagline_box = None
    if spec.tagline:
        rest, tagline_box = rest.take_bottom(round(rest.height * 0.25), page.gap)
    if spec.keywords:  # keywords before the tagline: reading order follows the eye
        half = (len(spec.keywords) + 1) // 2
        wide = len(spec.keywords) > 4
        columns = [spec.keywords[:half], spec.keywords[half:]] if wide else [spec.keywords]
        boxes = rest.split_columns(len(columns), page.gap * 2)
        for index, (box, words) in enumerate(zip(boxes, columns, strict=True), start=1):
            paras = [
                Para.of(
                    word,
                    color=ink,
                    emphasis_color=ink,
                    heading=True,
                    space_before=0.5,
                )
                for word in words
            ]
            add_text(
                ctx,
                box,
                paras,
                name=f"Keywords {index}",
                size=sizes.subtitle * 1.6,
                min_size=sizes.min_body,
                anchor="middle",
            )
    if spec.tagline and tagline_box:
        tagline = Para.of(
            f"**{spec.tagline}**",
            heading=True,
            color=ink,
            emphasis_color=ink,
            align="right",
        )
        add_text(
            ctx,
            tagline_box,
            [tagline],
            name="Tagline",
            size=sizes.statement,
            min_size=sizes.body,
            anchor="bottom",
        )
    return slide
