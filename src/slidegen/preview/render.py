"""Slide images for the preview, rendered through LibreOffice only when a slide changed.

Images are kept by the slide's content hash (:mod:`.slides`): after a build, the slides whose
hash has no image yet go into one small .pptx, LibreOffice turns that into a PDF in one call
and pdftoppm the pages into PNGs, page *i* being the *i*-th of those slides. LibreOffice runs
with one profile for the whole session: it is made on the first call, and every later call
starts from it, which saves a second or more each time.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from ..errors import Location, Problem
from ..export import TIMEOUT_SECONDS, ExportError, find_soffice, pdf_page_count
from ..messages import say
from .slides import Slide, only_slides

IMAGE_SIZE = 1280
"""Pixels of an image's long side: sharp in the grid, readable when opened alone."""
_FILE_NAME = "preview"


class SlideRenderer:
    """Renders slides into ``folder/slides/<digest>.png``, each content once."""

    def __init__(self, folder: Path) -> None:
        self.soffice = find_soffice()
        pdftoppm = shutil.which("pdftoppm")
        if not pdftoppm:
            raise ExportError(say("pdftoppm_for_preview"))
        self.pdftoppm = pdftoppm
        self.profile = folder / "profile"
        self.images = folder / "slides"
        self.scratch = folder / "scratch"
        self.images.mkdir(parents=True, exist_ok=True)

    def image(self, digest: str) -> Path | None:
        """The PNG of the slide with this hash, if it has been rendered."""
        path = self.images / f"{digest}.png"
        return path if path.is_file() else None

    def render(self, data: bytes, slides: list[Slide]) -> list[Slide]:
        """Render the slides of the .pptx ``data`` that have no image yet; returns them."""
        missing: dict[str, Slide] = {}
        for slide in slides:
            if self.image(slide.digest) is None:
                missing.setdefault(slide.digest, slide)  # identical slides: one image
        if not missing:
            return []
        todo = sorted(missing.values(), key=lambda slide: slide.number)
        shutil.rmtree(self.scratch, ignore_errors=True)
        self.scratch.mkdir()
        pptx = self.scratch / f"{_FILE_NAME}.pptx"
        pptx.write_bytes(only_slides(data, todo))
        pdf = self._to_pdf(pptx)
        pages = pdf_page_count(pdf)
        if pages != len(todo):
            raise ExportError(
                Problem(
                    Location("preview"),
                    say("export_page_count", pages=pages, slides=len(todo)),
                )
            )
        for slide, page in zip(todo, self._to_pngs(pdf), strict=True):
            os.replace(page, self.images / f"{slide.digest}.png")
        return todo

    def keep_only(self, digests: set[str]) -> None:
        """Delete the images of slides that are no longer in ``digests``."""
        for image in self.images.glob("*.png"):
            if image.stem not in digests:
                image.unlink(missing_ok=True)

    def _to_pdf(self, pptx: Path) -> Path:
        done = run_process_group(
            [
                self.soffice,
                f"-env:UserInstallation={self.profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(self.scratch),
                str(pptx),
            ]
        )
        pdf = self.scratch / f"{_FILE_NAME}.pdf"
        if done.returncode != 0 or not pdf.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [say("no_output")]
            raise ExportError(say("preview_render_failed", detail=detail[0]))
        return pdf

    def _to_pngs(self, pdf: Path) -> list[Path]:
        prefix = self.scratch / "page"
        done = run_process_group(
            [self.pdftoppm, "-scale-to", str(IMAGE_SIZE), "-png", str(pdf), str(prefix)]
        )
        if done.returncode != 0:
            raise ExportError(say("preview_png_failed", detail=done.stderr.strip()))
        # page-1.png … or page-01.png …: the width of the number follows the page count.
        return sorted(self.scratch.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def run_process_group(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a process group of its own; if it times out, or the preview is
    stopped meanwhile, the whole group is killed: LibreOffice's launcher starts the real
    program as a child, which killing the launcher alone would leave running."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        name = Path(command[0]).name
        raise ExportError(say("program_timeout", name=name, seconds=TIMEOUT_SECONDS)) from None
    except BaseException:
        _kill_group(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _kill_group(process: subprocess.Popen[str]) -> None:
    killpg = getattr(os, "killpg", None)
    try:
        if killpg is not None:
            killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except ProcessLookupError:
        pass
    process.communicate()
