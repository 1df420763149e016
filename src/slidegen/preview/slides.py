"""A built .pptx as slides: each slide's title and a hash of everything that draws it.

A slide is drawn from its own part and every part it relates to, directly or through
others: pictures, charts, its layout, the master and its theme. Its hash covers the bytes of
all of those and how they relate, and the deck-wide parts (the slide size in
``presentation.xml``, the table styles), so an edit to one slide changes that slide's hash
only and a change to the theme changes every hash. Part names are left out on purpose: they
are numbered by position in the package, so adding a picture to slide 2 renames the pictures
of the slides after it without changing how those look.

Speaker notes and links to other slides are not followed: neither changes the slide's image.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PRESENTATION_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = {"p": _PRESENTATION_NS, "a": _DRAWING_NS, "r": _REL, "ep": _APP_NS, "vt": _VT_NS}
_PRESENTATION = "ppt/presentation.xml"
_NOT_DRAWN = {f"{_REL}/notesSlide", f"{_REL}/slide"}
"""Relationships that do not change how a slide looks (notes, links to other slides)."""
_DECK_WIDE = {f"{_REL}/tableStyles", f"{_REL}/presProps"}
DIGEST_LENGTH = 24
"""Hex digits of a slide's hash: 96 bits, far from any collision among a deck's slides."""


@dataclass(frozen=True)
class Slide:
    """One slide of a built deck."""

    number: int
    """1-based position in the deck."""
    title: str
    digest: str
    """The hash of everything that draws the slide (hex)."""
    part: str
    """Its part in the package (``ppt/slides/slide3.xml``)."""
    relation: str
    """The id of the presentation's relationship to it (the ``r:id`` of its ``p:sldId``)."""


@dataclass(frozen=True)
class _Relation:
    rid: str
    kind: str
    target: str
    external: bool


class _Package:
    """The parts of a .pptx and their relationships, read once each."""

    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._names = set(self._zip.namelist())
        self._digests: dict[str, bytes] = {}
        self._relations: dict[str, list[_Relation]] = {}

    def read(self, name: str) -> bytes:
        return self._zip.read(name) if name in self._names else b""

    def digest(self, name: str) -> bytes:
        """SHA-256 of a part's bytes."""
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self.read(name)).digest()
        return self._digests[name]

    def relations(self, name: str) -> list[_Relation]:
        if name not in self._relations:
            folder, file = posixpath.split(name)
            self._relations[name] = _parse_relations(
                self.read(posixpath.join(folder, "_rels", f"{file}.rels")), folder
            )
        return self._relations[name]

    def entries(self) -> list[zipfile.ZipInfo]:
        return self._zip.infolist()


def _parse_relations(xml: bytes, folder: str) -> list[_Relation]:
    if not xml:
        return []
    relations = []
    for element in etree.fromstring(xml).iter(f"{{{_PACKAGE_RELS}}}Relationship"):
        external = element.get("TargetMode") == "External"
        target = element.get("Target", "")
        if not external:
            absolute = target.startswith("/")
            target = posixpath.normpath(target[1:] if absolute else posixpath.join(folder, target))
        relations.append(
            _Relation(element.get("Id", ""), element.get("Type", ""), target, external)
        )
    return sorted(relations, key=lambda r: r.rid)


def split_slides(data: bytes) -> list[Slide]:
    """The slides of the .pptx ``data``, in order, each with its title and content hash."""
    package = _Package(data)
    deck_wide = _deck_wide_digest(package)
    by_rid = {r.rid: r for r in package.relations(_PRESENTATION)}
    titles = slide_titles(package.read("docProps/app.xml"))
    slides = []
    root = etree.fromstring(package.read(_PRESENTATION))
    for number, slide_id in enumerate(root.iterfind("p:sldIdLst/p:sldId", _NS), start=1):
        rid = slide_id.get(f"{{{_REL}}}id", "")
        part = by_rid[rid].target
        digest = hashlib.sha256(deck_wide + _drawn_from(package, part)).hexdigest()
        title = titles[number - 1] if number <= len(titles) else ""
        slides.append(Slide(number, title, digest[:DIGEST_LENGTH], part, rid))
    return slides


def _drawn_from(package: _Package, start: str) -> bytes:
    """Digests of ``start`` and of every part it is drawn from: its own first, then the
    others sorted by digest, so the order of part names does not count."""
    seen = {start}
    queue = [start]
    digests = []
    while queue:
        name = queue.pop()
        digests.append(_part_digest(package, name))
        for relation in package.relations(name):
            if relation.external or relation.kind in _NOT_DRAWN or relation.target in seen:
                continue
            seen.add(relation.target)
            queue.append(relation.target)
    own, others = digests[0], sorted(digests[1:])
    return own + b"".join(others)


def _part_digest(package: _Package, name: str) -> bytes:
    """A part's bytes and what each of its relationship ids points to (by content)."""
    digest = hashlib.sha256(package.digest(name))
    for relation in package.relations(name):
        digest.update(f"\0{relation.rid}\0{relation.kind}\0".encode())
        if relation.external:
            digest.update(relation.target.encode())
        elif relation.kind not in _NOT_DRAWN:
            digest.update(package.digest(relation.target))
    return digest.digest()


def _deck_wide_digest(package: _Package) -> bytes:
    """``presentation.xml`` without its slide list (slide size, default text style) and the
    deck-wide parts it relates to."""
    root = etree.fromstring(package.read(_PRESENTATION))
    for slide_list in root.findall("p:sldIdLst", _NS):
        root.remove(slide_list)
    digest = hashlib.sha256(etree.tostring(root, method="c14n"))
    for relation in package.relations(_PRESENTATION):
        if relation.kind in _DECK_WIDE:
            digest.update(relation.kind.encode() + package.digest(relation.target))
    return digest.digest()


def slide_titles(app_xml: bytes) -> list[str]:
    """The slide titles the build listed in ``docProps/app.xml`` (its "Slide Titles")."""
    if not app_xml:
        return []
    root = etree.fromstring(app_xml)
    pairs = root.findall("ep:HeadingPairs/vt:vector/vt:variant", _NS)
    names = [e.text or "" for e in root.findall("ep:TitlesOfParts/vt:vector/vt:lpstr", _NS)]
    offset = 0
    for name, count in zip(pairs[::2], pairs[1::2], strict=False):
        size = int(count.findtext("vt:i4", "0", _NS))
        if name.findtext("vt:lpstr", "", _NS) == "Slide Titles":
            return names[offset : offset + size]
        offset += size
    return []


def only_slides(data: bytes, keep: list[Slide]) -> bytes:
    """The .pptx ``data`` with only the slides ``keep``, in deck order.

    Slide numbers are fields that LibreOffice fills in from the position in the file it
    renders; each kept slide's become plain text of its number in the whole deck.
    """
    package = _Package(data)
    kept = {slide.relation for slide in keep}
    numbers = {slide.part: slide.number for slide in keep}
    replaced: dict[str, bytes] = {_PRESENTATION: _slide_list_of(package, kept)}
    for part, number in numbers.items():
        replaced[part] = _numbers_as_text(package.read(part), number)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for entry in package.entries():
            target.writestr(entry, replaced.get(entry.filename) or package.read(entry.filename))
    return out.getvalue()


def _slide_list_of(package: _Package, kept: set[str]) -> bytes:
    root = etree.fromstring(package.read(_PRESENTATION))
    for slide_id in root.findall("p:sldIdLst/p:sldId", _NS):
        if slide_id.get(f"{{{_REL}}}id") not in kept:
            slide_id.getparent().remove(slide_id)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _numbers_as_text(slide_xml: bytes, number: int) -> bytes:
    root = etree.fromstring(slide_xml)
    for field in root.iterfind(".//a:fld[@type='slidenum']", _NS):
        field.tag = f"{{{_DRAWING_NS}}}r"
        for attribute in ("id", "type"):
            field.attrib.pop(attribute, None)
        text = field.find("a:t", _NS)
        if text is None:
            text = etree.SubElement(field, f"{{{_DRAWING_NS}}}t")
        text.text = str(number)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
