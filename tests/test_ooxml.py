"""Built decks are valid OOXML: ISO/IEC 29500 schemas and OPC package rules (../shared/ooxml).

PowerPoint is stricter than LibreOffice; these checks stand in for its validator. CI always
has ``../shared`` beside the clone, so a missing checker is a failure, not a skip.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import DEFAULT_CASE, OOXML_CHECKERS, BuiltCase, ooxml_check

CHECKERS = OOXML_CHECKERS
CASES_CHECKED = ("kinds", "neutral-theme", "chart-native", DEFAULT_CASE)


@pytest.mark.parametrize("script", CHECKERS)
@pytest.mark.parametrize("case", CASES_CHECKED)
def test_deck_passes_ooxml_check(
    case: str, script: str, built_case: Callable[[str], BuiltCase]
) -> None:
    pptx = built_case(case).pptx
    result = ooxml_check(script, pptx)
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
    result = ooxml_check(script, broken)
    assert result.returncode == 1, result.stdout
    assert "slide2.xml" in result.stdout
