"""Write measured, fitted paragraphs into text frames (runs, bullets, language, colours)."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.shapes.shapetree import SlideShapes

from ..layout import EMU_PER_PT
from ..layout.paras import INHERIT, Para
from ..layout.shapes import TextShape
from ..layout.text import fixed_plan
from ..layout.textplan import INSET_X, INSET_Y, ParaPlan, TextPlan
from ..markup import link_target
from .context import RenderContext
from .stamp import add_text_box


def add_text(ctx: RenderContext, shapes: SlideShapes, text: TextShape) -> None:
    """A text box, set as planned, on ``shapes`` (a slide's or a layout's)."""
    shape = add_text_box(shapes, text.name, text.box)
    write_paras(ctx, shape.text_frame, text.paras, text.plan, anchor=text.anchor)


def write_paras(
    ctx: RenderContext,
    frame: object,
    paras: tuple[Para, ...] | list[Para],
    plan: TextPlan | float,
    anchor: str | None = None,
    spare: tuple[float, float] | None = None,
) -> None:
    """Replace the content of ``frame`` (a python-pptx TextFrame) with ``paras`` as ``plan``
    sets them (a bare size: as they are, at that size); ``anchor`` overrides the plan's,
    ``spare`` its room left and right of the text (points, a title's)."""
    if not isinstance(plan, TextPlan):
        plan = fixed_plan(ctx.faces, paras, plan)
    anchor = anchor or plan.anchor
    body = frame._txBody  # type: ignore[attr-defined]
    left, right = spare or (plan.pad_x, plan.pad_x)
    sides = (INSET_X + round(left * EMU_PER_PT), INSET_X + round(right * EMU_PER_PT))
    _set_frame(body.bodyPr, anchor, sides, INSET_Y + round(plan.top_pad * EMU_PER_PT))
    for old in body.findall(_P):
        body.remove(old)
    for index, (para, placed) in enumerate(zip(paras, plan.paras, strict=True)):
        body.append(_paragraph(ctx, para, placed, first=index == 0))


def _set_frame(body_pr: etree._Element, anchor: str, sides: tuple[int, int], top: int) -> None:
    """What python-pptx's ``word_wrap = True``, ``auto_size = NONE``, ``vertical_anchor``
    and ``margin_*`` setters write, in their order, written directly (their descriptors cost
    ~0.1 ms a frame): an inset equal to the schema's default is left out, as they leave it."""
    body_pr.set("wrap", "square")
    for fit in body_pr.iterchildren(*_AUTOFITS):
        body_pr.remove(fit)
    no_fit = OxmlElement("a:noAutofit")  # before the elements that follow it, if any
    after = next(body_pr.iterchildren(*_AFTER_AUTOFIT), None)
    if after is None:
        body_pr.append(no_fit)
    else:
        after.addprevious(no_fit)
    if anchor != INHERIT:  # a template's placeholder keeps its own
        body_pr.set("anchor", _ANCHOR_CODE[anchor])
    for name, value, default in (
        ("lIns", sides[0], _DEFAULT_SIDE),
        ("rIns", sides[1], _DEFAULT_SIDE),
        ("tIns", top, _DEFAULT_TOP_BOTTOM),
        ("bIns", INSET_Y, _DEFAULT_TOP_BOTTOM),
    ):
        if value == default:
            body_pr.attrib.pop(name, None)
        else:
            body_pr.set(name, str(value))


_AUTOFITS = tuple(qn(f"a:{tag}") for tag in ("noAutofit", "normAutofit", "spAutoFit"))
_AFTER_AUTOFIT = tuple(qn(f"a:{tag}") for tag in ("scene3d", "sp3d", "flatTx", "extLst"))
_ANCHOR_CODE = {"top": "t", "middle": "ctr", "bottom": "b"}
_DEFAULT_SIDE, _DEFAULT_TOP_BOTTOM = 91440, 45720  # CT_TextBodyProperties' lIns, tIns


# Paragraphs are written as XML directly: python-pptx's property setters cost several times
# more, and a deck writes thousands of runs.
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_END, _FILL, _RGB, _LATIN = qn("a:endParaRPr"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_SPC_BEFORE, _SPC_POINTS = qn("a:spcBef"), qn("a:spcPts")
_LINK_CLICK, _REL_ID = qn("a:hlinkClick"), qn("r:id")
_ALIGN_CODE = {"left": "l", "center": "ctr", "right": "r"}


def _paragraph(ctx: RenderContext, para: Para, placed: ParaPlan, first: bool) -> etree._Element:
    p = etree.Element(_P)
    pPr = etree.SubElement(p, _PPR)
    if para.align != INHERIT:  # a template's placeholder keeps its own
        pPr.set("algn", _ALIGN_CODE[para.align])
    if not first:
        spacing = etree.SubElement(pPr, _SPC_BEFORE)
        etree.SubElement(spacing, _SPC_POINTS, val=str(round(placed.space_before * 100)))
    _set_marker(pPr, para, placed, ctx)
    font_name = ctx.heading_font if para.heading else ctx.body_font
    base = para.color or ctx.theme.colors.text
    points = str(round(placed.size * 100))
    for index, spec in enumerate(para.runs):
        run = etree.SubElement(p, _R)
        properties = etree.SubElement(
            run,
            _RPR,
            lang=ctx.language,
            sz=str(round(placed.size * para.run_scale(index) * 100)),
            b="1" if spec.bold else "0",
            i="1" if spec.italic else "0",
        )
        colour = para.emphasis_color if spec.bold and para.emphasis_color else base
        etree.SubElement(etree.SubElement(properties, _FILL), _RGB, val=colour)
        etree.SubElement(properties, _LATIN, typeface=font_name)
        if spec.link and ctx.slide is not None:
            target = link_target(spec.link)
            relationship = ctx.slide.part.relate_to(target, RT.HYPERLINK, is_external=True)
            etree.SubElement(properties, _LINK_CLICK).set(_REL_ID, relationship)
        etree.SubElement(run, _T).text = spec.text
    etree.SubElement(p, _END, lang=ctx.language, sz=points)
    return p


def _set_marker(pPr: etree._Element, para: Para, placed: ParaPlan, ctx: RenderContext) -> None:
    """Bullets and numbers as real list formatting (PowerPoint keeps them when editing), with
    the hanging indent the plan measured for the widest marker."""
    pPr.set("marL", str(round(placed.margin * EMU_PER_PT)))
    pPr.set("lvl", str(para.level))  # numbering counts per level, across nested items
    pPr.set("indent", str(-round(placed.hang * EMU_PER_PT)))
    # Bullet elements come after the spacing elements (CT_TextParagraphProperties order).
    if para.marker is None:
        etree.SubElement(pPr, qn("a:buNone"))
        return
    colour = etree.SubElement(pPr, qn("a:buClr"))
    etree.SubElement(colour, _RGB, val=ctx.theme.colors.primary)
    if para.marker == "number":
        etree.SubElement(pPr, qn("a:buFont"), typeface="+mj-lt")
        number = etree.SubElement(pPr, qn("a:buAutoNum"), type="arabicPeriod")
        if para.number_from > 1:  # a list continued from the slide before counts on
            number.set("startAt", str(para.number_from))
    else:
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char=para.bullet_char)
