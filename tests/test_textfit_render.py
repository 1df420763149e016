"""The text-fit measurement agrees with LibreOffice's rendering.

Lists of growing length are fitted by slidegen (shrinking from 20 pt towards 12 pt; the
shortest would grow towards 24 pt, but not where its lines would wrap more); the deck
is rendered by LibreOffice and every word's box is read back from the PDF (pdftotext -bbox).
Every rendered word must stay inside its text box, and the height slidegen predicted must be
close to the height LibreOffice drew: measurement that is merely conservative would waste
the slide, measurement that is optimistic would clip.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from pptx import Presentation

from helpers import Project, need_soffice
from slidegen import compile_deck
from slidegen.layout import EMU_PER_PT

VOCABULARY = (
    "lavoro silenzioso costruzione scelte progetti quartieri incontri associazioni "
    "comunicazione bilancio trasparenza partecipazione mobilità ciclabilità rigenerazione "
    "urbana cultura scuole welfare solidarietà"
)
WORDS = VOCABULARY.split()
ITEM_COUNTS = (3, 7, 11, 15)


def _item(seed: int) -> str:
    length = 4 + (seed * 7) % 15
    return " ".join(WORDS[(seed * 3 + k) % len(WORDS)] for k in range(length))


def _deck() -> str:
    slides = []
    seed = 0
    for number, count in enumerate(ITEM_COUNTS, start=1):
        items = []
        for _ in range(count):
            seed += 1
            items.append(f"          - {_item(seed)}")
        slides.append(
            f"      - kind: bullets\n        title: Prova {number}\n        items:\n"
            + "\n".join(items)
        )
    return (
        "deck:\n  title: Misura\n  date: 2014-12-31\nsections:\n  - divider: false\n"
        "    slides:\n" + "\n".join(slides) + "\n"
    )


def _words_by_page(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html)
    root = ElementTree.fromstring(html)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [
            (
                w.text or "",
                float(w.get("xMin", 0)),
                float(w.get("yMin", 0)),
                float(w.get("xMax", 0)),
                float(w.get("yMax", 0)),
            )
            for w in page.iter("{http://www.w3.org/1999/xhtml}word")
        ]
        pages.append(words)
    return pages


def test_fitted_lists_stay_inside_their_boxes_in_libreoffice(
    project: Project, tmp_path: Path
) -> None:
    soffice = need_soffice()
    deck = project.write_deck(_deck())
    compiled = compile_deck(deck)
    assert not compiled.findings, compiled.findings
    pptx = tmp_path / "fit.pptx"
    pptx.write_bytes(compiled.data)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pptx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pages = _words_by_page(tmp_path / "fit.pdf")
    prs = Presentation(pptx)
    assert len(pages) == len(prs.slides) == len(ITEM_COUNTS)
    vocabulary = set(WORDS)
    sizes = []
    for slide, words in zip(prs.slides, pages, strict=True):
        box = next(s for s in slide.shapes if s.name == "List")
        left, top = box.left / EMU_PER_PT, box.top / EMU_PER_PT
        right, bottom = left + box.width / EMU_PER_PT, top + box.height / EMU_PER_PT
        listed = [w for w in words if w[0] in vocabulary]
        assert listed, "the list's words were not found in the PDF"
        for text, x0, y0, x1, y1 in listed:
            assert x0 >= left - 1 and x1 <= right + 1, f"'{text}' outside the box horizontally"
            assert y0 >= top - 1 and y1 <= bottom + 1, (
                f"'{text}' at y={y1:.1f} pt is below the box bottom {bottom:.1f} pt"
            )
        size = box.text_frame.paragraphs[0].runs[0].font.size.pt
        sizes.append(size)
        # Rendered height of the text against the box: long lists must use most of the box
        # (the fitter shrinks only as much as needed), short ones are set larger.
        rendered = max(w[4] for w in listed) - min(w[2] for w in listed)
        if size < 20:
            assert rendered > 0.8 * (bottom - top), (
                f"text shrunk to {size} pt but fills only {rendered:.0f} of {bottom - top:.0f} pt"
            )
    assert sizes[0] == 20 and sizes[-1] < sizes[1] <= 20, f"sizes chosen: {sizes}"
