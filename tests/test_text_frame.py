"""A text frame's wrap, autofit, anchor and insets are written as python-pptx's setters
write them, whatever the frame held before (a template's placeholder, a new text box)."""

from __future__ import annotations

import pytest
from lxml import etree
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.text.text import TextFrame
from pptx.util import Emu

from slidegen.layout.paras import INHERIT
from slidegen.layout.textplan import INSET_Y
from slidegen.render.text import _set_frame

BEFORE = [
    "<a:bodyPr/>",
    '<a:bodyPr wrap="none" rtlCol="0"><a:spAutoFit/></a:bodyPr>',  # a new text box
    '<a:bodyPr anchor="ctr" lIns="0" tIns="12700"><a:normAutofit/><a:scene3d>'
    '<a:camera prst="orthographicFront"/><a:lightRig rig="flat" dir="t"/></a:scene3d>'
    "</a:bodyPr>",
    '<a:bodyPr vert="horz" bIns="0"><a:prstTxWarp prst="textNoShape"><a:avLst/>'
    "</a:prstTxWarp><a:extLst/></a:bodyPr>",
]
ANCHORS = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


def body(before: str) -> etree._Element:
    return parse_xml(f"<p:txBody {nsdecls('a', 'p')}>{before}<a:lstStyle/><a:p/></p:txBody>")


@pytest.mark.parametrize("before", BEFORE)
@pytest.mark.parametrize("anchor", ["top", "middle", "bottom", INHERIT])
@pytest.mark.parametrize(
    ("sides", "top"),
    [((91440, 91440), 45720), ((100000, 100000), 45720), ((91440, 91440), 60000),
     ((91440, 150000), 45720)],
)  # fmt: skip
def test_frame_is_set_as_python_pptx_sets_it(
    before: str, anchor: str, sides: tuple[int, int], top: int
) -> None:
    expected = body(before)
    frame = TextFrame(expected, None)  # type: ignore[arg-type]
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    if anchor in ANCHORS:
        frame.vertical_anchor = ANCHORS[anchor]
    frame.margin_left, frame.margin_right = Emu(sides[0]), Emu(sides[1])
    frame.margin_top, frame.margin_bottom = Emu(top), Emu(INSET_Y)
    written = body(before)
    _set_frame(written.bodyPr, anchor, sides, top)
    assert etree.tostring(written) == etree.tostring(expected)
