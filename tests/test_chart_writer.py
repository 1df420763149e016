"""The chart writer (``render/chartxml.py``, ``render/chartbook.py``) writes what python-pptx's
own chart writer and slidegen's edits of its tree wrote (``chart_reference.py``): the same
slide, chart part and workbook, byte for byte, for generated plans of every native type and
for whole decks. So the charts stay what they were: valid, editable, their data in a workbook
with the same cells.

The one intended difference: a text that looks like XlsxWriter's rich-string XML is a text.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, note
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

import chart_reference
import slidegen.render.charts as charts
import slidegen.render.shapes as shapes
from helpers import CASES, DEFAULT_DECK, REPO
from slidegen.build import compile_deck
from slidegen.chartdata import ChartData
from slidegen.chartplan import ChartPlan, plan_chart
from slidegen.layout import Box
from slidegen.layout.shapes import NativeChartShape
from slidegen.model import Chart
from slidegen.render.chartbook import workbook_blob
from slidegen.render.package import make_linear, scoped_pptx_patches
from slidegen.render.written import keep_as_written
from slidegen.theme import Theme
from slidegen.theme_loader import load_theme
from test_hostile import examples

EMU = 914400
STAMP = datetime(2014, 12, 31, 9, 30, tzinfo=UTC)
THEMES = {name: load_theme(name, REPO).theme for name in ("cremona", "neutral")}
Writer = Callable[..., None]
NATIVE = ["bar", "column", "stacked-bar", "stacked-column", "line", "pie", "doughnut", "trend"]


def rich_string(text: str) -> bool:
    """What XlsxWriter writes as raw rich-string XML instead of a text."""
    return text.startswith("<r>") and text.endswith("</r>")


# Texts with everything an escape can get wrong: markup characters, quotes, line ends and tabs,
# leading and trailing space, Excel's own _xHHHH_ escapes, letters past the BMP, empty.
PIECES = ["a", "Zona", "è", "&", "<", ">", '"', "'", "\t", "\r", "\n", "\r\n", " ", "\u00a0"]
PIECES += ["_x0041_", "<r>", "</r>", "=1+1", "😀", "市", "€"]
TEXT = (
    st.lists(st.sampled_from(PIECES), max_size=5).map("".join).filter(lambda t: not rich_string(t))
)
VALUE = st.one_of(
    st.none(),
    st.integers(-1000, 1000).map(float),
    st.floats(-1e7, 1e7, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 0.5, 12.25, 1e15, 3.3333333333333335, 72.0]),
)


@st.composite
def plans(draw: st.DrawFn) -> tuple[ChartPlan, Theme, str]:
    """A plan as :func:`plan_chart` makes it, from generated data of any native type."""
    kind = draw(st.sampled_from(NATIVE))
    count = draw(st.one_of(st.integers(1, 8), st.integers(15, 40)))
    categories = draw(st.lists(TEXT, min_size=count, max_size=count))
    series_count = 1 if kind in ("pie", "trend") else draw(st.integers(1, 4))
    series = tuple(
        (draw(TEXT), tuple(draw(st.lists(VALUE, min_size=count, max_size=count))))
        for _ in range(series_count)
    )
    figure = draw(st.sampled_from(["number", "percent", "currency", "compact", "compact-currency"]))
    currency = draw(st.sampled_from(["EUR", "USD", "GBP", "JPY"]))
    data = ChartData(tuple(categories), series, figure, currency)  # type: ignore[arg-type]
    title = draw(st.one_of(st.none(), TEXT))
    chart = Chart.model_construct(type="line" if kind == "trend" else kind, title=title)
    theme = THEMES[draw(st.sampled_from(sorted(THEMES)))]
    language = draw(st.sampled_from(["it-IT", "en-GB", "en-US", "de-DE", "fr-FR"]))
    size = (draw(st.integers(2, 12)) * EMU // 2, draw(st.integers(2, 8)) * EMU // 2)
    plan = plan_chart(chart, data, theme, language, size, lambda text: len(text) * 0.55)
    if kind == "trend":  # a trend is planned as a line of its metrics' periods
        plan = dataclasses.replace(plan, type="trend")
    return plan, theme, language


def written_chart(
    writer: Writer, prs: object, plan: ChartPlan, theme: Theme, language: str
) -> dict[str, object]:
    """``plan`` written by ``writer`` on a new slide of ``prs``: every byte the slide adds."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # type: ignore[attr-defined]
    ctx = SimpleNamespace(theme=theme, stamp=STAMP, language=language)
    with scoped_pptx_patches():
        box = Box(457200, 1371600, 7 * EMU, 4 * EMU)
        writer(ctx, slide, NativeChartShape(box, plan, f"Alt «{plan.title}»"))
        keep_as_written(slide, language)
    [chart] = [r.target_part for r in slide.part.rels.values() if r.reltype == RT.CHART]
    [workbook] = [r.target_part for r in chart.rels.values()]
    return {
        "slide": slide.part.blob,
        "slide rels": slide.part.rels.xml,
        "chart name": chart.partname,
        "chart": chart.blob,
        "chart rels": chart.rels.xml,
        "workbook name": workbook.partname,
        "workbook": workbook.blob,
    }


@pytest.fixture(scope="module")
def presentations() -> Iterator[tuple[object, object]]:
    """One presentation per writer, used by every example: both get the same slides."""
    pair = Presentation(), Presentation()
    for prs in pair:
        make_linear(prs)
    yield pair


@given(planned=plans())
@examples(150)
def test_every_plan_is_written_as_python_pptx_wrote_it(
    planned: tuple[ChartPlan, Theme, str], presentations: tuple[object, object]
) -> None:
    plan, theme, language = planned
    note(repr(plan))
    reference, fast = presentations
    expected = written_chart(chart_reference.write_chart, reference, plan, theme, language)
    got = written_chart(charts.write_chart, fast, plan, theme, language)
    for key, value in expected.items():
        assert got[key] == value, key
    for key in ("slide", "chart"):  # well-formed, and already as lxml writes it
        tree = etree.fromstring(got[key])  # type: ignore[arg-type]
        assert etree.tostring(tree, encoding="UTF-8", standalone=True) == got[key]


@pytest.mark.parametrize(
    "deck",
    [DEFAULT_DECK, CASES / "chart-native" / "deck.yaml", REPO / "examples/serie-csv/deck.yaml"],
    ids=["default", "chart-native", "serie-csv"],
)
def test_decks_are_the_bytes_python_pptx_wrote(deck: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = compile_deck(deck).data
    monkeypatch.setitem(shapes.WRITERS, NativeChartShape, chart_reference.write_chart)
    assert fast == compile_deck(deck).data


def workbook_parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


LONG = "x" * 16000 + "😀" * 9000  # past Excel's 32,767 UTF-16 units, a pair at the cut


@pytest.mark.parametrize(
    ("categories", "series", "number_format"),
    [
        (["a", "b"], [(f"s{i}", [float(i), None]) for i in range(30)], "#,##0"),  # to AE
        (["", ""], [("", [1.0, 2.0])], "0"),  # no text at all: no shared strings
        (["a", "a", "b"], [("a", [1.0, 2.0, 3.0])], "General"),
        ([LONG, LONG[:-1], "z"], [(LONG, [1.0, 2.0, 3.0])], '#,##0.0" €"'),
        ([f"c{i}" for i in range(40)], [("v", [float(i) for i in range(40)])], "0.00%"),
    ],
    ids=["many-series", "no-text", "general", "long-text", "many-rows"],
)
def test_workbooks_python_pptx_would_not_get_from_a_plan(
    categories: list[str], series: list[tuple[str, list[float | None]]], number_format: str
) -> None:
    """Layouts plans do not make but the writer takes: columns past Z, no shared strings,
    Excel's built-in formats, texts Excel truncates, row spans past 16 rows."""
    expected = chart_reference.workbook(categories, series, number_format, STAMP)
    assert workbook_blob(categories, series, number_format, STAMP) == expected


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cells(blob: bytes) -> dict[str, str | float | None]:
    """A workbook's cells as a spreadsheet reads them: text, number, or blank (``None``)."""
    parts = workbook_parts(blob)
    strings = []
    if "xl/sharedStrings.xml" in parts:
        table = etree.fromstring(parts["xl/sharedStrings.xml"])
        strings = ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in table]
    found: dict[str, str | float | None] = {}
    for cell in etree.fromstring(parts["xl/worksheets/sheet1.xml"]).iter(f"{MAIN}c"):
        value = cell.findtext(f"{MAIN}v")
        found[cell.get("r")] = (
            None if value is None else strings[int(value)] if cell.get("t") == "s" else float(value)
        )
    return found


RICH = "<r>&</r>"


def test_a_text_like_rich_string_xml_is_a_text_in_the_workbook() -> None:
    """XlsxWriter writes ``<r>…</r>`` into the shared strings as it is (``<si><r>&</r></si>``:
    XML Excel cannot read); here it is a text like any other. Every other cell is the one
    python-pptx's workbook has."""
    categories, series = [RICH, "b", "=1+1"], [("<r>x</r>", [1.0, None, 2.5])]
    blob = workbook_blob(categories, series, "#,##0", STAMP)
    for name, data in workbook_parts(blob).items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(data)  # well-formed
    got = cells(blob)
    assert got == {
        "A2": RICH,
        "A3": "b",
        "A4": "=1+1",
        "B1": "<r>x</r>",
        "B2": 1.0,
        "B3": None,
        "B4": 2.5,
    }
    reference = chart_reference.workbook(
        ["a", "b", "=1+1"], [("x", [1.0, None, 2.5])], "#,##0", STAMP
    )
    assert cells(reference) == got | {"A2": "a", "B1": "x"}
