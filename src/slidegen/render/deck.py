"""Write a planned deck: the presentation on the theme's master or the template, the brand
chrome on its layouts, then every slide as planned, with its footer and speaker notes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout.deck import DeckPlan
from ..markup import plain_text
from .context import RenderContext
from .notes import NotesWriter
from .page import add_slide_chrome, brand_layouts
from .shapes import write_slide
from .template import new_presentation
from .written import keep_as_written

if TYPE_CHECKING:
    from ..template.mapping import LayoutChoice
    from ..template.reading import TemplateInfo


def render_deck(
    plan: DeckPlan,
    logo: Path | None,
    cache_dir: Path | None,
    stamp: datetime,
    base: tuple[TemplateInfo, LayoutChoice] | None = None,
) -> RenderContext:
    """Write ``plan``; on the organisation's template when ``base`` is given."""
    lc = plan.context
    prs, layouts, kind_layouts = new_presentation(lc.theme, plan.page, base)
    ctx = RenderContext(
        lc.theme,
        lc.info,
        plan.page,
        lc.project_dir,
        prs=prs,
        layouts=layouts,
        cache_dir=cache_dir,
        logo=logo,
        stamp=stamp,
        kind_layouts=kind_layouts,
        on_template=lc.on_template,
        title_boxes=lc.title_boxes,
        title_sizes=lc.title_sizes,
        title_colors=lc.title_colors,
        inks=lc.inks,
    )
    brand_layouts(ctx, plan.chrome)
    notes = NotesWriter(ctx.language)
    for number, planned in enumerate(plan.slides, start=1):
        slide = write_slide(ctx, planned.plan, planned.kind)
        ctx.slide_titles.append(plain_text(planned.plan.title))
        add_slide_chrome(ctx, slide, number)
        notes.add(slide, planned.notes, number)
        keep_as_written(slide, ctx.language)
    ctx.notes_pages = notes.count
    return ctx
