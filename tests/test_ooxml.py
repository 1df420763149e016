"""Built decks are valid OOXML: ISO/IEC 29500 schemas and OPC package rules (../shared/ooxml).

PowerPoint is stricter than LibreOffice; these checks stand in for its validator. CI always
has ``../shared`` beside the clone, so a missing checker is a failure, not a skip.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import DEFAULT_CASE, SHARED, BuiltCase

OOXML = SHARED / "ooxml"
CHECKERS = ("check_xsd.py", "check_opc.py")
CASES_CHECKED = ("kinds", "neutral-theme", "chart-native", DEFAULT_CASE)


def checker(name: str) -> Path:
    path = OOXML / name
    if not path.is_file():
        pytest.fail(
            f"OOXML checker {path} is missing: the tests expect ../shared/ooxml beside the "
            "repository (as in CI)"
        )
    return path


@pytest.mark.parametrize("script", CHECKERS)
@pytest.mark.parametrize("case", CASES_CHECKED)
def test_deck_passes_ooxml_check(
    case: str, script: str, built_case: Callable[[str], BuiltCase]
) -> None:
    pptx = built_case(case).pptx
    # No --allow-negative-axid: a clean deck needs no tolerance flag.
    result = subprocess.run(
        [sys.executable, str(checker(script)), str(pptx)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{script} {case}:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.strip().endswith("OK"), result.stdout


def corrupted(source: Path, target: Path, *, script: str) -> Path:
    """``source`` with one fault each checker must see: a schema error or a missing part."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for name in original.namelist():
            data = original.read(name)
            if script == "check_opc.py" and name == "ppt/slides/slide2.xml":
                continue  # still referenced from presentation.xml.rels
            if script == "check_xsd.py" and name == "ppt/slides/slide2.xml":
                data = data.replace(b"<a:bodyPr", b"<a:bogus/><a:bodyPr", 1)
            copy.writestr(name, data)
    return target


@pytest.mark.parametrize("script", CHECKERS)
def test_checker_rejects_a_broken_deck(
    script: str, tmp_path: Path, built_case: Callable[[str], BuiltCase]
) -> None:
    """The checks can fail: the same deck with one fault is rejected."""
    broken = corrupted(built_case("kinds").pptx, tmp_path / "broken.pptx", script=script)
    result = subprocess.run(
        [sys.executable, str(checker(script)), str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert "slide2.xml" in result.stdout
