"""Render a resolved deck: the layouts' chrome, the deck's title sizes, then every slide in
order with its footer and speaker notes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pptx.slide import Slide

from ..deck import Deck, Section
from ..layout import PageGeometry
from ..layout.geometry import CLOSING, CONTENT, COVER, SECTION, TITLE_LINES
from ..layout.templatepage import page_from_template
from ..layout.titleplan import TitleEntry, TitleSizes, plan_title_sizes, title_boxes
from ..loader import Loaded
from ..places import key_of
from ..slides import KINDS
from ..slides.agenda import expand_agendas
from ..slides.section import SectionSlide
from ..theme import Theme
from .context import RenderContext
from .notes import NotesWriter
from .page import add_slide_chrome, brand_layouts
from .template import new_presentation
from .written import keep_as_written

if TYPE_CHECKING:
    from ..template.mapping import LayoutChoice
    from ..template.reading import TemplateInfo

Planned = list[tuple[tuple[str | int, ...], object]]
_LAYOUT_OF_KIND = {"title": COVER, "section": SECTION, "closing": CLOSING}


def render_deck(
    deck: Deck,
    loaded: Loaded,
    theme: Theme,
    project: Path,
    logo: Path | None,
    cache_dir: Path | None,
    stamp: datetime,
    base: tuple[TemplateInfo, LayoutChoice] | None = None,
) -> RenderContext:
    """Render ``deck``; on the organisation's template when ``base`` (the template read and
    the layouts chosen) is given."""
    planned = planned_slides(deck)
    # Titles first, on a page whose title box holds two lines: their sizes, and whether any
    # content title needs the second line (else the body keeps its room). A template's
    # title boxes are its own.
    planning = RenderContext(None, theme, deck.deck, _page(theme, base), project, {})  # type: ignore[arg-type]
    planning.source = loaded
    titles = plan_titles(planning, planned)
    page = _page(theme, base, title_lines=titles.lines[CONTENT])
    prs, layouts, kind_layouts = new_presentation(theme, page, base)
    ctx = RenderContext(
        prs, theme, deck.deck, page, project, layouts, cache_dir, logo=logo, stamp=stamp
    )
    ctx.source, ctx.kind_layouts, ctx.on_template = loaded, kind_layouts, base is not None
    ctx.findings = planning.findings
    ctx.title_boxes, ctx.title_sizes = title_boxes(theme, page), titles.sizes
    ctx.title_colors, ctx.inks = _colours(theme, base)
    brand_layouts(ctx)
    notes = NotesWriter(ctx.language)
    for place, spec in planned:
        ctx.location, ctx.place = loaded.locate(place), place
        ctx.key, ctx.kind = key_of(place, loaded.data), spec.kind  # type: ignore[attr-defined]
        made = KINDS[spec.kind].render(spec, ctx)  # type: ignore[attr-defined]
        # A kind that continues on further slides returns them all, on one layout; the
        # speaker notes go on the first.
        slides = made if isinstance(made, list) else [made]
        for index, slide in enumerate(slides):
            last = index == len(slides) - 1
            ctx.slide_titles.append(ctx.slide_title if last else _title_of(slide))
            number = len(ctx.slide_titles)
            add_slide_chrome(ctx, slide, number)
            notes.add(slide, spec.notes if index == 0 else None, number)  # type: ignore[attr-defined]
            keep_as_written(slide, ctx.language)
    ctx.notes_pages = notes.count
    return ctx


def _page(
    theme: Theme, base: tuple[TemplateInfo, LayoutChoice] | None, title_lines: int = TITLE_LINES
) -> PageGeometry:
    if base is not None:
        return page_from_template(theme, *base, title_lines=title_lines)
    return PageGeometry.from_theme(theme, title_lines=title_lines)


def _colours(
    theme: Theme, base: tuple[TemplateInfo, LayoutChoice] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Per layout, the colour of its titles and of its text: the template's own, or the
    theme's brand colour for content titles and its colour on the brand colour elsewhere."""
    if base is not None:
        roles = base[1].roles
        return (
            {role: layout.title_color for role, layout in roles.items()},
            {role: layout.text_color for role, layout in roles.items()},
        )
    colors = theme.colors
    full_bleed = {role: colors.on_primary for role in (COVER, SECTION, CLOSING)}
    return {**full_bleed, CONTENT: colors.primary}, {**full_bleed, CONTENT: colors.text}


def planned_slides(deck: Deck) -> Planned:
    """Every slide spec in order with its key path, section dividers and repeated agendas
    included."""
    planned: Planned = []
    agendas, agendas_before = expand_agendas(deck)  # agendas list the deck's own sections
    for i, section in enumerate(deck.sections):
        planned += agendas_before.get(i, [])
        if section.divider:
            planned.append((("sections", i), _divider(section)))
        for j, spec in enumerate(section.slides):
            place = ("sections", i, "slides", j)
            planned.append((place, agendas.get(place, spec)))
    return planned


def plan_titles(ctx: RenderContext, planned: Planned) -> TitleSizes:
    """One title size per layout for the whole deck, before any slide is drawn; a finding at
    each title that made its layout's titles smaller or does not fit."""
    entries = [entry for place, spec in planned for entry in _title_entries(ctx, place, spec)]
    boxes = title_boxes(ctx.theme, ctx.page)
    sizes = plan_title_sizes(entries, boxes, ctx.measure_family(heading=True))
    for finding in sizes.findings:
        ctx.place = finding.place
        ctx.warn_at(("title",), finding.message)
    ctx.place = ()
    return sizes


def _title_entries(
    ctx: RenderContext, place: tuple[str | int, ...], spec: object
) -> list[TitleEntry]:
    kind = spec.kind  # type: ignore[attr-defined]
    layout = _LAYOUT_OF_KIND.get(kind, CONTENT)
    titles = KINDS[kind].titles
    if titles is not None:  # a kind that continues: "Title (1/3)", "(2/3)"…
        return [TitleEntry(layout, title, place) for title in titles(spec, ctx)]
    text = spec.title or (ctx.info.title if kind == "title" else "")  # type: ignore[attr-defined]
    return [TitleEntry(layout, text, place)]


def _divider(section: Section) -> SectionSlide:
    return SectionSlide(
        kind="section", title=section.title or "", subtitle=section.subtitle, notes=section.notes
    )


def _title_of(slide: Slide) -> str:
    """The title written on ``slide`` (a continued slide's "Title (2/3)")."""
    title = slide.shapes.title
    return title.text_frame.text if title is not None else ""
