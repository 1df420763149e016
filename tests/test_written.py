"""Finished slides and their charts are kept as serialized XML, not lxml trees (memory), and
the file saved is byte for byte the one python-pptx would write from the trees."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

import slidegen.render.deck as deck_module
from helpers import CASES, DEFAULT_DECK
from slidegen.build import compile_deck
from slidegen.render import written


@pytest.mark.parametrize("deck", [DEFAULT_DECK, CASES / "chart-native" / "deck.yaml"])
def test_written_slides_save_the_same_bytes(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = compile_deck(deck).data
    monkeypatch.setattr(deck_module, "keep_as_written", lambda slide, language: None)
    as_trees = compile_deck(deck).data
    assert kept == as_trees


def test_a_finished_slide_and_its_charts_hold_no_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    real = written.keep_as_written

    def spy(slide: object, language: str) -> None:
        real(slide, language)  # type: ignore[arg-type]
        part = slide.part  # type: ignore[attr-defined]
        charts = [r.target_part for r in part.rels.values() if r.reltype == RT.CHART]
        seen.extend((part, *charts))

    monkeypatch.setattr(deck_module, "keep_as_written", spy)
    compile_deck(CASES / "chart-native" / "deck.yaml")
    charts = [p for p in seen if "chart" in str(p.partname)]
    assert charts and len(seen) > len(charts)
    assert all(p._element is None and p.blob.startswith(b"<?xml") for p in seen)
    assert all("chart" not in p.__dict__ and "slide" not in p.__dict__ for p in seen)
