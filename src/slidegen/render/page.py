"""The frame every slide shares: layout, title, subtitle, footer, background, notes."""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import Slide
from pptx.util import Emu

from ..layout import Box, inches, points
from ..markup import parse_inline, plain_text
from .context import RenderContext
from .text import Para, add_text, fit_size, write_paras

# A fixed field id keeps builds reproducible; PowerPoint only needs it to be a GUID.
_SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def new_slide(ctx: RenderContext, layout: str) -> Slide:
    """Add a slide on the named layout with its placeholders emptied (filled by the caller)."""
    ctx.slide = ctx.prs.slides.add_slide(ctx.layouts[layout])
    return ctx.slide


def drop_unused_placeholders(slide: Slide, keep: set[int]) -> None:
    """Remove placeholders we did not fill, so no "Click to add text" prompts remain."""
    for shape in list(slide.placeholders):
        if shape.placeholder_format.idx not in keep:
            shape.element.getparent().remove(shape.element)


def set_background(slide: Slide, color: str) -> None:
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(color)


def content_slide(ctx: RenderContext, title: str, subtitle: str | None) -> Slide:
    """A content slide: title placeholder (fitted), optional subtitle.

    The accent bar, footer and slide number come from the layout (see :func:`brand_layout`).
    """
    slide = new_slide(ctx, "Title Only")
    set_background(slide, ctx.theme.colors.background)
    place_title(ctx, slide, ctx.page.title, title, ctx.theme.sizes.title, ctx.theme.colors.primary)
    drop_unused_placeholders(slide, keep={0})
    if subtitle:
        add_text(
            ctx,
            ctx.page.subtitle,
            [Para.of(subtitle, color=ctx.theme.colors.muted, heading=True)],
            name="Subtitle",
            size=ctx.theme.sizes.subtitle,
            min_size=ctx.theme.sizes.min_body,
        )
    return slide


def place_title(
    ctx: RenderContext,
    slide: Slide,
    box: Box,
    text: str,
    size: float,
    color: str,
    align: str = "left",
    anchor: str = "middle",
) -> None:
    """Fill the title placeholder (screen readers and the outline view read it)."""
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )
    paras = [Para.of(text, color=color, heading=True, align=align, emphasis_color=color)]
    fitted = fit_size(ctx, box, paras, name="Title", size=size, min_size=min(size, 20))
    write_paras(ctx, title.text_frame, paras, fitted, anchor=anchor)
    for run in title.text_frame.paragraphs[0].runs:
        run.font._rPr.set("cap", "none")  # some layouts set all caps; show the text as written


CONTENT_LAYOUT = "Title Only"


def brand_layout(ctx: RenderContext) -> None:
    """Draw the brand chrome once, on the content slides' layout: accent bar, logo, wordmark,
    footer text, period and slide number.

    Every content slide shows it without repeating it (smaller, faster files), the office
    edits it in one place (View › Slide Master), and screen readers do not read it on every
    slide. The slide number is a field, so each slide shows its own.
    """
    layout = ctx.layouts[CONTENT_LAYOUT]
    shapes = SlideShapes(layout.shapes._spTree, layout)
    accent = shapes.add_shape(
        MSO_SHAPE.RECTANGLE,
        Emu(0),
        Emu(ctx.page.title.top + points(6)),
        Emu(inches(0.18)),
        Emu(ctx.page.title.height - points(12)),
    )
    accent.name = "Accent bar"
    solid_fill(accent, ctx.theme.colors.primary)
    add_footer(ctx, shapes)


def add_footer(ctx: RenderContext, shapes: SlideShapes) -> None:
    """Wordmark, footer text, period and slide number along the bottom."""
    theme, box = ctx.theme, ctx.page.footer
    brand, number = box.split_columns(2, ctx.page.gap, weights=[1, 1])
    colors, size = theme.colors, theme.sizes.footer
    if ctx.logo:
        side = brand.height
        logo = shapes.add_picture(str(ctx.logo), Emu(brand.left), Emu(brand.top), height=Emu(side))
        logo.name = "Logo"
        logo._element.nvPicPr.cNvPr.set("descr", plain_text(theme.name))
        brand = Box(
            brand.left + logo.width + ctx.page.gap,
            brand.top,
            brand.width - logo.width - ctx.page.gap,
            brand.height,
        )
    paras: list[Para] = []
    if theme.wordmark:
        paras.append(
            Para(
                tuple(parse_inline(theme.wordmark, bold=True)),
                heading=True,
                color=colors.primary,
                scale=1.5,
                space_before=0,
            )
        )
    if theme.footer:
        paras.append(Para.of(theme.footer, color=colors.muted, space_before=0))
    if paras:
        add_text(ctx, brand, paras, name="Footer", size=size, anchor="bottom", shapes=shapes)
    if theme.slide_numbers:
        shape = shapes.add_textbox(
            Emu(number.left), Emu(number.top), Emu(number.width), Emu(number.height)
        )
        shape.name = "Slide number"
        label = ctx.info.period or ""
        write_paras(
            ctx,
            shape.text_frame,
            [Para.of(label, color=colors.muted, align="right")],
            size,
            anchor="bottom",
        )
        _append_slide_number(shape.text_frame.paragraphs[0], size, ctx)


def _append_slide_number(paragraph: object, size: float, ctx: RenderContext) -> None:
    p = paragraph._p  # type: ignore[attr-defined]
    if p.r_lst:
        separator = p.r_lst[-1]
        separator.text = f"{separator.text}   "
    field = etree.Element(qn("a:fld"), id=_SLIDENUM_FIELD_ID, type="slidenum")
    rpr = etree.SubElement(field, qn("a:rPr"), lang=ctx.language, sz=str(round(size * 100)), b="1")
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=ctx.theme.colors.primary)
    etree.SubElement(rpr, qn("a:latin"), typeface=ctx.body_font)
    etree.SubElement(field, qn("a:t")).text = "‹#›"  # PowerPoint's placeholder text
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        end.addprevious(field)
    else:
        p.append(field)


def solid_fill(shape: object, color: str) -> None:
    """Fill ``shape`` with one colour, no outline."""
    shape.fill.solid()  # type: ignore[attr-defined]
    shape.fill.fore_color.rgb = RGBColor.from_string(color)  # type: ignore[attr-defined]
    shape.line.fill.background()  # type: ignore[attr-defined]
