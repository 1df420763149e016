"""What a template holds, as plain frozen data: its size, masters, layouts with their
placeholders (boxes resolved through the master, as PowerPoint inherits them), colours and
fonts. The layout stage plans slides from this, with no python-pptx object in sight.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from lxml import etree

from ..checks import contrast_ratio
from ..errors import Location, Problem, ThemeError
from ..layout.geometry import Box
from ..messages import say
from .files import read_template_bytes

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS = {"a": _A, "p": _P}
TITLE_TYPES = ("title", "ctrTitle")
FOOTER_TYPES = ("dt", "ftr", "sldNum")
TEXT_TYPES = ("subTitle", "body", "obj")
"""Placeholders a slide's text can go in, in order of preference."""
_SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)))
_MAPPED = {"tx1", "bg1", "tx2", "bg2"}
T = TypeVar("T")


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
        styles = _MasterStyles(master.element, master.part.part_related_by(_THEME_RT).blob)
        if number == 0:
            first = styles
        for position, layout in enumerate(master.slide_layouts):
            layouts.append(_layout(number, position, layout.element, styles))
    if not any(layout.title for layout in layouts):
        raise ThemeError(Problem(where, say("template_without_title", name=path.name)))
    major, minor = first.fonts
    return TemplateInfo(
        path=path,
        width=prs.slide_width or 9144000,
        height=prs.slide_height or 6858000,
        masters=tuple(m.name or "" for m in prs.slide_masters),
        layouts=tuple(layouts),
        scheme=first.scheme,
        heading_font=major,
        body_font=minor,
        title_size=first.title_size,
        example_slides=examples,
        data=repaired.getvalue(),
    )


_THEME_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


class _MasterStyles:
    """A master's colour scheme, colour map, fonts, placeholder boxes and text styles."""

    def __init__(self, master: etree._Element, theme_xml: bytes) -> None:
        theme = etree.fromstring(theme_xml)
        self.scheme: dict[str, str] = {}
        for slot in _SCHEME_SLOTS:
            colour = theme.find(f".//a:clrScheme/a:{slot}", _NS)
            self.scheme[slot] = _literal(colour) or (
                "000000" if slot.startswith("dk") else "FFFFFF"
            )
        self.fonts = tuple(
            (theme.xpath(f".//a:fontScheme/a:{which}/a:latin/@typeface", namespaces=_NS) or [None])[
                0
            ]
            or None
            for which in ("majorFont", "minorFont")
        )
        colour_map = master.find("p:clrMap", _NS)
        self.colour_map = dict(colour_map.attrib) if colour_map is not None else {}
        self.boxes = {
            _ph_type(sp): box
            for sp in master.iterfind("p:cSld/p:spTree/p:sp", _NS)
            if (box := _box(sp)) is not None and _ph(sp) is not None
        }
        self.graphics = _graphics(master)
        self.background = _background(master, self, self.colour_map, plain=self.scheme["lt1"])
        self.master_spans = {
            _ph_type(sp): sp
            for sp in master.iterfind("p:cSld/p:spTree/p:sp", _NS)
            if _ph(sp) is not None
        }
        self.title_style = master.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", _NS)
        self.body_style = master.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr", _NS)
        # LibreOffice writes no text styles: its masters' prompt text carries them.
        title = [self.title_style, *text_defaults(self.master_spans.get("title"))]
        body = [self.body_style, *text_defaults(self.master_spans.get("body"))]
        self.title_size = _first(title, lambda rpr: _points(rpr.get("sz")))
        self.fonts = (
            _first(title, _typeface) or self.fonts[0],
            _first(body, _typeface) or self.fonts[1],
        )

    def colour(self, fill_holder: etree._Element | None, colour_map: dict[str, str]) -> str | None:
        """The colour of ``fill_holder``'s solid fill (a run or paragraph default), as hex."""
        if fill_holder is None:
            return None
        fill = fill_holder.find("a:solidFill", _NS)
        if fill is None:
            return None
        literal = _literal(fill)
        if literal:
            return literal
        scheme = fill.find("a:schemeClr", _NS)
        if scheme is None:
            return None
        slot = scheme.get("val", "")
        if slot in _MAPPED:
            slot = colour_map.get(
                slot, {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}[slot]
            )
        return self.scheme.get(slot)


def _layout(master: int, position: int, element: etree._Element, styles: _MasterStyles) -> Layout:
    colour_map = dict(styles.colour_map)
    override = element.find("p:clrMapOvr/a:overrideClrMapping", _NS)
    if override is not None:
        colour_map.update(override.attrib)
    ink = styles.colour(_fill_of("tx1"), colour_map) or "000000"
    placeholders, chains = [], {}
    for sp in element.iterfind("p:cSld/p:spTree/p:sp", _NS):
        ph = _ph(sp)
        if ph is None:
            continue
        kind, inherited = _ph_type(sp), _inherited_type(_ph_type(sp))
        name = sp.find("p:nvSpPr/p:cNvPr", _NS).get("name", "")
        box = _box(sp) or styles.boxes.get(inherited)
        placeholders.append(Placeholder(kind, int(ph.get("idx", "0") or 0), name, box))
        role = "title" if kind in TITLE_TYPES else "text" if kind in TEXT_TYPES else kind
        style = {"title": styles.title_style, "text": styles.body_style}.get(role)
        chains.setdefault(role, (sp, _style_chain(sp, styles.master_spans.get(inherited), style)))
    background = _background(element, styles, colour_map) or styles.background

    def colour(role: str, fallback: etree._Element | None) -> str:
        holders = chains[role][1] if role in chains else []
        found = _first_colour(styles, colour_map, *holders, fallback) or ink
        # Text the template's own mistakes would make unreadable gets its dark or light.
        return _readable(found, background, styles.scheme) if background else found

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
        title_size=_first(title[1], lambda rpr: _points(rpr.get("sz"))) or styles.title_size,
        title_anchor=_anchor(title[0], styles.master_spans.get("title")),
        graphics=_graphics(element)
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


def _background(
    element: etree._Element,
    styles: _MasterStyles,
    colour_map: dict[str, str],
    plain: str | None = None,
) -> str | None:
    """The colour of a master's or layout's background when it is one colour; ``plain`` when
    it has none of its own; ``None`` for a picture or gradient (its text is the designer's
    call)."""
    bg = element.find("p:cSld/p:bg", _NS)
    if bg is None:
        return plain
    fill = bg.find("p:bgPr", _NS)
    if fill is not None:
        return styles.colour(fill, colour_map)
    ref = bg.find("p:bgRef", _NS)
    return styles.colour(
        _fill_of(ref[0].get("val", ""))
        if ref is not None and len(ref) and ref[0].tag == f"{{{_A}}}schemeClr"
        else None,
        colour_map,
    )


def _readable(colour: str, background: str, scheme: dict[str, str]) -> str:
    """``colour``, or the theme's dark or light colour, whichever reads on ``background``."""
    if contrast_ratio(colour, background) >= 3:
        return colour
    return max((scheme["dk1"], scheme["lt1"]), key=lambda c: contrast_ratio(c, background))


def _first_colour(
    styles: _MasterStyles, colour_map: dict[str, str], *holders: etree._Element | None
) -> str | None:
    for holder in holders:
        colour = styles.colour(holder, colour_map)
        if colour:
            return colour
    return None


def _style_chain(
    layout_sp: etree._Element, master_sp: etree._Element | None, master_style: etree._Element | None
) -> list[etree._Element | None]:
    """Where a layout placeholder's text gets its look, nearest first: its list style, the
    master placeholder's, the master's text styles (PowerPoint's inheritance); then the
    master's and the layout's prompt text, where LibreOffice, which writes no text styles,
    keeps the designer's choice."""
    return [
        *_list_style(layout_sp),
        *_list_style(master_sp),
        master_style,
        *text_defaults(master_sp),
        *text_defaults(layout_sp),
    ]


def _list_style(sp: etree._Element | None) -> list[etree._Element]:
    found = sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", _NS) if sp is not None else None
    return [found] if found is not None else []


def text_defaults(sp: etree._Element | None) -> list[etree._Element]:
    """How a placeholder's prompt text looks: its first run, its paragraph's end."""
    if sp is None:
        return []
    paths = (
        "p:txBody/a:p/a:r/a:rPr",
        "p:txBody/a:p/a:endParaRPr",
    )
    return [found for path in paths if (found := sp.find(path, _NS)) is not None]


def _first(
    holders: list[etree._Element | None], read: Callable[[etree._Element], T | None]
) -> T | None:
    for holder in holders:
        if holder is not None and (value := read(holder)) is not None:
            return value
    return None


def _points(size: str | None) -> float | None:
    return int(size) / 100 if size and size.isdigit() and 100 <= int(size) <= 400_000 else None


def _typeface(rpr: etree._Element) -> str | None:
    """An explicit typeface (``+mj-lt`` and ``+mn-lt`` name the theme's, read elsewhere)."""
    face = rpr.find("a:latin", _NS)
    name = face.get("typeface", "") if face is not None else ""
    return name if name and not name.startswith("+") else None


def _fill_of(slot: str) -> etree._Element:
    """A run default filled with scheme colour ``slot`` (to resolve it like any other)."""
    return etree.fromstring(
        f'<a:defRPr xmlns:a="{_A}"><a:solidFill><a:schemeClr val="{slot}"/>'
        "</a:solidFill></a:defRPr>"
    )


def _graphics(element: etree._Element) -> tuple[Box, ...]:
    """The boxes of the shapes, pictures and groups drawn on a master or layout."""
    boxes = []
    for shape in element.iterfind("p:cSld/p:spTree/*", _NS):
        if _ph(shape) is not None:
            continue
        box = _box(shape) or _box(shape, "p:grpSpPr/a:xfrm")
        if box is not None and box.width > 0 and box.height > 0:
            boxes.append(box)
    return tuple(boxes)


def _ph(sp: etree._Element) -> etree._Element | None:
    return sp.find("p:nvSpPr/p:nvPr/p:ph", _NS)


def _ph_type(sp: etree._Element) -> str:
    ph = _ph(sp)
    return ph.get("type", "obj") if ph is not None else ""


def _inherited_type(kind: str) -> str:
    """The master placeholder a layout placeholder of ``kind`` takes its place from."""
    if kind in TITLE_TYPES:
        return "title"
    if kind in FOOTER_TYPES:
        return kind
    return "body"


def _box(sp: etree._Element, xfrm: str = "p:spPr/a:xfrm") -> Box | None:
    offset = sp.find(f"{xfrm}/a:off", _NS)
    extent = sp.find(f"{xfrm}/a:ext", _NS)
    if offset is None or extent is None:
        return None
    try:
        return Box(
            int(offset.get("x")), int(offset.get("y")), int(extent.get("cx")), int(extent.get("cy"))
        )
    except (TypeError, ValueError):
        return None


def _literal(holder: etree._Element | None) -> str | None:
    """An ``RRGGBB`` colour given literally under ``holder`` (``srgbClr`` or ``sysClr``)."""
    if holder is None:
        return None
    rgb = holder.find("a:srgbClr", _NS)
    if rgb is not None and len(rgb.get("val", "")) == 6:
        return rgb.get("val").upper()
    system = holder.find("a:sysClr", _NS)
    if system is not None and len(system.get("lastClr", "")) == 6:
        return system.get("lastClr").upper()
    return None
