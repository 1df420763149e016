"""LibreOffice renders the built deck: one PDF page per slide.

Without LibreOffice the test is skipped on a workstation but fails in CI (``CI`` set), where
the system packages are installed (``make system-deps``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import DEFAULT_CASE, DEFAULT_DECK, BuiltCase


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    message = "LibreOffice (soffice) is not installed; 'make system-deps' installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def page_count(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        info = subprocess.run(
            [pdfinfo, str(pdf)], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        assert match, info
        return int(match.group(1))
    # No poppler: LibreOffice writes one uncompressed "/Type /Page" dictionary per page.
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_libreoffice_renders_one_page_per_slide(
    built_case: Callable[[str], BuiltCase], tmp_path: Path
) -> None:
    program = soffice()
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
    assert page_count(pdf) == built.slides
