"""Speaker notes, written fast and with their formatting.

python-pptx builds each notes slide by looking up and cloning the notes master's
placeholders (about 1 ms and 20 KB of XML tree a slide). The first notes slide is made that
way; the others are copies of its XML with their own text, stored already serialized (a few
KB each), and related to the slide and the notes master exactly as python-pptx relates them.

The text keeps what the presenter wrote: paragraphs (a blank line), line breaks, bold,
italic and links; the notes page's slide-number placeholder carries its field.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml.ns import qn
from pptx.slide import Slide

from ..markup import Run, link_target, parse_paragraphs
from .master import SLIDENUM_FIELD_ID

_SP, _PH, _TX_BODY = qn("p:sp"), qn("p:ph"), qn("p:txBody")
_P, _R, _RPR, _T, _BR = qn("a:p"), qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:br")
_END, _LINK_CLICK, _REL_ID = qn("a:endParaRPr"), qn("a:hlinkClick"), qn("r:id")


class NotesWriter:
    """Adds speaker notes to slides, in the deck's language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.count = 0
        """Slides given notes so far."""
        self._prototype: etree._Element | None = None

    def add(self, slide: Slide, text: str | None, number: int) -> None:
        """Give ``slide`` (the ``number``-th) the notes ``text``, if any."""
        if not text:
            return
        paragraphs = parse_paragraphs(text)
        self.count += 1
        if self._prototype is None:
            notes = slide.notes_slide  # python-pptx's way, once
            self._prototype = deepcopy(notes._element)
            self._fill(notes._element, notes.part, paragraphs, number)
            return
        element = deepcopy(self._prototype)
        slide_part = slide.part
        package = slide_part.package
        part = Part(
            package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
            CT.PML_NOTES_SLIDE,
            package,
        )
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        self._fill(element, part, paragraphs, number)  # relates the links first: they need ids
        part.blob = serialize_part_xml(element)
        slide_part.relate_to(part, RT.NOTES_SLIDE)

    def _fill(
        self, element: etree._Element, part: Part, paragraphs: list[list[Run]], number: int
    ) -> None:
        for shape in element.iter(_SP):
            ph = shape.find(f".//{_PH}")
            kind = ph.get("type") if ph is not None else None
            if kind == "body":
                body = shape.find(_TX_BODY)
                for old in body.findall(_P):
                    body.remove(old)
                body.extend(self._paragraph(runs, part) for runs in paragraphs)
            elif kind == "sldNum":
                shape.append(self._slide_number(number))

    def _paragraph(self, runs: list[Run], part: Part) -> etree._Element:
        p = etree.Element(_P)
        for run in runs:
            for index, line in enumerate(run.text.split("\n")):
                if index:
                    etree.SubElement(etree.SubElement(p, _BR), _RPR, lang=self.language)
                if line:
                    self._run(p, run, line, part)
        etree.SubElement(p, _END, lang=self.language)
        return p

    def _run(self, p: etree._Element, run: Run, text: str, part: Part) -> None:
        r = etree.SubElement(p, _R)
        properties = etree.SubElement(r, _RPR, lang=self.language)
        if run.bold:
            properties.set("b", "1")
        if run.italic:
            properties.set("i", "1")
        if run.link:
            rel = part.relate_to(link_target(run.link), RT.HYPERLINK, is_external=True)
            etree.SubElement(properties, _LINK_CLICK).set(_REL_ID, rel)
        etree.SubElement(r, _T).text = text

    def _slide_number(self, number: int) -> etree._Element:
        """The notes page's slide number, a field as PowerPoint writes it."""
        body = etree.Element(_TX_BODY)
        etree.SubElement(body, qn("a:bodyPr"))
        etree.SubElement(body, qn("a:lstStyle"))
        p = etree.SubElement(body, _P)
        field = etree.SubElement(p, qn("a:fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
        etree.SubElement(field, _RPR, lang=self.language)
        etree.SubElement(field, _T).text = str(number)
        etree.SubElement(p, _END, lang=self.language)
        return body
