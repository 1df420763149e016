"""``statement``: one big sentence with emphasis, optionally after a short list."""

from __future__ import annotations

from typing import Literal

from pptx.slide import Slide

from ..layout.paras import Para, bullet_paras
from ..model import BulletList, ShortText, TitledSlide
from ..render.context import RenderContext
from ..render.page import content_slide
from ..render.text import add_text, list_plan


class StatementSlide(TitledSlide):
    """One big sentence: ``Oltre **1000 APPUNTAMENTI** …``; bold words in the brand colour."""

    kind: Literal["statement"]
    text: ShortText
    """The statement, with inline markup."""
    items: BulletList | None = None
    """A short list before the statement."""


def render(spec: StatementSlide, ctx: RenderContext) -> Slide:
    slide = content_slide(ctx, spec.title, spec.subtitle)
    body, gap = ctx.page.body, ctx.page.gap
    sizes, colors = ctx.theme.sizes, ctx.theme.colors
    if spec.items:
        list_box, body = body.split_rows(2, gap, weights=[1, 1])
        paras = bullet_paras(spec.items, emphasis_color=colors.primary)
        plan = list_plan(ctx, list_box, paras)
        add_text(ctx, list_box, paras, name="List", size=plan.size, plan=plan)
    add_text(
        ctx,
        body,
        [
            Para.of(
                spec.text,
                heading=True,
                color=colors.text,
                emphasis_color=colors.primary,
                align="center",
                display=True,
            )
        ],
        name="Statement",
        size=sizes.statement,
        min_size=sizes.body,
        anchor="middle",
    )
    return slide
