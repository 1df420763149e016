"""Archive-grade output: reproducible bytes, provenance inside the file, versioned archives
that can be verified, PDF/A-2b and PNG export through LibreOffice.

LibreOffice runs are expensive (about 2 s each), so the archive history (v1, an identical
rebuild, v2) is made once per session and the tests read it; tests that tamper with files work
on a copy. Without LibreOffice those tests are skipped on a workstation and fail in CI.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import re
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
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
from slidegen.theme import builtin_themes

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
    "deck": "deck.yaml",
    "theme": "themes/locale/theme.yaml",
    "image": "assets/mark.png",
    "period data": "data/periods/2014-H2.yaml",
}


def change_one_byte(path: Path) -> None:
    data = path.read_bytes()
    if data.startswith(b"# rev 0\n"):
        path.write_bytes(b"# rev 1\n" + data[len(b"# rev 0\n") :])
    else:  # the PNG: a byte more after the image data (still a valid image)
        path.write_bytes(data + b"\0")


@pytest.mark.parametrize("source", list(SOURCES))
def test_changing_any_source_changes_sources_sha256(tmp_path: Path, source: str) -> None:
    deck = provenance_project(tmp_path / "project")
    before = custom_properties(slidegen.compile_deck(deck).data)["sources_sha256"]
    change_one_byte(deck.parent / SOURCES[source])
    after = custom_properties(slidegen.compile_deck(deck).data)["sources_sha256"]
    assert after != before, f"sources_sha256 ignores the {source} ({SOURCES[source]})"


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


# -- the archive ------------------------------------------------------------------------------


@dataclass
class ArchiveHistory:
    """One project taken through v1, an identical rebuild and v2, with what each step did."""

    root: Path
    first: Result
    after_first: dict[str, bytes]
    verify_first: Result
    identical: Result
    after_identical: dict[str, bytes]
    changed: Result
    after_changed: dict[str, bytes]

    def path(self, version: int, suffix: str) -> Path:
        return self.root / ARCHIVE_FOLDER / f"{ARCHIVE_STEM}-v{version}{suffix}"

    def manifest(self, version: int) -> dict[str, object]:
        return json.loads(self.path(version, ".manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def archive_history(tmp_path_factory: pytest.TempPathFactory) -> ArchiveHistory:
    need_soffice()
    root = (tmp_path_factory.mktemp("archive") / "project").resolve()
    project = archive_project(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        first = run_cli("build", "--archive", cwd=root)
        after_first = snapshot(root)
        verify_first = run_cli(
            "verify", f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v1.manifest.json", cwd=root
        )
        identical = run_cli("build", "--archive", cwd=root)
        after_identical = snapshot(root)
        project.write_deck(CHANGED_ARCHIVE_DECK)
        changed = run_cli("build", "--archive", cwd=root)
        after_changed = snapshot(root)
    return ArchiveHistory(
        root,
        first,
        after_first,
        verify_first,
        identical,
        after_identical,
        changed,
        after_changed,
    )


def test_archive_writes_pptx_pdf_and_manifest(archive_history: ArchiveHistory) -> None:
    history = archive_history
    assert_clean_exit(history.first, 0)
    assert history.first.stderr == ""
    written = [history.path(1, s) for s in (".pptx", ".pdf", ".manifest.json")]
    assert history.first.stdout == "".join(f"wrote {p}\n" for p in written) + (
        "archived version 1\n"
    )
    archived = sorted(k for k in history.after_first if k.startswith("output/"))
    assert archived == sorted(p.relative_to(history.root).as_posix() for p in written)


def test_manifest_records_sources_outputs_tools_and_timestamp_rule(
    archive_history: ArchiveHistory,
) -> None:
    history = archive_history
    manifest = history.manifest(1)
    files = history.after_first

    def entry(relative: str, data: bytes) -> dict[str, object]:
        return {"path": relative, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    theme = (builtin_themes() / "cremona" / "theme.yaml").resolve()
    assert manifest["sources"] == [
        entry("deck.yaml", files["deck.yaml"]),
        entry(theme.as_posix(), theme.read_bytes()),
        entry("assets/mark.png", files["assets/mark.png"]),
    ]
    outputs = [f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v1{s}" for s in (".pptx", ".pdf")]
    assert manifest["outputs"] == [entry(o, files[o]) for o in outputs]
    assert manifest["timestamp"] == {"source": "deck.date", "epoch": DECK_DATE_EPOCH}
    assert manifest["version"] == 1
    assert manifest["slides"] == ARCHIVE_SLIDES
    assert manifest["deck"] == "deck.yaml"
    tools = manifest["tools"]
    assert isinstance(tools, dict)
    assert tools["slidegen"] == slidegen.__version__
    assert tools["python"] == platform.python_version()
    assert tools["python-pptx"] == version("python-pptx")
    assert all(isinstance(v, str) and v for v in tools.values())


def test_identical_rebuild_writes_nothing(archive_history: ArchiveHistory) -> None:
    history = archive_history
    assert_clean_exit(history.identical, 0)
    manifest = history.path(1, ".manifest.json")
    assert history.identical.stdout == (
        f"unchanged: identical to version 1 ({manifest}); nothing written\n"
    )
    assert history.after_identical == history.after_first


def test_changed_deck_becomes_v2_and_v1_stays_byte_identical(
    archive_history: ArchiveHistory,
) -> None:
    history = archive_history
    assert_clean_exit(history.changed, 0)
    assert history.changed.stdout.endswith("archived version 2\n")
    for suffix in (".pptx", ".pdf", ".manifest.json"):
        v1 = history.path(1, suffix).relative_to(history.root).as_posix()
        assert history.after_changed[v1] == history.after_first[v1], f"{v1} changed"
        assert history.path(2, suffix).is_file()
    manifest = history.manifest(2)
    assert manifest["version"] == 2
    assert manifest["slides"] == ARCHIVE_SLIDES + 1


@pytest.mark.parametrize("version_number", [1, 2])
def test_archived_pdf_is_pdfa_2b_with_one_page_per_slide(
    archive_history: ArchiveHistory, version_number: int
) -> None:
    pdf = archive_history.path(version_number, ".pdf")
    slides = archive_history.manifest(version_number)["slides"]
    assert pdf_pages(pdf) == slides
    assert pdfa_claim(pdf) == ("2", "B")
    title = xmp_metadata(pdf).findtext(
        ".//{http://purl.org/dc/elements/1.1/}title//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li"
    )
    assert title == "Rendiconto archiviato"


def test_verify_a_fresh_archive(archive_history: ArchiveHistory) -> None:
    first = archive_history.verify_first
    assert_clean_exit(first, 0)
    manifest = f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v1.manifest.json"
    assert first.stdout.splitlines()[-2:] == [
        f"ok  rebuild of {ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v1.pptx",
        f"{manifest}: verified",
    ]
    latest = run_cli(
        "verify", f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2.manifest.json", cwd=archive_history.root
    )
    assert_clean_exit(latest, 0)
    assert latest.stdout.endswith("-v2.manifest.json: verified\n")


def test_verify_names_a_changed_source(archive_history: ArchiveHistory) -> None:
    """v1 was archived from the deck before it changed: it no longer matches its sources."""
    manifest = f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v1.manifest.json"
    result = run_cli("verify", manifest, cwd=archive_history.root)
    assert_clean_exit(result, 1)
    assert result.stdout == ""
    assert result.stderr == (
        f"{manifest}: source deck.yaml differs from the manifest (sha256 changed)\n"
        "slidegen: verification failed\n"
    )


def copy_of(history: ArchiveHistory, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(history.root, copy)
    return copy


@pytest.mark.parametrize("suffix", [".pptx", ".pdf"])
def test_verify_names_a_tampered_output(
    archive_history: ArchiveHistory, tmp_path: Path, suffix: str
) -> None:
    root = copy_of(archive_history, tmp_path)
    tampered = root / ARCHIVE_FOLDER / f"{ARCHIVE_STEM}-v2{suffix}"
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    manifest = f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2.manifest.json"
    result = run_cli("verify", manifest, cwd=root)
    assert_clean_exit(result, 1)
    assert result.stderr == (
        f"{manifest}: output {ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2{suffix} differs from the "
        "manifest (sha256 changed)\nslidegen: verification failed\n"
    )


def test_verify_names_a_changed_image(archive_history: ArchiveHistory, tmp_path: Path) -> None:
    root = copy_of(archive_history, tmp_path)
    change_one_byte(root / "assets" / "mark.png")
    manifest = f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2.manifest.json"
    result = run_cli("verify", manifest, cwd=root)
    assert_clean_exit(result, 1)
    assert result.stderr.splitlines() == [
        f"{manifest}: source assets/mark.png differs from the manifest (sha256 changed)",
        "slidegen: verification failed",
    ]


def test_verify_names_a_missing_output(archive_history: ArchiveHistory, tmp_path: Path) -> None:
    root = copy_of(archive_history, tmp_path)
    (root / ARCHIVE_FOLDER / f"{ARCHIVE_STEM}-v2.pdf").unlink()
    manifest = f"{ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2.manifest.json"
    result = run_cli("verify", manifest, cwd=root)
    assert_clean_exit(result, 1)
    assert result.stderr.splitlines()[0] == (
        f"{manifest}: output {ARCHIVE_FOLDER}/{ARCHIVE_STEM}-v2.pdf is missing"
    )


def test_verify_rebuilds_with_the_recorded_timestamp_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Archived under SOURCE_DATE_EPOCH, verified without it (and with another): still equal.

    Also: adding the next period's data does not break the archived version. No PDF here.
    """
    from slidegen.archive import archive_deck, verify_archive

    deck = provenance_project(tmp_path / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1420113600")
    archived = archive_deck(deck, pdf=False)
    record = json.loads(archived.manifest.read_text(encoding="utf-8"))
    assert record["timestamp"] == {"source": "SOURCE_DATE_EPOCH", "epoch": 1420113600}
    assert record["period"] == "2014-H2"
    assert archived.manifest.parent.name == "2014-H2"

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert verify_archive(archived.manifest)[-1].startswith("rebuild of output/2014-H2/")
    assert "SOURCE_DATE_EPOCH" not in os.environ, "verify leaked the recorded epoch"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    verify_archive(archived.manifest)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1"

    (deck.parent / "data" / "periods" / "2015-H1.yaml").write_text(
        PERIOD_FILE.replace("2014-H2", "2015-H1").replace("Luglio – Dicembre 2014", "Primo 2015"),
        encoding="utf-8",
    )
    verify_archive(archived.manifest)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_archived_files_follow_the_umask(tmp_path: Path) -> None:
    from slidegen.archive import archive_deck

    deck = provenance_project(tmp_path / "project")
    previous = os.umask(0o022)
    try:
        archived = archive_deck(deck, pdf=False)
    finally:
        os.umask(previous)
    modes = {p.name: oct(p.stat().st_mode & 0o777) for p in archived.written}
    assert set(modes.values()) == {"0o644"}, modes


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
    return Exported(root, run_cli("build", "--pdf", "--png", "-o", "X.pptx", cwd=root))


def test_build_pdf_and_png(exported: Exported) -> None:
    assert_clean_exit(exported.result, 0)
    root = exported.root
    assert exported.result.stdout == (
        f"wrote X.pptx ({ARCHIVE_SLIDES} slides)\nwrote X.pdf\n"
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
    assert [p for p in (project.root / "output").rglob("*") if p.is_file()] == []
