"""What a template holds, as plain frozen data: its size, masters, layouts with their
placeholders (boxes resolved through the master, as PowerPoint inherits them), colours and
fonts. The layout stage plans slides from this, with no python-pptx object in sight.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Location, Problem, ThemeError
from ..layout.geometry import Box
from ..messages import say
from .files import read_template_bytes
from .styles import (
    THEME_RT,
    MasterStyles,
    alignment_of,
    background_colour,
    box_of,
    fill_of,
    first_colour,
    first_found,
    graphics,
    placeholder_of,
    placeholder_type,
    points_of,
    readable,
    style_chain,
)

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS = {"a": _A, "p": _P}
TITLE_TYPES = ("title", "ctrTitle")
FOOTER_TYPES = ("dt", "ftr", "sldNum")
TEXT_TYPES = ("subTitle", "body", "obj")
"""Placeholders a slide's text can go in, in order of preference."""


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout: its type (``ST_PlaceholderType``), idx, name, and box."""

    type: str
    idx: int
    name: str
    box: Box | None
    """Its own position, or the master's for its type; ``None`` when neither says."""

    @property
    def is_title(self) -> bool:
        return self.type in TITLE_TYPES


@dataclass(frozen=True)
class Layout:
    """One slide layout of the template."""

    master: int
    """Which master it belongs to (0 = the first)."""
    position: int
    """Its place among its master's layouts."""
    name: str
    type: str
    """``ST_SlideLayoutType`` (``title``, ``obj``, ``secHead`` …); ``cust`` when unset."""
    placeholders: tuple[Placeholder, ...]
    title_color: str
    """The colour its titles are set in (the template's own styles, through its colour map)."""
    text_color: str
    """The colour of its text."""
    footer_color: str | None = None
    """The colour of its footer text, when it has a footer placeholder."""
    title_size: float | None = None
    """The size its titles are set at, when the template says."""
    title_anchor: str = "t"
    """Where its title's text sits in the title's box (``t``, ``ctr``, ``b``)."""
    title_align: str = "l"
    """How its title's lines are aligned (``l``, ``ctr``, ``r``, ``just``, ``dist``)."""
    graphics: tuple[Box, ...] = ()
    """Where its own and its master's pictures and shapes (not placeholders) are."""

    @property
    def title(self) -> Placeholder | None:
        return next((ph for ph in self.placeholders if ph.is_title), None)

    @property
    def text(self) -> Placeholder | None:
        """The placeholder its text goes in: the first subtitle, body or content one."""
        for kind in TEXT_TYPES:
            found = next((ph for ph in self.placeholders if ph.type == kind), None)
            if found is not None:
                return found
        return None

    def footer(self, kind: str) -> Placeholder | None:
        return next((ph for ph in self.placeholders if ph.type == kind), None)

    @property
    def content_placeholders(self) -> int:
        """How many placeholders take text or content (not title, not footer)."""
        return sum(1 for ph in self.placeholders if ph.type in TEXT_TYPES)


@dataclass(frozen=True)
class TemplateInfo:
    """A template, read: what slidegen builds on."""

    path: Path
    width: int
    height: int
    """Slide size in EMU."""
    masters: tuple[str, ...]
    """The masters' names (LibreOffice names them; PowerPoint often leaves them empty)."""
    layouts: tuple[Layout, ...]
    scheme: dict[str, str]
    """The first master's theme colours by slot (``dk1``, ``lt1``, ``accent1`` …), as hex."""
    heading_font: str | None
    body_font: str | None
    title_size: float | None
    """The master's title size in points, when its styles set one."""
    example_slides: int
    """Slides the template file carries (examples; never kept in a deck)."""
    data: bytes = field(repr=False, default=b"")
    """The package to build on: repaired, without example slides, its main part declared a
    presentation (a .potx's is a template's)."""

    def layout_named(self, name: str) -> Layout | None:
        wanted = name.casefold().strip()
        return next((lay for lay in self.layouts if lay.name.casefold().strip() == wanted), None)


def read_template(path: Path, where: Location) -> TemplateInfo:
    """Read the template at ``path``; a located :class:`ThemeError` when it cannot be used."""
    from pptx import Presentation  # the template is read when a theme names one

    from .repair import repair_template

    data = read_template_bytes(path, where)
    try:
        prs = Presentation(io.BytesIO(data))
        examples = len(prs.slides)
        repair_template(prs)
        repaired = io.BytesIO()
        prs.save(repaired)
    except Exception:  # python-pptx raises anything from KeyError to lxml's errors
        raise ThemeError(Problem(where, say("template_unreadable", name=path.name))) from None
    layouts: list[Layout] = []
    for number, master in enumerate(prs.slide_masters):
        styles = MasterStyles(master.element, master.part.part_related_by(THEME_RT).blob)
        if number == 0:
            first_master = styles
        for position, layout in enumerate(master.slide_layouts):
            layouts.append(_layout(number, position, layout.element, styles))
    if not any(layout.title for layout in layouts):
        raise ThemeError(Problem(where, say("template_without_title", name=path.name)))
    major, minor = first_master.fonts
    return TemplateInfo(
        path=path,
        width=prs.slide_width or 9144000,
        height=prs.slide_height or 6858000,
        masters=tuple(m.name or "" for m in prs.slide_masters),
        layouts=tuple(layouts),
        scheme=first_master.scheme,
        heading_font=major,
        body_font=minor,
        title_size=first_master.title_size,
        example_slides=examples,
        data=repaired.getvalue(),
    )


def _layout(master: int, position: int, element: etree._Element, styles: MasterStyles) -> Layout:
    colour_map = dict(styles.colour_map)
    override = element.find("p:clrMapOvr/a:overrideClrMapping", _NS)
    if override is not None:
        colour_map.update(override.attrib)
    ink = styles.colour(fill_of("tx1"), colour_map) or "000000"
    placeholders, chains = [], {}
    for sp in element.iterfind("p:cSld/p:spTree/p:sp", _NS):
        ph = placeholder_of(sp)
        if ph is None:
            continue
        kind, inherited = placeholder_type(sp), _inherited_type(placeholder_type(sp))
        name = sp.find("p:nvSpPr/p:cNvPr", _NS).get("name", "")
        box = box_of(sp) or styles.boxes.get(inherited)
        placeholders.append(Placeholder(kind, int(ph.get("idx", "0") or 0), name, box))
        role = "title" if kind in TITLE_TYPES else "text" if kind in TEXT_TYPES else kind
        style = {"title": styles.title_style, "text": styles.body_style}.get(role)
        chains.setdefault(role, (sp, style_chain(sp, styles.master_spans.get(inherited), style)))
    background = background_colour(element, styles, colour_map) or styles.background

    def colour(role: str, fallback: etree._Element | None) -> str:
        holders = chains[role][1] if role in chains else []
        found = first_colour(styles, colour_map, *holders, fallback) or ink
        # Text the template's own mistakes would make unreadable gets its dark or light.
        return readable(found, background, styles.scheme) if background else found

    title = chains.get("title", (None, []))
    cSld = element.find("p:cSld", _NS)
    return Layout(
        master=master,
        position=position,
        name=(cSld.get("name") if cSld is not None else "") or "",
        type=element.get("type") or "cust",
        placeholders=tuple(placeholders),
        title_color=colour("title", styles.title_style),
        text_color=colour("text", styles.body_style),
        footer_color=colour("ftr", None) if "ftr" in chains else None,
        title_size=first_found(title[1], lambda rpr: points_of(rpr.get("sz"))) or styles.title_size,
        title_anchor=_anchor(title[0], styles.master_spans.get("title")),
        title_align=first_found(title[1], alignment_of) or "l",
        graphics=graphics(element)
        + (styles.graphics if element.get("showMasterSp") != "0" else ()),
    )


def _anchor(layout_sp: etree._Element | None, master_sp: etree._Element | None) -> str:
    """Where a placeholder's text sits (``t``, ``ctr``, ``b``): its own body's, else the
    master's, else the format's default, the top."""
    for sp in (layout_sp, master_sp):
        body = sp.find("p:txBody/a:bodyPr", _NS) if sp is not None else None
        if body is not None and body.get("anchor"):
            return body.get("anchor")
    return "t"


def _inherited_type(kind: str) -> str:
    """The master placeholder a layout placeholder of ``kind`` takes its place from."""
    if kind in TITLE_TYPES:
        return "title"
    if kind in FOOTER_TYPES:
        return kind
    return "body"
