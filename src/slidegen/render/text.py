"""Write measured, fitted paragraphs into text frames (runs, bullets, language, colours)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from pptx.util import Emu

from ..layout import EMU_PER_PT, Box, points
from ..markup import Run, link_target, parse_inline
from ..model import Bullet
from ..textfit import Line, fit_text
from .context import RenderContext

Marker = Literal["bullet", "number"] | None
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_INDENT_EM = 1.1  # per nesting level
_MARKER_EM = 0.9  # room for the bullet or number
_INSET_X, _INSET_Y = points(4), points(2)


@dataclass(frozen=True)
class Para:
    """A paragraph before it is written: runs and how they look, in em of the frame size."""

    runs: tuple[Run, ...]
    level: int = 0
    marker: Marker = None
    scale: float = 1.0
    color: str | None = None
    emphasis_color: str | None = None
    """Colour of bold runs (figures and keywords in the brand colour)."""
    heading: bool = False
    align: str = "left"
    space_before: float = 0.4

    @classmethod
    def of(cls, text: str, **kwargs: object) -> Para:
        return cls(tuple(parse_inline(text)), **kwargs)  # type: ignore[arg-type]

    @property
    def indent_em(self) -> float:
        return self.level * _INDENT_EM + (_MARKER_EM if self.marker else 0.0)


def bullet_paras(
    items: list[Bullet],
    numbered: bool = False,
    level: int = 0,
    color: str | None = None,
    emphasis_color: str | None = None,
) -> list[Para]:
    """Flatten nested bullets into paragraphs (notes become smaller italic lines)."""
    paras: list[Para] = []
    scale = (1.0, 0.9, 0.82)[min(level, 2)]
    for item in items:
        marker: Marker = "number" if numbered and level == 0 else "bullet"
        paras.append(
            Para.of(
                item.text,
                level=level,
                marker=marker,
                scale=scale,
                color=color,
                emphasis_color=emphasis_color,
                space_before=0.45 if level == 0 else 0.2,
            )
        )
        if item.note:
            paras.append(
                Para(
                    tuple(parse_inline(item.note, italic=True)),
                    level=level + 1,
                    scale=scale * 0.85,
                    color=None,
                    space_before=0.1,
                    emphasis_color=emphasis_color,
                )
            )
        paras.extend(bullet_paras(item.items, False, level + 1, color, emphasis_color))
    return paras


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
) -> float:
    """Add a text box at ``box``, shrinking from ``size`` towards ``min_size`` until it fits.

    The box goes on the slide being rendered unless ``shapes`` (a layout's) is given.

    Reports a finding (naming the slide and ``name``) when even ``min_size`` overflows.
    Returns the size used.
    """
    size = fit_size(ctx, box, paras, name=name, size=size, min_size=min_size)
    target = shapes if shapes is not None else ctx.slide.shapes  # type: ignore[union-attr]
    shape = target.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.name = name
    write_paras(ctx, shape.text_frame, paras, size, anchor=anchor)
    return size


def fit_size(
    ctx: RenderContext,
    box: Box,
    paras: list[Para],
    *,
    name: str,
    size: float,
    min_size: float | None = None,
) -> float:
    """The largest size (≤ ``size``) at which ``paras`` fit ``box``; warns when none does."""
    lines = [
        Line(p.runs, ctx.measure_family(p.heading), p.scale, p.indent_em, p.space_before)
        for p in paras
    ]
    width_pt = (box.width - 2 * _INSET_X) / EMU_PER_PT
    height_pt = (box.height - 2 * _INSET_Y) / EMU_PER_PT
    fit = fit_text(lines, width_pt, height_pt, size, min_size or size)
    if fit.overflow_pt > 0.5:
        ctx.warn(
            f"text in '{name}' overflows its box by {fit.overflow_pt:.0f} pt at {fit.size:g} pt "
            f"(box {height_pt:.0f} pt high); shorten it or split the slide"
        )
    return fit.size


def write_paras(
    ctx: RenderContext, frame: object, paras: list[Para], size: float, anchor: str = "top"
) -> None:
    """Replace the content of ``frame`` (a python-pptx TextFrame) with ``paras`` at ``size``."""
    frame.word_wrap = True  # type: ignore[attr-defined]
    frame.auto_size = MSO_AUTO_SIZE.NONE  # type: ignore[attr-defined]
    frame.vertical_anchor = {  # type: ignore[attr-defined]
        "top": MSO_ANCHOR.TOP,
        "middle": MSO_ANCHOR.MIDDLE,
        "bottom": MSO_ANCHOR.BOTTOM,
    }[anchor]
    for side in ("left", "right"):
        setattr(frame, f"margin_{side}", Emu(_INSET_X))
    for side in ("top", "bottom"):
        setattr(frame, f"margin_{side}", Emu(_INSET_Y))
    body = frame._txBody  # type: ignore[attr-defined]
    for old in body.findall(_P):
        body.remove(old)
    for index, para in enumerate(paras):
        body.append(_paragraph(ctx, para, size, first=index == 0))


# Paragraphs are written as XML directly: python-pptx's property setters cost several times
# more, and a deck writes thousands of runs.
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_END, _FILL, _RGB, _LATIN = qn("a:endParaRPr"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
_SPC_BEFORE, _SPC_POINTS = qn("a:spcBef"), qn("a:spcPts")
_LINK_CLICK, _REL_ID = qn("a:hlinkClick"), qn("r:id")
_ALIGN_CODE = {"left": "l", "center": "ctr", "right": "r"}


def _paragraph(ctx: RenderContext, para: Para, size: float, first: bool) -> etree._Element:
    pt = size * para.scale
    p = etree.Element(_P)
    pPr = etree.SubElement(p, _PPR, algn=_ALIGN_CODE[para.align])
    if not first:
        spacing = etree.SubElement(pPr, _SPC_BEFORE)
        etree.SubElement(spacing, _SPC_POINTS, val=str(round(para.space_before * pt * 100)))
    _set_marker(pPr, para, pt, ctx)
    font_name = ctx.heading_font if para.heading else ctx.body_font
    base = para.color or ctx.theme.colors.text
    points = str(round(pt * 100))
    for spec in para.runs:
        run = etree.SubElement(p, _R)
        properties = etree.SubElement(
            run,
            _RPR,
            lang=ctx.language,
            sz=points,
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


def _set_marker(pPr: etree._Element, para: Para, pt: float, ctx: RenderContext) -> None:
    """Bullets and numbers as real list formatting (PowerPoint keeps them when editing)."""
    indent = round(para.indent_em * pt * EMU_PER_PT)
    pPr.set("marL", str(indent))
    pPr.set("lvl", str(para.level))  # numbering counts per level, across nested items
    pPr.set("indent", str(-round(_MARKER_EM * pt * EMU_PER_PT)) if para.marker else "0")
    # Bullet elements come after the spacing elements (CT_TextParagraphProperties order).
    if para.marker is None:
        etree.SubElement(pPr, qn("a:buNone"))
        return
    colour = etree.SubElement(pPr, qn("a:buClr"))
    etree.SubElement(colour, _RGB, val=ctx.theme.colors.primary)
    if para.marker == "number":
        etree.SubElement(pPr, qn("a:buFont"), typeface="+mj-lt")
        etree.SubElement(pPr, qn("a:buAutoNum"), type="arabicPeriod")
    else:
        etree.SubElement(pPr, qn("a:buFont"), typeface="Arial")
        etree.SubElement(pPr, qn("a:buChar"), char="•" if para.level == 0 else "–")


def with_scale(paras: list[Para], factor: float) -> list[Para]:
    return [replace(p, scale=p.scale * factor) for p in paras]
