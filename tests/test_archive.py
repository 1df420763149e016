"""Archive-grade output: reproducible bytes, provenance inside the file, versioned archives
that can be verified, PDF/A-2b and PNG export through LibreOffice.

LibreOffice runs are expensive (about 2 s each), so the archive history (v1, an identical
rebuild, v2) is made once per session and the tests read it; tests that tamper with files work
on a copy. Without LibreOffice those tests are skipped on a workstation and fail in CI.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import Result
from lxml import etree
from PIL import Image
from pptx import Presentation

import slidegen
from helpers import (
    SAMPLE_PNG,
    TRACEBACK,
    Project,
    assert_clean_exit,
    build,
    need_soffice,
    pdf_pages,
    require,
    run_cli,
)
from slidegen.theme_index import builtin_themes

# -- decks ------------------------------------------------------------------------------------

ARCHIVE_DECK = """\
# rev 0
deck:
  title: Rendiconto archiviato
  period: Luglio – Dicembre 2014
  organization: Comune di Cremona
  author: Ufficio comunicazione
  date: 2014-12-31
  language: it-IT
  theme: cremona
sections:
  - divider: false
    slides:
      - kind: title
      - kind: chart
        title: Incontri
        chart: {type: column, categories: [Aem, Lgh], series: [{name: Incontri, values: [13, 11]}]}
        notes: Nota per chi parla, solo nel fascicolo.
      - kind: image
        title: Il marchio
        image: assets/mark.png
        alt: Il marchio del Comune
"""
ARCHIVE_SLIDES = 3
CHANGED_ARCHIVE_DECK = ARCHIVE_DECK + (
    "      - kind: bullets\n        title: Novità\n        items: [una slide in più]\n"
)
ARCHIVE_FOLDER = "output/luglio-dicembre-2014"
ARCHIVE_STEM = "rendiconto-archiviato"
DECK_DATE_EPOCH = 1419984000  # 2014-12-31T00:00:00Z

PROVENANCE_DECK = """\
# rev 0
deck:
  title: Provenienza
  organization: Comune di Cremona
  author: Ufficio comunicazione
  date: 2014-12-31
  language: it-IT
  theme: locale
data:
  periods: data/periods
metrics:
  comunicati: {label: comunicati stampa, good: up}
  fotografie: {label: fotografie}
sections:
  - divider: false
    slides:
      - kind: title
      - kind: metrics
        title: Cifre
        metrics: [comunicati, fotografie]
        chart: {type: bar}
      - kind: image
        title: Il marchio
        image: assets/mark.png
        alt: Il marchio del Comune
"""
"""A period-driven deck with every kind of source: deck, project theme, image, period data."""

PERIOD_FILE = """\
# rev 0
period: 2014-H2
label: Luglio – Dicembre 2014
start: 2014-07-01
end: 2014-12-31
values:
  comunicati: 475
  fotografie: 670
"""


def provenance_project(root: Path) -> Path:
    """Write the provenance project under ``root``; returns its deck."""
    root.mkdir(parents=True, exist_ok=True)
    theme = root / "themes" / "locale" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    theme.write_text(
        "# rev 0\n" + (builtin_themes() / "cremona" / "theme.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (root / "assets").mkdir()
    shutil.copyfile(SAMPLE_PNG, root / "assets" / "mark.png")
    (root / "data" / "periods").mkdir(parents=True)
    (root / "data" / "periods" / "2014-H2.yaml").write_text(PERIOD_FILE, encoding="utf-8")
    deck = root / "deck.yaml"
    deck.write_text(PROVENANCE_DECK, encoding="utf-8")
    return deck


def archive_project(root: Path, text: str = ARCHIVE_DECK) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    project = Project(root)
    project.write_deck(text)
    project.add_image("assets/mark.png")
    return project


# -- helpers ----------------------------------------------------------------------------------

CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
CUSTOM_NS = {
    "op": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
PDFAID = "http://www.aiim.org/pdfa/ns/id/"


def part(pptx: bytes | Path, name: str) -> bytes:
    data = pptx.read_bytes() if isinstance(pptx, Path) else pptx
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def core_properties(pptx: bytes | Path) -> dict[str, str]:
    """``prefix:name`` → text of every core property."""
    root = etree.fromstring(part(pptx, "docProps/core.xml"))
    prefixes = {uri: prefix for prefix, uri in CORE_NS.items()}
    found = {}
    for child in root:
        qname = etree.QName(child)
        found[f"{prefixes.get(qname.namespace, '?')}:{qname.localname}"] = child.text or ""
    return found


def custom_properties(pptx: bytes | Path) -> dict[str, str]:
    root = etree.fromstring(part(pptx, "docProps/custom.xml"))
    properties = root.findall("op:property", CUSTOM_NS)
    pids = [int(p.get("pid")) for p in properties]
    assert pids == list(range(2, 2 + len(pids))), f"pids must be 2, 3, … and unique: {pids}"
    assert {p.get("fmtid") for p in properties} == {"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"}
    return {p.get("name"): p.findtext("vt:lpwstr", namespaces=CUSTOM_NS) for p in properties}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def xmp_metadata(pdf: Path) -> etree._Element:
    data = pdf.read_bytes()
    start = data.find(b"<x:xmpmeta")
    end = data.find(b"</x:xmpmeta>", start)
    assert start >= 0 and end > start, f"{pdf.name} has no (uncompressed) XMP metadata packet"
    return etree.fromstring(data[start : end + len(b"</x:xmpmeta>")])


def pdfa_claim(pdf: Path) -> tuple[str | None, str | None]:
    """(pdfaid:part, pdfaid:conformance), written as elements or as attributes."""
    meta = xmp_metadata(pdf)

    def value(name: str) -> str | None:
        element = meta.find(f".//{{{PDFAID}}}{name}")
        if element is not None:
            return (element.text or "").strip()
        for description in meta.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"):
            if description.get(f"{{{PDFAID}}}{name}") is not None:
                return description.get(f"{{{PDFAID}}}{name}")
        return None

    return value("part"), value("conformance")


@pytest.fixture
def set_timezone() -> Iterator[Callable[[str], None]]:
    """Switch the process's local time zone (POSIX TZ strings: no tzdata needed)."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset() is Unix-only")
    original = os.environ.get("TZ")

    def switch(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield switch
    if original is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = original
    time.tzset()


# -- reproducible bytes -----------------------------------------------------------------------


def test_builds_are_identical_across_time_zones_and_clock_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, set_timezone: Callable[[str], None]
) -> None:
    """With and without SOURCE_DATE_EPOCH: local time zone and wall clock never leak in.

    The deck has a native chart (an embedded workbook with its own dates) and an image.
    Builds run under three time zones and more than 2 s apart (zip times have 2 s steps).
    """
    deck = provenance_project(tmp_path / "project")
    zones = ("HST+10", "NZST-12", "UTC0")
    built: dict[str, list[bytes]] = {"epoch": [], "date": []}
    offsets = set()
    started = time.monotonic()
    for index, zone in enumerate(zones):
        set_timezone(zone)
        offsets.add(time.strftime("%z"))
        if index == len(zones) - 1:
            time.sleep(max(0.0, started + 2.2 - time.monotonic()))
        for rule in built:
            if rule == "epoch":
                monkeypatch.setenv("SOURCE_DATE_EPOCH", "1420113600")  # 2015-01-01T12:00:00Z
            else:
                monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
            out = tmp_path / f"{rule}-{index}.pptx"
            built[rule].append(build(deck, output=out).output.read_bytes())
    assert len(offsets) == len(zones), f"the time zone switch did not take effect: {offsets}"
    for rule, versions in built.items():
        assert all(v == versions[0] for v in versions), f"builds ({rule}) differ"
    assert built["epoch"][0] != built["date"][0]
    epoch_core = core_properties(built["epoch"][0])
    date_core = core_properties(built["date"][0])
    for key in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        assert epoch_core[key] == "2015-01-01T12:00:00Z"
        assert date_core[key] == "2014-12-31T00:00:00Z"  # deck.date, never the clock
    # The embedded chart workbook carries the same date, not the build's.
    workbooks = [
        n for n in zipfile.ZipFile(io.BytesIO(built["date"][0])).namelist() if n.endswith(".xlsx")
    ]
    assert workbooks
    workbook_core = part(part(built["date"][0], workbooks[0]), "docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", workbook_core) == [
        "2014-12-31T00:00:00Z",
        "2014-12-31T00:00:00Z",
    ]


def test_without_a_date_the_file_is_dated_1980(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project.write_deck(ARCHIVE_DECK.replace("  date: 2014-12-31\n", ""))
    project.add_image("assets/mark.png")
    core = core_properties(slidegen.compile_deck(project.deck).data)
    assert core["dcterms:created"] == core["dcterms:modified"] == "1980-01-01T00:00:00Z"


def test_core_and_custom_properties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    deck = provenance_project(tmp_path / "project")
    data = slidegen.compile_deck(deck).data
    core = core_properties(data)
    assert core["dc:title"] == "Provenienza"
    assert core["dc:subject"] == "Luglio – Dicembre 2014"  # the period's label
    assert core["dc:creator"] == "Ufficio comunicazione"
    assert core["cp:keywords"] == "Comune di Cremona, Luglio – Dicembre 2014"
    assert core["dc:language"] == "it-IT"
    assert core["cp:revision"] == "1"
    assert core["dcterms:created"] == core["dcterms:modified"] == "2014-12-31T00:00:00Z"

    custom = custom_properties(data)
    assert set(custom) == {"slidegen", "sources_sha256", "period", "theme"}
    assert custom["slidegen"] == f"slidegen {slidegen.__version__}"
    assert re.fullmatch(r"[0-9a-f]{64}", custom["sources_sha256"])
    assert custom["period"] == "2014-H2"  # a period-driven deck: the period's id
    assert custom["theme"] == "locale"

    # The custom part is a real package part: related from the package and typed.
    rels = part(data, "_rels/.rels").decode()
    assert re.search(
        r'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        r'custom-properties" Target="docProps/custom.xml"',
        rels,
    ), rels
    types = part(data, "[Content_Types].xml").decode()
    assert (
        'PartName="/docProps/custom.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.custom-properties+xml"'
    ) in types


def test_custom_period_of_a_deck_without_period_data(project: Project) -> None:
    archive_project(project.root)
    custom = custom_properties(slidegen.compile_deck(project.deck).data)
    assert custom["period"] == "Luglio – Dicembre 2014"
    assert custom["theme"] == "cremona"


SOURCES = {
    "deck": ("deck.yaml", "title: Cifre", "title: Cifre 2014"),
    "theme": ("themes/locale/theme.yaml", "footer: COMUNE DI CREMONA", "footer: CREMONA"),
    "image": ("assets/mark.png", "", ""),
    "period data": ("data/periods/2014-H2.yaml", "comunicati: 475", "comunicati: 476"),
}


def change_content(path: Path, old: str, new: str) -> None:
    if not old:  # the PNG: a byte more after the image data (still a valid image)
        path.write_bytes(path.read_bytes() + b"\0")
        return
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("source", list(SOURCES))
def test_changing_any_source_changes_sources_sha256(tmp_path: Path, source: str) -> None:
    deck = provenance_project(tmp_path / "project")
    before = custom_properties(slidegen.compile_deck(deck).data)["sources_sha256"]
    change_content(deck.parent / SOURCES[source][0], *SOURCES[source][1:])
    after = custom_properties(slidegen.compile_deck(deck).data)["sources_sha256"]
    assert after != before, f"sources_sha256 ignores the {source} ({SOURCES[source][0]})"


@pytest.mark.parametrize("source", ["deck", "theme", "period data"])
def test_a_comment_or_layout_edit_changes_nothing(tmp_path: Path, source: str) -> None:
    """YAML counts by what it says: a comment or re-indented flow does not make new bytes."""
    deck = provenance_project(tmp_path / "project")
    before = slidegen.compile_deck(deck).data
    path = deck.parent / SOURCES[source][0]
    path.write_text(
        path.read_text(encoding="utf-8").replace("# rev 0\n", "# rev 1, a comment\n\n"),
        encoding="utf-8",
    )
    assert slidegen.compile_deck(deck).data == before


def test_sources_sha256_ignores_other_files_and_the_project_location(tmp_path: Path) -> None:
    deck = provenance_project(tmp_path / "project")
    first = slidegen.compile_deck(deck).data
    (deck.parent / "NOTES.txt").write_text("not a source\n")
    (deck.parent / "assets" / "unused.png").write_bytes(SAMPLE_PNG.read_bytes())
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(deck.parent, moved)
    second = slidegen.compile_deck(moved / "deck.yaml").data
    assert custom_properties(first)["sources_sha256"] == custom_properties(second)["sources_sha256"]
    assert first == second, "the same sources in another folder give other bytes"


# -- PDF and PNG export -----------------------------------------------------------------------


@dataclass
class Exported:
    root: Path
    result: Result


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    need_soffice()
    require(
        shutil.which("pdftoppm") is not None,
        "pdftoppm is not installed; 'make system-deps' installs it",
    )
    root = (tmp_path_factory.mktemp("export") / "project").resolve()
    archive_project(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(DECK_DATE_EPOCH))
        result = run_cli("build", "--pdf", "--png", "--handout", "-o", "X.pptx", cwd=root)
    return Exported(root, result)


def test_build_pdf_and_png(exported: Exported) -> None:
    assert_clean_exit(exported.result, 0)
    root = exported.root
    assert exported.result.stdout == (
        f"wrote X.pptx ({ARCHIVE_SLIDES} slides)\nwrote X.pdf\nwrote X-handout.pdf\n"
        f"wrote {ARCHIVE_SLIDES} PNGs and X-png/X-contact-sheet.png\n"
    )
    assert pdf_pages(root / "X.pdf") == ARCHIVE_SLIDES
    assert pdfa_claim(root / "X.pdf") == ("2", "B")
    pngs = sorted((root / "X-png").glob("X-[0-9][0-9][0-9].png"))
    assert [p.name for p in pngs] == [f"X-{n:03d}.png" for n in range(1, ARCHIVE_SLIDES + 1)]
    for png in pngs:
        with Image.open(png) as image:
            assert image.format == "PNG"
            assert image.width / image.height == pytest.approx(16 / 9, rel=0.01)
    with Image.open(root / "X-png" / "X-contact-sheet.png") as sheet:
        assert sheet.format == "PNG"
        assert sheet.width > sheet.height > 0


def test_every_figure_of_the_pdf_has_the_deck_s_alt_text(exported: Exported) -> None:
    import pikepdf

    from slidegen.pdfmeta import figure_alt_texts

    expected = figure_alt_texts(exported.root / "X.pptx")
    assert expected and all(expected)
    figures: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            if node.get("/K") is not None:
                walk(node.K)

    with pikepdf.open(exported.root / "X.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked  # a tagged PDF: structure for screen readers
        walk(pdf.Root.StructTreeRoot)
    assert figures == list(expected)  # charts included, which LibreOffice leaves without


def test_pdf_metadata_repeats_the_pptx(exported: Exported) -> None:
    import pikepdf

    pptx = custom_properties(exported.root / "X.pptx")
    with pikepdf.open(exported.root / "X.pdf") as pdf:
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        assert str(pdf.Root.Lang) == "it-IT"  # the deck's language, not LibreOffice's
        with pdf.open_metadata() as xmp:
            subjects = list(xmp["dc:subject"])
            source = xmp["dc:source"]
            created = xmp["xmp:CreateDate"]
            tool = xmp["xmp:CreatorTool"]
    assert info["/Title"] == "Rendiconto archiviato"
    assert info["/Author"] == "Ufficio comunicazione"
    assert info["/Keywords"] == "Comune di Cremona, Luglio – Dicembre 2014"  # not word by word
    assert sorted(subjects) == ["Comune di Cremona", "Luglio – Dicembre 2014"]  # an rdf:Bag
    # The timestamp rule, in the PDF date format (no malformed "Z'").
    assert info["/CreationDate"] == info["/ModDate"] == "D:20141231000000+00'00"
    assert created.startswith("2014-12-31T00:00:00")
    assert info["/Creator"] == tool == pptx["slidegen"] == f"slidegen {slidegen.__version__}"
    assert info["/SlidegenSourcesSHA256"] == pptx["sources_sha256"]
    assert source == f"sha256:{pptx['sources_sha256']}"


def test_pdf_meets_what_pdfa_2b_asks_that_can_be_checked_here(exported: Exported) -> None:
    """No PDF/A validator installs here (veraPDF is neither a Debian nor a PyPI package);
    these are its checks that matter most for this PDF: identification, output intent,
    embedded fonts, plain XMP, no encryption, transparency with a blending colour space."""
    import pikepdf

    for name in ("X.pdf", "X-handout.pdf"):
        assert pdfa_claim(exported.root / name) == ("2", "B")
        with pikepdf.open(exported.root / name) as pdf:
            intents = pdf.Root.OutputIntents
            assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
            profile = intents[0].DestOutputProfile.read_bytes()
            assert profile[36:40] == b"acsp"  # an ICC profile
            assert "/Filter" not in pdf.Root.Metadata.stream_dict  # XMP stays readable
            assert "/Encrypt" not in pdf.trailer
            for page in pdf.pages:
                for font in page.Resources.get("/Font", {}).values():
                    fonts = font.get("/DescendantFonts", [font])
                    for face in fonts:
                        described = face.FontDescriptor
                        assert any(
                            k in described for k in ("/FontFile", "/FontFile2", "/FontFile3")
                        ), f"{name}: font {face.BaseFont} is not embedded"
                # Transparency needs a blending colour space (PDF/A-2 6.2.10): the page
                # group's own, or the output intent's, which is present above.
                group = page.obj.get("/Group")
                if group is not None and group.get("/S") == "/Transparency":
                    assert "/CS" in group or len(intents) == 1


def test_handout_has_each_slide_with_its_notes(exported: Exported) -> None:
    handout = exported.root / "X-handout.pdf"
    assert pdf_pages(handout) == ARCHIVE_SLIDES

    def text(pdf: Path, page: int) -> str:
        done = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
        return " ".join(done.stdout.split())

    note = "Nota per chi parla, solo nel fascicolo."
    assert "Incontri" in text(handout, 2) and note in text(handout, 2)
    assert note not in text(exported.root / "X.pdf", 2)


def test_same_sources_give_the_same_pdf_bytes(exported: Exported, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(exported.root, again, ignore=shutil.ignore_patterns("X*"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(DECK_DATE_EPOCH))
        result = run_cli("build", "--pdf", "-o", "Y.pptx", cwd=again)
    assert_clean_exit(result, 0)
    assert (again / "Y.pptx").read_bytes() == (exported.root / "X.pptx").read_bytes()
    assert (again / "Y.pdf").read_bytes() == (exported.root / "X.pdf").read_bytes()


MISSING_SOFFICE = "/nonexistent/libreoffice/soffice"


def test_missing_libreoffice_keeps_the_pptx_and_says_how_to_install(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive_project(project.root)
    monkeypatch.setenv("SLIDEGEN_SOFFICE", MISSING_SOFFICE)
    result = run_cli("build", "--pdf", "--png", "-o", "X.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert TRACEBACK not in result.stderr
    assert f"SLIDEGEN_SOFFICE={MISSING_SOFFICE} is not a program" in result.stderr
    assert "sudo apt-get install libreoffice-impress" in result.stderr
    assert "brew install --cask libreoffice" in result.stderr
    # The .pptx was written before the export: it stays, complete and valid.
    pptx = project.root / "X.pptx"
    assert pptx.read_bytes() == slidegen.compile_deck(project.deck).data
    with zipfile.ZipFile(pptx) as package:
        assert package.testzip() is None
    assert len(Presentation(str(pptx)).slides) == ARCHIVE_SLIDES
    assert not (project.root / "X.pdf").exists()
    assert not (project.root / "X-png").exists()
    assert not list(project.root.rglob("*.tmp"))


def test_missing_libreoffice_does_not_claim_nothing_was_written(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive_project(project.root)
    monkeypatch.setenv("SLIDEGEN_SOFFICE", MISSING_SOFFICE)
    result = run_cli("build", "--pdf", "-o", "X.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert (project.root / "X.pptx").is_file()
    assert "nothing written" not in result.stderr


def test_missing_libreoffice_archive_leaves_no_half_version(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive_project(project.root)
    monkeypatch.setenv("SLIDEGEN_SOFFICE", MISSING_SOFFICE)
    result = run_cli("build", "--archive", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "sudo apt-get install libreoffice-impress" in result.stderr
    assert result.stderr.endswith("slidegen: 1 error; nothing written\n")
    archive = project.root / "archive"
    left = sorted(p.relative_to(archive).as_posix() for p in archive.rglob("*"))
    assert left == [".lock", ".slidegen-archive"]  # no version, no staging folder


def test_sources_sha256_is_what_the_files_alone_give(tmp_path: Path) -> None:
    """The build hashes the YAML it has parsed already instead of reading it again: the
    digest it records is the one the files on disk give, read afresh."""
    from slidegen.properties import sources_digest

    deck = provenance_project(tmp_path / "project")
    compiled = slidegen.compile_deck(deck)
    fresh = sources_digest(compiled.sources, deck.parent)
    assert custom_properties(compiled.data)["sources_sha256"] == fresh == compiled.sources_sha256
