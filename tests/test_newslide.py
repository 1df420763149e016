"""A slide added with only the placeholders slidegen keeps is, XML for XML, python-pptx's
slide on the same layout with its other placeholders removed: same shapes, ids and names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.presentation import Presentation as PresentationT
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from helpers import TESTS
from slidegen.render.newslide import LayoutClones, add_slide

TEMPLATES = {
    "office": Path(str(resources.files("pptx") / "templates" / "default.pptx")),
    "libreoffice": TESTS / "templates" / "libreoffice-vivid.pptx",
}


def reference_slide(prs: PresentationT, layout: SlideLayout, keep_text: bool) -> Slide:
    """python-pptx's slide, then every placeholder but the title (and the first subtitle,
    body or content one when ``keep_text``) removed: what slidegen used to do."""
    slide = prs.slides.add_slide(layout)
    title = slide.shapes.title
    by_type: dict[str, object] = {}
    for shape in slide.placeholders:
        by_type.setdefault(shape.element.ph.get("type", "obj"), shape)
    wanted = ("subTitle", "body", "obj")
    text = next((by_type[t] for t in wanted if t in by_type), None) if keep_text else None
    for shape in list(slide.placeholders):
        if shape.element not in (getattr(title, "element", None), getattr(text, "element", None)):
            shape.element.getparent().remove(shape.element)
    return slide


def xml(slide: Slide) -> bytes:
    return etree.tostring(slide.element)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("keep_text", [False, True])
def test_new_slide_is_python_pptx_slide_without_the_other_placeholders(
    template: str, keep_text: bool
) -> None:
    prs = Presentation(str(TEMPLATES[template]))
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    assert len(layouts) > 5
    before = len(prs.slides)
    for layout in layouts:
        made = add_slide(prs, layout, LayoutClones.of(layout), keep_text)
        made.drop_unkept()
        expected = reference_slide(prs, layout, keep_text)
        assert xml(made.slide) == xml(expected), layout.name
        assert type(made.title) is type(expected.shapes.title), layout.name
        assert made.slide.slide_layout == layout
    # Each slide listed in the presentation, in order, with its own id.
    ids = [slide.slide_id for slide in prs.slides]
    assert len(ids) == before + 2 * len(layouts) == len(set(ids))


def test_text_box_on_a_layout_without_text_placeholder_is_numbered_as_by_python_pptx() -> None:
    """A slide that wants a text placeholder its layout lacks gets a text box instead, added
    while the other placeholders are still there: its id follows theirs, as before."""
    prs = Presentation(str(TEMPLATES["office"]))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Picture with Caption")
    clones = LayoutClones.of(layout)
    # Office's caption layout has a picture placeholder and a body one: pretend the body
    # is not a text placeholder to get a layout that keeps only the title.
    clones = LayoutClones(clones.clones, clones.title, None, clones.shape_types)
    made = add_slide(prs, layout, clones, keep_text=True)
    assert made.text is None and made.unkept
    made.slide.shapes.add_textbox(Emu(0), Emu(0), Emu(100), Emu(100))
    made.drop_unkept()
    expected = prs.slides.add_slide(layout)
    expected.shapes.add_textbox(Emu(0), Emu(0), Emu(100), Emu(100))
    for shape in list(expected.placeholders):
        if shape.element is not expected.shapes.title.element:
            shape.element.getparent().remove(shape.element)
    assert xml(made.slide) == xml(expected)
    box = made.slide.shapes[-1]
    assert box.shape_id == len(clones.clones) + 2
