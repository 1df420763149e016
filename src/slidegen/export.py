"""PDF (PDF/A-2b), PNG pages and a contact sheet, through LibreOffice headless.

LibreOffice is found as ``$SLIDEGEN_SOFFICE``, ``soffice``/``libreoffice`` on PATH, or its
usual install folder on macOS and Windows. It is started once per build, with a private
profile so concurrent builds do not fight over one. Every slide must become exactly one page;
anything else is an error, not a silent mismatch. All files are written to a temporary folder
and moved into place only when every export succeeded.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import Location, Problem, SlidegenError
from .messages import say
from .pdfmeta import finish_pdf, read_pptx_metadata
from .save import atomic_write

SOFFICE_ENV = "SLIDEGEN_SOFFICE"
TIMEOUT_SECONDS = 300
PNG_DPI = 110
# PDF/A-2b, tagged: a structure tree with a Figure (and its alt text) for each picture and
# chart, headings and reading order for screen readers.
_PDFA2B = (
    '"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}'
)
# A handout: each slide with its speaker notes, one page per slide.
_NOTES_ONLY = (
    '"ExportNotesPages":{"type":"boolean","value":"true"},'
    '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}'
)


class ExportError(SlidegenError):
    """LibreOffice (or poppler's pdftoppm) is missing or failed."""

    after_output: Path | None = None
    """The .pptx already written when the export failed (it stays)."""


@dataclass(frozen=True)
class Exported:
    pdf: Path | None
    pngs: list[Path]
    handout: Path | None
    contact_sheet: Path | None
    pages: int


def find_soffice() -> str:
    """The LibreOffice program, or an :class:`ExportError` saying how to install it."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        if Path(configured).is_file() or shutil.which(configured):
            return configured
        hint = say("libreoffice_install", variable=SOFFICE_ENV)
        message = say("soffice_not_a_program", variable=SOFFICE_ENV, value=configured, hint=hint)
        raise ExportError(message)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = {
        "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
        "win32": [
            r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        ],
    }.get(sys.platform, [])
    for candidate in candidates:
        if Path(candidate).is_file():
            return candidate
    raise ExportError(say("libreoffice_install", variable=SOFFICE_ENV))


def pdf_page_count(pdf: Path) -> int:
    """Pages of a PDF (the count in its page tree root)."""
    data = pdf.read_bytes()
    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts, default=0)


def export(
    pptx: Path,
    slides: int,
    *,
    pdf: Path | None,
    png_dir: Path | None,
    handout: Path | None = None,
) -> Exported:
    """Export ``pptx`` (with ``slides`` slides) to ``pdf``, PNGs in ``png_dir`` and/or a
    notes-page ``handout``. PDFs carry the .pptx's metadata (:mod:`slidegen.pdfmeta`)."""
    soffice = find_soffice()
    meta = read_pptx_metadata(pptx)
    with tempfile.TemporaryDirectory(prefix="slidegen-export-") as work:
        scratch = Path(work)
        rendered = _to_pdf(soffice, pptx, scratch, _PDFA2B)
        _check_pages(pptx, rendered, slides)
        notes = None
        if handout is not None:
            notes = _to_pdf(soffice, pptx, scratch / "handout", f"{_PDFA2B},{_NOTES_ONLY}")
            _check_pages(pptx, notes, slides)
        pngs: list[Path] = []
        sheet = None
        if png_dir is not None:
            pngs, sheet = _to_pngs(rendered, scratch / "png", png_dir, pptx.stem)
        if pdf is not None:
            atomic_write(pdf, finish_pdf(rendered.read_bytes(), meta))
        if handout is not None and notes is not None:
            atomic_write(handout, finish_pdf(notes.read_bytes(), meta))
        return Exported(pdf, pngs, handout, sheet, slides)


def _check_pages(pptx: Path, rendered: Path, slides: int) -> None:
    pages = pdf_page_count(rendered)
    if pages != slides:
        raise ExportError(
            Problem(
                Location(str(pptx)),
                say("export_page_count", pages=pages, slides=slides),
            )
        )


def _to_pdf(soffice: str, pptx: Path, scratch: Path, options: str) -> Path:
    scratch.mkdir(parents=True, exist_ok=True)
    profile = scratch / "profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        f"pdf:impress_pdf_Export:{{{options}}}",
        "--outdir",
        str(scratch),
        str(pptx),
    ]
    try:
        done = run_as_group(command, TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise ExportError(say("export_timeout", seconds=TIMEOUT_SECONDS)) from None
    result = scratch / f"{pptx.stem}.pdf"
    if done.returncode != 0 or not result.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [say("no_output")]
        raise ExportError(say("export_failed", name=pptx.name, detail=detail[0]))
    return result


def run_as_group(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a process group of its own; on a timeout (or Ctrl-C) kill the whole
    group, not only the program started.

    ``soffice`` is a launcher: it starts ``soffice.bin``, which does the work, and
    ``subprocess.run``'s timeout kills only the launcher, leaving the converter running (and
    holding its profile) after slidegen has given up on it.
    """
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own session, so its own process group (POSIX)
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except BaseException:
            _kill_group(process)
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _kill_group(process: subprocess.Popen[str]) -> None:
    if hasattr(os, "killpg"):
        # The group's id is the leader's pid; no such group: every process in it has ended.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.kill()
    process.wait()


def _to_pngs(pdf: Path, scratch: Path, target: Path, stem: str) -> tuple[list[Path], Path]:
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise ExportError(say("pdftoppm_install"))
    scratch.mkdir()
    subprocess.run(
        [pdftoppm, "-r", str(PNG_DPI), "-png", str(pdf), str(scratch / "slide")],
        check=True,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )
    pages = sorted(scratch.glob("slide-*.png"))
    sheet = scratch / "contact-sheet.png"
    contact_sheet(pages, sheet)
    if target.exists() and not target.is_dir():
        raise ExportError(Problem(Location(str(target)), say("png_target_is_file")))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        where = Location(str(target))
        message = say("png_folder_failed", reason=error.strerror)
        raise ExportError(Problem(where, message)) from None
    written = []
    for index, page in enumerate(pages, start=1):
        final = target / f"{stem}-{index:03d}.png"
        atomic_write(final, page.read_bytes())
        written.append(final)
    final_sheet = target / f"{stem}-contact-sheet.png"
    atomic_write(final_sheet, sheet.read_bytes())
    return written, final_sheet


def contact_sheet(pages: list[Path], out: Path, columns: int = 4, width: int = 480) -> None:
    """All pages as thumbnails on one image, in order, numbered by position."""
    from PIL import Image

    thumbs = []
    for page in pages:
        with Image.open(page) as image:
            height = round(image.height * width / image.width)
            thumbs.append(image.convert("RGB").resize((width, height)))
    if not thumbs:
        raise ExportError(say("no_pages_for_sheet"))
    gap = 12
    rows = (len(thumbs) + columns - 1) // columns
    cell_height = max(t.height for t in thumbs)
    sheet = Image.new(
        "RGB", (columns * (width + gap) + gap, rows * (cell_height + gap) + gap), (128, 128, 128)
    )
    for index, thumb in enumerate(thumbs):
        sheet.paste(
            thumb,
            (
                gap + (index % columns) * (width + gap),
                gap + (index // columns) * (cell_height + gap),
            ),
        )
    sheet.save(out, format="PNG", optimize=True)
