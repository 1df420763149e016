"""Tiles and text boxes copied from one python-pptx made are the shapes python-pptx makes:
same XML, ids and names, on a slide and on a layout."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Emu

from slidegen.layout import Box
from slidegen.render.stamp import TILE_CORNER, add_text_box, add_tile, solid_fill

BOXES = [Box(0, 0, 100, 50), Box(914400, 457200, 2743200, 1371600), Box(-12, 7, 3, 0)]


def test_tiles_are_python_pptx_tiles() -> None:
    prs = Presentation()
    ours, theirs = (prs.slides.add_slide(prs.slide_layouts[6]) for _ in range(2))
    first_id = ours.shapes._next_shape_id
    for index, box in enumerate(BOXES):
        add_tile(ours.shapes, first_id + index, f"Metric {index + 1}", box, "F2EEE6")
        shape = theirs.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width),
            Emu(box.height),
        )  # fmt: skip
        shape.adjustments[0] = TILE_CORNER
        shape.name = f"Metric {index + 1}"
        solid_fill(shape, "F2EEE6")
        shape.shadow.inherit = False
    assert etree.tostring(ours.element) == etree.tostring(theirs.element)
    # Another colour is another tile, not the first one's again.
    other = add_tile(ours.shapes, 99, "Other", BOXES[0], "1F3A5F")
    assert str(other.fill.fore_color.rgb) == "1F3A5F" and other.shape_id == 99


def test_text_boxes_are_python_pptx_text_boxes_on_slides_and_layouts() -> None:
    prs = Presentation()
    ours, theirs = (prs.slides.add_slide(prs.slide_layouts[1]) for _ in range(2))
    for box in BOXES:
        add_text_box(ours.shapes, "Caption & <notes>", box)
        made = theirs.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width),
                                         Emu(box.height))  # fmt: skip
        made.name = "Caption & <notes>"
    assert etree.tostring(ours.element) == etree.tostring(theirs.element)
    layout = prs.slide_layouts[0]
    before = layout.shapes._next_shape_id
    box = add_text_box(layout.shapes, "Wordmark", BOXES[1])
    assert box.shape_id == before and layout.shapes[-1].name == "Wordmark"
