"""LibreOffice renders the built deck: one PDF page per slide.

Without LibreOffice the test is skipped on a workstation but fails in CI (``CI`` set), where
the system packages are installed (``make system-deps``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from helpers import DEFAULT_CASE, DEFAULT_DECK, BuiltCase, need_soffice, pdf_pages


def test_libreoffice_renders_one_page_per_slide(
    built_case: Callable[[str], BuiltCase], tmp_path: Path
) -> None:
    program = need_soffice()
    built = built_case(DEFAULT_CASE if DEFAULT_DECK.is_file() else "kinds")
    profile = tmp_path / "lo-profile"
    outdir = tmp_path / "pdf"
    result = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(built.pptx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    pdf = outdir / f"{built.pptx.stem}.pdf"
    assert result.returncode == 0, result.stdout + result.stderr
    assert pdf.is_file(), f"no PDF written:\n{result.stdout}\n{result.stderr}"
    assert pdf_pages(pdf) == built.slides
