"""The frame every slide shares: layout, title, background, and the brand chrome.

The chrome lives on the layouts (:func:`brand_layouts`): accent bar, logo and wordmark as
shapes every slide shows, footer text and slide number in the layout's ``ftr`` and ``sldNum``
placeholders. PowerPoint shows a layout's footer placeholders only on slides that carry their
own (that is what Insert › Header & Footer switches), so :func:`add_slide_chrome` gives each
content slide its copies, positioned by the layout.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from xml.sax.saxutils import escape

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from ..layout import Box, inches, points
from ..layout.paras import Para
from ..layout.titleplan import TitlePlan, plan_title
from ..markup import Run, parse_inline, plain_text
from ..textfit import face
from .context import RenderContext
from .master import CONTENT, COVER, FOOTER_NAMES, INSET_Y, LAYOUT_IDX, SLIDENUM_FIELD_ID
from .text import INHERIT, add_text, fit_size, write_paras


def new_slide(ctx: RenderContext, layout: str) -> Slide:
    """Add a slide on the named layout with its placeholders emptied (filled by the caller)."""
    chosen = ctx.kind_layouts.get(ctx.kind) or ctx.layouts[layout]
    ctx.slide = ctx.prs.slides.add_slide(chosen)
    ctx.slide_layout, ctx.slide_title, ctx.heading_bottom = layout, "", None
    if chosen.element is not ctx.layouts[layout].element:  # a kind's own: title as planned
        _place(slide_title(ctx.slide), ctx.title_boxes[layout].box)
    return ctx.slide


def slide_title(slide: Slide) -> object:
    return slide.shapes.title


def text_placeholder(slide: Slide) -> object | None:
    """The placeholder a slide's text goes in: its first subtitle, body or content one (by
    type: templates number them differently, LibreOffice's all 0)."""
    found = {}
    for shape in slide.placeholders:
        kind = shape.element.ph.get("type", "obj")
        found.setdefault(kind, shape)
    return next((found[kind] for kind in _TEXT_TYPES if kind in found), None)


_TEXT_TYPES = ("subTitle", "body", "obj")


def drop_unused_placeholders(slide: Slide, keep_text: bool = False) -> None:
    """Remove placeholders we did not fill (all but the title, and the text placeholder
    when ``keep_text``), so no "Click to add text" prompts remain."""
    title = slide_title(slide)
    text = text_placeholder(slide) if keep_text else None
    for shape in list(slide.placeholders):
        if shape.element is not getattr(title, "element", None) and (
            text is None or shape.element is not text.element  # type: ignore[attr-defined]
        ):
            shape.element.getparent().remove(shape.element)


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (  # type: ignore[attr-defined]
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def fill_placeholder(
    ctx: RenderContext,
    slide: Slide,
    box: Box,
    paras: list[Para],
    *,
    name: str,
    size: float,
    min_size: float,
) -> None:
    """Write ``paras`` into the slide's text placeholder, which sits at the layout's ``box``;
    shrunk from ``size`` towards ``min_size`` until they fit."""
    shape = text_placeholder(slide)
    if shape is None:  # a template's layout without one: a text box in its place
        add_text(ctx, box, paras, name=name, size=size, min_size=min_size)
        return
    if slide.slide_layout.element is not ctx.layouts[ctx.slide_layout].element:
        _place(shape, box)
    shape.name = name
    fitted = fit_size(ctx, box, paras, name=name, size=size, min_size=min_size)
    if ctx.on_template:  # the template's alignment and anchor
        paras = [replace(para, align=INHERIT) for para in paras]
        write_paras(ctx, shape.text_frame, paras, fitted, anchor=INHERIT)
        return
    write_paras(ctx, shape.text_frame, paras, fitted)


def content_slide(ctx: RenderContext, title: str, subtitle: str | None) -> Slide:
    """A content slide: title placeholder (at the deck's one title size), optional subtitle
    right under the title's last line.

    The accent bar, footer and slide number come from the layout (see :func:`brand_layouts`).
    """
    slide = new_slide(ctx, CONTENT)
    placed = place_title(ctx, slide, title, ctx.title_colors[CONTENT], anchor="top")
    drop_unused_placeholders(slide)
    # Where the heading ends: under a title anchored elsewhere (a template's), its box's end.
    ctx.heading_bottom = placed.text_bottom if ctx.page.title_at_top else placed.box.bottom
    if subtitle:
        room = ctx.page.subtitle
        top = room.top if ctx.on_template else placed.text_bottom  # a template's title box
        written = add_text(
            ctx,
            Box(room.left, top, room.width, room.bottom - top),
            [Para.of(subtitle, color=ctx.theme.colors.muted, heading=True)],
            name="Subtitle",
            size=ctx.theme.sizes.subtitle,
            min_size=ctx.theme.sizes.min_body,
        )
        # As right under a top-anchored title (a template's subtitle box starts a hair lower,
        # under its title box's inset): the text under it is balanced as on slidegen's page.
        start = min(top, placed.text_bottom) if ctx.page.title_at_top else top
        ctx.heading_bottom = start + INSET_Y + points(written.height)
    return slide


def place_title(
    ctx: RenderContext,
    slide: Slide,
    text: str,
    color: str,
    align: str = "left",
    anchor: str = "middle",
) -> TitlePlan:
    """Fill the title placeholder (screen readers and the outline view read it) at the size
    planned for every title of the slide's layout (:func:`plan_title_sizes`).

    Its position is the layout's.
    """
    title = slide.shapes.title
    if ctx.on_template:  # the template's alignment and anchor
        align = anchor = INHERIT
    paras = [Para.of(text, color=color, heading=True, align=align, emphasis_color=color)]
    layout = ctx.slide_layout
    size = ctx.title_sizes[layout]
    placed = plan_title(text, ctx.title_boxes[layout], size, ctx.measure_family(heading=True))
    write_paras(ctx, title.text_frame, paras, size, anchor=anchor)
    ctx.slide_title = plain_text(text)
    for run in title.text_frame.paragraphs[0].runs:
        run.font._rPr.set("cap", "none")  # some layouts set all caps; show the text as written
    return placed


def brand_layouts(ctx: RenderContext) -> None:
    """Draw the brand chrome once, on the layouts: the content slides' accent bar, logo,
    wordmark, footer text, period and slide number; the cover's wordmark.

    Every slide shows it without repeating it (smaller, faster files), the office edits it in
    one place (View › Slide Master), and screen readers do not read the shapes on every slide.
    The slide number is a field, so each slide shows its own. On a template, the chrome is
    the template's: slides carry its footer and slide-number placeholders, nothing more.
    """
    if ctx.on_template:
        ctx.slide_chrome[CONTENT] = _chrome_prototypes(ctx, ctx.layouts[CONTENT])
        return
    layout = ctx.layouts[CONTENT]
    shapes = SlideShapes(layout.shapes._spTree, layout)
    # Beside the title's first line: a two-line title box is top-anchored, and a one-line
    # title must not have a bar hanging below it.
    line = face(ctx.measure_family(heading=True)).line_height * ctx.title_sizes[CONTENT]
    accent = shapes.add_shape(
        MSO_SHAPE.RECTANGLE,
        Emu(0),
        Emu(ctx.page.title.top + INSET_Y + points(line * 0.12)),
        Emu(inches(0.18)),
        Emu(points(line * 0.76)),
    )
    accent.name = "Accent bar"
    solid_fill(accent, ctx.theme.colors.primary)
    _content_footer(ctx, layout, shapes)
    ctx.slide_chrome[CONTENT] = _chrome_prototypes(ctx, layout)
    if ctx.theme.wordmark:
        cover = ctx.layouts[COVER]
        _cover_wordmark(ctx, SlideShapes(cover.shapes._spTree, cover))


def _content_footer(ctx: RenderContext, layout: SlideLayout, shapes: SlideShapes) -> None:
    """Logo, wordmark and footer text at the left, period and slide number at the right."""
    theme = ctx.theme
    brand, _, number = ctx.page.footer_columns
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
    # The footer line at the bottom, the wordmark above it.
    above, footer_box = brand.take_bottom(points(size * 1.2) + 2 * INSET_Y)
    if theme.wordmark:
        mark = Para(
            tuple(parse_inline(theme.wordmark, bold=True)),
            heading=True,
            color=colors.primary,
            space_before=0,
        )
        add_text(
            ctx, above, [mark], name="Wordmark", size=size * 1.5, anchor="bottom", shapes=shapes
        )
    footer = _layout_placeholder(layout, "ftr", footer_box)
    if theme.footer:
        paras = [Para.of(theme.footer, color=colors.muted, space_before=0)]
        write_paras(
            ctx,
            footer.text_frame,
            paras,
            fit_size(ctx, footer_box, paras, name="Footer", size=size),
            anchor="bottom",
        )
    numbers = _layout_placeholder(layout, "sldNum", number)
    if theme.slide_numbers:
        label = ctx.info.period or ""
        frame = numbers.text_frame
        write_paras(
            ctx, frame, [Para.of(label, color=colors.muted, align="right")], size, anchor="bottom"
        )
        _append_slide_number(frame.paragraphs[0], size, ctx)


def _layout_placeholder(layout: SlideLayout, kind: str, box: Box) -> object:
    """The layout's ``kind`` footer placeholder, moved to ``box``."""
    shape = layout.placeholders.get(idx=LAYOUT_IDX[kind])
    shape.left, shape.top, shape.width, shape.height = (
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )
    return shape


def _cover_wordmark(ctx: RenderContext, shapes: SlideShapes) -> None:
    colors = ctx.theme.colors
    mark = Para.of(
        f"**{ctx.theme.wordmark}**",
        color=colors.on_primary,
        emphasis_color=colors.on_primary,
        heading=True,
        align="right",
    )
    add_text(
        ctx,
        ctx.page.cover_footer_columns[3],
        [mark],
        name="Wordmark",
        size=ctx.theme.sizes.footer * 2.2,
        anchor="bottom",
        shapes=shapes,
    )


def _chrome_prototypes(ctx: RenderContext, layout: SlideLayout) -> list[etree._Element]:
    """The footer placeholders each content slide carries, for those ``layout`` has: text
    only, everything else (place, size, colour, font, alignment) inherited from the
    layout's; a deck has thousands. The theme's footer text (on a template too: a layout's
    footer text is a prompt PowerPoint shows on no slide), the period and the number."""
    theme, language = ctx.theme, ctx.language
    indices = {
        shape.element.ph.get("type"): shape.element.ph.get("idx", "0")
        for shape in layout.placeholders
    }
    prototypes = []
    if theme.footer and "ftr" in indices:
        runs = "".join(_plain_run(run, language) for run in parse_inline(theme.footer))
        prototypes.append(_slide_placeholder("ftr", runs, language, indices["ftr"]))
    if theme.slide_numbers and "sldNum" in indices:
        runs = parse_inline(ctx.info.period or "")
        if runs:  # the period, then the number
            runs[-1] = replace(runs[-1], text=f"{runs[-1].text}   ")
        label = "".join(_plain_run(run, language) for run in runs)
        field = (
            f'<a:fld id="{SLIDENUM_FIELD_ID}" type="slidenum"><a:rPr lang="{language}" b="1">'
            f'<a:solidFill><a:srgbClr val="{theme.colors.primary}"/></a:solidFill></a:rPr>'
            "<a:t>‹#›</a:t></a:fld>"
        )
        prototypes.append(_slide_placeholder("sldNum", label + field, language, indices["sldNum"]))
    return prototypes


def _plain_run(run: Run, language: str) -> str:
    emphasis = (' b="1"' if run.bold else "") + (' i="1"' if run.italic else "")
    # The theme's body font named: LibreOffice sets a footer placeholder's text that names
    # none in a serif face.
    return (
        f'<a:r><a:rPr lang="{language}"{emphasis}><a:latin typeface="+mn-lt"/></a:rPr>'
        f"<a:t>{escape(run.text)}</a:t></a:r>"
    )


def _slide_placeholder(
    kind: str, content: str, language: str, idx: str | None = None
) -> etree._Element:
    idx = idx if idx is not None else str(LAYOUT_IDX[kind])
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="0" name="{FOOTER_NAMES[kind]}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>'
        f'<p:ph type="{kind}" sz="quarter" idx="{idx}"/></p:nvPr></p:nvSpPr>'
        f"<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>{content}"
        f'<a:endParaRPr lang="{language}"/></a:p></p:txBody></p:sp>'
    )


def add_slide_chrome(ctx: RenderContext, slide: Slide, number: int) -> None:
    """Append the footer placeholders the slide's layout wants (read last by screen readers);
    the slide number field shows ``number`` until PowerPoint updates it."""
    prototypes = ctx.slide_chrome.get(ctx.slide_layout, ())
    if not prototypes:
        return
    tree = slide.shapes._spTree
    next_id = slide.shapes._next_shape_id
    for offset, prototype in enumerate(prototypes):
        element = deepcopy(prototype)
        element.nvSpPr.cNvPr.set("id", str(next_id + offset))
        for field in element.iter(_FIELD):
            field.find(qn("a:t")).text = str(number)
        tree.append(element)


_FIELD = qn("a:fld")


def _append_slide_number(paragraph: object, size: float, ctx: RenderContext) -> None:
    p = paragraph._p  # type: ignore[attr-defined]
    if p.r_lst:
        separator = p.r_lst[-1]
        separator.text = f"{separator.text}   "
    field = etree.Element(qn("a:fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
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
