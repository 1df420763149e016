"""A list that does not fit even at the theme's minimum size continues on the next slide,
"Title (1/2)", "(2/2)", numbering counting on; ``continue: false`` keeps one slide."""

from __future__ import annotations

from pptx import Presentation

from helpers import Project, assert_clean_exit, run_cli

ITEMS = "\n".join(
    f"      - Voce {n} del programma di mandato, con le azioni, i tempi e i responsabili"
    for n in range(1, 41)
)


def deck(extra: str = "") -> str:
    return (
        "deck: {title: T, date: 2014-12-31}\nsections:\n  - divider: false\n    slides:\n"
        "    - kind: bullets\n      title: Il programma\n      numbered: true\n"
        f"      notes: Le note della prima slide.\n{extra}      items:\n{ITEMS}\n"
    )


def test_a_long_list_continues_with_its_numbers_counting_on(project: Project) -> None:
    project.deck.write_text(deck(), encoding="utf-8")
    result = run_cli("build", "--strict", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 0)  # no overflow finding: it continued instead
    prs = Presentation(str(project.root / "out.pptx"))
    titles = [slide.shapes.title.text for slide in prs.slides]
    total = len(titles)
    assert total >= 2
    assert titles == [f"Il programma ({n}/{total})" for n in range(1, total + 1)]
    texts, starts = [], []
    for slide in prs.slides:
        [box] = [s for s in slide.shapes if s.name == "List"]
        paragraphs = box.text_frame.paragraphs
        texts += [p.text for p in paragraphs]
        number = paragraphs[0]._p.find(".//{*}buAutoNum")
        starts.append(int(number.get("startAt", "1")))
    assert texts == [f"Voce {n} del programma di mandato, con le azioni, i tempi e i responsabili"
                     for n in range(1, 41)]  # fmt: skip
    # Each slide's numbering starts where the one before stopped.
    lists = [next(s for s in slide.shapes if s.name == "List") for slide in prs.slides]
    counts = [len(box.text_frame.paragraphs) for box in lists]
    assert starts == [1 + sum(counts[:i]) for i in range(total)]
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    assert notes == ["Le note della prima slide."] + [""] * (total - 1)


def test_continue_false_keeps_one_slide_and_reports_the_overflow(project: Project) -> None:
    project.deck.write_text(deck("      continue: false\n"), encoding="utf-8")
    result = run_cli("build", "--strict", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert "text in 'List' overflows its box" in result.stderr
    assert_clean_exit(run_cli("build", "-o", "out.pptx", cwd=project.root), 0)
    assert len(Presentation(str(project.root / "out.pptx")).slides) == 1


def test_a_list_that_fits_stays_one_slide(project: Project) -> None:
    project.deck.write_text(deck().split("      - Voce 4 ")[0], encoding="utf-8")
    assert_clean_exit(run_cli("build", "-o", "out.pptx", cwd=project.root), 0)
    prs = Presentation(str(project.root / "out.pptx"))
    assert [slide.shapes.title.text for slide in prs.slides] == ["Il programma"]
