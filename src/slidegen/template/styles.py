"""How a template's masters and layouts look and where their shapes are: colour schemes and
maps, text styles (PowerPoint's inheritance, and LibreOffice's prompt text where it writes no
styles), placeholder boxes, background colours and graphics. Read by :mod:`.reading`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from lxml import etree

from ..checks import contrast_ratio
from ..layout.geometry import Box

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_NS = {"a": _A, "p": _P}
_SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)))
_MAPPED = {"tx1", "bg1", "tx2", "bg2"}
T = TypeVar("T")


THEME_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


class MasterStyles:
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
            placeholder_type(sp): box
            for sp in master.iterfind("p:cSld/p:spTree/p:sp", _NS)
            if (box := box_of(sp)) is not None and placeholder_of(sp) is not None
        }
        self.graphics = graphics(master)
        self.background = background_colour(master, self, self.colour_map, plain=self.scheme["lt1"])
        self.master_spans = {
            placeholder_type(sp): sp
            for sp in master.iterfind("p:cSld/p:spTree/p:sp", _NS)
            if placeholder_of(sp) is not None
        }
        self.title_style = master.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", _NS)
        self.body_style = master.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr", _NS)
        # LibreOffice writes no text styles: its masters' prompt text carries them.
        title = [self.title_style, *text_defaults(self.master_spans.get("title"))]
        body = [self.body_style, *text_defaults(self.master_spans.get("body"))]
        self.title_size = first_found(title, lambda rpr: points_of(rpr.get("sz")))
        self.fonts = (
            first_found(title, typeface_of) or self.fonts[0],
            first_found(body, typeface_of) or self.fonts[1],
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


def background_colour(
    element: etree._Element,
    styles: MasterStyles,
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
        fill_of(ref[0].get("val", ""))
        if ref is not None and len(ref) and ref[0].tag == f"{{{_A}}}schemeClr"
        else None,
        colour_map,
    )


def readable(colour: str, background: str, scheme: dict[str, str]) -> str:
    """``colour``, or the theme's dark or light colour, whichever reads on ``background``."""
    if contrast_ratio(colour, background) >= 3:
        return colour
    return max((scheme["dk1"], scheme["lt1"]), key=lambda c: contrast_ratio(c, background))


def first_colour(
    styles: MasterStyles, colour_map: dict[str, str], *holders: etree._Element | None
) -> str | None:
    for holder in holders:
        colour = styles.colour(holder, colour_map)
        if colour:
            return colour
    return None


def style_chain(
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


def first_found(
    holders: list[etree._Element | None], read: Callable[[etree._Element], T | None]
) -> T | None:
    for holder in holders:
        if holder is not None and (value := read(holder)) is not None:
            return value
    return None


def alignment_of(rpr: etree._Element) -> str | None:
    """The alignment (``l``, ``ctr``, ``r``, …) of the paragraphs a run default belongs to:
    its list level's, or its paragraph's."""
    parent = rpr.getparent()
    if parent is None:
        return None
    if parent.tag == f"{{{_A}}}r":  # a run's properties: its paragraph's
        parent = parent.getparent()
    if parent is not None and parent.tag == f"{{{_A}}}p":  # a paragraph: its own properties
        parent = parent.find("a:pPr", _NS)
    return parent.get("algn") if parent is not None else None


def points_of(size: str | None) -> float | None:
    return int(size) / 100 if size and size.isdigit() and 100 <= int(size) <= 400_000 else None


def typeface_of(rpr: etree._Element) -> str | None:
    """An explicit typeface (``+mj-lt`` and ``+mn-lt`` name the theme's, read elsewhere)."""
    face = rpr.find("a:latin", _NS)
    name = face.get("typeface", "") if face is not None else ""
    return name if name and not name.startswith("+") else None


def fill_of(slot: str) -> etree._Element:
    """A run default filled with scheme colour ``slot`` (to resolve it like any other)."""
    return etree.fromstring(
        f'<a:defRPr xmlns:a="{_A}"><a:solidFill><a:schemeClr val="{slot}"/>'
        "</a:solidFill></a:defRPr>"
    )


def graphics(element: etree._Element) -> tuple[Box, ...]:
    """The boxes of the shapes, pictures and groups drawn on a master or layout."""
    boxes = []
    for shape in element.iterfind("p:cSld/p:spTree/*", _NS):
        if placeholder_of(shape) is not None:
            continue
        box = box_of(shape) or box_of(shape, "p:grpSpPr/a:xfrm")
        if box is not None and box.width > 0 and box.height > 0:
            boxes.append(box)
    return tuple(boxes)


def placeholder_of(sp: etree._Element) -> etree._Element | None:
    return sp.find("p:nvSpPr/p:nvPr/p:ph", _NS)


def placeholder_type(sp: etree._Element) -> str:
    ph = placeholder_of(sp)
    return ph.get("type", "obj") if ph is not None else ""


def box_of(sp: etree._Element, xfrm: str = "p:spPr/a:xfrm") -> Box | None:
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
