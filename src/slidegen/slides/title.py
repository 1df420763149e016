"""``title``: the cover, from the deck's metadata unless the slide overrides it."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide

from ..layout.paras import Para
from ..model import SlideBase, Text
from ..render.context import RenderContext
from ..render.master import COVER
from ..render.page import (
    drop_unused_placeholders,
    fill_placeholder,
    new_slide,
    place_title,
)


class TitleSlide(SlideBase):
    """The cover. Title, subtitle, organization and period default to the deck's."""

    kind: Literal["title"]
    title: Text | None = None
    """Overrides the deck title on the cover."""
    subtitle: Text | None = None
    """Overrides the deck subtitle on the cover."""


def render(spec: TitleSlide, ctx: RenderContext) -> Slide:
    theme, info, frame = ctx.theme, ctx.info, ctx.page.cover
    ink = ctx.inks[COVER]
    slide = new_slide(ctx, COVER)
    place_title(ctx, slide, spec.title or info.title, ctx.title_colors[COVER], anchor="bottom")
    paras: list[Para] = []
    subtitle = spec.subtitle or info.subtitle
    if subtitle:
        paras.append(
            Para.of(
                subtitle,
                color=ink,
                scale=1.0,
                heading=True,
                emphasis_color=ink,
                space_before=0,
            )
        )
    for line in (info.organization, info.period):
        if line:
            paras.append(Para.of(line, color=ink, scale=0.75, space_before=0.6))
    if info.period_dates:
        paras.append(Para.of(info.period_dates, color=ink, scale=0.6, space_before=0.2))
    if paras:  # in the layout's subtitle placeholder, where PowerPoint's own cover has it
        fill_placeholder(
            ctx,
            slide,
            frame.body,
            paras,
            name="Cover details",
            size=theme.sizes.subtitle * 1.4,
            min_size=theme.sizes.min_body,
        )
    drop_unused_placeholders(slide, keep_text=bool(paras))
    return slide
