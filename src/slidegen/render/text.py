"""Write measured, fitted paragraphs into text frames (runs, bullets, language, colours)."""

from __future__ import annotations

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu

from ..layout import EMU_PER_PT, Box
from ..layout.paras import Para
from ..layout.textplan import (
    INSET_X,
    INSET_Y,
    Faces,
    ParaPlan,
    TextPlan,
    lay_out,
    plan_text,
    plan_text_set,
)
from ..markup import link_target
from ..messages import say
from .context import RenderContext

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}


def faces(ctx: RenderContext) -> Faces:
    """The families the theme's text is measured with."""
    return Faces(ctx.measure_family(), ctx.measure_family(heading=True))


def add_text(
    ctx: RenderContext,
    box: Box,
    paras: list[Para],
    *,
    name: str,
    size: float,
    min_size: float | None = None,
    anchor: str = "top",
    shapes: SlideShapes | None = None,
    grow_to: float | None = None,
    balance: bool = False,
    plan: TextPlan | None = None,
) -> TextPlan:
    """Add a text box at ``box`` (set as ``plan`` says, when given), shrinking from ``size``
    towards ``min_size`` until it fits (growing to ``grow_to`` first when it fits there;
    ``balance``: short text centred, with air between its items).

    The box goes on the slide being rendered unless ``shapes`` (a layout's) is given.

    Reports a finding (naming the slide and ``name``) when even ``min_size`` overflows.
    Returns the plan written.
    """
    if plan is None:
        plan = fit_size(
            ctx, box, paras, name=name, size=size, min_size=min_size, grow_to=grow_to,
            balance=balance,
        )  # fmt: skip
    target = shapes if shapes is not None else ctx.slide.shapes  # type: ignore[union-attr]
    shape = target.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.name = name
    write_paras(ctx, shape.text_frame, paras, plan, anchor=anchor)
    return plan


def fit_size(
    ctx: RenderContext,
    box: Box,
    paras: list[Para],
    *,
    name: str,
    size: float,
    min_size: float | None = None,
    grow_to: float | None = None,
    balance: bool = False,
) -> TextPlan:
    """The plan of ``paras`` in ``box`` at the largest size (≤ ``size``) that fits, no
    paragraph below the theme's minimum; warns when none fits."""
    floor = min(ctx.theme.sizes.min_body, min_size or size)
    plan = plan_text(
        paras, box, faces(ctx), size=size, min_size=min_size, floor=floor, grow_to=grow_to,
        balance=balance, open_above=open_above(ctx, box, box.width) if balance else None,
    )  # fmt: skip
    warn_overflow(ctx, name, plan, box)
    return plan


def fit_set(
    ctx: RenderContext, boxes: list[Box], texts: list[list[Para]], names: list[str]
) -> list[TextPlan]:
    """Lists side by side (columns) at one size, from the theme's body size (or larger, up to
    ``max_body``, when they are short) down to ``min_body``, balanced together."""
    sizes = ctx.theme.sizes
    plans = plan_text_set(
        texts, boxes, faces(ctx), size=sizes.body, min_size=sizes.min_body,
        floor=sizes.min_body, grow_to=sizes.max_body, balance=True,
        open_above=open_above(ctx, boxes[0], boxes[-1].right - boxes[0].left),
    )  # fmt: skip
    for name, plan, box in zip(names, plans, boxes, strict=True):
        warn_overflow(ctx, name, plan, box)
    return plans


def list_plan(ctx: RenderContext, box: Box, paras: list[Para], name: str = "List") -> TextPlan:
    """A list in ``box``: larger (up to ``max_body``) when it is short, balanced in its box,
    shrunk towards ``min_body`` when it is long."""
    sizes = ctx.theme.sizes
    return fit_size(
        ctx, box, paras, name=name, size=sizes.body, min_size=sizes.min_body,
        grow_to=sizes.max_body, balance=True,
    )  # fmt: skip


def open_above(ctx: RenderContext, box: Box, width: int) -> float | None:
    """The empty page (points) between the slide's heading and ``box`` (of texts ``width``
    wide in all), when they fill the top of the body alone; None beside a chart or a table,
    under tiles, or when slidegen did not place the heading."""
    body = ctx.page.body
    if ctx.heading_bottom is None or box.top != body.top or width < body.width - EMU_PER_PT:
        return None
    return max(0.0, (body.top - ctx.page.gap - ctx.heading_bottom) / EMU_PER_PT)


def warn_overflow(ctx: RenderContext, name: str, plan: TextPlan, box: Box) -> None:
    if plan.overflow > 0.5:
        height_pt = (box.height - 2 * INSET_Y) / EMU_PER_PT
        ctx.warn(
            say(
                "text_overflow",
                name=name,
                overflow=f"{plan.overflow:.0f}",
                size=f"{plan.size:g}",
                height=f"{height_pt:.0f}",
            )
        )


def fixed_plan(ctx: RenderContext, paras: list[Para], size: float) -> TextPlan:
    """``paras`` at ``size`` as they are (no fitting): for chrome whose size is the theme's."""
    laid = tuple(lay_out(paras, 10_000.0, size, faces(ctx), 0.0))
    return TextPlan(size, laid, sum(p.height for p in laid), 0.0)


def write_paras(
    ctx: RenderContext,
    frame: object,
    paras: list[Para],
    plan: TextPlan | float,
    anchor: str | None = None,
) -> None:
    """Replace the content of ``frame`` (a python-pptx TextFrame) with ``paras`` as ``plan``
    sets them (a bare size: as they are, at that size); ``anchor`` overrides the plan's."""
    if not isinstance(plan, TextPlan):
        plan = fixed_plan(ctx, paras, plan)
    anchor = anchor or plan.anchor
    frame.word_wrap = True  # type: ignore[attr-defined]
    frame.auto_size = MSO_AUTO_SIZE.NONE  # type: ignore[attr-defined]
    if anchor != INHERIT:  # a template's placeholder keeps its own
        frame.vertical_anchor = {  # type: ignore[attr-defined]
            "top": MSO_ANCHOR.TOP,
            "middle": MSO_ANCHOR.MIDDLE,
            "bottom": MSO_ANCHOR.BOTTOM,
        }[anchor]
    for side in ("left", "right"):
        setattr(frame, f"margin_{side}", Emu(INSET_X + round(plan.pad_x * EMU_PER_PT)))
    frame.margin_top = Emu(INSET_Y + round(plan.top_pad * EMU_PER_PT))  # type: ignore[attr-defined]
    frame.margin_bottom = Emu(INSET_Y)  # type: ignore[attr-defined]
    body = frame._txBody  # type: ignore[attr-defined]
    for old in body.findall(_P):
        body.remove(old)
    for index, (para, placed) in enumerate(zip(paras, plan.paras, strict=True)):
        body.append(_paragraph(ctx, para, placed, first=index == 0))


# Paragraphs are written as XML directly: python-pptx's property setters cost several times
# more, and a deck writes thousands of runs.
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_END, _FILL, _RGB, _LATIN = qn("a:endParaRPr"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_SPC_BEFORE, _SPC_POINTS = qn("a:spcBef"), qn("a:spcPts")
_LINK_CLICK, _REL_ID = qn("a:hlinkClick"), qn("r:id")
_ALIGN_CODE = {"left": "l", "center": "ctr", "right": "r"}
INHERIT = "inherit"
"""As an alignment or anchor: what the placeholder's layout says."""


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
