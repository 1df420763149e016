"""The master and layouts slidegen makes when a deck brings no corporate template.

python-pptx's default template is a 4:3 Office master with eleven layouts and English prompt
text. We keep its master, theme and four layout parts, and write their content anew from the
page geometry: one layout per kind of slide (cover, section divider, content, closing), each
with its title, text, footer, date and slide-number placeholders where slides put them. A
slide then inherits its title's position, and a slide added (or Reset) in PowerPoint looks
like the ones slidegen made. The brand chrome is added to these layouts by
:func:`slidegen.render.page.brand_layouts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.presentation import Presentation
from pptx.slide import SlideLayout

from ..layout import EMU_PER_PT, Box, Frame, PageGeometry, points
from ..layout.geometry import CLOSING, CONTENT, COVER, SECTION
from ..theme import Theme

__all__ = ["CLOSING", "CONTENT", "COVER", "SECTION", "build_master", "layout_designs"]

# Placeholder indices PowerPoint itself gives master and layout placeholders.
MASTER_IDX = {"body": 1, "dt": 2, "ftr": 3, "sldNum": 4}
LAYOUT_IDX = {"text": 1, "dt": 10, "ftr": 11, "sldNum": 12}
FOOTER_NAMES = {"dt": "Date", "ftr": "Footer", "sldNum": "Slide number"}
SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""A fixed field id keeps builds reproducible; PowerPoint only needs it to be a GUID."""

INSET_X, INSET_Y = points(4), points(2)  # text insets, as render.text writes them
_BULLET_SCALES = (1.0, 0.9, 0.82)  # body text per level, as render.text.bullet_paras sizes it
_NS = nsdecls("a", "p", "r")


@dataclass(frozen=True)
class LayoutDesign:
    """One layout: what it is for, where its title and text go, how they look."""

    name: str
    kind: str
    """``ST_SlideLayoutType``: what PowerPoint maps the layout to (New Slide, Reset)."""
    frame: Frame
    text_type: str
    """Placeholder type of its text (``subTitle``, ``body``; ``obj`` for any content)."""
    title: tuple[str, float, str]
    """The title's placeholder type (``ctrTitle`` on the cover), size and anchor."""
    title_color: str
    background: str | None
    """A full-bleed colour, or ``None`` for the master's background."""
    text_size: float | None
    """Size of the text placeholder (``None``: the master's body style, with bullets)."""
    chrome: bool
    """Whether its slides show the footer and slide number (``p:hf``)."""
    footer_row: tuple[Box, Box, Box]
    """Footer, date and slide number."""


def layout_designs(theme: Theme, page: PageGeometry) -> list[LayoutDesign]:
    colors, sizes = theme.colors, theme.sizes
    footer, cover_footer = page.footer_columns, page.cover_footer_columns[:3]
    content = LayoutDesign(
        CONTENT, "obj", Frame(page.title, page.body), "obj", ("title", sizes.title, "t"),
        colors.primary, None, None, chrome=True, footer_row=footer,
    )  # fmt: skip
    # On the brand colour, without footer chrome: name, type, frame, text, title, text size.
    cover = (COVER, "title", page.cover, "subTitle", ("ctrTitle", sizes.cover, "b"), 1.4)
    section = (SECTION, "secHead", page.section, "body", ("title", sizes.cover, "b"), 1.3)
    closing = (CLOSING, "tx", page.closing, "body", ("title", sizes.title * 1.2, "ctr"), 1.6)
    full_bleed = {
        row[0]: LayoutDesign(
            *row[:5],
            colors.on_primary,
            colors.primary,
            sizes.subtitle * row[5],
            chrome=False,
            footer_row=cover_footer if row is cover else footer,
        )
        for row in (cover, section, closing)
    }
    return [full_bleed[COVER], full_bleed[SECTION], content, full_bleed[CLOSING]]


def build_master(prs: Presentation, theme: Theme, page: PageGeometry) -> dict[str, SlideLayout]:
    """Rewrite the master and keep one layout per design; the layouts by name."""
    master = prs.slide_master
    _write_master(master.element, theme, page)
    designs = layout_designs(theme, page)
    id_list = master.element.get_or_add_sldLayoutIdLst()
    entries = list(id_list)
    for entry in entries[len(designs) :]:  # python-pptx's other layouts: dropped, not saved
        id_list.remove(entry)
        master.part.drop_rel(entry.get(qn("r:id")))
    layouts = list(master.slide_layouts)
    for layout, design in zip(layouts, designs, strict=True):
        _replace(layout.element, _layout_xml(design, theme, page))
    return {layout.name: layout for layout in layouts}


def _replace(element: etree._Element, xml: str) -> None:
    """Give ``element`` the content of ``xml`` in place (python-pptx keeps its objects)."""
    new = parse_xml(xml)
    for child in list(element):
        element.remove(child)
    element.attrib.clear()
    element.attrib.update(new.attrib)
    element.extend(list(new))


def _layout_xml(design: LayoutDesign, theme: Theme, page: PageGeometry) -> str:
    footer, date, number = design.footer_row
    title_type, title_size, title_anchor = design.title
    title_style = _level(1, title_size, design.title_color, "+mj-lt", algn="l", bullet=False)
    shapes = [
        _placeholder(
            2,
            "Title",
            f'<p:ph type="{title_type}"/>',
            design.frame.title,
            anchor=title_anchor,
            style=title_style,
        ),
        _placeholder(
            3,
            "Text",
            _ph(design.text_type, LAYOUT_IDX["text"]),
            design.frame.body,
            style=_text_style(design, theme),
        ),
    ]
    for shape_id, (kind, box) in enumerate((("dt", date), ("ftr", footer), ("sldNum", number)), 4):
        shapes.append(_footer_placeholder(shape_id, kind, LAYOUT_IDX[kind], box, theme))
    background = ""
    if design.background:
        background = (
            f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{design.background}"/></a:solidFill>'
            "<a:effectLst/></p:bgPr></p:bg>"
        )
    return (
        f'<p:sldLayout {_NS} type="{design.kind}" preserve="1">'
        f"<p:cSld name={quoteattr(design.name)}>{background}{_tree(shapes)}</p:cSld>"
        f"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>{_header_footer(design.chrome, theme)}"
        "</p:sldLayout>"
    )


def _text_style(design: LayoutDesign, theme: Theme) -> str:
    if design.text_size is None:
        return ""  # the master's body style: bullets, theme sizes
    return _level(1, design.text_size, design.title_color, "+mj-lt", algn="l", bullet=False)


def _header_footer(chrome: bool, theme: Theme) -> str:
    """Which of footer, slide number and date PowerPoint's Header & Footer shows as on."""
    footer = "1" if chrome and theme.footer else "0"
    number = "1" if chrome and theme.slide_numbers else "0"
    return f'<p:hf sldNum="{number}" hdr="0" ftr="{footer}" dt="0"/>'


def _write_master(master: etree._Element, theme: Theme, page: PageGeometry) -> None:
    """The master's placeholders at the content slides' places, and the brand text styles."""
    footer, date, number = page.footer_columns
    shapes = [
        _placeholder(2, "Title", '<p:ph type="title"/>', page.title, anchor="t"),
        _placeholder(3, "Text", _ph("body", MASTER_IDX["body"]), page.body),
    ]
    for shape_id, (kind, box) in enumerate((("dt", date), ("ftr", footer), ("sldNum", number)), 4):
        shapes.append(_footer_placeholder(shape_id, kind, MASTER_IDX[kind], box, theme))
    cSld = master.find(qn("p:cSld"))
    cSld.replace(cSld.find(qn("p:spTree")), parse_xml(_tree(shapes)))
    background = cSld.find(qn("p:bg"))
    background.getparent().replace(
        background,
        parse_xml(
            f'<p:bg {_NS}><p:bgPr><a:solidFill><a:srgbClr val="{theme.colors.background}"/>'
            "</a:solidFill><a:effectLst/></p:bgPr></p:bg>"
        ),
    )
    styles = master.find(qn("p:txStyles"))
    styles.replace(styles.find(qn("p:titleStyle")), parse_xml(_title_style(theme)))
    styles.replace(styles.find(qn("p:bodyStyle")), parse_xml(_body_style(theme)))
    hf = parse_xml(_header_footer(True, theme).replace("<p:hf ", f"<p:hf {_NS} "))
    styles.addprevious(hf)  # CT_SlideMaster: ... sldLayoutIdLst, transition, timing, hf, txStyles


def _title_style(theme: Theme) -> str:
    level = _level(1, theme.sizes.title, theme.colors.primary, "+mj-lt", algn="l", bullet=False)
    return f"<p:titleStyle {_NS}>{level}</p:titleStyle>"


def _body_style(theme: Theme) -> str:
    levels = "".join(
        _level(
            n,
            theme.sizes.body * _BULLET_SCALES[min(n - 1, 2)],
            theme.colors.text,
            "+mn-lt",
            algn="l",
            bullet=True,
            bullet_color=theme.colors.primary,
        )
        for n in range(1, 10)
    )
    return f"<p:bodyStyle {_NS}>{levels}</p:bodyStyle>"


def _level(
    n: int,
    size: float,
    color: str,
    font: str,
    *,
    algn: str,
    bullet: bool,
    bullet_color: str | None = None,
) -> str:
    """``a:lvlNpPr``: one level's paragraph and character defaults (em-based indents, as
    render.text indents bullets)."""
    em = size * EMU_PER_PT
    if bullet:
        margin, indent = round(((n - 1) * 1.1 + 0.9) * em), -round(0.9 * em)
        space = round((0.45 if n == 1 else 0.2) * size * 100)
        marker = (
            f'<a:spcBef><a:spcPts val="{space}"/></a:spcBef>'
            f'<a:buClr><a:srgbClr val="{bullet_color}"/></a:buClr><a:buFont typeface="Arial"/>'
            f'<a:buChar char="{"•" if n == 1 else "–"}"/>'
        )
    else:
        margin, indent = 0, 0
        marker = '<a:spcBef><a:spcPts val="0"/></a:spcBef><a:buNone/>'
    return (
        f'<a:lvl{n}pPr marL="{margin}" indent="{indent}" algn="{algn}" rtl="0">{marker}'
        f'<a:defRPr sz="{round(size * 100)}" kern="1200"><a:solidFill><a:srgbClr val="{color}"/>'
        f'</a:solidFill><a:latin typeface="{font}"/><a:ea typeface="{font[:3]}-ea"/>'
        f'<a:cs typeface="{font[:3]}-cs"/></a:defRPr></a:lvl{n}pPr>'
    )


def _footer_placeholder(shape_id: int, kind: str, idx: int, box: Box, theme: Theme) -> str:
    align = {"dt": "ctr", "ftr": "l", "sldNum": "r"}[kind]
    style = _level(1, theme.sizes.footer, theme.colors.muted, "+mn-lt", algn=align, bullet=False)
    size = "half" if kind == "dt" else "quarter"
    text = ""
    if kind == "sldNum":
        text = f'<a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum"><a:rPr/><a:t>‹#›</a:t></a:fld>'
    return _placeholder(
        shape_id,
        FOOTER_NAMES[kind],
        f'<p:ph type="{kind}" sz="{size}" idx="{idx}"/>',
        box,
        anchor="b",
        style=style,
        text=text,
    )


def _ph(kind: str, idx: int) -> str:
    kind_attribute = "" if kind == "obj" else f' type="{kind}"'
    return f'<p:ph{kind_attribute} idx="{idx}"/>'


def _placeholder(
    shape_id: int,
    name: str,
    ph: str,
    box: Box,
    *,
    anchor: str = "t",
    style: str = "",
    text: str = "",
) -> str:
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr>'
        f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{box.left}" y="{box.top}"/>'
        f'<a:ext cx="{box.width}" cy="{box.height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
        f'<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="{INSET_X}" tIns="{INSET_Y}" '
        f'rIns="{INSET_X}" bIns="{INSET_Y}" rtlCol="0" anchor="{anchor}"><a:normAutofit/>'
        f"</a:bodyPr><a:lstStyle>{style}</a:lstStyle><a:p>{text}<a:endParaRPr/></a:p>"
        "</p:txBody></p:sp>"
    )


def _tree(shapes: list[str]) -> str:
    return (
        f'<p:spTree {_NS}><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
        '</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        f"{''.join(shapes)}</p:spTree>"
    )
