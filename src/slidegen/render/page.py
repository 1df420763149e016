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
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import namespaces, nsdecls, qn
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from ..layout import Box
from ..layout.chrome import ChromePlan
from ..layout.paras import INHERIT, Para
from ..layout.shapes import PlaceholderText, SlidePlan, TextShape
from ..markup import Run, parse_inline, plain_text
from .context import RenderContext
from .master import CONTENT, COVER, FOOTER_NAMES, LAYOUT_IDX, SLIDENUM_FIELD_ID
from .newslide import LayoutClones, NewSlide, add_slide
from .stamp import solid_fill
from .text import add_text, write_paras


def new_slide(ctx: RenderContext, layout: str, kind: str, keep_text: bool) -> NewSlide:
    """Add a slide on the named layout (or the kind's own, on a template) with its title
    placeholder and, when ``keep_text``, its text placeholder, both empty (filled by the
    caller); no other placeholder, so no "Click to add text" prompts remain."""
    chosen = ctx.kind_layouts.get(kind) or ctx.layouts[layout]
    clones = ctx.layout_clones.get(chosen.part)
    if clones is None:
        clones = ctx.layout_clones[chosen.part] = LayoutClones.of(chosen)
    made = add_slide(ctx.prs, chosen, clones, keep_text)
    ctx.slide = made.slide
    ctx.slide_layout = layout
    if chosen.element is not ctx.layouts[layout].element:  # a kind's own: title as planned
        _place(made.title, ctx.title_boxes[layout].box)
    return made


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (  # type: ignore[attr-defined]
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def fill_placeholder(ctx: RenderContext, made: NewSlide, text: PlaceholderText) -> None:
    """Write the planned text into the slide's text placeholder, which sits at the layout's
    ``text.box`` (a text box there when a template's layout has none)."""
    shape, slide = made.text, made.slide
    if shape is None:
        add_text(ctx, slide.shapes, TextShape(text.box, text.paras, text.plan, text.name))
        return
    if slide.slide_layout.element is not ctx.layouts[ctx.slide_layout].element:
        _place(shape, text.box)
    shape.name = text.name
    if text.inherit:  # the template's alignment and anchor
        paras = [replace(para, align=INHERIT) for para in text.paras]
        write_paras(ctx, shape.text_frame, paras, text.plan, anchor=INHERIT)
        return
    write_paras(ctx, shape.text_frame, text.paras, text.plan)


def write_title(ctx: RenderContext, title: SlidePlaceholder, plan: SlidePlan) -> None:
    """Fill the title placeholder at the size planned for every title of the slide's layout;
    its position is the layout's."""
    color = plan.title_color
    paras = [Para.of(plan.title, color=color, heading=True, align=plan.title_align,
                     emphasis_color=color)]  # fmt: skip
    size = ctx.title_sizes[plan.layout]
    frame = title.text_frame
    write_paras(ctx, frame, paras, size, anchor=plan.title_anchor, spare=plan.title_spare)
    # Some layouts set all caps; show the text as written.
    for properties in _FIRST_RUNS_PROPERTIES(frame._txBody):
        properties.set("cap", "none")


def brand_layouts(ctx: RenderContext, chrome: ChromePlan | None) -> None:
    """Draw the brand chrome once, on the layouts, as planned: the content slides' accent
    bar, logo, wordmark, footer text, period and slide number; the cover's wordmark.

    Every slide shows it without repeating it (smaller, faster files), the office edits it in
    one place (View › Slide Master), and screen readers do not read the shapes on every slide.
    The slide number is a field, so each slide shows its own. On a template (no ``chrome``),
    the chrome is the template's: slides carry its footer and slide-number placeholders.
    """
    if chrome is None:
        ctx.slide_chrome[CONTENT] = _chrome_prototypes(ctx, ctx.layouts[CONTENT])
        return
    layout = ctx.layouts[CONTENT]
    shapes = SlideShapes(layout.shapes._spTree, layout)
    box = chrome.accent
    accent = shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    accent.name = "Accent bar"
    solid_fill(accent, ctx.theme.colors.primary)
    _content_footer(ctx, layout, shapes, chrome)
    ctx.slide_chrome[CONTENT] = _chrome_prototypes(ctx, layout)
    if chrome.cover_wordmark:
        cover = ctx.layouts[COVER]
        add_text(ctx, SlideShapes(cover.shapes._spTree, cover), chrome.cover_wordmark)


def _content_footer(
    ctx: RenderContext, layout: SlideLayout, shapes: SlideShapes, chrome: ChromePlan
) -> None:
    """Logo, wordmark and footer text at the left, period and slide number at the right."""
    if ctx.logo and chrome.logo:
        box = chrome.logo
        logo = shapes.add_picture(
            str(ctx.logo), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
        )
        logo.name = "Logo"
        logo._element.nvPicPr.cNvPr.set("descr", plain_text(ctx.theme.name))
    if chrome.wordmark:
        add_text(ctx, shapes, chrome.wordmark)
    footer = _layout_placeholder(layout, "ftr", chrome.footer_box)
    if chrome.footer:
        paras, plan = chrome.footer
        write_paras(ctx, footer.text_frame, paras, plan, anchor="bottom")
    numbers = _layout_placeholder(layout, "sldNum", chrome.number_box)
    if chrome.number_label:
        size = ctx.theme.sizes.footer
        frame = numbers.text_frame
        write_paras(ctx, frame, [chrome.number_label], size, anchor="bottom")
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
_FIRST_RUNS_PROPERTIES = etree.XPath("a:p[1]/a:r/a:rPr", namespaces=namespaces("a"))


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
