"""Speaker notes, written fast.

python-pptx builds each notes slide by looking up and cloning the notes master's
placeholders (about 1 ms and 20 KB of XML tree a slide). The first notes slide is made that
way; the others are copies of its XML with their own text, stored already serialized (a few
KB each), and related to the slide and the notes master exactly as python-pptx relates them.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.slide import NotesSlide, Slide

from ..markup import plain_text


class NotesWriter:
    """Adds speaker notes to slides, in the deck's language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._prototype: etree._Element | None = None

    def add(self, slide: Slide, text: str | None) -> None:
        if not text:
            return
        if self._prototype is None:
            notes = slide.notes_slide  # python-pptx's way, once
            self._prototype = deepcopy(notes._element)
            self._fill(notes, text)
            return
        element = deepcopy(self._prototype)
        self._fill(NotesSlide(element, None), text)  # type: ignore[arg-type]
        slide_part = slide.part
        package = slide_part.package
        part = Part(
            package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
            CT.PML_NOTES_SLIDE,
            package,
            serialize_part_xml(element),
        )
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)

    def _fill(self, notes: NotesSlide, text: str) -> None:
        frame = notes.notes_text_frame
        if frame is None:
            return
        frame.text = plain_text(text)
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font._rPr.set("lang", self.language)
