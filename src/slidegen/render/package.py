"""python-pptx, made linear-time and deterministic for building decks.

* python-pptx names each new part (slide, notes slide, chart, workbook) by walking every part
  of the package, picks each slide id by reading every slide id, and checks each new slide's
  relationship against every existing one: building an n-slide deck costs O(n²). A build only
  ever adds parts, so a counter per name template (seeded once from the parts that exist),
  the last slide id, and skipping the match for brand-new slides give the same result in O(1).
* Zip entries get a fixed timestamp instead of the current time (reproducible builds).

And the package-level parts a finished deck needs (:func:`drop_template_leftovers`,
:func:`list_notes_master`).
"""

from __future__ import annotations

import zipfile
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _ZipPkgWriter
from pptx.oxml.ns import qn
from pptx.oxml.presentation import CT_SlideIdList
from pptx.presentation import Presentation

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


class PartNamer:
    """A drop-in ``next_partname`` for one package: next free number per template."""

    def __init__(self, package: OpcPackage) -> None:
        self._taken = {str(part.partname) for part in package.iter_parts()}
        self._next: dict[str, int] = {}

    def __call__(self, template: str) -> PackURI:
        number = self._next.get(template, 1)
        while template % number in self._taken:
            number += 1
        name = template % number
        self._taken.add(name)
        self._next[template] = number + 1
        return PackURI(name)


def _next_slide_id(self: Any) -> int:
    """One more than the last slide id: slides are only appended, so it is the largest."""
    last = self.xpath("./p:sldId[last()]/@id")
    candidate = int(last[0]) + 1 if last else 256
    return candidate if candidate <= 2147483647 else _original_next_id.fget(self)


_original_next_id = CT_SlideIdList._next_id
CT_SlideIdList._next_id = property(_next_slide_id)  # type: ignore[assignment]


def _write_entry(self: Any, pack_uri: PackURI, blob: bytes) -> None:
    info = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    info.create_system = 0
    self._zipf.writestr(info, blob, compresslevel=6)


_ZipPkgWriter.write = _write_entry  # type: ignore[method-assign]


def make_linear(prs: Presentation) -> None:
    """Make ``prs`` add parts, slides and slide relationships in O(1) each.

    Instance attributes shadow python-pptx's methods for this presentation only.
    """
    package = prs.part.package
    package.next_partname = PartNamer(package)  # type: ignore[method-assign]
    rels = prs.part.rels
    find = rels._get_matching

    def matching(reltype: str, target: Any, is_external: bool = False) -> str | None:
        if reltype == RT.SLIDE:
            return None  # a slide being added is never related yet
        return find(reltype, target, is_external)

    rels._get_matching = matching  # type: ignore[method-assign]


def drop_template_leftovers(prs: Presentation) -> None:
    """Remove what python-pptx's template carries but no deck of ours is: its thumbnail (a
    blank 4:3 picture Explorer and Finder would preview) and its printer settings.

    Dropping the relationship is enough: parts nothing relates to are not saved.
    """
    package = prs.part.package
    for rel in list(package._rels.values()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rel.rId)
    for rel in list(prs.part.rels.values()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rel.rId)


def list_notes_master(prs: Presentation) -> None:
    """List the notes master in ``p:notesMasterIdLst`` when notes made one.

    python-pptx relates the notes master without listing it; PowerPoint always lists it,
    and Keynote does not recognise an unlisted one.
    """
    presentation = prs.part._element
    if presentation.find(qn("p:notesMasterIdLst")) is not None:
        return
    rel = next((r for r in prs.part.rels.values() if r.reltype == RT.NOTES_MASTER), None)
    if rel is None:
        return
    listed = etree.Element(qn("p:notesMasterIdLst"))
    etree.SubElement(listed, qn("p:notesMasterId")).set(qn("r:id"), rel.rId)
    presentation.find(qn("p:sldMasterIdLst")).addnext(listed)
