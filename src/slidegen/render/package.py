"""python-pptx, made linear-time and deterministic for building decks.

* python-pptx names each new part (slide, notes slide, chart, workbook) by walking every part
  of the package, counts the slides for each slide's name and picks each slide id by reading
  every slide id (lxml's ``len()`` and ``[last()]`` walk every child), checks each new slide's
  relationship against every existing one, and looks for an existing copy of each new picture
  by walking every relationship of the package: building an n-slide deck costs O(n²)
  (python-pptx issue #644, PR #646). A build only ever adds parts, so a counter per name
  template (seeded once from the parts that exist), the last slide id, skipping the match for
  brand-new slides and an index of pictures by SHA-1 give the same result in O(1).
* Zip entries get a fixed timestamp instead of the current time (reproducible builds;
  python-pptx issue #702), and each entry is written as it is deflated (:mod:`.zipbytes`:
  the bytes :mod:`zipfile` writes, without its per-entry machinery).
* Each part's relationships are written as the bytes lxml would serialize
  (:func:`relationships_xml`), without first building them as a tree of elements, one
  parsed per relationship: a deck of native charts has three relationship parts a slide.
  Their targets' relative paths are worked out once per pair of folders
  (:func:`relative_ref`).
* A new shape's id is one more than the largest ``@id`` of its slide, which python-pptx
  finds with an XPath compiled again for every shape (lxml's ``xpath()``, ~20 µs); the
  same XPath compiled once finds the same ids in a third of the time
  (:func:`_max_shape_id`).

Chart workbooks are not python-pptx's: slidegen writes them (:mod:`.chartbook`), every text
as a text cell (XlsxWriter's default, which python-pptx uses, turns a category that starts
with ``=`` into a formula Excel runs on "Edit Data", OWASP's "CSV injection"), and XlsxWriter
is not even imported.

What can be set on one presentation is set on it (:func:`make_linear`); the class-level
changes are made only inside :func:`scoped_pptx_patches`, around one build, and undone after.

And the package-level parts a finished deck needs (:func:`drop_template_leftovers`,
:func:`list_notes_master`).
"""

from __future__ import annotations

import contextlib
import functools
import posixpath
from collections.abc import Callable, Iterator
from typing import IO, Any, ParamSpec, TypeVar

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import nsmap
from pptx.opc.package import OpcPackage, _Relationships
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _PhysPkgWriter
from pptx.oxml.ns import qn
from pptx.oxml.presentation import CT_SlideIdList
from pptx.oxml.shapes.groupshape import CT_GroupShape
from pptx.package import _ImageParts
from pptx.parts.image import Image, ImagePart
from pptx.parts.presentation import PresentationPart
from pptx.presentation import Presentation

from .zipbytes import ZipWriter, deflated_bytes

P = ParamSpec("P")
R = TypeVar("R")


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


_ORIGINAL_NEXT_ID = CT_SlideIdList._next_id


def _next_slide_id(self: Any) -> int:
    """One more than the last slide id: slides are only appended, so it is the largest.

    The last child is reached from the end (lxml's ``[-1]``, O(1)); an XPath ``[last()]``
    or ``len()`` walks every child, and 20,000 slides made that quadratic.
    """
    try:
        last = self[-1]
    except IndexError:
        return 256
    if last.tag != qn("p:sldId"):
        return _ORIGINAL_NEXT_ID.fget(self)
    candidate = int(last.get("id")) + 1
    return candidate if candidate <= 2147483647 else _ORIGINAL_NEXT_ID.fget(self)


def _next_slide_partname(self: Any) -> PackURI:
    """The next free ``slideN.xml`` from the package's part namer (O(1) once
    :func:`make_linear` gave it one); python-pptx counts the slide list with ``len()``."""
    return self.package.next_partname("/ppt/slides/slide%d.xml")


_ALL_IDS = etree.XPath("//@id")


def _max_shape_id(self: Any) -> int:
    """python-pptx's ``CT_GroupShape.max_shape_id`` with its XPath compiled once: the
    largest integer ``@id`` anywhere in the slide (ids have document scope), 0 for none."""
    used_ids = [int(id_str) for id_str in _ALL_IDS(self) if id_str.isdigit()]
    return max(used_ids) if used_ids else 0


_RELS_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<Relationships xmlns="{nsmap["pr"]}"'
)
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def relative_ref(partname: str, base_uri: str) -> str:
    """python-pptx's ``PackURI.relative_ref``: ``partname`` as seen from the folder
    ``base_uri``. ``posixpath.relpath`` normalizes both paths on every call; a deck's
    thousands of relationships point from a handful of folders into a dozen, so the folders'
    relative path is worked out once per pair and the file name appended."""
    if base_uri == "/":
        return partname[1:]
    folder, name = partname.rsplit("/", 1)
    up = _relative_folder(folder or "/", base_uri)
    return name if up == "." else f"{up}/{name}"


@functools.lru_cache(maxsize=256)
def _relative_folder(folder: str, base_uri: str) -> str:
    return posixpath.relpath(folder, base_uri)


def relationships_xml(rels: _Relationships) -> bytes:
    """python-pptx's ``_Relationships.xml``, byte for byte: the relationships in the order
    of their numbers (``rId2`` before ``rId10``; ids not of that form first), each
    attribute escaped as lxml escapes it."""
    order = sorted(
        (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)
        for rid in rels.keys()  # noqa: SIM118  # a Mapping without its own iteration order
    )
    if not order:
        return (_RELS_HEAD + "/>").encode()
    parts = [_RELS_HEAD, ">"]
    for _, rid in order:
        rel = rels[rid]
        if rel.is_external:
            mode, target = ' TargetMode="External"', rel.target_ref
        else:
            mode, target = "", relative_ref(rel.target_partname, rels._base_uri)
        parts.append(
            f'<Relationship Id="{rel.rId.translate(_ATTRIBUTE_ESCAPES)}"'
            f' Type="{rel.reltype.translate(_ATTRIBUTE_ESCAPES)}"'
            f' Target="{target.translate(_ATTRIBUTE_ESCAPES)}"{mode}/>'
        )
    parts.append("</Relationships>")
    return "".join(parts).encode()


class DeflatedZipWriter:
    """python-pptx's zip writer (``_ZipPkgWriter``) for one build: each entry deflated at
    level 6, dated 1980-01-01, mode 600, written as it comes (:class:`.zipbytes.ZipWriter`)."""

    def __init__(self, pkg_file: str | IO[bytes]) -> None:
        self._opened = open(pkg_file, "wb") if isinstance(pkg_file, str) else None  # noqa: SIM115
        self._zip = ZipWriter(self._opened or pkg_file)  # type: ignore[arg-type]

    def __enter__(self) -> DeflatedZipWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self._zip.close()
        if self._opened is not None:
            self._opened.close()

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self._zip.add(deflated_bytes(pack_uri.membername, blob))


@contextlib.contextmanager
def scoped_pptx_patches() -> Iterator[None]:
    """Within the block, new slide ids and names take O(1), shape ids are found with a
    compiled XPath, relationships are written as bytes and the package is zipped with fixed
    entry times; python-pptx is as it was outside it (other code in the process is not
    affected)."""
    saved = CT_SlideIdList._next_id, _PhysPkgWriter.factory
    saved_partname, saved_rels = PresentationPart._next_slide_partname, _Relationships.xml
    saved_max_id = CT_GroupShape.max_shape_id
    CT_SlideIdList._next_id = property(_next_slide_id)  # type: ignore[assignment]
    _Relationships.xml = property(relationships_xml)  # type: ignore[assignment, method-assign]
    PresentationPart._next_slide_partname = property(_next_slide_partname)  # type: ignore[method-assign]
    CT_GroupShape.max_shape_id = property(_max_shape_id)  # type: ignore[method-assign, assignment]
    _PhysPkgWriter.factory = classmethod(lambda cls, file: DeflatedZipWriter(file))  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        CT_SlideIdList._next_id, _PhysPkgWriter.factory = saved  # type: ignore[method-assign]
        PresentationPart._next_slide_partname = saved_partname  # type: ignore[method-assign]
        _Relationships.xml = saved_rels  # type: ignore[method-assign]
        CT_GroupShape.max_shape_id = saved_max_id  # type: ignore[method-assign]


def in_scoped_pptx(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run inside :func:`scoped_pptx_patches` (a build)."""

    @functools.wraps(function)
    def scoped(*args: P.args, **kwargs: P.kwargs) -> R:
        with scoped_pptx_patches():
            return function(*args, **kwargs)

    return scoped


class IndexedImageParts(_ImageParts):
    """python-pptx's image-part lookup with an index by SHA-1 instead of a walk of every
    relationship in the package, for each new picture."""

    def __init__(self, package: OpcPackage) -> None:
        super().__init__(package)
        self._by_sha1 = {part.sha1: part for part in self if hasattr(part, "sha1")}

    def get_or_add_image_part(self, image_file: Any) -> ImagePart:
        image = Image.from_file(image_file)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            part = self._by_sha1[image.sha1] = ImagePart.new(self._package, image)
        return part


def make_linear(prs: Presentation) -> None:
    """Make ``prs`` add parts, slides and slide relationships in O(1) each.

    Instance attributes shadow python-pptx's methods for this presentation only.
    """
    package = prs.part.package
    package.next_partname = PartNamer(package)  # type: ignore[method-assign]
    # python-pptx keeps this lazy property in the instance's __dict__: the index replaces it
    # for this package only.
    package.__dict__["_image_parts"] = IndexedImageParts(package)
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
