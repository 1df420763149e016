"""A 16:9 presentation whose master, layouts and Office theme carry the slidegen theme.

python-pptx's default template is 4:3 inside: changing only the slide size leaves every
placeholder where a 4:3 slide has it, so titles land off-centre. We stretch the master and the
layouts horizontally to the theme's width, and write the brand colours and fonts into the
Office theme so PowerPoint's own pickers (and new charts) offer them.
"""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout
from pptx.util import Emu

from ..layout import PageGeometry
from ..theme import Theme
from .package import make_linear

REQUIRED_LAYOUTS = ("Title Slide", "Section Header", "Title Only")


def new_presentation(
    theme: Theme, page: PageGeometry
) -> tuple[PresentationT, dict[str, SlideLayout]]:
    """A blank presentation sized and branded for ``theme``, and its layouts by name."""
    prs = Presentation()
    old_width, old_height = prs.slide_width, prs.slide_height
    prs.slide_width, prs.slide_height = Emu(page.slide.width), Emu(page.slide.height)
    sx = page.slide.width / old_width
    sy = page.slide.height / old_height
    master = prs.slide_master
    for element in [master.element, *(layout.element for layout in master.slide_layouts)]:
        _scale_geometry(element, sx, sy)
    _brand_office_theme(prs, theme)
    make_linear(prs)
    layouts = {layout.name: layout for layout in master.slide_layouts}
    return prs, layouts


def _scale_geometry(element: etree._Element, sx: float, sy: float) -> None:
    for off in element.iter(qn("a:off")):
        off.set("x", str(round(int(off.get("x")) * sx)))
        off.set("y", str(round(int(off.get("y")) * sy)))
    for ext in element.iter(qn("a:ext")):
        if ext.get("cx") is not None:
            ext.set("cx", str(round(int(ext.get("cx")) * sx)))
            ext.set("cy", str(round(int(ext.get("cy")) * sy)))


def _brand_office_theme(prs: PresentationT, theme: Theme) -> None:
    master_part = prs.slide_master.part
    theme_part = master_part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    colors = theme.colors
    scheme = {
        "dk1": colors.text,
        "lt1": colors.background,
        "dk2": colors.primary,
        "lt2": colors.surface,
    }
    for index, value in enumerate((colors.chart * 6)[:6], start=1):
        scheme[f"accent{index}"] = value
    for name, value in scheme.items():
        slot = root.find(f".//{qn('a:clrScheme')}/{qn('a:' + name)}")
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=value)
    fonts = root.find(f".//{qn('a:fontScheme')}")
    if fonts is not None:
        for tag, font in (("a:majorFont", theme.fonts.heading), ("a:minorFont", theme.fonts.body)):
            latin = fonts.find(f"{qn(tag)}/{qn('a:latin')}")
            if latin is not None:
                latin.set("typeface", font.name)
    theme_part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def apply_language(prs: PresentationT, language: str) -> None:
    """The deck's language on every text default python-pptx's template sets to en-US
    (master styles, default text style, notes, charts), so spelling and screen readers
    follow the deck."""
    for part in prs.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for node in element.iter():
            if node.get("lang") == "en-US":
                node.set("lang", language)
        if element.tag == qn("c:chartSpace") and element.find(qn("c:lang")) is None:
            date1904 = element.find(qn("c:date1904"))
            lang = etree.Element(qn("c:lang"), val=language)
            if date1904 is not None:
                date1904.addnext(lang)
            else:
                element.insert(0, lang)
