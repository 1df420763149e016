"""Lay out a resolved deck: the page, one title size per layout, the brand chrome, then every
slide's plan in order, section dividers and repeated agendas included. Pure: no python-pptx;
``check`` stops here, ``build`` writes the result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..deck import Deck, Section
from ..errors import Problem
from ..loader import Loaded
from ..places import key_of
from ..slides import KINDS
from ..slides.agenda import expand_agendas
from ..slides.section import SectionSlide
from ..theme import Theme
from .chrome import ChromePlan, plan_chrome
from .context import LayoutContext
from .geometry import CLOSING, CONTENT, COVER, SECTION, TITLE_LINES, PageGeometry
from .shapes import SlidePlan
from .templatepage import page_from_template
from .titleplan import TitleEntry, TitleSizes, plan_title_sizes, title_boxes

if TYPE_CHECKING:
    from ..template.mapping import LayoutChoice
    from ..template.reading import Layout, TemplateInfo

Place = tuple[str | int, ...]
Planned = list[tuple[Place, object]]
_LAYOUT_OF_KIND = {"title": COVER, "section": SECTION, "closing": CLOSING}


@dataclass(frozen=True)
class PlannedSlide:
    """One slide of the deck: where the deck defines it, its kind, its plan, and the
    speaker notes it carries (a kind that continues puts them on its first slide)."""

    place: Place
    kind: str
    plan: SlidePlan
    notes: str | None


@dataclass(frozen=True)
class DeckPlan:
    """Everything the writers need, decided."""

    page: PageGeometry
    context: LayoutContext
    """The title boxes, sizes and colours per layout the slides were planned with."""
    chrome: ChromePlan | None
    """The theme's own chrome; None on a template (its chrome is the template's)."""
    slides: tuple[PlannedSlide, ...]

    @property
    def findings(self) -> list[Problem]:
        return self.context.findings


def lay_out_deck(
    deck: Deck,
    loaded: Loaded,
    theme: Theme,
    project: Path,
    logo: Path | None = None,
    base: tuple[TemplateInfo, LayoutChoice] | None = None,
) -> DeckPlan:
    """Plan ``deck``; on the organisation's template when ``base`` (the template read and
    the layouts chosen) is given."""
    planned = planned_slides(deck)
    # Titles first, on a page whose title box holds two lines: their sizes, and whether any
    # content title needs the second line (else the body keeps its room). A template's
    # title boxes are its own.
    lc = LayoutContext(theme, deck.deck, _page(theme, base), project, source=loaded)
    titles = plan_titles(lc, planned)
    lc.page = page = _page(theme, base, title_lines=titles.lines[CONTENT])
    lc.on_template = base is not None
    lc.title_boxes, lc.title_sizes = title_boxes(theme, page), titles.sizes
    lc.title_colors, lc.inks = _colours(theme, base)
    if base is not None:
        lc.title_aligns, lc.kind_title_aligns = _aligns(base[1].roles), _aligns(base[1].kinds)
        lc.kind_title_colors = {kind: layout.title_color for kind, layout in base[1].kinds.items()}
    chrome = None if base is not None else plan_chrome(lc, logo)
    slides = []
    for place, spec in planned:
        lc.location, lc.place = loaded.locate(place), place
        lc.key, lc.kind = key_of(place, loaded.data), spec.kind  # type: ignore[attr-defined]
        made = KINDS[lc.kind].plan(spec, lc)
        plans = made if isinstance(made, list) else [made]
        for index, plan in enumerate(plans):
            notes = spec.notes if index == 0 else None  # type: ignore[attr-defined]
            slides.append(PlannedSlide(place, lc.kind, plan, notes))
    return DeckPlan(page, lc, chrome, tuple(slides))


def _page(
    theme: Theme, base: tuple[TemplateInfo, LayoutChoice] | None, title_lines: int = TITLE_LINES
) -> PageGeometry:
    if base is not None:
        return page_from_template(theme, *base, title_lines=title_lines)
    return PageGeometry.from_theme(theme, title_lines=title_lines)


_ALIGNS = {"l": "left", "just": "left", "dist": "left", "r": "right", "ctr": "center"}
"""A template title's alignment, as the side its text starts from."""


def _aligns(layouts: dict[str, Layout]) -> dict[str, str]:
    """How the titles of each of a template's ``layouts`` are aligned."""
    return {name: _ALIGNS.get(layout.title_align, "center") for name, layout in layouts.items()}


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
    agendas, agendas_before = expand_agendas(deck.sections)  # agendas list the deck's own sections
    for i, section in enumerate(deck.sections):
        planned += agendas_before.get(i, [])
        if section.divider:
            planned.append((("sections", i), _divider(section)))
        for j, spec in enumerate(section.slides):
            place = ("sections", i, "slides", j)
            planned.append((place, agendas.get(place, spec)))
    return planned


def plan_titles(lc: LayoutContext, planned: Planned) -> TitleSizes:
    """One title size per layout for the whole deck, before any slide is planned; a finding
    at each title that made its layout's titles smaller or does not fit."""
    entries = [entry for place, spec in planned for entry in _title_entries(lc, place, spec)]
    boxes = title_boxes(lc.theme, lc.page)
    sizes = plan_title_sizes(entries, boxes, lc.measure_family(heading=True))
    for finding in sizes.findings:
        lc.place = finding.place
        lc.warn_at(("title",), finding.message)
    lc.place = ()
    return sizes


def _title_entries(lc: LayoutContext, place: Place, spec: object) -> list[TitleEntry]:
    kind = spec.kind  # type: ignore[attr-defined]
    layout = _LAYOUT_OF_KIND.get(kind, CONTENT)
    titles = KINDS[kind].titles
    if titles is not None:  # a kind that continues: "Title (1/3)", "(2/3)"…
        return [TitleEntry(layout, title, place) for title in titles(spec, lc)]
    text = spec.title or (lc.info.title if kind == "title" else "")  # type: ignore[attr-defined]
    return [TitleEntry(layout, text, place)]


def _divider(section: Section) -> SectionSlide:
    return SectionSlide(
        kind="section", title=section.title or "", subtitle=section.subtitle, notes=section.notes
    )
