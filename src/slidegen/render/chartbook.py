"""A chart's embedded workbook, written directly: the bytes python-pptx's XlsxWriter workbook
has once :func:`slidegen.save.deterministic_zip` has fixed its times, in a fraction of the time.

python-pptx makes each chart's workbook with XlsxWriter: ten parts written through its XML
writer and deflated into a zip, which slidegen then unpacks and packs again to fix the entry
times and the creation date, about 2.5 ms a chart (1.2 s for 500 charts, more than pandoc
takes for the whole deck). Only the sheet, its shared strings and its number format change
from one chart to the next: those are written here as XlsxWriter writes them, the other parts
are XlsxWriter's own (:mod:`.workbook_theme` and below), deflated once per process. The zip
is the one :mod:`zipfile` writes for the same entries (fixed time, level 6).
``tests/test_chart_writer.py`` checks the bytes against python-pptx's workbook for every plan.

One difference, on purpose: XlsxWriter writes a text that starts with ``<r>`` and ends with
``</r>`` into the workbook as raw XML (its rich-string form), so a category named
``<r>&</r>`` made a workbook Excel refuses; here every text is a text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import UTC, datetime

from .workbook_theme import THEME
from .zipbytes import Entry, deflated_entry, stored_zip

_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument."
_MAX_STRING = 32767
"""Excel's longest cell text, in UTF-16 units (XlsxWriter truncates to it)."""

# -- XlsxWriter's fixed parts ----------------------------------------------------------------


def _content_types(shared_strings: bool) -> str:
    overrides = [
        ("/docProps/app.xml", _TYPE + "extended-properties+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/xl/styles.xml", _TYPE + "spreadsheetml.styles+xml"),
        ("/xl/theme/theme1.xml", _TYPE + "theme+xml"),
        ("/xl/workbook.xml", _TYPE + "spreadsheetml.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", _TYPE + "spreadsheetml.worksheet+xml"),
    ]
    if shared_strings:
        overrides.append(("/xl/sharedStrings.xml", _TYPE + "spreadsheetml.sharedStrings+xml"))
    return (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
        + "</Types>"
    )


def _relationships(targets: Sequence[tuple[str, str]]) -> str:
    return (
        f'{_DECLARATION}<Relationships xmlns="{_RELS}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
            for n, (kind, target) in enumerate(targets, 1)
        )
        + "</Relationships>"
    )


_ROOT_RELS = _relationships(
    [
        (f"{_DOCUMENT}/officeDocument", "xl/workbook.xml"),
        (f"{_RELS}/metadata/core-properties", "docProps/core.xml"),
        (f"{_DOCUMENT}/extended-properties", "docProps/app.xml"),
    ]
)


def _workbook_rels(shared_strings: bool) -> str:
    targets = [
        (f"{_DOCUMENT}/worksheet", "worksheets/sheet1.xml"),
        (f"{_DOCUMENT}/theme", "theme/theme1.xml"),
        (f"{_DOCUMENT}/styles", "styles.xml"),
    ]
    if shared_strings:
        targets.append((f"{_DOCUMENT}/sharedStrings", "sharedStrings.xml"))
    return _relationships(targets)


_WORKBOOK = (
    f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_DOCUMENT}"><fileVersion appName="xl" '
    'lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/>'
    '<bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" '
    'windowHeight="9660"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
    '</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
)
_APP = (
    f"{_DECLARATION}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>"
    '<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant">'
    "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4>"
    '</vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" '
    'baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr></vt:vector></TitlesOfParts><Company>'
    "</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
)


def _core(stamp: datetime) -> str:
    """The workbook's creation and modification time: the build's stamp, as
    :func:`slidegen.save.deterministic_zip` writes it."""
    when = stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{_DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator></dc:creator>'
        "<cp:lastModifiedBy></cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _styles(number_format: str | None) -> str:
    """The default style, python-pptx's ``General`` one for categories and the values' style
    (``None``: no values, or the same as ``General``)."""
    formats = ""
    value_style = ""
    if number_format is not None:
        if number_format == "0":
            number_id = 1  # Excel's own "0"
        else:
            number_id = 164  # the first custom format
            formats = (
                f'<numFmts count="1"><numFmt numFmtId="164" '
                f'formatCode="{_escape_attribute(number_format)}"/></numFmts>'
            )
        value_style = (
            f'<xf numFmtId="{number_id}" fontId="0" fillId="0" borderId="0" xfId="0" '
            'applyNumberFormat="1"/>'
        )
    plain = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    return (
        f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">{formats}<fonts count="1"><font>'
        '<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
        '<scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill '
        'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
        f'borderId="0"/></cellStyleXfs><cellXfs count="{3 if value_style else 2}">{plain}'
        f'{plain}{value_style}</cellXfs><cellStyles count="1"><cellStyle name="Normal" '
        'xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" '
        'defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>'
        "</styleSheet>"
    )


# -- XlsxWriter's escaping -----------------------------------------------------------------------

_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_LEADING_SPACE = re.compile(r"^\s")
_TRAILING_SPACE = re.compile(r"\s$")


def _escape_attribute(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "&#xA;")
    )


def _shared_string(text: str) -> str:
    """``<si>`` as XlsxWriter writes it: control characters as ``_xHHHH_`` (and a literal
    ``_xHHHH_`` escaped), leading or trailing space preserved, ``& < >`` escaped."""
    text = _ESCAPED_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    space = (
        ' xml:space="preserve"'
        if _LEADING_SPACE.search(text) or _TRAILING_SPACE.search(text)
        else ""
    )
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<si><t{space}>{text}</t></si>"


def _truncated(text: str) -> str:
    """``text`` cut to Excel's limit without splitting a character (XlsxWriter's rule)."""
    if len(text) <= _MAX_STRING // 2:
        return text
    length = 0
    for index, char in enumerate(text):
        length += 2 if ord(char) > 0xFFFF else 1
        if length > _MAX_STRING:
            return text[:index]
    return text


def _column(index: int) -> str:
    """Column letters of 0-based ``index``."""
    letters, number = "", index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# -- the sheet -------------------------------------------------------------------------------------


def _sheet(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    value_style: int,
) -> tuple[str, list[str], int]:
    """python-pptx's layout (categories in column A from row 2, a column per series with its
    name on row 1), as XlsxWriter writes it; the shared strings and how often they are used."""
    strings: dict[str, int] = {}
    uses = 0
    rows: dict[int, dict[int, str]] = {}

    def shared(text: str) -> int:
        nonlocal uses
        uses += 1
        return strings.setdefault(text, len(strings))

    for row, name in enumerate(categories, 1):
        name = _truncated(name)
        ref = f"A{row + 1}"
        cell = f'<c r="{ref}" s="1"/>'  # an empty name: a blank cell with its style
        if name != "":
            cell = f'<c r="{ref}" s="1" t="s"><v>{shared(name)}</v></c>'
        rows.setdefault(row, {})[0] = cell
    for index, (name, values) in enumerate(series):
        column = index + 1
        letters = _column(column)
        name = _truncated(name)
        if name != "":  # XlsxWriter writes no empty cell without a style
            rows.setdefault(0, {})[column] = f'<c r="{letters}1" t="s"><v>{shared(name)}</v></c>'
        for row, value in enumerate(values, 1):
            ref = f'r="{letters}{row + 1}" s="{value_style}"'
            rows.setdefault(row, {})[column] = (
                f"<c {ref}/>" if value is None else f"<c {ref}><v>{value:.16G}</v></c>"
            )
    return _sheet_xml(rows), list(strings), uses


def _sheet_xml(rows: dict[int, dict[int, str]]) -> str:
    if rows:
        first, last = min(rows), max(rows)
        columns = [c for cells in rows.values() for c in cells]
        left, right = min(columns), max(columns)
        start, end = f"{_column(left)}{first + 1}", f"{_column(right)}{last + 1}"
        dimension = start if (first, left) == (last, right) else f"{start}:{end}"
    else:
        dimension = "A1"
    # XlsxWriter's "spans": the columns used in each block of 16 rows.
    spans: dict[int, str] = {}
    for block in {row // 16 for row in rows}:
        used = [c for row, cells in rows.items() if row // 16 == block for c in cells]
        spans[block] = f"{min(used) + 1}:{max(used) + 1}"
    data = "".join(
        f'<row r="{row + 1}" spans="{spans[row // 16]}">'
        + "".join(rows[row][column] for column in sorted(rows[row]))
        + "</row>"
        for row in sorted(rows)
    )
    return (
        f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_DOCUMENT}">'
        f'<dimension ref="{dimension}"/><sheetViews><sheetView tabSelected="1" '
        'workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>'
        '<col min="1" max="1" width="10.7109375" customWidth="1"/></cols>'
        f"<sheetData>{data}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>'
    )


# -- the package -------------------------------------------------------------------------------


@functools.cache
def _fixed(name: str, variant: bool = False) -> Entry:
    """The parts that never change, deflated once."""
    text = {
        "[Content_Types].xml": lambda: _content_types(variant),
        "_rels/.rels": lambda: _ROOT_RELS,
        "xl/_rels/workbook.xml.rels": lambda: _workbook_rels(variant),
        "xl/workbook.xml": lambda: _WORKBOOK,
        "xl/theme/theme1.xml": lambda: THEME,
        "docProps/app.xml": lambda: _APP,
    }[name]()
    return deflated_entry(name, text)


@functools.lru_cache(maxsize=16)
def _styles_entry(number_format: str | None) -> Entry:
    return deflated_entry("xl/styles.xml", _styles(number_format))


@functools.lru_cache(maxsize=4)
def _core_entry(stamp: datetime) -> Entry:
    return deflated_entry("docProps/core.xml", _core(stamp))


def workbook_blob(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    number_format: str,
    stamp: datetime,
) -> bytes:
    """The ``.xlsx`` python-pptx embeds for a category chart of ``series`` over
    ``categories``, its values in ``number_format``, created at ``stamp``."""
    values_format = None if not series or number_format == "General" else number_format
    sheet, strings, uses = _sheet(categories, series, 1 if values_format is None else 2)
    shared = bool(strings)
    entries = [
        _fixed("[Content_Types].xml", shared),
        _fixed("_rels/.rels"),
        _fixed("xl/_rels/workbook.xml.rels", shared),
        deflated_entry("xl/worksheets/sheet1.xml", sheet),
        _fixed("xl/workbook.xml"),
    ]
    if shared:
        table = "".join(_shared_string(text) for text in strings)
        entries.append(
            deflated_entry(
                "xl/sharedStrings.xml",
                f'{_DECLARATION}<sst xmlns="{_MAIN}" count="{uses}" '
                f'uniqueCount="{len(strings)}">{table}</sst>',
            )
        )
    entries += [
        _styles_entry(values_format),
        _fixed("xl/theme/theme1.xml"),
        _core_entry(stamp),
        _fixed("docProps/app.xml"),
    ]
    return stored_zip(entries)
