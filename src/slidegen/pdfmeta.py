"""The PDF's metadata from the .pptx it was made from, and the same bytes from the same sources.

LibreOffice dates the PDF (Info, XMP and its sRGB output profile) by the clock, writes a
malformed Info date (``Z'``), splits keywords word by word and leaves ``/Lang`` at its own UI
language. The PDF is rewritten with pikepdf so that it carries what the .pptx carries (title,
author, subject, keywords, language, dates from the timestamp rule, slidegen's version and the
sources' digest) and its document ID is derived from its content.
"""

from __future__ import annotations

import hashlib
import io
import struct
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pikepdf

_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
}
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
# Derives the XMP document/instance UUIDs from the sources' digest (uuid5 needs a namespace).
_UUID_NAMESPACE = uuid.UUID("5b1d3c9e-6f0a-4c1e-9d7a-2e4f8b6a0c13")
_ICC_DATE = slice(24, 36)  # the profile header's creation date: six big-endian uint16


@dataclass(frozen=True)
class DeckMetadata:
    """What the .pptx records about itself, as the PDF should repeat it."""

    title: str
    author: str
    subject: str
    keywords: str
    language: str
    created: datetime
    creator: str
    """``slidegen <version>``."""
    sources_sha256: str
    figures: tuple[str, ...] = ()
    """The alt text of every picture and chart on the slides, in reading order."""


def read_pptx_metadata(pptx: Path) -> DeckMetadata:
    """Core and custom properties of ``pptx`` (written by :mod:`slidegen.properties`)."""
    with zipfile.ZipFile(pptx) as package:
        core = ElementTree.fromstring(package.read("docProps/core.xml"))
        names = set(package.namelist())
        custom = (
            ElementTree.fromstring(package.read("docProps/custom.xml"))
            if "docProps/custom.xml" in names
            else None
        )

    def text(tag: str) -> str:
        found = core.find(tag, _CORE)
        return (found.text or "") if found is not None else ""

    values: dict[str, str] = {}
    if custom is not None:
        for item in custom.iter(f"{_CUSTOM_NS}property"):
            value = item.find(f"{_VT_NS}lpwstr")
            values[item.get("name", "")] = (value.text or "") if value is not None else ""
    created = text("dcterms:created") or "1980-01-01T00:00:00Z"
    return DeckMetadata(
        title=text("dc:title"),
        author=text("dc:creator"),
        subject=text("dc:subject"),
        keywords=text("cp:keywords"),
        language=text("dc:language") or "en-US",
        created=datetime.fromisoformat(created.replace("Z", "+00:00")).astimezone(UTC),
        creator=values.get("slidegen", "slidegen"),
        sources_sha256=values.get("sources_sha256", ""),
        figures=figure_alt_texts(pptx),
    )


def figure_alt_texts(pptx: Path) -> tuple[str, ...]:
    """Alt text of the slides' pictures and charts, slide by slide, in reading order."""
    from pptx import Presentation
    from pptx.shapes.graphfrm import GraphicFrame
    from pptx.shapes.picture import Picture

    texts = []
    for slide in Presentation(str(pptx)).slides:
        for shape in slide.shapes:
            if isinstance(shape, Picture):
                texts.append(shape._element.nvPicPr.cNvPr.get("descr") or "")
            elif isinstance(shape, GraphicFrame) and shape.has_chart:
                texts.append(shape._element.nvGraphicFramePr.cNvPr.get("descr") or "")
    return tuple(texts)


def finish_pdf(data: bytes, meta: DeckMetadata) -> bytes:
    """``data`` (LibreOffice's PDF/A-2b) with ``meta`` in Info and XMP, reproducibly."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _stamp_output_profile(pdf, meta.created)
        stamp = meta.created.isoformat()
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as xmp:
            xmp["dc:title"] = meta.title
            xmp["dc:creator"] = [meta.author] if meta.author else []
            xmp["dc:description"] = meta.subject
            # The keywords are comma-separated phrases: each one is a subject, whole.
            xmp["dc:subject"] = [k.strip() for k in meta.keywords.split(",") if k.strip()]
            xmp["pdf:Keywords"] = meta.keywords
            xmp["dc:language"] = [meta.language]
            xmp["dc:source"] = f"sha256:{meta.sources_sha256}"
            xmp["xmp:CreatorTool"] = meta.creator
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                xmp[key] = stamp
            document = uuid.uuid5(_UUID_NAMESPACE, meta.sources_sha256)
            xmp["xmpMM:DocumentID"] = f"uuid:{document}"
            xmp["xmpMM:InstanceID"] = f"uuid:{uuid.uuid5(document, meta.creator)}"
        # Keys without an XMP equivalent, so PDF/A allows them in Info alone.
        pdf.docinfo[pikepdf.Name("/SlidegenVersion")] = meta.creator
        pdf.docinfo[pikepdf.Name("/SlidegenSourcesSHA256")] = meta.sources_sha256
        pdf.Root.Lang = pikepdf.String(meta.language)
        _fill_figure_alt(pdf, meta.figures)
        # qpdf keeps the ID's first half (LibreOffice's is random) and derives the second
        # from the content: the first half names the sources instead. LibreOffice's own
        # checksum (not a standard key) was taken over the clock-dated original.
        if "/DocChecksum" in pdf.trailer:
            del pdf.trailer["/DocChecksum"]
        first = hashlib.sha256(f"{meta.sources_sha256} {meta.creator}".encode()).digest()[:16]
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(first), pikepdf.String(first)])
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _fill_figure_alt(pdf: pikepdf.Pdf, alts: tuple[str, ...]) -> None:
    """LibreOffice tags every picture and chart as a Figure but gives only pictures their
    alt text: the charts' comes from the deck, matched in reading order. When the counts
    differ the figures cannot be matched safely, and nothing is changed."""
    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None:
        return
    figures: list[pikepdf.Dictionary] = []
    pending: list[object] = [tree]
    while pending:  # depth first, in document order
        node = pending.pop()
        if isinstance(node, pikepdf.Array):
            pending.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                figures.append(node)
            kids = node.get("/K")
            if kids is not None:
                pending.append(kids)
    if len(figures) != len(alts):
        return
    for figure, alt in zip(figures, alts, strict=True):
        if alt and not str(figure.get("/Alt", "")).strip():
            figure.Alt = pikepdf.String(alt)


def _stamp_output_profile(pdf: pikepdf.Pdf, stamp: datetime) -> None:
    """LibreOffice makes its sRGB profile afresh, dated now: date it by the timestamp rule."""
    for intent in pdf.Root.get("/OutputIntents", []):
        profile = intent.get("/DestOutputProfile")
        if not isinstance(profile, pikepdf.Stream):
            continue
        icc = bytearray(profile.read_bytes())
        if len(icc) < 128 or icc[84:100] != bytes(16):  # a profile with an ID is left alone
            continue
        when = stamp.astimezone(UTC)
        icc[_ICC_DATE] = struct.pack(
            ">6H", when.year, when.month, when.day, when.hour, when.minute, when.second
        )
        profile.write(zlib.compress(bytes(icc), 9), filter=pikepdf.Name.FlateDecode)
