"""``title``: the cover, from the deck's metadata unless the slide overrides it."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide

from ..layout import Box, inches
from ..model import SlideBase, Text
from ..render.context import RenderContext
from ..render.page import drop_unused_placeholders, new_slide, place_title, set_background
from ..render.text import Para, add_text


class TitleSlide(SlideBase):
    """The cover. Title, subtitle, organization and period default to the deck's."""

    kind: Literal["title"]
    title: Text | None = None
    """Overrides the deck title on the cover."""
    subtitle: Text | None = None
    """Overrides the deck subtitle on the cover."""


def render(spec: TitleSlide, ctx: RenderContext) -> Slide:
    theme, info, page = ctx.theme, ctx.info, ctx.page
    colors = theme.colors
    slide = new_slide(ctx, "Title Slide")
    set_background(slide, colors.primary)
    content = page.slide.inset(inches(theme.geometry.margin * 1.6), inches(0.8))
    heading, rest = content.take_top(round(content.height * 0.5))
    place_title(
        ctx,
        slide,
        heading,
        spec.title or info.title,
        theme.sizes.cover,
        colors.on_primary,
        anchor="bottom",
    )
    drop_unused_placeholders(slide, keep={0})
    paras: list[Para] = []
    subtitle = spec.subtitle or info.subtitle
    if subtitle:
        paras.append(
            Para.of(
                subtitle,
                color=colors.on_primary,
                scale=1.0,
                heading=True,
                emphasis_color=colors.on_primary,
                space_before=0,
            )
        )
    for line in (info.organization, info.period):
        if line:
            paras.append(Para.of(line, color=colors.on_primary, scale=0.75, space_before=0.6))
    if info.period_dates:
        paras.append(
            Para.of(info.period_dates, color=colors.on_primary, scale=0.6, space_before=0.2)
        )
    if paras:
        lower = Box(rest.left, rest.top + inches(0.25), rest.width, rest.height - inches(0.25))
        add_text(
            ctx,
            lower,
            paras,
            name="Cover details",
            size=theme.sizes.subtitle * 1.4,
            min_size=theme.sizes.min_body,
        )
    if theme.wordmark:
        mark = Box(page.footer.left, page.footer.top, page.footer.width, page.footer.height)
        add_text(
            ctx,
            mark,
            [
                Para.of(
                    f"**{theme.wordmark}**",
                    color=colors.on_primary,
                    emphasis_color=colors.on_primary,
                    heading=True,
                    align="right",
                )
            ],
            name="Wordmark",
            size=theme.sizes.footer * 2.2,
            anchor="bottom",
        )
    return slide
