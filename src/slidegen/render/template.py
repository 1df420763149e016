"""A presentation whose size, master, layouts and Office theme carry the slidegen theme.

python-pptx's default template is 4:3 inside; the master and layouts are written anew for the
theme's page (see :mod:`.master`), and the brand colours and fonts go into the Office theme so
PowerPoint's own pickers (and new charts) offer them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.slide import SlideLayout

from ..layout import PageGeometry
from ..markup import plain_text
from ..theme import Theme

if TYPE_CHECKING:
    from ..template.mapping import LayoutChoice
    from ..template.reading import TemplateInfo
from .master import build_master
from .on_template import template_presentation
from .package import make_linear
from .written import EN_US_DEFAULTS

# ``p:sldSz/@type`` of the sizes PowerPoint names (pml ST_SlideSizeType); its 16:9 widescreen
# (12192000 x 6858000) and every other size carry no type.
_SIZE_TYPES = {
    (9144000, 6858000): "screen4x3",
    (9144000, 5143500): "screen16x9",
    (9144000, 5715000): "screen16x10",
}


def new_presentation(
    theme: Theme,
    page: PageGeometry,
    base: tuple[TemplateInfo, LayoutChoice] | None = None,
) -> tuple[PresentationT, dict[str, SlideLayout], dict[str, SlideLayout]]:
    """A blank presentation sized and branded for ``theme``: its layouts by role, and the
    layouts of the kinds that have one of their own. On a template (``base``): the
    template's masters, layouts, theme and size."""
    if base is not None:
        prs, roles, kinds = template_presentation(*base)
        _set_slide_size(prs, page.slide.width, page.slide.height)
        return prs, roles, kinds
    prs = Presentation()
    _set_slide_size(prs, page.slide.width, page.slide.height)
    layouts = build_master(prs, theme, page)
    _brand_office_theme(prs, theme)
    make_linear(prs)
    return prs, layouts, {}


def _set_slide_size(prs: PresentationT, width: int, height: int) -> None:
    """The size exactly, typed only when PowerPoint has a name for it."""
    size = prs.part._element.find(qn("p:sldSz"))
    size.set("cx", str(width))
    size.set("cy", str(height))
    size.attrib.pop("type", None)
    if (width, height) in _SIZE_TYPES:
        size.set("type", _SIZE_TYPES[width, height])


def _brand_office_theme(prs: PresentationT, theme: Theme) -> None:
    master_part = prs.slide_master.part
    theme_part = master_part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    root.set("name", plain_text(theme.name))  # PowerPoint shows it as the deck's theme
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
        for node in EN_US_DEFAULTS(element):
            node.set("lang", language)
        if element.tag == qn("c:chartSpace"):
            chart_language(element, language)


def chart_language(chart: etree._Element, language: str) -> None:
    """``c:lang`` on a chart (python-pptx writes none): its numbers in the deck's language."""
    if chart.find(qn("c:lang")) is not None:
        return
    date1904 = chart.find(qn("c:date1904"))
    lang = etree.Element(qn("c:lang"), val=language)
    if date1904 is not None:
        date1904.addnext(lang)
    else:
        chart.insert(0, lang)
