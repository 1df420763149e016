"""Shapes copied from one python-pptx made: metric tiles and text boxes.

python-pptx builds every new shape by formatting and parsing its XML text
(``CT_Shape.new_autoshape_sp``, ``new_textbox_sp``), then sets each fill, outline and shadow
through its descriptors: about 0.3 ms a tile, and a deck has thousands of tiles and text
boxes. Here python-pptx makes the first of each kind once, on a blank slide's shape tree; each
shape added is a copy of it with its own id, name, place and size, set where python-pptx sets
them: the XML python-pptx would have written.
"""

from __future__ import annotations

import functools
from copy import deepcopy

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.slide import CT_Slide
from pptx.shapes.autoshape import Shape
from pptx.shapes.shapetree import SlideShapes, _BaseGroupShapes
from pptx.util import Emu

from ..layout import Box

TILE_CORNER = 0.08
"""A metric tile's corner radius, as a fraction of its shorter side."""


def _scratch() -> SlideShapes:
    return SlideShapes(CT_Slide.new().cSld.spTree, None)  # type: ignore[arg-type]


@functools.cache
def _tile(fill: str) -> CT_Shape:
    shape = _scratch().add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(0), Emu(0), Emu(0), Emu(0))
    shape.adjustments[0] = TILE_CORNER
    solid_fill(shape, fill)
    shape.shadow.inherit = False
    return shape._element


@functools.cache
def _text_box() -> CT_Shape:
    return _scratch().add_textbox(Emu(0), Emu(0), Emu(0), Emu(0))._element


def add_tile(shapes: _BaseGroupShapes, shape_id: int, name: str, box: Box, fill: str) -> Shape:
    """A rounded tile filled with ``fill``, no outline, no shadow (``shapes.add_shape`` and
    the settings), as shape ``shape_id`` (python-pptx's next: ``shapes._next_shape_id``)."""
    return _stamp(shapes, _tile(fill), shape_id, name, box)


def add_text_box(shapes: _BaseGroupShapes, name: str, box: Box) -> Shape:
    """python-pptx's ``shapes.add_textbox`` at ``box``, named ``name``."""
    return _stamp(shapes, _text_box(), shapes._next_shape_id, name, box)


def _stamp(
    shapes: _BaseGroupShapes, prototype: CT_Shape, shape_id: int, name: str, box: Box
) -> Shape:
    sp = deepcopy(prototype)
    properties = sp.nvSpPr.cNvPr
    properties.set("id", str(shape_id))
    properties.set("name", name)
    xfrm = sp.spPr.xfrm
    xfrm.off.set("x", str(int(box.left)))
    xfrm.off.set("y", str(int(box.top)))
    xfrm.ext.set("cx", str(int(box.width)))
    xfrm.ext.set("cy", str(int(box.height)))
    shapes._spTree.insert_element_before(sp, "p:extLst")
    return Shape(sp, shapes)  # type: ignore[arg-type]


def solid_fill(shape: object, color: str) -> None:
    """Fill ``shape`` with one colour, no outline."""
    shape.fill.solid()  # type: ignore[attr-defined]
    shape.fill.fore_color.rgb = RGBColor.from_string(color)  # type: ignore[attr-defined]
    shape.line.fill.background()  # type: ignore[attr-defined]
