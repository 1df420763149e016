"""Period-driven decks: figures by metric id from ``data/periods/<id>.yaml``.

Values resolved into tiles and text, changes since the previous period (text and colour),
targets, Italian/English figures, ``new-period`` scaffolds, missing and mistyped values,
``--all-periods``, trend charts, the sample period's label and the repository's own deck.
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.numbers import format_compact_currency, format_compact_decimal
from pptx import Presentation
from pptx.presentation import Presentation as PresentationType

from helpers import (
    DEFAULT_DECK,
    LOCATED,
    REPO,
    Project,
    all_text,
    assert_clean_exit,
    build,
    error_lines,
    need_soffice,
    run_cli,
    visible_shapes,
)
from slidegen import compile_deck
from slidegen.figures import format_figure, format_signed
from slidegen.periods import default_dates, default_label

POSITIVE = "1E7B34"
"""The theme's default ``positive`` colour (cremona does not override it)."""
NEGATIVE = "B3261E"
MUTED = "595959"
"""cremona's ``muted``."""
NBSP = "\u00a0"

LABELS = {
    "2014-H2": ("Luglio – Dicembre 2014", "2014-07-01", "2014-12-31"),
    "2015-H1": ("Gennaio – Giugno 2015", "2015-01-01", "2015-06-30"),
    "2015-H2": ("Luglio – Dicembre 2015", "2015-07-01", "2015-12-31"),
}
SINCE_H2 = "rispetto a Luglio – Dicembre 2014"

PERIOD_DECK = """\
deck:
  title: Periodi
  organization: Comune di Prova
  language: it-IT
  theme: cremona
data:
  periods: data/periods
metrics:
  comunicati: {label: comunicati stampa, good: up}
  vigili: {label: vigili in più, good: up}
  giunte: {label: Giunte}
  fotografie: {label: fotografie, good: up}
  assessori: {label: incontri degli assessori, type: text}
  staff: {label: incontri di staff, type: text}
  conferenze: {label: conferenze stampa, good: up, target: 60}
  appuntamenti: {label: appuntamenti, good: up}
  nuovi: {label: nuovi sportelli, good: up}
sections:
  - divider: false
    slides:
      - kind: title
      - kind: metrics
        title: Numeri
        metrics: [comunicati, vigili, giunte, fotografie, assessori]
      - kind: metrics
        title: Altri numeri
        metrics: [staff, conferenze, appuntamenti, nuovi]
        chart: {type: column}
      - kind: chart
        title: Andamento
        chart: {type: trend, metrics: [comunicati, staff, nuovi]}
      - kind: statement
        title: Frase
        text: "Oltre **{appuntamenti} appuntamenti** e {{graffe}} letterali"
      - kind: bullets
        title: Elenco
        items: ["{comunicati} comunicati stampa", "{staff} incontri di staff"]
"""
"""Slides: 0 cover, 1-2 tiles, 3 trend, 4 statement, 5 bullets."""

VALUES = {
    "2014-H2": """\
        comunicati: 475
        vigili: 5
        giunte: 37
        fotografie: 670
        assessori: 90
        staff: {value: cento, qualifier: Oltre}
        conferenze: 47
        appuntamenti: 800
        """,
    "2015-H1": """\
        comunicati: 510
        vigili: 3
        giunte: 35
        fotografie: 670
        assessori: MIGLIAIA
        staff: 140
        conferenze: 41
        appuntamenti: 1000
        nuovi: 4
        """,
    "2015-H2": """\
        comunicati: 530
        vigili: 4
        giunte: 30
        fotografie: 700
        assessori: MIGLIAIA
        staff: 150
        conferenze: 50
        appuntamenti: 1100
        nuovi: 6
        """,
}
"""``nuovi`` is new in 2015-H1; ``staff`` was text in 2014-H2; ``assessori`` becomes text."""


# -- helpers -----------------------------------------------------------------------------------


def write_period(
    root: Path,
    period: str,
    values: str,
    *,
    file_id: str | None = None,
    start: str | None = None,
    extra: str = "",
) -> Path:
    """``data/periods/<file_id or period>.yaml``; ``period:`` is on line 1, values from line 6."""
    label, first, last = LABELS[period]
    body = "  " + textwrap.dedent(values).strip().replace("\n", "\n  ") + "\n"
    text = (
        f"period: {period}\nlabel: {label}\nstart: {start or first}\nend: {last}\n"
        f"{extra}values:\n{body}"
    )
    path = root / "data" / "periods" / f"{file_id or period}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def period_project(
    project: Project, periods: tuple[str, ...] = ("2014-H2", "2015-H1"), deck: str = PERIOD_DECK
) -> Project:
    project.write_deck(deck)
    for period in periods:
        write_period(project.root, period, VALUES[period])
    return project


def value_at(path: Path, key: str) -> str:
    """``line:col`` of the value of ``  key:`` in ``path`` (the place messages point at)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith(f"{key}:"):
            return f"{number}:{line.index(':') + 3}"
    raise AssertionError(f"{key} not in {path}")


def text_at(text: str, needle: str) -> str:
    """``line:col`` (1-based) of the first ``needle`` in ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in the text")


def open_pptx(path: Path) -> PresentationType:
    return Presentation(str(path))


def seen(paragraph: object) -> str:
    """A paragraph's text as a reader sees it: no-break spaces (which keep a period label or
    a figure and its unit together) read as spaces."""
    return paragraph.text.replace(NBSP, " ")  # type: ignore[attr-defined]


def texts(shape: object) -> list[str]:
    return [seen(p) for p in shape.text_frame.paragraphs]  # type: ignore[attr-defined]


def shape_named(prs: PresentationType, slide: int, name: str) -> object:
    """The slide's shape called ``name``, or its layout's (footer and period live there)."""
    shown = visible_shapes(prs.slides[slide])
    found = [s for s in shown if s.name == name]
    assert len(found) == 1, [s.name for s in shown]
    return found[0]


def tiles(prs: PresentationType) -> dict[str, object]:
    """Every ``Metric N`` tile of the deck, by its label paragraph."""
    found: dict[str, object] = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if re.fullmatch(r"Metric \d+", shape.name):
                paras = shape.text_frame.paragraphs
                # The figure is the bold paragraph (after the qualifier, if any); the label
                # follows it.
                figure = next(i for i, p in enumerate(paras) if p.runs and p.runs[0].font.bold)
                found[paras[figure + 1].text] = shape
    return found


def tile_texts(prs: PresentationType, label: str) -> list[str]:
    return texts(tiles(prs)[label])


def change_para(shape: object) -> object | None:
    """The tile's change line (``▲``/``▼``/``=``), or None."""
    paras = [
        p
        for p in shape.text_frame.paragraphs  # type: ignore[attr-defined]
        if p.text[:1] in ("▲", "▼", "=")
    ]
    assert len(paras) <= 1
    return paras[0] if paras else None


def colour(paragraph: object) -> str:
    runs = paragraph.runs  # type: ignore[attr-defined]
    assert runs
    colours = {str(r.font.color.rgb) for r in runs}
    assert len(colours) == 1, colours
    return colours.pop()


def charts(prs: PresentationType, slide: int) -> list[object]:
    return [s.chart for s in prs.slides[slide].shapes if s.has_chart]


def chart_data(chart: object) -> tuple[list[str], dict[str, list[float | None]]]:
    plot = chart.plots[0]  # type: ignore[attr-defined]
    return list(plot.categories), {s.name: list(s.values) for s in plot.series}


def wrote(result: object) -> Path:
    """The .pptx a successful ``slidegen build`` reports on its last stdout line."""
    match = re.fullmatch(r"wrote (.+\.pptx) \(\d+ slides\)", result.stdout.splitlines()[-1])  # type: ignore[attr-defined]
    assert match, result.stdout  # type: ignore[attr-defined]
    return Path(match.group(1))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., PresentationType]:
    """``built(period, language=None)``: the standard three-period project, built once each."""
    project = Project(tmp_path_factory.mktemp("periods") / "project")
    project.root.mkdir()
    period_project(project, ("2014-H2", "2015-H1", "2015-H2"))
    cache: dict[tuple[str, str | None], PresentationType] = {}

    def get(period: str, language: str | None = None) -> PresentationType:
        if (period, language) not in cache:
            out = project.root / "output" / f"{period}-{language or 'deck'}.pptx"
            # 2014-H2 has no 'nuovi' (new in 2015-H1): its tile shows the value as missing.
            result = build(
                project.deck,
                output=out,
                period=period,
                language=language,
                allow_missing=period == "2014-H2",
            )
            assert result.output == out
            cache[period, language] = open_pptx(out)
        return cache[period, language]

    return get


# -- values by id: tiles and text --------------------------------------------------------------


def test_ids_resolve_into_tiles_with_the_catalogues_labels(
    built: Callable[..., PresentationType],
) -> None:
    prs = built("2015-H1")
    assert tile_texts(prs, "comunicati stampa")[:2] == ["510", "comunicati stampa"]
    assert tile_texts(prs, "appuntamenti")[:2] == ["1.000", "appuntamenti"]
    assert tile_texts(prs, "incontri degli assessori") == ["MIGLIAIA", "incontri degli assessori"]
    assert tile_texts(prs, "nuovi sportelli") == ["4", "nuovi sportelli"]
    # A {value, qualifier} entry gives this period's qualifier.
    assert tile_texts(built("2014-H2"), "incontri di staff") == [
        "Oltre",
        "cento",
        "incontri di staff",
    ]
    assert [s.name for s in prs.slides[1].shapes if s.name.startswith("Metric")] == [
        f"Metric {n}" for n in range(1, 6)
    ]


def test_ids_in_text_become_formatted_values_and_double_braces_stay_literal(
    built: Callable[..., PresentationType],
) -> None:
    prs = built("2015-H1")
    statement = shape_named(prs, 4, "Statement")
    assert texts(statement) == ["Oltre 1.000 appuntamenti e {graffe} letterali"]
    bold = [r.text for r in statement.text_frame.paragraphs[0].runs if r.font.bold]  # type: ignore[attr-defined]
    assert bold == ["1.000 appuntamenti"]
    bullets = "\n".join(
        p.text
        for s in prs.slides[5].shapes
        if s.has_text_frame and s.name not in ("Title 1", "Footer", "Slide number")
        for p in s.text_frame.paragraphs
    )
    assert "510 comunicati stampa" in bullets
    assert "140 incontri di staff" in bullets
    assert "{" not in bullets


def test_period_label_on_cover_and_footer(built: Callable[..., PresentationType]) -> None:
    prs = built("2015-H1")
    assert texts(shape_named(prs, 0, "Cover details")) == [
        "Comune di Prova",
        "Gennaio – Giugno 2015",
        "1 gennaio 2015 – 30 giugno 2015",  # the period's dates, in the deck's language
    ]
    for index in range(1, len(prs.slides)):
        footer = texts(shape_named(prs, index, "Slide number"))
        assert footer == [f"Gennaio – Giugno 2015   {index + 1}"]  # the slide number field
    assert "dati di esempio" not in all_text(prs)


def test_unknown_id_is_located_with_did_you_mean(project: Project) -> None:
    deck = PERIOD_DECK.replace("[comunicati, vigili,", "[comunicat, vigili,").replace(
        "{appuntamenti}", "{apuntamenti}"
    )
    period_project(project, deck=deck)
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    lines = error_lines(result)
    assert (
        f"deck.yaml:{text_at(deck, 'comunicat, vigili')}: section 1, slide 2 «Numeri», metric 1: "
        "unknown metric id 'comunicat' (did you mean 'comunicati'?)"
    ) in lines
    assert (
        f"deck.yaml:{text_at(deck, chr(34) + 'Oltre')}: section 1, slide 5 «Frase», text: "
        "unknown metric id 'apuntamenti' (did you mean 'appuntamenti'?)"
    ) in lines
    assert not (project.root / "out.pptx").exists()


def test_unknown_id_is_reported_once(project: Project) -> None:
    deck = PERIOD_DECK.replace("[comunicati, vigili,", "[comunicat, vigili,")
    period_project(project, deck=deck)
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"deck.yaml:{text_at(deck, 'comunicat, vigili')}: section 1, slide 2 «Numeri», metric 1: "
        "unknown metric id 'comunicat' (did you mean 'comunicati'?)"
    ]


def test_id_in_a_deck_without_data_is_a_located_error(project: Project) -> None:
    deck = """\
deck:
  title: Senza dati
metrics:
  comunicati: {label: comunicati stampa}
sections:
  - divider: false
    slides:
      - kind: statement
        title: Frase
        text: "{comunicati} comunicati"
"""
    project.write_deck(deck)
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:10:15: section 1, slide 1 «Frase», text: this deck refers to metric ids but has "
        "no 'data:' section with period files"
    ]
    result = run_cli("check", "--period", "2014-H2", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:1:1: --period 2014-H2: this deck has no 'data:' section naming its "
        "periods folder"
    ]
    assert project.files().keys() == {"deck.yaml"}


def test_unknown_period_lists_the_available_ones(project: Project) -> None:
    period_project(project)
    result = run_cli("check", "--period", "2016-H1", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"deck.yaml:{text_at(PERIOD_DECK, 'data/periods')}: period '2016-H1' not found in "
        "data/periods/; available: 2014-H2, 2015-H1"
    ]


# -- changes since the previous period ---------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "text", "rgb"),
    [
        ("comunicati stampa", f"▲ +35 (+7,4%) {SINCE_H2}", POSITIVE),  # up, good: up
        ("vigili in più", f"▼ −2 (−40%) {SINCE_H2}", NEGATIVE),  # down, good: up
        ("Giunte", f"▼ −2 (−5,4%) {SINCE_H2}", MUTED),  # neutral: no 'good'
        ("fotografie", f"= invariato {SINCE_H2}", MUTED),  # unchanged
        ("appuntamenti", f"▲ +200 (+25%) {SINCE_H2}", POSITIVE),
        ("conferenze stampa", f"▼ −6 (−12,8%) {SINCE_H2}", NEGATIVE),
    ],
)
def test_change_since_previous_period(
    built: Callable[..., PresentationType], label: str, text: str, rgb: str
) -> None:
    para = change_para(tiles(built("2015-H1"))[label])
    assert para is not None
    assert seen(para) == text
    assert colour(para) == rgb


@pytest.mark.parametrize(
    "label",
    [
        "nuovi sportelli",  # absent from the previous period's file
        "incontri di staff",  # previous value is text ("cento")
        "incontri degli assessori",  # current value is text ("MIGLIAIA"), previous 90
    ],
)
def test_no_change_line_without_two_numbers(
    built: Callable[..., PresentationType], label: str
) -> None:
    shape = tiles(built("2015-H1"))[label]
    assert change_para(shape) is None
    assert not any("rispetto a" in t for t in texts(shape))


def test_first_period_has_no_change_lines(built: Callable[..., PresentationType]) -> None:
    prs = built("2014-H2")
    assert len(tiles(prs)) == 9
    assert texts(tiles(prs)["nuovi sportelli"]) == ["—", "nuovi sportelli", "dato mancante"]
    for shape in tiles(prs).values():
        assert change_para(shape) is None, texts(shape)
    assert "rispetto a" not in all_text(prs)


def test_change_is_against_the_period_just_before(built: Callable[..., PresentationType]) -> None:
    prs = built("2015-H2")
    para = change_para(tiles(prs)["nuovi sportelli"])
    assert para is not None
    assert seen(para) == "▲ +2 (+50%) rispetto a Gennaio – Giugno 2015"
    assert colour(para) == POSITIVE


def test_target_line(built: Callable[..., PresentationType]) -> None:
    assert tile_texts(built("2015-H1"), "conferenze stampa") == [
        "41",
        "conferenze stampa",
        f"▼ −6 (−12,8%) {SINCE_H2}",
        "obiettivo 60 · 68,3%",
    ]
    assert tile_texts(built("2014-H2"), "conferenze stampa") == [
        "47",
        "conferenze stampa",
        "obiettivo 60 · 78,3%",
    ]


FORMAT_DECK = """\
deck:
  title: Formati
  language: it-IT
data:
  periods: data/periods
metrics:
  differenziata: {label: raccolta differenziata, format: percent, good: up, target: 70}
  rifiuti: {label: tonnellate di rifiuti, good: down}
  spesa: {label: spesa, format: currency, good: down}
  finanziamenti: {label: finanziamenti, format: compact-currency}
  sportelli: {label: sportelli, good: up}
sections:
  - divider: false
    slides:
      - kind: metrics
        title: Formati
        metrics: [differenziata, rifiuti, spesa, finanziamenti, sportelli]
"""
FORMAT_VALUES = {
    "2014-H2": "differenziata: 50\nrifiuti: 1200\nspesa: 1000\nfinanziamenti: 2000000\n"
    "sportelli: 0",
    "2015-H1": "differenziata: 55\nrifiuti: 1100\nspesa: 1250\nfinanziamenti: 2200000\n"
    "sportelli: 3",
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "it-IT",
            {
                "raccolta differenziata": [
                    "55%",
                    "raccolta differenziata",
                    "▲ +5 p.p. rispetto a Luglio – Dicembre 2014",
                    "obiettivo 70% · 78,6%",
                ],
                "tonnellate di rifiuti": [
                    "1.100",
                    "tonnellate di rifiuti",
                    "▼ −100 (−8,3%) rispetto a Luglio – Dicembre 2014",
                ],
                "spesa": [
                    "1.250,00 €",
                    "spesa",
                    "▲ +250,00 € (+25%) rispetto a Luglio – Dicembre 2014",
                ],
                "sportelli": ["3", "sportelli", "▲ +3 rispetto a Luglio – Dicembre 2014"],
            },
        ),
        (
            "en-GB",
            {
                "raccolta differenziata": [
                    "55%",
                    "raccolta differenziata",
                    "▲ +5 pts vs Luglio – Dicembre 2014",
                    "target 70% · 78.6%",
                ],
                "tonnellate di rifiuti": [
                    "1,100",
                    "tonnellate di rifiuti",
                    "▼ −100 (−8.3%) vs Luglio – Dicembre 2014",
                ],
                "spesa": ["€1,250.00", "spesa", "▲ +€250.00 (+25%) vs Luglio – Dicembre 2014"],
                "sportelli": ["3", "sportelli", "▲ +3 vs Luglio – Dicembre 2014"],
            },
        ),
    ],
)
def test_formats_in_tiles_and_changes(
    project: Project, language: str, expected: dict[str, list[str]]
) -> None:
    project.write_deck(FORMAT_DECK)
    for period, values in FORMAT_VALUES.items():
        write_period(project.root, period, values)
    prs = open_pptx(build(project.deck, period="2015-H1", language=language).output)
    found = tiles(prs)
    for label, paras in expected.items():
        assert texts(found[label]) == paras
    # Percent points up with good: up; fewer tonnes with good: down; more spending with
    # good: down; up from zero: no percentage.
    assert colour(change_para(found["raccolta differenziata"])) == POSITIVE
    assert colour(change_para(found["tonnellate di rifiuti"])) == POSITIVE
    assert colour(change_para(found["spesa"])) == NEGATIVE
    assert colour(change_para(found["sportelli"])) == POSITIVE
    assert texts(found["finanziamenti"])[0] == cldr_compact(2_200_000, language, "EUR").replace(
        NBSP, " "
    )


# -- Italian and English figures ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "italian", "english"),
    [
        (1000, "number", "1.000", "1,000"),
        (1_234_567, "number", "1.234.567", "1,234,567"),
        (2.5, "number", "2,5", "2.5"),
        (1234.5, "currency", f"1.234,50{NBSP}€", "€1,234.50"),
        (70, "percent", "70%", "70%"),
        (68.25, "percent", "68,2%", "68.2%"),
    ],
)
def test_format_figure(value: float, kind: str, italian: str, english: str) -> None:
    assert format_figure(value, "it-IT", kind) == italian  # type: ignore[arg-type]
    assert format_figure(value, "en-GB", kind) == english  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "kind", "italian", "english"),
    [
        (1000, "number", "+1.000", "+1,000"),
        (-2.5, "number", "−2,5", "−2.5"),  # a real minus sign, U+2212
        (-3.5, "percent", "−3,5%", "−3.5%"),
        (250, "currency", f"+250,00{NBSP}€", "+€250.00"),
        (0, "number", "0", "0"),
    ],
)
def test_format_signed(value: float, kind: str, italian: str, english: str) -> None:
    assert format_signed(value, "it-IT", kind) == italian  # type: ignore[arg-type]
    assert format_signed(value, "en-GB", kind) == english  # type: ignore[arg-type]


def cldr_compact(value: float, language: str, currency: str | None = None) -> str:
    """A short form as CLDR spells it (``2,2 Mln €``, ``€2.2M`` or ``€2.2m``, by release):
    the expectation comes from Babel, since the spelling is CLDR's data, not slidegen's."""
    locale = Locale.parse(language, sep="-")
    if currency:
        return format_compact_currency(value, currency, locale=locale, fraction_digits=1)
    return format_compact_decimal(value, locale=locale, fraction_digits=1)


@pytest.mark.parametrize("language", ["it-IT", "en-GB"])
@pytest.mark.parametrize("kind", ["compact", "compact-currency"])
def test_compact_figures_from_a_million_are_cldr_short_forms(language: str, kind: str) -> None:
    currency = "EUR" if kind == "compact-currency" else None
    text = format_figure(2_200_000, language, kind)  # type: ignore[arg-type]
    assert text == cldr_compact(2_200_000, language, currency)
    # Whatever the release, the decimal separator is the language's and the figure short.
    assert ("2,2" if language == "it-IT" else "2.2") in text
    assert "000" not in text


@pytest.mark.parametrize(
    ("value", "language", "kind", "expected"),
    [
        # Below a million the figure is written in full, grouped as the language groups
        # thousands ('.' in Italian, ',' in English): slidegen's promise, not CLDR's.
        (250_000, "it-IT", "compact", "250.000"),
        (200_000, "it-IT", "compact-currency", f"200.000{NBSP}€"),
        (250_000, "en-GB", "compact", "250,000"),
        (12_345, "en-GB", "compact-currency", "€12,345"),
        (999, "it-IT", "compact", "999"),
    ],
)
def test_compact_formats_below_a_million_are_grouped(
    value: float, language: str, kind: str, expected: str
) -> None:
    assert format_figure(value, language, kind) == expected  # type: ignore[arg-type]


def test_compact_rounding_to_a_million_uses_the_short_form() -> None:
    # 999.999 has three significant digits of 1.000.000: one short form, never "1000 K".
    assert format_figure(999_999, "en-GB", "compact-currency") == cldr_compact(
        1_000_000, "en-GB", "EUR"
    )


def test_build_in_english_with_language_option(project: Project) -> None:
    period_project(project)
    result = run_cli(
        "build", "--period", "2015-H1", "--language", "en-GB", "-o", "en.pptx", cwd=project.root
    )
    assert_clean_exit(result, 0)
    assert wrote(result) == Path("en.pptx")
    prs = open_pptx(project.root / "en.pptx")
    found = tiles(prs)
    assert texts(found["appuntamenti"]) == [
        "1,000",
        "appuntamenti",
        "▲ +200 (+25%) vs Luglio – Dicembre 2014",
    ]
    assert texts(found["fotografie"])[-1] == "= unchanged vs Luglio – Dicembre 2014"
    assert texts(found["conferenze stampa"])[-1] == "target 60 · 68.3%"
    assert texts(shape_named(prs, 4, "Statement")) == [
        "Oltre 1,000 appuntamenti e {graffe} letterali"
    ]
    assert "rispetto a" not in all_text(prs)
    assert "invariato" not in all_text(prs)
    # The deck file itself is unchanged: Italian when built without the option.
    assert "language: it-IT" in project.deck.read_text(encoding="utf-8")


# -- new-period, check and missing values ------------------------------------------------------


@pytest.fixture
def scaffolded(project: Project) -> Project:
    """A project with 2014-H2 only, then ``slidegen new-period 2015-H1``."""
    period_project(project, ("2014-H2",))
    result = run_cli("new-period", "2015-H1", cwd=project.root)
    assert_clean_exit(result, 0)
    path = project.root.resolve() / "data" / "periods" / "2015-H1.yaml"
    assert result.stdout == (
        f"wrote {path}: fill in the values marked TODO, then 'slidegen check --period 2015-H1'\n"
    )
    return project


CATALOGUE_IDS = list(yaml.safe_load(PERIOD_DECK)["metrics"])


def test_new_period_scaffolds_every_id_as_todo(scaffolded: Project) -> None:
    path = scaffolded.root / "data" / "periods" / "2015-H1.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["period"] == "2015-H1"
    assert data["label"] == "Gennaio – Giugno 2015"
    assert str(data["start"]) == "2015-01-01"
    assert str(data["end"]) == "2015-06-30"
    # The latest period's ids in its order, then catalogue ids it lacked; every one null.
    assert list(data["values"]) == [*CATALOGUE_IDS[:-1], "nuovi"] == CATALOGUE_IDS
    assert set(data["values"].values()) == {None}
    value_lines = text.split("values:\n", 1)[1].splitlines()
    assert len(value_lines) == len(CATALOGUE_IDS)
    for metric_id, line in zip(CATALOGUE_IDS, value_lines, strict=True):
        assert line.startswith(f"  {metric_id}: null  # TODO"), line
    assert "  comunicati: null  # TODO: comunicati stampa (was 475 in 2014-H2)" in value_lines
    assert "  nuovi: null  # TODO: nuovi sportelli" in value_lines
    assert "slidegen check --period 2015-H1" in text


def test_new_period_never_overwrites(scaffolded: Project) -> None:
    path = scaffolded.root / "data" / "periods" / "2015-H1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    before = scaffolded.files()
    result = run_cli("new-period", "2015-H1", cwd=scaffolded.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert LOCATED.match(line), line
    assert line.startswith("deck.yaml:")
    assert line.endswith(
        f"{Path('data/periods/2015-H1.yaml')} already exists; a period file is never overwritten"
    )
    assert result.stderr.splitlines()[-1] == "slidegen: 1 error; nothing written"
    assert scaffolded.files() == before


@pytest.mark.parametrize("bad", ["2015/H1", "../2015-H1", ".2015-H1", "2015 H1"])
def test_new_period_refuses_an_unusable_id(project: Project, bad: str) -> None:
    period_project(project, ("2014-H2",))
    before = project.files()
    result = run_cli("new-period", bad, cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"deck.yaml:{text_at(PERIOD_DECK, 'periods:')}: '{bad}' is not a usable period id "
        "(letters, digits, '-', '_', '.'; e.g. 2015-H1)"
    ]
    assert project.files() == before


def test_default_period_dates_and_labels() -> None:
    assert default_label("2015-H1", "it-IT") == "Gennaio – Giugno 2015"
    assert default_label("2014-H2", "it-IT") == "Luglio – Dicembre 2014"
    assert default_label("2015-H1", "en-GB") == "January – June 2015"
    assert default_label("2015-Q4", "it-IT") == "Ottobre – Dicembre 2015"
    assert [d.isoformat() for d in default_dates("2016-Q1")] == ["2016-01-01", "2016-03-31"]
    assert default_dates("bilancio") == (None, None)
    assert default_label("bilancio", "it-IT") == "bilancio"


def test_check_lists_every_missing_value_located(scaffolded: Project) -> None:
    path = scaffolded.root / "data" / "periods" / "2015-H1.yaml"
    before = scaffolded.files()
    result = run_cli("check", "--period", "2015-H1", cwd=scaffolded.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"data/periods/2015-H1.yaml:{value_at(path, m)}: values.{m}: "
        f"value of '{m}' is missing (still to do)"
        for m in CATALOGUE_IDS
    ]
    assert (
        result.stderr.splitlines()[-1] == f"slidegen: {len(CATALOGUE_IDS)} errors; nothing written"
    )
    assert scaffolded.files() == before


def test_build_refuses_missing_values_and_writes_nothing(scaffolded: Project) -> None:
    before = scaffolded.files()
    result = run_cli("build", "--period", "2015-H1", cwd=scaffolded.root)
    assert_clean_exit(result, 1)
    assert len(error_lines(result)) == len(CATALOGUE_IDS)
    assert result.stdout == ""
    assert scaffolded.files() == before
    assert not (scaffolded.root / "output").exists()


def test_allow_missing_shows_missing_never_zero(scaffolded: Project) -> None:
    result = run_cli("build", "--period", "2015-H1", "--allow-missing", cwd=scaffolded.root)
    assert_clean_exit(result, 0)
    out = wrote(result)
    assert out == scaffolded.root / "output" / "periodi-2015-H1.pptx"
    prs = open_pptx(out)
    found = tiles(prs)
    assert len(found) == len(CATALOGUE_IDS)
    for label, shape in found.items():
        paras = texts(shape)
        assert paras[:3] == ["—", label, "dato mancante"], paras
        assert change_para(shape) is None
        assert "0" not in paras
    assert texts(found["conferenze stampa"])[-1] == "obiettivo 60"
    # The chart drawn from the slide's metrics: gaps, not zeros.
    [column] = charts(prs, 2)
    categories, series = chart_data(column)
    assert categories == [
        "incontri di staff",
        "conferenze stampa",
        "appuntamenti",
        "nuovi sportelli",
    ]
    assert list(series.values()) == [[None, None, None, None]]
    # The trend: the earlier period's numbers, a gap for this one.
    [trend] = charts(prs, 3)
    assert chart_data(trend) == (
        ["Luglio – Dicembre 2014", "Gennaio – Giugno 2015"],
        {
            "comunicati stampa": [475.0, None],
            "incontri di staff": [None, None],
            "nuovi sportelli": [None, None],
        },
    )
    assert texts(shape_named(prs, 4, "Statement")) == [
        "Oltre [dato mancante: appuntamenti] appuntamenti e {graffe} letterali"
    ]


def test_mistyped_value_is_an_error_even_with_allow_missing(project: Project) -> None:
    period_project(project, ("2014-H2",))
    path = write_period(
        project.root,
        "2015-H1",
        VALUES["2015-H1"]
        .replace("comunicati: 510", "comunicati: 47O")
        .replace("giunte: 35", "giunte: null"),
    )
    before = project.files()
    for extra in ((), ("--allow-missing",)):
        result = run_cli("build", "--period", "2015-H1", *extra, cwd=project.root)
        assert_clean_exit(result, 1)
        mistyped = (
            f"data/periods/2015-H1.yaml:{value_at(path, 'comunicati')}: values.comunicati: "
            "'47O' is not a number ('comunicati' is a number; write e.g. 475 or 2.5)"
        )
        missing = (
            f"data/periods/2015-H1.yaml:{value_at(path, 'giunte')}: values.giunte: "
            "value of 'giunte' is missing (still to do)"
        )
        assert error_lines(result) == ([mistyped] if extra else [mistyped, missing])
        assert project.files() == before


def test_period_file_name_must_match_its_period(project: Project) -> None:
    period_project(project, ("2014-H2",))
    write_period(project.root, "2015-H2", VALUES["2015-H1"], file_id="2015-H1")
    result = run_cli("build", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "data/periods/2015-H1.yaml:1:9: period: period '2015-H2' does not match the file name "
        "'2015-H1.yaml'"
    ]
    assert not (project.root / "out.pptx").exists()


START_AFTER_END = "data/periods/2015-H1.yaml:3:8"
"""Where ``start: 2015-07-01`` is (line 3, value at column 8)."""


def test_start_after_end_is_a_located_error(project: Project) -> None:
    period_project(project, ("2014-H2",))
    write_period(project.root, "2015-H1", VALUES["2015-H1"], start="2015-07-01")
    result = run_cli("check", "--period", "2015-H1", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert LOCATED.match(line), line
    assert line.startswith("data/periods/2015-H1.yaml:")
    assert line.endswith("'start' (2015-07-01) is after 'end' (2015-06-30)")


def test_start_after_end_points_at_start(project: Project) -> None:
    period_project(project, ("2014-H2",))
    write_period(project.root, "2015-H1", VALUES["2015-H1"], start="2015-07-01")
    result = run_cli("check", "--period", "2015-H1", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.startswith(f"{START_AFTER_END}: ")


# -- every period at once ----------------------------------------------------------------------


def test_all_periods_builds_the_good_ones_and_reports_the_bad(project: Project) -> None:
    period_project(project, ("2015-H2",))
    write_period(project.root, "2014-H2", textwrap.dedent(VALUES["2014-H2"]) + "nuovi: 1")
    bad = write_period(
        project.root, "2015-H1", VALUES["2015-H1"].replace("comunicati: 510", "comunicati: 47O")
    )
    result = run_cli("build", "--all-periods", cwd=project.root)
    assert_clean_exit(result, 1)
    output = project.root / "output"
    rows = result.stdout.splitlines()
    assert len(rows) == 3, result.stdout
    for row, (status, period) in zip(
        rows, [("ok    ", "2014-H2"), ("FAILED", "2015-H1"), ("ok    ", "2015-H2")], strict=True
    ):
        match = re.fullmatch(rf"{status} {period}\s+(\d+\.\d\d) s  (.+)", row)
        assert match, row
        where = output / f"periodi-{period}.pptx"
        assert match.group(2) == (str(where) if status == "ok    " else "1 error")
    assert result.stderr.splitlines() == [
        f"    data/periods/2015-H1.yaml:{value_at(bad, 'comunicati')}: values.comunicati: "
        "'47O' is not a number ('comunicati' is a number; write e.g. 475 or 2.5)",
        # 2015-H2 builds, but warns that its history has the mistyped value.
        f"    data/periods/2015-H1.yaml:{value_at(bad, 'comunicati')}: warning: "
        "values.comunicati: '47O' is not a number ('comunicati' is a number; write e.g. 475 "
        "or 2.5); left out of changes and trends",
        "slidegen: 1 of 3 periods failed: 2015-H1",
    ]
    assert sorted(p.name for p in output.glob("*.pptx")) == [
        "periodi-2014-H2.pptx",
        "periodi-2015-H2.pptx",
    ]
    # 2015-H2's previous value is the mistyped text: no change line, and a gap in the trend.
    prs = open_pptx(output / "periodi-2015-H2.pptx")
    assert change_para(tiles(prs)["comunicati stampa"]) is None
    [trend] = charts(prs, 3)
    assert chart_data(trend)[1]["comunicati stampa"] == [475.0, None, 530.0]


# -- trend charts ------------------------------------------------------------------------------


def test_trend_covers_every_period_up_to_the_built_one(
    built: Callable[..., PresentationType],
) -> None:
    [trend] = charts(built("2015-H1"), 3)
    assert chart_data(trend) == (
        ["Luglio – Dicembre 2014", "Gennaio – Giugno 2015"],
        {
            "comunicati stampa": [475.0, 510.0],
            "incontri di staff": [None, 140.0],  # text ("cento") is not a number
            "nuovi sportelli": [None, 4.0],  # absent from 2014-H2
        },
    )
    [trend] = charts(built("2015-H2"), 3)
    categories, series = chart_data(trend)
    assert categories == [label for label, _, _ in LABELS.values()]
    assert series["comunicati stampa"] == [475.0, 510.0, 530.0]
    [trend] = charts(built("2014-H2"), 3)
    assert chart_data(trend) == (
        ["Luglio – Dicembre 2014"],
        {
            "comunicati stampa": [475.0],
            "incontri di staff": [None],
            "nuovi sportelli": [None],
        },
    )


# -- the sample period and the repository's deck -----------------------------------------------

SAMPLE = "dati di esempio inventati"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of examples/periodi-di-esempio (builds write output/ beside the deck)."""
    target = tmp_path_factory.mktemp("example") / "periodi-di-esempio"
    shutil.copytree(
        REPO / "examples" / "periodi-di-esempio", target, ignore=shutil.ignore_patterns("output")
    )
    return target / "deck.yaml"


def test_sample_period_is_labelled_on_cover_and_footer(example: Path) -> None:
    result = build(example, period="2015-H1")
    assert result.output.name == "sei-mesi-fuori-dal-comune-esempio-a-periodi-2015-H1.pptx"
    prs = open_pptx(result.output)
    label = f"Gennaio – Giugno 2015 · {SAMPLE}"
    assert texts(shape_named(prs, 0, "Cover details"))[-2:] == [
        label,
        "1 gennaio 2015 – 30 giugno 2015",
    ]
    for index in range(1, len(prs.slides)):
        assert texts(shape_named(prs, index, "Slide number")) == [f"{label}   {index + 1}"]
    found = tiles(prs)
    assert texts(found["comunicati stampa"]) == [
        "510",
        "comunicati stampa",
        f"▲ +35 (+7,4%) {SINCE_H2}",
    ]
    assert colour(change_para(found["comunicati stampa"])) == POSITIVE


def test_real_period_of_the_example_is_not_labelled_sample(example: Path) -> None:
    prs = open_pptx(build(example, period="2014-H2").output)
    assert texts(shape_named(prs, 0, "Cover details"))[-2:] == [
        "Luglio – Dicembre 2014",
        "1 luglio 2014 – 31 dicembre 2014",
    ]
    assert texts(shape_named(prs, 1, "Slide number")) == ["Luglio – Dicembre 2014   2"]
    assert SAMPLE not in all_text(prs)
    assert "esempio inventati" not in all_text(prs)


def test_sample_label_follows_the_language(example: Path) -> None:
    out = example.parent / "en.pptx"
    prs = open_pptx(build(example, output=out, period="2015-H1", language="en-GB").output)
    assert texts(shape_named(prs, 0, "Cover details"))[-2:] == [
        "Gennaio – Giugno 2015 · invented sample data",
        "1 January 2015 – 30 June 2015",
    ]


@pytest.fixture(scope="module")
def default_deck(tmp_path_factory: pytest.TempPathFactory) -> tuple[PresentationType, list]:
    folder = tmp_path_factory.mktemp("default-deck")
    compiled = compile_deck(DEFAULT_DECK, cache_dir=folder / ".cache", period="2014-H2")
    assert compiled.period == "2014-H2"
    return Presentation(io.BytesIO(compiled.data)), compiled.findings


def test_default_deck_builds_2014_h2_with_the_real_figures(
    default_deck: tuple[PresentationType, list],
) -> None:
    prs, findings = default_deck
    assert findings == []
    found = tiles(prs)
    figures = {label: texts(shape)[texts(shape).index(label) - 1] for label, shape in found.items()}
    assert figures == {
        "incontri con sindaci": "26",
        "comunicati stampa": "475",
        "comunicazioni brevi di servizio": "80",
        "resoconti consigli comunali": "8",
        "fotografie inviate o messe sul sito del Comune": "670",
        "conferenze stampa o inaugurazioni": "47",
        "bandi": "15",
        "incontri del sindaco": "14",
        "progetti presentati": "13",
        "progetti finanziati": "6",
        "in corso di valutazione": "6",
        "vigili in più": "5",
        "Giunte": "37",
        "PreGiunte": "10",
        "incontri di staff": "cento",
        "Consigli comunali": "8",
    }
    # The meetings with the municipal companies are a table beside the list, read as the seed
    # writes them ("13 incontri su/con Aem"), their figures from the period file.
    (table,) = [s.table for slide in prs.slides for s in slide.shapes if s.has_table]
    assert [[c.text for c in row.cells] for row in list(table.rows)[1:]] == [
        ["13", "incontri su/con Aem"],
        ["11", "incontri su/con Lgh"],
        ["11", "incontri su/con Padania Acque"],
    ]
    assert texts(found["incontri di staff"])[0] == "Oltre"
    assert texts(found["bandi"]) == ["15", "bandi", "già nell'attività del 2015"]
    statements = [
        texts(s)[0] for slide in prs.slides for s in slide.shapes if s.name == "Statement"
    ]
    assert statements[0] == (
        "Oltre 1.000 APPUNTAMENTI nell'agenda del sindaco cui si aggiungono MIGLIAIA DI "
        "INCONTRI svolti dagli assessori"
    )
    assert texts(shape_named(prs, 0, "Cover details"))[-2:] == [
        "Luglio – Dicembre 2014",
        "1 luglio 2014 – 31 dicembre 2014",
    ]
    assert texts(shape_named(prs, 1, "Slide number")) == ["Luglio – Dicembre 2014   2"]
    text = all_text(prs)
    assert "{" not in text
    assert "dato mancante" not in text
    assert SAMPLE not in text


def test_periods_folder_outside_the_project_is_refused(project: Project) -> None:
    project.write_deck(
        "deck: {title: T}\ndata: {periods: ../altrove}\nsections:\n  - divider: false\n"
        "    slides: [{kind: title}]\n"
    )
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:2:17: data.periods: '../altrove' must be a path inside the project "
        "(relative, without '..')"
    ]


def test_empty_periods_folder_says_how_to_start(project: Project) -> None:
    (project.root / "data" / "periods").mkdir(parents=True)
    project.write_deck(
        "deck: {title: T}\ndata: {periods: data/periods}\nsections:\n  - divider: false\n"
        "    slides: [{kind: title}]\n"
    )
    result = run_cli("check", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        "deck.yaml:2:17: data.periods: no period files in data/periods/ (files named like "
        "2014-H2.yaml); 'slidegen new-period ID' makes one"
    ]


def test_a_misspelt_id_in_a_period_file_is_a_finding_with_the_id_it_meant(
    project: Project,
) -> None:
    period_project(project)
    path = write_period(
        project.root, "2015-H1", VALUES["2015-H1"].replace("comunicati:", "comunicat:")
    )
    result = run_cli("build", "-o", "out.pptx", "--allow-missing", cwd=project.root)
    assert_clean_exit(result, 0)
    where = text_at(path.read_text(encoding="utf-8"), "comunicat:")
    assert (
        f"data/periods/2015-H1.yaml:{where}: warning: values.comunicat: 'comunicat' is not a "
        "metric of the deck, so this value is never shown (did you mean 'comunicati'?); the "
        "deck's metrics are under 'metrics:' in the deck file"
    ) in result.stderr.splitlines()
    strict = run_cli("build", "-o", "out.pptx", "--allow-missing", "--strict", cwd=project.root)
    assert_clean_exit(strict, 1)
    assert "'comunicat' is not a metric of the deck" in strict.stderr


def test_the_default_deck_s_notes_take_their_figures_from_the_period(tmp_path: Path) -> None:
    # Next period's notes never contradict its tiles: the figures in them are ids too.
    shutil.copy2(DEFAULT_DECK, tmp_path / "deck.yaml")
    shutil.copytree(DEFAULT_DECK.parent / "data", tmp_path / "data")
    figures = tmp_path / "data" / "periods" / "2014-H2.yaml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace("bandi: {value: 15,", "bandi: {value: 17,").replace(
            "progetti_presentati: 13", "progetti_presentati: 14"
        ),
        encoding="utf-8",
    )
    result = run_cli("build", "-o", "out.pptx", cwd=tmp_path)
    assert_clean_exit(result, 0)
    prs = Presentation(str(tmp_path / "out.pptx"))
    notes = [s.notes_slide.notes_text_frame.text for s in prs.slides if s.has_notes_slide]
    assert any("Sono già in programma 17 bandi per il 2015." in n for n in notes)
    assert any(n.startswith("Dei 14 progetti presentati, 6 sono stati finanziati") for n in notes)


def test_all_periods_without_period_files_says_how_to_start(project: Project) -> None:
    project.write_deck(PERIOD_DECK)
    (project.root / "data" / "periods").mkdir(parents=True)
    result = run_cli("build", "--all-periods", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert line.endswith(
        ": no period files in data/periods/ (files named like 2014-H2.yaml); "
        "'slidegen new-period ID' makes one"
    )
    assert line.startswith("deck.yaml:")


def test_all_periods_follows_language_and_pdf(project: Project) -> None:
    need_soffice()
    period_project(project)
    args = ("build", "--all-periods", "--allow-missing", "--language", "en-GB", "--pdf")
    result = run_cli(*args, cwd=project.root)
    assert_clean_exit(result, 0)
    prs = open_pptx(project.root / "output" / "periodi-2015-H1.pptx")
    assert "1,000" in all_text(prs)  # the English grouping: the deck says it-IT
    assert "1.000" not in all_text(prs)
    for period in ("2014-H2", "2015-H1"):
        assert (project.root / "output" / f"periodi-{period}.pdf").is_file()


def test_archive_refuses_a_language_the_sources_do_not_say(project: Project) -> None:
    period_project(project, ("2014-H2",))
    result = run_cli("build", "--archive", "--language", "en-GB", cwd=project.root)
    assert_clean_exit(result, 2)
    assert "write 'language: …' in the deck" in result.stderr


def test_new_period_writes_a_file_that_parses_whatever_the_last_one_held(
    project: Project,
) -> None:
    # A value of several lines, or a label with ': ' and '#', went into a comment as it was
    # and broke the new file.
    period_project(project, ("2014-H2",))
    write_period(
        project.root,
        "2014-H2",
        VALUES["2014-H2"].replace(
            "giunte: 37", "giunte: |\n          due righe\n          di testo"
        ),
    )
    result = run_cli("new-period", "2015-H1", cwd=project.root)
    assert_clean_exit(result, 0)
    text = (project.root / "data" / "periods" / "2015-H1.yaml").read_text(encoding="utf-8")
    assert "(was due righe di testo in 2014-H2)" in text
    data = yaml.safe_load(text)
    assert data["values"]["giunte"] is None
    assert set(data["values"]) == set(yaml.safe_load(PERIOD_DECK)["metrics"])
