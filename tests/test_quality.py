"""Quality gates: layout and accessibility findings, strict checks, every example deck with
every theme (OOXML-valid, rendered by LibreOffice one page per slide), titles, languages and
reading order, and the watch loop.

Findings are compared exactly, ``file:line:col: warning: path: message``. Overflow amounts
depend on the fonts slidegen measures with (Carlito for the cremona theme), installed by
``make system-deps``: without them those tests are skipped locally and fail in CI.
"""

from __future__ import annotations

import io
import json
import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import Slide

from helpers import (
    DEFAULT_DECK,
    MINIMAL_DECK,
    OOXML_CHECKERS,
    REPO,
    BuiltCase,
    Project,
    assert_clean_exit,
    build,
    convert_to_pdf,
    error_lines,
    ooxml_check,
    require,
    run_cli,
)
from slidegen import SlidegenError, compile_deck
from slidegen.export import pdf_page_count
from slidegen.textfit import find_font
from slidegen.theme_index import available_themes, builtin_themes
from slidegen.watch import WatchEvent, watch


def need_carlito() -> None:
    require(
        find_font("Carlito", False, False) is not None,
        "the Carlito font is not installed ('make system-deps'); overflow amounts differ",
    )


def check_lines(project: Project, *args: str) -> tuple[int, list[str], str]:
    """``slidegen check ARGS``: exit code, stderr lines, stdout."""
    result = run_cli("check", *args, cwd=project.root)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr.splitlines(), result.stdout


# -- decks built to fail a check ----------------------------------------------------------------

LONG_ITEM = (
    "Punto numero {n} dell'elenco, con un testo abbastanza lungo da andare a capo almeno una "
    "volta nella riga"
)
OVERFLOW_DECK = """\
deck:
  title: Qualità
  date: 2014-12-31
  language: it-IT
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Troppo testo
        continue: false
        items:
""" + "".join(f"          - {LONG_ITEM.format(n=n)}\n" for n in range(30))
"""30 items of one line each at 12 pt kept on one slide: valid, but far more than the list box
holds."""
OVERFLOW_FINDING = (
    "deck.yaml:8:9: warning: section 1, slide 1 «Troppo testo»: text in 'List' overflows its box "
    "by 233 pt at 12 pt (box 362 pt high); shorten it or split the slide"
)

DUPLICATE_DECK = """\
deck:
  title: Doppioni
sections:
  - divider: false
    slides:
      - kind: bullets
        title: Doppio
        items: [a]
      - kind: bullets
        title: Unico
        items: [b]
      - kind: bullets
        title: "**DOPPIO**"
        items: [c]
      - kind: statement
        title: Doppio
        text: ancora
"""
DUPLICATE_FINDINGS = [
    "deck.yaml:13:16: warning: section 1, slide 3, title: slide title 'DOPPIO' is also used "
    "on line 7; titles should be unique",
    "deck.yaml:16:16: warning: section 1, slide 4, title: slide title 'Doppio' is also used "
    "on line 7; titles should be unique",
]


def test_overflowing_list_is_one_exact_finding(project: Project) -> None:
    need_carlito()
    project.write_deck(OVERFLOW_DECK)
    code, stderr, stdout = check_lines(project)
    assert (code, stderr, stdout) == (
        0,
        [OVERFLOW_FINDING],
        "deck.yaml: ok (1 slide, 1 finding)\n",
    )


def test_duplicate_titles_are_exact_findings(project: Project) -> None:
    project.write_deck(DUPLICATE_DECK)
    code, stderr, stdout = check_lines(project)
    assert (code, stderr, stdout) == (
        0,
        DUPLICATE_FINDINGS,
        "deck.yaml: ok (4 slides, 2 findings)\n",
    )


def test_duplicate_titles_include_the_cover_and_dividers(project: Project) -> None:
    project.write_deck(
        """\
        deck:
          title: Sei mesi
        sections:
          - divider: false
            slides:
              - kind: title
          - title: Cultura
            slides:
              - kind: bullets
                title: Cultura
                items: [a]
              - kind: closing
                title: Sei mesi
        """
    )
    code, stderr, _ = check_lines(project)
    assert code == 0
    assert len(stderr) == 2, stderr


# -- a low-contrast theme -----------------------------------------------------------------------

PALE_PRIMARY = "F4B6C0"


def low_contrast_project(project: Project) -> Path:
    """``themes/lowcontrast``: the cremona theme with a pale primary colour."""
    original = (builtin_themes() / "cremona" / "theme.yaml").read_text(encoding="utf-8")
    assert 'primary: "A6192E"' in original
    theme = project.root / "themes" / "lowcontrast" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    theme.write_text(original.replace('primary: "A6192E"', f'primary: "{PALE_PRIMARY}"'))
    project.write_deck(MINIMAL_DECK.replace("  date:", "  theme: lowcontrast\n  date:"))
    return theme


def value_location(theme: Path, key: str) -> tuple[int, int]:
    """Line and column of ``key``'s value in the manifest (found here, not by slidegen)."""
    for number, line in enumerate(theme.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return number, line.index(":", line.index(key)) + 3
    raise AssertionError(f"no {key} in {theme}")


def test_low_contrast_theme_findings_point_into_the_theme(project: Project) -> None:
    theme = low_contrast_project(project)
    where = "themes/lowcontrast/theme.yaml"
    (pl, pc), (ol, oc) = value_location(theme, "primary"), value_location(theme, "on_primary")
    expected = [
        f"{where}:{pl}:{pc}: warning: colors.primary: contrast of primary #{PALE_PRIMARY} on "
        "background #FFFFFF is 1.71:1, below 4.5:1 (bold words, bullets and numbers)",
        f"{where}:{pl}:{pc}: warning: colors.primary: contrast of primary #{PALE_PRIMARY} on "
        "surface #F7EEEF is 1.50:1, below 3:1 (metric figures)",
        f"{where}:{ol}:{oc}: warning: colors.on_primary: contrast of on_primary #FFFFFF on "
        f"primary #{PALE_PRIMARY} is 1.71:1, below 4.5:1 (text on cover, dividers and closing)",
    ]
    code, stderr, _ = check_lines(project)
    assert (code, stderr) == (0, expected)
    code, stderr, _ = check_lines(project, "--strict")
    assert code == 1
    assert stderr == [*expected, "slidegen: 3 findings (--strict)"]


def test_builtin_themes_have_enough_contrast(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    for theme in available_themes(project.root):
        code, stderr, _ = check_lines(project, "--theme", theme, "--strict")
        assert (code, stderr) == (0, []), theme


# -- schema errors: too many tiles, an image without alt text -----------------------------------


def test_nine_metrics_is_a_schema_error(project: Project) -> None:
    metrics = ", ".join(f'"**{n}** m{n}"' for n in range(1, 10))
    project.write_deck(
        MINIMAL_DECK
        + f"      - kind: metrics\n        title: Troppi\n        metrics: [{metrics}]\n"
    )
    before = project.files()
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:13:18: section 1, slide 3 «Troppi», metrics: takes at most 8 items, not 9"
    ]
    assert result.stderr.endswith("slidegen: 1 error; nothing written\n")
    assert project.files() == before


def test_image_without_alt_text_is_a_schema_error(project: Project) -> None:
    project.add_image("assets/mark.png")
    project.write_deck(
        MINIMAL_DECK + "      - kind: image\n        title: Foto\n        image: assets/mark.png\n"
    )
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:11:9: section 1, slide 3 «Foto», alt: missing required key 'alt'"
    ]


# -- alt text -----------------------------------------------------------------------------------

ALT_DECK = """\
deck:
  title: Testo alternativo
  language: {language}
sections:
  - divider: false
    slides:
      - kind: chart
        title: Incontri
        chart:
          type: bar
          title: Incontri 2014
          categories: [Aem, Lgh, Padania Acque]
          series:
            - {{name: Incontri, values: [13, 11, 1500.5]}}
      - kind: chart
        title: Due serie
        chart:
          type: column
          categories: [A, B]
          series:
            - {{name: Uno, values: [1, 2]}}
            - {{name: Due, values: [3, 4]}}
      - kind: metrics
        title: Cifre
        metrics:
          - "**475** comunicati stampa"
          - "Oltre **1000** appuntamenti"
          - {{value: MIGLIAIA, label: incontri}}
        chart: {{type: doughnut}}
      - kind: chart
        title: Con testo proprio
        chart:
          type: pie
          categories: [A, B]
          series: [{{name: N, values: [1, 2]}}]
          alt: Una torta **divisa** in due
      - kind: image
        title: Foto
        image: assets/mark.png
        alt: Il marchio **neutro**
"""
EXPECTED_ALT = {
    "it-IT": [
        "Grafico a barre «Incontri 2014»: Aem 13, Lgh 11, Padania Acque 1.500,5",
        "Grafico a colonne: Uno: A 1, B 2; Due: A 3, B 4",
        "Grafico ad anello: comunicati stampa 475, appuntamenti 1.000",
        "Una torta divisa in due",
        "Il marchio neutro",
    ],
    "en-GB": [
        "Bar chart «Incontri 2014»: Aem 13, Lgh 11, Padania Acque 1,500.5",
        "Column chart: Uno: A 1, B 2; Due: A 3, B 4",
        "Doughnut chart: comunicati stampa 475, appuntamenti 1,000",
        "Una torta divisa in due",
        "Il marchio neutro",
    ],
}


def described(slide: Slide) -> list[str]:
    """The alt text (cNvPr descr) of the slide's pictures and graphic frames, in order."""
    texts = []
    for shape in slide.shapes:
        if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.CHART):
            c_nv_pr = shape._element.find(".//" + qn("p:cNvPr"))
            texts.append(c_nv_pr.get("descr", ""))
    return texts


@pytest.mark.parametrize("language", list(EXPECTED_ALT))
def test_charts_and_pictures_get_alt_text(project: Project, language: str) -> None:
    project.add_image("assets/mark.png")
    project.write_deck(ALT_DECK.format(language=language))
    compiled = compile_deck(project.deck)
    assert compiled.findings == []
    prs = Presentation(io.BytesIO(compiled.data))
    assert [text for slide in prs.slides for text in described(slide)] == EXPECTED_ALT[language]


def test_logo_and_target_charts_have_alt_text(built_case: Callable[[str], BuiltCase]) -> None:
    """The neutral theme's logo and matplotlib pictures are described too: none is empty."""
    for case in ("kinds", "neutral-theme"):
        for number, slide in enumerate(Presentation(str(built_case(case).pptx)).slides, 1):
            for text in described(slide):
                assert text.strip(), f"{case} slide {number}: a picture or chart without alt"


# -- check --strict and --format json -----------------------------------------------------------


def test_check_strict_exits_1_on_findings_and_0_when_clean(project: Project) -> None:
    project.write_deck(DUPLICATE_DECK)
    code, stderr, stdout = check_lines(project, "--strict")
    assert (code, stdout) == (1, "")
    assert stderr == [*DUPLICATE_FINDINGS, "slidegen: 2 findings (--strict)"]
    project.write_deck(MINIMAL_DECK)
    assert check_lines(project, "--strict") == (0, [], "deck.yaml: ok (2 slides, 0 findings)\n")


def finding(
    line: int, column: int, path: str, place: str, message: str, severity: str
) -> dict[str, object]:
    return {
        "file": "deck.yaml",
        "line": line,
        "column": column,
        "severity": severity,
        "path": path,
        "place": place,
        "message": message,
    }


def check_json(project: Project, *args: str) -> tuple[int, dict[str, object]]:
    result = run_cli("check", "--format", "json", *args, cwd=project.root)
    assert result.stderr == ""
    return result.exit_code, json.loads(result.stdout)


def test_check_json_with_findings(project: Project) -> None:
    project.write_deck(DUPLICATE_DECK)
    findings = [
        finding(
            13,
            16,
            "sections[0].slides[2].title",
            "section 1, slide 3, title",
            "slide title 'DOPPIO' is also used on line 7; titles should be unique",
            "warning",
        ),
        finding(
            16,
            16,
            "sections[0].slides[3].title",
            "section 1, slide 4, title",
            "slide title 'Doppio' is also used on line 7; titles should be unique",
            "warning",
        ),
    ]
    expected = {"deck": "deck.yaml", "ok": True, "slides": 4, "errors": [], "findings": findings}
    assert check_json(project) == (0, expected)
    assert check_json(project, "--strict") == (1, {**expected, "ok": False})


def test_check_json_with_errors(project: Project) -> None:
    project.write_deck(MINIMAL_DECK.replace("title: A list", "titel: A list"))
    assert check_json(project) == (
        1,
        {
            "deck": "deck.yaml",
            "ok": False,
            "slides": 0,
            "errors": [
                finding(
                    8,
                    9,
                    "sections[0].slides[1].title",
                    "section 1, slide 2, title",
                    "missing required key 'title'",
                    "error",
                ),
                finding(
                    9,
                    9,
                    "sections[0].slides[1].titel",
                    "section 1, slide 2, titel",
                    "unknown key 'titel' (did you mean 'title'?)",
                    "error",
                ),
            ],
            "findings": [],
        },
    )


def test_check_json_when_clean(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    expected = {"deck": "deck.yaml", "ok": True, "slides": 2, "errors": [], "findings": []}
    assert check_json(project, "--strict") == (0, expected)


# -- every example deck with every theme ---------------------------------------------------------

EXAMPLES = {"deck": DEFAULT_DECK} | {
    p.parent.name: p for p in sorted((REPO / "examples").glob("*/deck.yaml"))
}
THEMES = available_themes(REPO)
COMBINATIONS = [(example, theme) for example in EXAMPLES for theme in THEMES]
_NOT_COPIED = shutil.ignore_patterns(
    "output", ".git", ".venv", "src", "tests", "examples", "benchmarks", "*.egg-info", ".*cache*"
)


@dataclass
class ExampleBuild:
    deck: Path
    pptx: Path | None = None
    slides: int = 0
    findings: list[str] = field(default_factory=list)
    error: str | None = None

    def require(self) -> Path:
        if self.pptx is None:
            pytest.fail(f"{self.deck} does not build in strict mode:\n{self.error}")
        return self.pptx


@pytest.fixture(scope="session")
def example_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ExampleBuild]:
    """Every example deck × every built-in theme, built with --strict from a copy of its project."""
    base = tmp_path_factory.mktemp("examples")
    built = {}
    for example, deck in EXAMPLES.items():
        copy = base / "projects" / example
        shutil.copytree(deck.parent, copy, ignore=_NOT_COPIED)
        for theme in THEMES:
            entry = ExampleBuild(copy / deck.name)
            try:
                result = build(
                    entry.deck,
                    output=base / "pptx" / f"{example}-{theme}.pptx",
                    theme_name=theme,
                    strict=True,
                )
            except SlidegenError as error:
                entry.error = str(error)
            else:
                entry.pptx, entry.slides = result.output, result.slides
                entry.findings = [str(f) for f in result.findings]
            built[example, theme] = entry
    return built


@pytest.fixture(scope="session")
def example_pdfs(
    example_builds: dict[tuple[str, str], ExampleBuild], tmp_path_factory: pytest.TempPathFactory
) -> dict[tuple[str, str], Path]:
    """All example decks converted to PDF in one LibreOffice run."""
    decks = {key: b.pptx for key, b in example_builds.items() if b.pptx is not None}
    pdfs = convert_to_pdf(list(decks.values()), tmp_path_factory.mktemp("example-pdfs"))
    return {key: pdfs[pptx] for key, pptx in decks.items()}


def example_params() -> list[object]:
    return [
        pytest.param(example, theme, id=f"{example}-{theme}") for example, theme in COMBINATIONS
    ]


def test_default_deck_has_no_findings() -> None:
    compiled = compile_deck(DEFAULT_DECK)
    assert [str(f) for f in compiled.findings] == []


@pytest.mark.parametrize(("example", "theme"), example_params())
def test_example_builds_strict(
    example: str, theme: str, example_builds: dict[tuple[str, str], ExampleBuild]
) -> None:
    entry = example_builds[example, theme]
    entry.require()
    assert entry.findings == []
    assert entry.slides == len(Presentation(str(entry.pptx)).slides) > 0


@pytest.mark.parametrize("script", OOXML_CHECKERS)
@pytest.mark.parametrize(("example", "theme"), example_params())
def test_example_is_valid_ooxml(
    example: str, theme: str, script: str, example_builds: dict[tuple[str, str], ExampleBuild]
) -> None:
    pptx = example_builds[example, theme].require()
    done = ooxml_check(script, pptx)
    assert done.returncode == 0, f"{script}:\n{done.stdout}\n{done.stderr}"
    assert done.stdout.strip().endswith("OK"), done.stdout


@pytest.mark.parametrize(("example", "theme"), example_params())
def test_example_renders_one_page_per_slide(
    example: str,
    theme: str,
    example_builds: dict[tuple[str, str], ExampleBuild],
    example_pdfs: dict[tuple[str, str], Path],
) -> None:
    entry = example_builds[example, theme]
    entry.require()
    pdf = example_pdfs[example, theme]
    assert pdf.is_file(), f"LibreOffice wrote no {pdf.name}"
    assert pdf_page_count(pdf) == entry.slides


# -- titles, languages, reading order -----------------------------------------------------------


def title_problems(prs: Presentation) -> list[str]:
    problems, seen = [], {}
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        if title is None or title.placeholder_format.type not in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        ):
            problems.append(f"slide {number}: no title placeholder")
            continue
        text = " ".join(title.text_frame.text.split())
        if not text:
            problems.append(f"slide {number}: empty title")
        elif text.casefold() in seen:
            problems.append(
                f"slide {number}: title {text!r} is also slide {seen[text.casefold()]}'s"
            )
        else:
            seen[text.casefold()] = number
    return problems


@pytest.mark.parametrize(("example", "theme"), example_params())
def test_every_slide_has_a_unique_title(
    example: str, theme: str, example_builds: dict[tuple[str, str], ExampleBuild]
) -> None:
    prs = Presentation(str(example_builds[example, theme].require()))
    assert title_problems(prs) == []


def run_languages(element: object) -> set[str | None]:
    """``lang`` of every text run and field under ``element``."""
    return {
        (run.find(qn("a:rPr")).get("lang") if run.find(qn("a:rPr")) is not None else None)
        for run in element.iter(qn("a:r"), qn("a:fld"))  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(("example", "theme"), example_params())
def test_every_run_has_the_deck_language(
    example: str, theme: str, example_builds: dict[tuple[str, str], ExampleBuild]
) -> None:
    prs = Presentation(str(example_builds[example, theme].require()))
    language = prs.core_properties.language
    assert language == "it-IT"
    for number, slide in enumerate(prs.slides, start=1):
        assert run_languages(slide._element) <= {language}, f"slide {number}"


def test_speaker_notes_have_the_deck_language(built_case: Callable[[str], BuiltCase]) -> None:
    prs = Presentation(str(built_case("kinds").pptx))
    notes = [s.notes_slide for s in prs.slides if s.has_notes_slide]
    assert notes
    for slide in notes:
        assert run_languages(slide.notes_text_frame._txBody) == {prs.core_properties.language}


CHROME = {"Footer", "Slide number", "Logo", "Wordmark"}
"""What every slide repeats along its bottom edge: read last."""


def is_content(shape: object) -> bool:
    """Shapes a screen reader announces: text, pictures, charts (not decorative bars)."""
    if shape.shape_type in (MSO_SHAPE_TYPE.PICTURE, MSO_SHAPE_TYPE.CHART):  # type: ignore[attr-defined]
        return True
    return bool(shape.has_text_frame and shape.text_frame.text.strip())  # type: ignore[attr-defined]


def reading_order_problems(slide: Slide) -> list[str]:
    """Title first, footer last, and nothing read after a shape it sits above.

    Side-by-side shapes (a list and a chart beside it) may be read left column first: only a
    shape entirely above an earlier one, in the same columns, is out of order.
    """
    shapes = list(slide.shapes)
    problems = []
    title = slide.shapes.title
    if not shapes or title is None or shapes[0].shape_id != title.shape_id:
        problems.append(f"the title is not first: {[s.name for s in shapes]}")
    names = [s.name for s in shapes]
    first_chrome = next((i for i, n in enumerate(names) if n in CHROME), len(names))
    if any(n not in CHROME for n in names[first_chrome:]):
        problems.append(f"the footer is not last: {names}")
    content = [s for s in shapes if is_content(s) and s.name not in CHROME]
    for i, earlier in enumerate(content):
        for later in content[i + 1 :]:
            above = later.top + later.height <= earlier.top
            same_columns = (
                later.left < earlier.left + earlier.width
                and earlier.left < later.left + later.width
            )
            if above and same_columns:
                problems.append(f"'{later.name}' is read after '{earlier.name}' but sits above it")
    return problems


@pytest.mark.parametrize(("example", "theme"), example_params())
def test_shapes_are_in_reading_order(
    example: str, theme: str, example_builds: dict[tuple[str, str], ExampleBuild]
) -> None:
    prs = Presentation(str(example_builds[example, theme].require()))
    problems = [
        f"slide {number}: {problem}"
        for number, slide in enumerate(prs.slides, start=1)
        for problem in reading_order_problems(slide)
    ]
    assert problems == []


EVERY_PART_DECK = """\
deck:
  title: Ordine di lettura
  subtitle: Ogni tipo di slide
  organization: Comune di Cremona
  period: Luglio – Dicembre 2014
  language: it-IT
sections:
  - divider: false
    slides:
      - kind: title
  - title: Sezione
    subtitle: Sottotitolo
    slides:
      - kind: bullets
        title: Elenco con grafico e riquadri
        subtitle: Sottotitolo della slide
        items: [uno, due]
        metrics: ["**5** vigili"]
        chart: {type: column, categories: [A, B], series: [{name: N, values: [1, 2]}]}
      - kind: columns
        title: Colonne con riquadri
        columns:
          - {heading: Con chi, items: [a, b]}
          - {heading: Che cosa, items: [c, d]}
        metrics: ["**26** incontri"]
      - kind: metrics
        title: Riquadri con grafico ed elenco
        metrics: ["**475** comunicati", "**80** brevi", "**8** resoconti"]
        chart: {type: bar}
        items: [Nuovo sito]
      - kind: chart
        title: Grafico con elenco
        chart: {type: pie, title: Torta, categories: [A, B], series: [{name: N, values: [1, 2]}]}
        caption: "Fonte: agenda"
        items: [Primo resoconto]
      - kind: statement
        title: Frase
        text: Oltre **1000 APPUNTAMENTI**
        items: [prima, dopo]
      - kind: image
        title: Immagine
        image: assets/mark.png
        alt: Il marchio
        caption: Didascalia
      - kind: section
        title: Divisore
      - kind: closing
        title: Grazie
        keywords: [Alleanze, Regia, Trasparenza]
        tagline: CREMONA SMART CITY
"""
"""Every kind with every optional part; slide numbers below count from 1."""


@pytest.fixture(scope="module")
def every_part_deck(tmp_path_factory: pytest.TempPathFactory) -> Presentation:
    project = Project(tmp_path_factory.mktemp("every-part"))
    project.add_image("assets/mark.png")
    project.write_deck(EVERY_PART_DECK)
    compiled = compile_deck(project.deck)
    assert compiled.findings == []
    return Presentation(io.BytesIO(compiled.data))


@pytest.mark.parametrize("number", range(1, 11))
def test_every_kind_in_reading_order(every_part_deck: Presentation, number: int) -> None:
    assert len(every_part_deck.slides) == 10
    assert reading_order_problems(every_part_deck.slides[number - 1]) == []


def test_every_kind_has_a_unique_title_and_language(every_part_deck: Presentation) -> None:
    assert title_problems(every_part_deck) == []
    for slide in every_part_deck.slides:
        assert run_languages(slide._element) == {"it-IT"}


# -- watch ----------------------------------------------------------------------------------------

WATCH_TIMEOUT = 10.0


class Watcher:
    """``slidegen.watch.watch`` in a thread; its events arrive in a queue."""

    def __init__(self, deck: Path, output: Path | None = None) -> None:
        self.events: queue.Queue[WatchEvent] = queue.Queue()
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=watch,
            kwargs={
                "deck": deck,
                "output": output,
                "png": False,
                "on_build": self.events.put,
                "stop": self.stop,
            },
            daemon=True,
        )

    def wait_for(self, wanted: Callable[[WatchEvent], bool], what: str) -> WatchEvent:
        """The first event (from now on) that is ``wanted``; others are skipped."""
        deadline = time.monotonic() + WATCH_TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                break
            if wanted(event):
                return event
        pytest.fail(f"no {what} within {WATCH_TIMEOUT:g} s")

    def quiet_for(self, seconds: float) -> list[WatchEvent]:
        """Events arriving in the next ``seconds`` (none are expected)."""
        time.sleep(seconds)
        found = []
        while not self.events.empty():
            found.append(self.events.get_nowait())
        return found


@pytest.fixture
def watcher() -> Iterator[Callable[..., Watcher]]:
    started: list[Watcher] = []

    def start(deck: Path, output: Path | None = None) -> Watcher:
        running = Watcher(deck, output)
        running.thread.start()
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop.set()
        running.thread.join(WATCH_TIMEOUT)
        assert not running.thread.is_alive(), "watch() did not stop when asked"


def built_with(slides: int) -> Callable[[WatchEvent], bool]:
    return lambda event: event.result is not None and event.result.slides == slides


def test_watch_rebuilds_and_keeps_the_last_good_output(
    project: Project, watcher: Callable[..., Watcher], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project.root)  # messages name deck.yaml as the command line shows it
    project.write_deck(MINIMAL_DECK)
    running = watcher(Path("deck.yaml"))
    first = running.wait_for(built_with(2), "first build")
    assert first.result is not None
    output = first.result.output
    assert output == project.root / "output" / "minimal-deck.pptx"

    project.write_deck(
        MINIMAL_DECK + "      - kind: statement\n        title: Nuova\n        text: x\n"
    )
    running.wait_for(built_with(3), "rebuild after a valid change")
    good = output.read_bytes()
    assert len(Presentation(str(output)).slides) == 3

    project.write_deck(MINIMAL_DECK.replace("title: A list", "titel: A list"))
    failed = running.wait_for(lambda e: e.error is not None, "error event after a broken save")
    assert failed.result is None
    assert [str(p) for p in failed.error.problems] == [  # type: ignore[union-attr]
        "deck.yaml:8:9: section 1, slide 2, title: missing required key 'title'",
        "deck.yaml:9:9: section 1, slide 2, titel: unknown key 'titel' (did you mean 'title'?)",
    ]
    assert output.read_bytes() == good

    running.stop.set()
    running.thread.join(WATCH_TIMEOUT)
    assert not running.thread.is_alive()


def test_watch_does_not_rebuild_without_changes(
    project: Project, watcher: Callable[..., Watcher]
) -> None:
    project.write_deck(MINIMAL_DECK)
    running = watcher(project.deck)
    running.wait_for(built_with(2), "first build")
    assert running.quiet_for(2.0) == []


def test_watch_with_output_inside_the_project_does_not_loop(
    project: Project, watcher: Callable[..., Watcher]
) -> None:
    project.write_deck(MINIMAL_DECK)
    (project.root / "output").mkdir()  # rules out the spurious rebuild of the test above
    running = watcher(project.deck, project.root / "out" / "deck.pptx")
    running.wait_for(built_with(2), "first build")
    assert len(running.quiet_for(2.0)) == 0
