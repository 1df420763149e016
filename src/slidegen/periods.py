"""Reporting periods: one data file per period (``data/periods/<id>.yaml``), values by metric id.

The deck keeps structure and wording; each period's figures live in their own file, so a
number is typed once and next period's deck is the same source with a new file. Periods sort
by id (``2014-H2`` < ``2015-H1``); the previous period gives each metric its change.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .dates import Date
from .errors import DeckError, Location, Problem
from .loader import Loaded, load_yaml
from .messages import say
from .metric import IDENTIFIER, MetricDefinition
from .model import Flag, NumberOrText, ShortText, StrictModel, Text
from .validate import problems_from_validation

# Period ids begin with their year, so other YAML files in the folder are not periods.
PERIOD_ID = re.compile(r"^[0-9]{4}[0-9A-Za-z._-]{0,36}$")
_DIGITS = re.compile(r"(\d+)")


def period_order(period_id: str) -> tuple[Any, ...]:
    """Natural order: 2015-9 before 2015-10, 2015-H1 before 2015-H2."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(period_id))


_HALF = re.compile(r"^(?P<year>\d{4})-H(?P<half>[12])$")
_QUARTER = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")


class PeriodValue(StrictModel):
    """A value with words around it for this period (``{value: cento, qualifier: Oltre}``)."""

    value: NumberOrText | None = None
    """The figure; ``null`` while it is still to be collected."""
    qualifier: Text | None = None
    """A word before the value this period, e.g. ``Oltre``."""
    note: Text | None = None
    """A small line under the label, this period only."""


class PeriodFile(StrictModel):
    """A period's data file."""

    period: ShortText
    """The period's id; must match the file name (``2014-H2`` for ``2014-H2.yaml``)."""
    label: ShortText
    """How the deck names the period (cover, footer, changes): ``Luglio – Dicembre 2014``."""
    start: Date | None = None
    """First day of the period."""
    end: Date | None = None
    """Last day of the period (also the deck file's date)."""
    sample: Flag = False
    """True for invented example figures: the cover says so on every build."""
    values: dict[str, NumberOrText | PeriodValue | None]
    """Metric id → value (or ``{value, qualifier, note}``); ``null`` = still to do."""


@dataclass(frozen=True)
class Period:
    """A loaded period file with positions, for located messages."""

    id: str
    path: Path
    data: PeriodFile
    source: Loaded

    def entry(self, metric_id: str) -> PeriodValue | None:
        """The period's value for ``metric_id``; None if the id is absent."""
        if metric_id not in self.data.values:
            return None
        raw = self.data.values[metric_id]
        return raw if isinstance(raw, PeriodValue) else PeriodValue(value=raw)

    def locate(self, metric_id: str) -> Location:
        return self.source.locate(("values", metric_id))


def period_files(folder: Path) -> dict[str, Path]:
    """Period id → file, for every ``<id>.yaml`` in ``folder``, sorted by id."""
    try:
        if not folder.is_dir():
            return {}
    except OSError:  # a name the file system cannot hold (too long): no periods there
        return {}
    files = {p.stem: p for p in folder.glob("*.yaml") if PERIOD_ID.match(p.stem)}
    return dict(sorted(files.items(), key=lambda item: period_order(item[0])))


def load_period(path: Path, project: Path) -> Period:
    display = _display(path, project)
    if not path.resolve().is_relative_to(project.resolve()):
        # Like images and CSV files: what a deck is built from stays in its project.
        named = path.relative_to(project) if path.is_relative_to(project) else path
        raise DeckError(Problem(Location(str(named)), say("period_link_outside")))
    loaded = load_yaml(path, display)
    try:
        data = PeriodFile.model_validate(loaded.data)
    except ValidationError as exc:
        raise DeckError(problems_from_validation(exc, loaded, PeriodFile)) from None
    if data.start and data.end and data.start > data.end:
        raise DeckError(
            Problem(
                loaded.locate(("start",)),
                say("period_start_after_end", start=data.start, end=data.end),
                "start",
            )
        )
    if data.period != path.stem:
        raise DeckError(
            Problem(
                loaded.locate(("period",)),
                say("period_file_name", period=data.period, name=path.name),
                "period",
            )
        )
    return Period(path.stem, path, data, loaded)


def _display(path: Path, project: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(project)) if resolved.is_relative_to(project) else str(path)


def value_problems(
    period: Period, catalogue: dict[str, MetricDefinition], used: set[str]
) -> list[Problem]:
    """Every catalogued metric the deck uses that the period lacks or has mistyped, located."""
    problems = []
    for metric_id in sorted(used):
        entry = period.entry(metric_id)
        if metric_id not in period.data.values:
            where = period.source.locate(("values",))
            message = say("period_no_value", id=metric_id)
            problems.append(Problem(where, message, f"values.{metric_id}"))
        elif entry is None or entry.value is None:
            message = say("period_value_missing", id=metric_id)
            problems.append(Problem(period.locate(metric_id), message, f"values.{metric_id}"))
        else:
            problems += mistyped_values(period, catalogue, {metric_id})
    for field in ("start", "end"):
        if getattr(period.data, field) is None:
            where = period.source.locate((field,))
            problems.append(Problem(where, say("period_date_missing", field=field), field))
    return problems


def mistyped_values(
    period: Period, catalogue: dict[str, MetricDefinition], used: set[str]
) -> list[Problem]:
    """The values of catalogued numbers the deck uses that are not numbers, located."""
    problems = []
    for metric_id in sorted(used):
        definition = catalogue.get(metric_id)
        entry = period.entry(metric_id)
        if entry is None or entry.value is None:
            continue
        if definition and definition.type == "number" and not _is_number(entry.value):
            message = say("period_not_a_number", value=entry.value, id=metric_id)
            problems.append(Problem(period.locate(metric_id), message, f"values.{metric_id}"))
    return problems


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def scaffold(
    new_id: str, latest: Period | None, catalogue: dict[str, MetricDefinition], language: str
) -> str:
    """The text of a new period file: the latest period's ids, every value marked to do."""
    start, end = default_dates(new_id)
    label = default_label(new_id, language)
    ids = list(latest.data.values) if latest else list(catalogue)
    for metric_id in catalogue:
        if metric_id not in ids:
            ids.append(metric_id)
    lines = [
        f"# Figures for {new_id}. Fill in every value marked TODO, then:",
        f"#   slidegen check --period {new_id}",
        f"period: {new_id}",
        f"label: {_yaml_text(label)}",
        f"start: {start.isoformat() if start else 'null  # TODO YYYY-MM-DD'}",
        f"end: {end.isoformat() if end else 'null  # TODO YYYY-MM-DD'}",
        "values:",
    ]
    for metric_id in ids:
        before = latest.entry(metric_id) if latest else None
        hint = (
            f" (was {_one_line(before.value)} in {latest.id})"
            if latest and before and before.value is not None
            else ""
        )
        definition = catalogue.get(metric_id)
        what = f": {_one_line(definition.label)}" if definition else ""
        lines.append(f"  {metric_id}: null  # TODO{what}{hint}")
    return "\n".join(lines) + "\n"


def _one_line(value: Any) -> str:
    """A value shown in a comment: on one line (a comment ends at the line's end, and a value
    of several lines would spill into the file as YAML), and short."""
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _yaml_text(text: str) -> str:
    return f'"{text}"' if re.search(r"[:#\[\]{}&*!|>'\"%@`]|^\s|\s$", text) else text


def default_dates(period_id: str) -> tuple[datetime.date | None, datetime.date | None]:
    """Dates of ``YYYY-H1``/``H2`` and ``YYYY-Q1``…``Q4`` ids; None for other ids."""
    if match := _HALF.match(period_id):
        year, half = int(match["year"]), int(match["half"])
        return datetime.date(year, 1 + 6 * (half - 1), 1), (
            datetime.date(year, 6, 30) if half == 1 else datetime.date(year, 12, 31)
        )
    if match := _QUARTER.match(period_id):
        year, quarter = int(match["year"]), int(match["quarter"])
        first = datetime.date(year, 3 * quarter - 2, 1)
        last_month_end = (
            datetime.date(year + 1, 1, 1)
            if quarter == 4
            else datetime.date(year, 3 * quarter + 1, 1)
        ) - datetime.timedelta(days=1)
        return first, last_month_end
    return None, None


def default_label(period_id: str, language: str) -> str:
    """``Gennaio – Giugno 2015`` for ``2015-H1`` in Italian; the id itself otherwise."""
    from babel.dates import format_date

    start, end = default_dates(period_id)
    if not start or not end:
        return period_id
    locale = language.replace("-", "_")
    first = format_date(start, "LLLL", locale=locale).capitalize()
    last = format_date(end, "LLLL y", locale=locale).capitalize()
    return f"{first} – {last}"


def is_identifier(text: str) -> bool:
    return bool(IDENTIFIER.match(text))
