"""A chart part's XML written from its plan in one pass: the bytes python-pptx's chart
writer and slidegen's edits of its tree (``tests/chart_reference.py``) save, without the tree.

python-pptx writes a default chart from a template, parses it, and each property slidegen sets
(fonts, fills, labels, axes) walks and edits the tree through XPath and schema-order inserts:
about 6 ms a chart (9 with its workbook), most of a deck of charts' build (500 charts took
3 s). The elements and
their order are fixed by the chart kind, so they are written here as text, in the order and
with the escaping lxml gives them: ``tests/test_chart_writer.py`` checks that every plan
gives exactly the bytes of the reference writer. Nothing is decided here: the plan says what
is drawn, python-pptx's template what a default chart holds.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from ..chartplan import AxisPlan, ChartPlan, SeriesPlan
from ..theme import Theme

_NAMESPACES = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_EMU_PER_POINT = 12700
_EMU_PER_CENTIPOINT = 127
_POSITIONS = {"outside_end": "outEnd", "center": "ctr", "above": "t", "below": "b"}
_BAR_TYPES = ("bar", "column", "stacked-bar", "stacked-column")
_LINE_TYPES = ("line", "trend")
_ROUND_TYPES = ("pie", "doughnut")
_BLANKS_REMOVED = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-pptx's parser settings (``pptx.oxml.oxml_parser``)."""
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_NO_LABELS = (
    '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)
_SHOW_VALUE = _NO_LABELS.replace('showVal val="0"', 'showVal val="1"')


# -- text as lxml serializes it ----------------------------------------------------------------


def _text(value: str) -> str:
    """Element text as lxml writes it (``\\r`` as a character reference, so it stays one)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _template_text(value: str) -> str:
    """Text python-pptx puts in its template and parses: the parser reads each line end as
    ``\\n`` and, removing blank text as python-pptx asks it to, drops spaces before a ``\\r``
    in some places. Rare (a CSV cell with a lone CR): such a text is parsed as python-pptx
    parses it rather than libxml2's rule restated here."""
    if "\r" in value:
        markup = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        value = etree.fromstring(f"<v>{markup}</v>", _BLANKS_REMOVED).text or ""
    return _text(value)


def _leaf(tag: str, text: str) -> str:
    """An element holding template text; lxml writes an empty one as ``<tag/>``."""
    text = _template_text(text)
    return f"<{tag}>{text}</{tag}>" if text else f"<{tag}/>"


def _attr(value: str) -> str:
    """An attribute value as lxml writes it."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def _rgb(colour: str) -> str:
    """A colour as python-pptx's ``RGBColor`` writes it (upper-case hex)."""
    if len(colour) != 6:
        raise ValueError(f"{colour!r} is not a hex RGB colour")
    int(colour, 16)
    return colour.upper()


def _fill(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{_rgb(colour)}"/></a:solidFill>'


def _centipoints(points: float) -> int:
    """A font size as python-pptx stores ``Pt(points)``."""
    return int(points * _EMU_PER_POINT) // _EMU_PER_CENTIPOINT


def _bound(value: float) -> str:
    """An axis bound or unit: ``0``, not ``0.0`` (python-pptx's ``str(float)``, then
    whole numbers as integers)."""
    number = float(str(float(value)))
    return str(int(number)) if number.is_integer() else repr(number)


def _column(number: int) -> str:
    """The worksheet column letters of 1-based ``number`` (python-pptx's reference)."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# -- the parts of a chart ----------------------------------------------------------------------


def chart_xml(plan: ChartPlan, theme: Theme, language: str, workbook_rid: str) -> bytes:
    """The chart part of ``plan``, its data in the workbook related as ``workbook_rid``."""
    kind = plan.type
    if kind not in (*_BAR_TYPES, *_LINE_TYPES, *_ROUND_TYPES):
        raise ValueError(f"no native chart of type {kind!r}")
    font = _attr(theme.fonts.body.name)
    size = _centipoints(plan.label_size)
    head = (
        f'<c:lang val="{_attr(language)}"/><c:roundedCorners val="0"/>'
        if kind == "pie"
        else f'<c:date1904 val="0"/><c:lang val="{_attr(language)}"/><c:roundedCorners val="0"/>'
    )
    title = (
        _title(plan.title, theme) + '<c:autoTitleDeleted val="0"/>'
        if plan.title
        else '<c:autoTitleDeleted val="1"/>'
    )
    # python-pptx's doughnut template has no language on its end of paragraph; the others
    # have en-US, which the deck's language replaces.
    end_paragraph = (
        "<a:endParaRPr/>" if kind == "doughnut" else f'<a:endParaRPr lang="{_attr(language)}"/>'
    )
    text = (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}">'
        f'{_fill(theme.colors.text)}<a:latin typeface="{font}"/></a:defRPr></a:pPr>'
        f"{end_paragraph}</a:p></c:txPr>"
    )
    layout = "<c:layout/>" if kind == "doughnut" else ""
    plot = f"<c:plotArea>{layout}{_group(plan, theme)}{_axes(plan, theme)}</c:plotArea>"
    xml = (
        f"{_DECLARATION}<c:chartSpace {_NAMESPACES}>{head}<c:chart>{title}{plot}"
        f"{_legend(plan)}{_chart_tail(kind)}</c:chart>{text}"
        f'<c:externalData r:id="{_attr(workbook_rid)}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")


def _chart_tail(kind: str) -> str:
    if kind in (*_LINE_TYPES, "doughnut"):
        return '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/><c:showDLblsOverMax val="0"/>'
    return '<c:dispBlanksAs val="gap"/>'


def _title(title: str, theme: Theme) -> str:
    """python-pptx's ``text_frame.text = title``: a paragraph per line, control characters
    escaped as ``_xHHHH_``; the first run bold in the brand colour."""
    run_properties = (
        f'<a:rPr sz="{_centipoints(theme.sizes.body * 0.8)}" b="1">'
        f"{_fill(theme.colors.primary)}</a:rPr>"
    )
    paragraphs, styled = [], False  # python-pptx styles the first paragraph's first run
    for number, line in enumerate(title.split("\n")):
        parts = []
        for index, piece in enumerate(line.split("\v")):
            if index:
                parts.append("<a:br/>")
            if piece:
                escaped = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", piece)
                properties = run_properties if number == 0 and not styled else ""
                styled = True
                parts.append(f"<a:r>{properties}<a:t>{_text(escaped)}</a:t></a:r>")
        paragraphs.append(f"<a:p>{''.join(parts)}</a:p>" if parts else "<a:p/>")
    return (
        f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>{''.join(paragraphs)}</c:rich></c:tx>"
        '<c:layout/><c:overlay val="0"/></c:title>'
    )


def _group(plan: ChartPlan, theme: Theme) -> str:
    """The chart group (``c:barChart``, ``c:lineChart``, …) with its series."""
    kind = plan.type
    series = "".join(
        _series(plan, theme, index, series) for index, series in enumerate(plan.series)
    )
    axis_ids = '<c:axId val="50000001"/><c:axId val="50000002"/>'
    if kind in _BAR_TYPES:
        direction = "bar" if kind in ("bar", "stacked-bar") else "col"
        stacked = kind.startswith("stacked")
        grouping = "stacked" if stacked else "clustered"
        spacing = '<c:overlap val="100"/>' if stacked else '<c:gapWidth val="60"/>'
        return (
            f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="{grouping}"/>'
            f'<c:varyColors val="0"/>{series}{spacing}{axis_ids}</c:barChart>'
        )
    if kind in _LINE_TYPES:
        return (
            '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
            f'{series}<c:marker val="1"/><c:smooth val="0"/>{axis_ids}</c:lineChart>'
        )
    if kind == "pie":
        return f'<c:pieChart><c:varyColors val="1"/>{series}</c:pieChart>'
    return (
        f'<c:doughnutChart><c:varyColors val="1"/>{series}<c:dLbls>{_NO_LABELS}'
        '<c:showLeaderLines val="1"/></c:dLbls><c:firstSliceAng val="0"/>'
        '<c:holeSize val="50"/></c:doughnutChart>'
    )


def _series(plan: ChartPlan, theme: Theme, index: int, series: SeriesPlan) -> str:
    kind = plan.type
    if kind == "pie" and index:
        raise ValueError("a pie draws one series")  # python-pptx's writer draws the first only
    colour = series.colour
    count = len(plan.categories)
    column = _column(2 + index)
    name = (
        f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0">{_leaf("c:v", series.name)}</c:pt></c:strCache>'
        "</c:strRef></c:tx>"
    )
    if kind in _LINE_TYPES:
        look = (
            f'<c:spPr><a:ln w="{int(2.5 * _EMU_PER_POINT)}">{_fill(colour)}</a:ln></c:spPr>'
            '<c:marker><c:symbol val="circle"/><c:size val="7"/>'
            f"<c:spPr>{_fill(colour)}<a:ln>{_fill(colour)}</a:ln></c:spPr></c:marker>"
        )
    elif series.point_colours:
        border = (
            f'<a:ln w="{int(1.5 * _EMU_PER_POINT)}">{_fill(plan.slice_border)}</a:ln>'
            if plan.slice_border
            else ""
        )
        look = "".join(
            f'<c:dPt><c:idx val="{point}"/><c:spPr>{_fill(fill)}{border}</c:spPr></c:dPt>'
            for point, fill in zip(range(count), series.point_colours, strict=False)
        )
    else:
        look = f"<c:spPr>{_fill(colour)}</c:spPr>"
    categories = "".join(
        f'<c:pt idx="{i}">{_leaf("c:v", str(c))}</c:pt>' for i, c in enumerate(plan.categories)
    )
    values = "".join(
        f'<c:pt idx="{i}"><c:v>{value}</c:v></c:pt>'
        for i, value in enumerate(series.values)
        if value is not None
    )
    end = '<c:smooth val="0"/>' if kind in _LINE_TYPES else ""
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>{name}{look}'
        f"{_labels(plan, theme, series)}"
        f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f><c:strCache>"
        f'<c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${len(series.values) + 1}</c:f>"
        f"<c:numCache>{_leaf('c:formatCode', plan.number_format)}"
        f'<c:ptCount val="{len(series.values)}"/>{values}</c:numCache></c:numRef></c:val>'
        f"{end}</c:ser>"
    )


def _labels(plan: ChartPlan, theme: Theme, series: SeriesPlan) -> str:
    """The series' ``c:dLbls``: one ``c:dLbl`` per point with its own colour and position,
    or deleted where the plan drops the label; then the series' default, the first shown."""
    font, size = theme.fonts.body.name, round(plan.label_size * 100)
    body = functools.partial(_label_body, plan.type, plan.number_format, font, size)
    labels = "".join(
        f'<c:dLbl><c:idx val="{index}"/>'
        + (
            '<c:delete val="1"/>'
            if label.position == "none"
            else body(label.colour, label.position)
        )
        + "</c:dLbl>"
        for index, label in enumerate(series.labels)
    )
    shown = next((label for label in series.labels if label.position != "none"), None)
    default = body(shown.colour, shown.position) if shown else _NO_LABELS
    return f"<c:dLbls>{labels}{default}</c:dLbls>"


@functools.lru_cache(maxsize=256)
def _label_body(
    kind: str, number_format: str, font: str, size: int, colour: str, position: str
) -> str:
    """Number format, no box, bold text in ``colour``, position (doughnuts take none)."""
    place = "" if kind == "doughnut" else f'<c:dLblPos val="{_POSITIONS[position]}"/>'
    return (
        f'<c:numFmt formatCode="{_attr(number_format)}" sourceLinked="0"/>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}" b="1">'
        f'<a:solidFill><a:srgbClr val="{_attr(colour)}"/></a:solidFill>'
        f'<a:latin typeface="{_attr(font)}"/></a:defRPr></a:pPr></a:p></c:txPr>'
        f"{place}{_SHOW_VALUE}"
    )


def _axes(plan: ChartPlan, theme: Theme) -> str:
    """The category and value axes of bars and lines (pies and doughnuts have none)."""
    kind = plan.type
    if kind in _ROUND_TYPES:
        return ""
    horizontal = kind in ("bar", "stacked-bar")
    category_position, value_position = ("l", "b") if horizontal else ("b", "l")
    axis = plan.value_axis
    if axis is None:
        return _default_axes(category_position, value_position)
    muted = _fill(theme.colors.muted)
    size = _centipoints(plan.label_size)
    orientation = "maxMin" if horizontal else "minMax"
    labels = "low" if plan.category_labels_low else "nextTo"
    category = (
        f'<c:catAx><c:axId val="50000001"/><c:scaling><c:orientation val="{orientation}"/>'
        f'</c:scaling><c:delete val="0"/><c:axPos val="{category_position}"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="{labels}"/><c:spPr><a:ln>{muted}</a:ln></c:spPr>'
        '<c:txPr><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr>'
        f'<a:defRPr sz="{size}"/></a:pPr></a:p></c:txPr><c:crossAx val="50000002"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    return category + _value_axis(axis, value_position, size, muted)


def _value_axis(axis: AxisPlan, position: str, size: int, muted: str) -> str:
    gridlines = (
        f'<c:majorGridlines><c:spPr><a:ln w="{int(0.75 * _EMU_PER_POINT)}">'
        f"{_fill(axis.gridline_colour)}</a:ln></c:spPr></c:majorGridlines>"
        if axis.gridline_colour
        else ""
    )
    return (
        f'<c:valAx><c:axId val="50000002"/><c:scaling><c:max val="{_bound(axis.maximum)}"/>'
        f'<c:min val="{_bound(axis.minimum)}"/></c:scaling>'
        f'<c:delete val="{0 if axis.visible else 1}"/><c:axPos val="{position}"/>{gridlines}'
        f'<c:numFmt formatCode="{_attr(axis.number_format)}" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p>"
        f'<a:pPr><a:defRPr sz="{size}">{muted}</a:defRPr></a:pPr></a:p></c:txPr>'
        '<c:crossAx val="50000001"/><c:crosses val="autoZero"/>'
        f'<c:majorUnit val="{_bound(axis.major_unit)}"/></c:valAx>'
    )


def _default_axes(category_position: str, value_position: str) -> str:
    """python-pptx's default axes, for a plan without a value axis."""
    return (
        '<c:catAx><c:axId val="50000001"/><c:scaling><c:orientation val="minMax"/>'
        f'</c:scaling><c:delete val="0"/><c:axPos val="{category_position}"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="50000002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="50000002"/><c:scaling/><c:delete val="0"/>'
        f'<c:axPos val="{value_position}"/><c:majorGridlines/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50000001"/>'
        '<c:crosses val="autoZero"/></c:valAx>'
    )


def _legend(plan: ChartPlan) -> str:
    """The legend python-pptx keeps or adds: its template's (lines and doughnuts) keeps a
    ``c:layout``; right is the schema's default, written without a value."""
    if plan.legend is None:
        return ""
    position = "<c:legendPos/>" if plan.legend == "right" else '<c:legendPos val="b"/>'
    layout = "<c:layout/>" if plan.type in (*_LINE_TYPES, "doughnut") else ""
    return (
        f'<c:legend>{position}{layout}<c:overlay val="0"/><c:txPr><a:bodyPr/><a:lstStyle/>'
        f'<a:p><a:pPr><a:defRPr sz="{_centipoints(plan.label_size)}"/></a:pPr></a:p></c:txPr>'
        "</c:legend>"
    )
