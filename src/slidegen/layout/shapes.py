"""The plan of a slide: its layout, its title, and every shape on it, in reading order, with
every box, text size and line break decided. The writers (:mod:`slidegen.render.shapes`)
write these as they are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..chartplan import ChartPlan
from ..gaugeplan import GaugePlan
from ..model import Chart
from ..tableplan import PagePlan, TablePlan
from .geometry import Box
from .paras import Para
from .textplan import TextPlan
from .tileplan import TileGridPlan, TileText


@dataclass(frozen=True)
class TextShape:
    """A text box: ``paras`` set as ``plan`` says."""

    box: Box
    paras: tuple[Para, ...]
    plan: TextPlan
    name: str
    anchor: str = "top"


@dataclass(frozen=True)
class PlaceholderText:
    """Text in the slide's own text placeholder (the cover's details, a divider's subtitle),
    which sits at ``box``; ``inherit``: the template's alignment and anchor are kept."""

    box: Box
    paras: tuple[Para, ...]
    plan: TextPlan
    name: str
    inherit: bool = False


@dataclass(frozen=True)
class TilesShape:
    """Metric tiles: their texts, and the grid they are set in."""

    texts: tuple[TileText, ...]
    plan: TileGridPlan


@dataclass(frozen=True)
class NativeChartShape:
    """A native chart (editable, its data embedded) exactly as planned."""

    box: Box
    plan: ChartPlan
    alt: str


@dataclass(frozen=True)
class GaugeChartShape:
    """Progress towards targets, drawn as a picture of gauges."""

    box: Box
    chart: Chart
    gauges: tuple[GaugePlan, ...]
    alt: str


@dataclass(frozen=True)
class TableShape:
    """The rows of one slide of a table (``page`` of ``plan``), at ``box``."""

    box: Box
    plan: TablePlan
    page: PagePlan
    alt: str


@dataclass(frozen=True)
class PictureShape:
    """A picture from the project, fitted to ``box``."""

    box: Box
    path: Path
    alt: str


@dataclass(frozen=True)
class LineShape:
    """A straight line from ``(left, top)`` to ``(right, top)`` of ``box``."""

    box: Box
    color: str
    width_pt: float
    name: str


@dataclass(frozen=True)
class DotShape:
    """A round marker: outlined in ``line``, filled with ``fill``."""

    box: Box
    line: str
    fill: str
    line_pt: float
    name: str


Shape = (
    TextShape
    | PlaceholderText
    | TilesShape
    | NativeChartShape
    | GaugeChartShape
    | TableShape
    | PictureShape
    | LineShape
    | DotShape
)


@dataclass(frozen=True)
class SlidePlan:
    """One slide: the layout it is on, its title and how it is set, its shapes."""

    layout: str
    title: str
    """As the deck writes it (inline markup)."""
    title_color: str
    title_align: str
    title_anchor: str
    shapes: tuple[Shape, ...]
    title_spare: tuple[float, float] = (0.0, 0.0)
    """Points of the title box left empty at its left and right, so that a title of several
    lines breaks evenly and no line ends after a word's hyphen
    (:func:`~slidegen.layout.titleplan.title_spare`): on the side away from its alignment."""

    @property
    def keeps_text_placeholder(self) -> bool:
        return any(isinstance(shape, PlaceholderText) for shape in self.shapes)
