"""The ``agenda`` kind: made from the deck's sections; repeated before each later section
with that section marked; notes on the first only."""

from __future__ import annotations

import pytest
from pptx import Presentation

from helpers import CASES, Project, assert_clean_exit, build, run_cli
from slidegen.build import load_deck
from slidegen.slides.agenda import expand_agendas


def test_agendas_list_the_titled_sections_and_repeat_before_the_later_ones() -> None:
    deck, _ = load_deck(CASES / "agenda" / "deck.yaml")
    filled, before = expand_agendas(deck.sections)
    [agenda] = filled.values()
    assert agenda._entries == (
        "In relazione con la città",
        "Dentro il Comune",
        "Per un nuovo metodo di lavoro",
    )
    assert agenda._current is None  # in the untitled opening section: nothing marked
    # Not repeated before section 1: the agenda itself is the slide just before it.
    assert {index: [a._current for _, a in pairs] for index, pairs in before.items()} == {
        2: [1],
        3: [2],
    }


@pytest.fixture(scope="module")
def agenda_slides(tmp_path_factory: pytest.TempPathFactory) -> list:
    out = tmp_path_factory.mktemp("agenda") / "agenda.pptx"
    prs = Presentation(str(build(CASES / "agenda" / "deck.yaml", output=out).output))
    return [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Indice"]


def test_the_current_section_is_marked_on_each_repeat(agenda_slides: list) -> None:
    assert len(agenda_slides) == 3
    marked = []
    for slide in agenda_slides:
        [box] = [s for s in slide.shapes if s.name == "Agenda"]
        bold = [p.text for p in box.text_frame.paragraphs if p.runs and p.runs[0].font.bold]
        marked.append(bold)
    assert marked == [[], ["2   Dentro il Comune"], ["3   Per un nuovo metodo di lavoro"]]


def test_notes_go_on_the_agenda_written_in_the_deck_only(agenda_slides: list) -> None:
    notes = [
        s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in agenda_slides
    ]
    assert notes == ["Le tre parti della relazione.", "", ""]


def test_an_agenda_without_titled_sections_is_a_finding(project: Project) -> None:
    project.write_slides("- {kind: agenda, title: Contents}")
    result = run_cli("build", "--strict", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "an agenda lists the sections that have a title" in result.stderr
