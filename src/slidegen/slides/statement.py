"""``statement``: one big sentence with emphasis, optionally after a short list."""

from __future__ import annotations

from typing import Literal

from ..layout.context import LayoutContext
from ..layout.paras import Para, bullet_paras
from ..layout.shapes import Shape, SlidePlan
from ..layout.slideplan import content_heading, content_slide
from ..layout.text import list_shape, text_shape
from ..model import BulletList, ShortText, TitledSlide


class StatementSlide(TitledSlide):
    """One big sentence: ``Oltre **1000 APPUNTAMENTI** …``; bold words in the brand colour."""

    kind: Literal["statement"]
    text: ShortText
    """The statement, with inline markup."""
    items: BulletList | None = None
    """A short list before the statement."""


def plan(spec: StatementSlide, lc: LayoutContext) -> SlidePlan:
    heading = content_heading(lc, spec.title, spec.subtitle)
    body, gap = lc.page.body, lc.page.gap
    sizes, colors = lc.theme.sizes, lc.theme.colors
    shapes: list[Shape] = []
    if spec.items:
        list_box, body = body.split_rows(2, gap, weights=[1, 1])
        shapes.append(
            list_shape(lc, list_box, bullet_paras(spec.items, emphasis_color=colors.primary))
        )
    statement = Para.of(
        spec.text,
        heading=True,
        color=colors.text,
        emphasis_color=colors.primary,
        align="center",
        display=True,  # never broken at a word's hyphen
    )
    shapes.append(
        text_shape(
            lc,
            body,
            [statement],
            name="Statement",
            size=sizes.statement,
            min_size=sizes.body,
            anchor="middle",
        )
    )
    return content_slide(lc, heading, shapes)
