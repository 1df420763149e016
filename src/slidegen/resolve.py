"""Fill a validated deck with a period's figures: metric ids, ``{id}`` in text, trend charts.

Runs after validation and before layout; the renderers only ever see concrete values.
Every problem (unknown id, missing or mistyped value) is collected and located before the
build stops, so one ``slidegen check --period`` lists them all.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .assets import project_file
from .deck import Deck
from .errors import DeckError, Problem
from .figures import format_figure, missing_word
from .loader import Loaded, Path_
from .messages import say
from .metric import Metric, MetricDefinition
from .model import Chart, Series
from .periods import Period, load_period, mistyped_values, period_files, value_problems
from .places import key_of
from .tablecells import TableFiller, cell_problems
from .tablemodel import Table

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}")
PERIOD_PLACEHOLDER = "period"
"""``{period}`` in text is the period's label; in a chart's ``data`` path, its id."""


def _is_file_path(path: Path_) -> bool:
    """A chart's ``data`` file name: its ``{period}`` is the tables' business, not text's."""
    return bool(path) and path[-1] == "data"


@dataclass(frozen=True)
class PeriodData:
    """The period being built, the one before it and all up to it (for trends)."""

    current: Period
    previous: Period | None
    history: tuple[Period, ...]

    @property
    def label(self) -> str:
        return self.current.data.label


def deck_period_files(deck: Deck, loaded: Loaded, project: Path) -> dict[str, Path]:
    """Period id → file in the deck's periods folder, oldest first; a located error when the
    deck has no ``data:`` or the folder holds no period file."""
    if deck.data is None:
        raise DeckError(Problem(loaded.locate(()), say("no_data_section")))
    # The periods folder is inside the project, like every other source.
    where = loaded.locate(("data", "periods"))
    folder = project_file(deck.data.periods, project, where, key_of(("data", "periods"), None))
    files = period_files(folder)
    if not files:
        raise DeckError(
            Problem(
                where,
                say("no_period_files", folder=deck.data.periods),
                "data.periods",
            )
        )
    return files


def load_period_data(
    deck: Deck, loaded: Loaded, project: Path, period_id: str | None
) -> PeriodData | None:
    """The periods of a period-driven deck (``data:`` given); None for inline-only decks."""
    if deck.data is None:
        if period_id:
            raise DeckError(
                Problem(
                    loaded.locate(()),
                    say("period_option_without_data", period=period_id),
                )
            )
        return None
    files = deck_period_files(deck, loaded, project)
    wanted = period_id or deck.data.period or list(files)[-1]
    if wanted not in files:
        listed = ", ".join(files) or say("none")
        where = loaded.locate(
            ("data", "period") if deck.data.period and not period_id else ("data", "periods")
        )
        raise DeckError(
            Problem(
                where,
                say("period_not_found", period=wanted, folder=deck.data.periods, available=listed),
            )
        )
    ids = list(files)
    upto = ids[: ids.index(wanted) + 1]
    history = tuple(load_period(files[p], project) for p in upto)
    previous = history[-2] if len(history) > 1 else None
    return PeriodData(history[-1], previous, history)


def used_metric_ids(deck: Deck) -> dict[str, Path_]:
    """Every metric id the deck uses (tiles, ``{id}`` in text, trend charts), with a place."""
    used: dict[str, Path_] = {}

    def visit(node: Any, path: Path_) -> Any:
        if isinstance(node, Metric) and node.id:
            used.setdefault(node.id, path)
        elif isinstance(node, Chart) and node.metrics:
            for metric_id in node.metrics:
                used.setdefault(metric_id, (*path, "metrics"))
        elif isinstance(node, str) and "{" in node and not _is_file_path(path):
            for match in _PLACEHOLDER.finditer(node):
                if match.group(1) and match.group(1) != PERIOD_PLACEHOLDER:
                    used.setdefault(match.group(1), path)
        return node

    _walk(deck, (), visit)
    return used


def resolve_deck(
    deck: Deck, loaded: Loaded, data: PeriodData | None, allow_missing: bool = False
) -> Deck:
    """The deck with every metric id, ``{id}`` and trend chart replaced by its figures."""
    used = used_metric_ids(deck)
    problems = _unknown_ids(deck, loaded, used) + _table_problems(deck, loaded)
    if used and data is None and not problems:
        first = next(iter(used.values()))
        problems.append(
            Problem(
                loaded.locate(first),
                say("metric_ids_without_data"),
                *key_of(first, loaded.data),
            )
        )
    if data is not None:
        known = {metric_id for metric_id in used if metric_id in deck.metrics}
        if not allow_missing:
            problems += value_problems(data.current, deck.metrics, known)
        else:
            problems += mistyped_values(data.current, deck.metrics, known)
    if problems:
        raise DeckError(problems)
    if data is None:
        return deck
    filler = _Filler(deck, data)
    resolved = _walk(deck, (), filler.visit)
    info = resolved.deck.model_copy(
        update={
            "period": data.label + (f" · {_sample_word(deck)}" if data.current.data.sample else ""),
            "date": resolved.deck.date or data.current.data.end,
            "period_dates": resolved.deck.period_dates or _dates(data, deck.deck.language),
        }
    )
    return resolved.model_copy(update={"deck": info})


def history_findings(deck: Deck, data: PeriodData | None) -> list[Problem]:
    """Warnings for mistyped values in earlier periods: they only leave a gap in trends and
    no change on tiles, but the data file still deserves a fix."""
    if data is None:
        return []
    used = {m for m in used_metric_ids(deck) if m in deck.metrics}
    findings = []
    for period in data.history[:-1]:
        for problem in mistyped_values(period, deck.metrics, used):
            message = say("earlier_not_a_number", problem=problem.message)
            findings.append(Problem(problem.location, message, problem.path, severity="warning"))
    return findings


def unknown_period_id_findings(deck: Deck, data: PeriodData | None) -> list[Problem]:
    """A value under an id the deck's catalogue does not know is never shown: most often a
    typo (``comunicati_stmpa``). A warning at the id in the period file, with the id it
    probably meant; ``--strict`` makes it an error."""
    if data is None:
        return []
    known = list(deck.metrics)
    findings = []
    for period in data.history:
        for metric_id in period.data.values:
            if metric_id in deck.metrics:
                continue
            close = difflib.get_close_matches(metric_id, known, n=1)
            hint = say("did_you_mean", name=close[0]) if close else ""
            findings.append(
                Problem(
                    period.source.locate(("values", metric_id), key=True),
                    say("period_unknown_id", id=metric_id, hint=hint),
                    f"values.{metric_id}",
                    severity="warning",
                )
            )
    return findings


def _dates(data: PeriodData, language: str) -> str | None:
    """``1 luglio 2014 – 31 dicembre 2014`` (Babel's long date format for the language)."""
    from babel.dates import format_date

    start, end = data.current.data.start, data.current.data.end
    if not start or not end:
        return None
    locale = language.replace("-", "_")
    return (
        f"{format_date(start, 'long', locale=locale)} – {format_date(end, 'long', locale=locale)}"
    )


def _sample_word(deck: Deck) -> str:
    return (
        "dati di esempio inventati"
        if deck.deck.language.startswith("it")
        else "invented sample data"
    )


def _table_problems(deck: Deck, loaded: Loaded) -> list[Problem]:
    """Bad dates and change cells naming no metric, in the deck's own table rows."""
    problems: list[Problem] = []

    def visit(node: Any, path: Path_) -> Any:
        if isinstance(node, Table) and node.data is None:

            def locate(row: int, column: int) -> tuple[Any, str, str]:
                place = (*path, "rows", row, column)
                return (loaded.locate(place), *key_of(place, loaded.data))

            problems.extend(cell_problems(node, locate))
        return node

    _walk(deck, (), visit)
    return problems


def _unknown_ids(deck: Deck, loaded: Loaded, used: dict[str, Path_]) -> list[Problem]:
    problems = []
    for metric_id, path in used.items():
        if metric_id not in deck.metrics:
            close = difflib.get_close_matches(metric_id, list(deck.metrics), n=1)
            hint = say("did_you_mean", name=close[0]) if close else ""
            defined = ", ".join(deck.metrics) or say("none")
            listed = "" if hint else say("metrics_defined", ids=defined)
            problems.append(
                Problem(
                    loaded.locate(path),
                    say("unknown_metric_id", id=metric_id, hint=hint, listed=listed),
                    *key_of(path, loaded.data),
                )
            )
    return problems


class _Filler:
    def __init__(self, deck: Deck, data: PeriodData) -> None:
        self.catalogue: dict[str, MetricDefinition] = deck.metrics
        self.data = data
        self.language = deck.deck.language

    def visit(self, node: Any, path: Path_) -> Any:
        if isinstance(node, str):  # the most common node, first
            if "{" in node and not _is_file_path(path):
                return _PLACEHOLDER.sub(self.placeholder, node)
            return node
        if isinstance(node, Metric) and node.id:
            return self.metric(node)
        if isinstance(node, Chart) and node.type == "trend" and node.metrics:
            return self.trend(node)
        if isinstance(node, Table) and node.data is None:
            filler = TableFiller(
                self.catalogue, self.data.current, self.data.previous, self.language, self.text
            )
            return filler.fill(node)
        return node

    def text(self, text: str) -> str:
        """``text`` with its ``{id}`` and ``{period}`` filled in."""
        return _PLACEHOLDER.sub(self.placeholder, text) if "{" in text else text

    def placeholder(self, match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        if match.group(1) == PERIOD_PLACEHOLDER:
            return self.data.label
        entry = self.data.current.entry(match.group(1))
        if entry is None or entry.value is None:
            return f"[{missing_word(self.language)}: {match.group(1)}]"
        return self.text_of(match.group(1), entry.value)

    def text_of(self, metric_id: str, value: Any) -> str:
        definition = self.catalogue[metric_id]
        if isinstance(value, int | float):
            return format_figure(value, self.language, definition.format, definition.currency)
        return str(value)

    def metric(self, metric: Metric) -> Metric:
        definition = self.catalogue[metric.id or ""]
        entry = self.data.current.entry(metric.id or "")
        before = self.data.previous.entry(metric.id or "") if self.data.previous else None
        filled: dict[str, Any] = {
            "label": metric.label or definition.label,
            "unit": metric.unit or definition.unit,
            "note": metric.note or (entry.note if entry else None) or definition.note,
            "qualifier": metric.qualifier or (entry.qualifier if entry else None),
            "format": definition.format,
            "currency": definition.currency,
            "good": metric.good or definition.good,
            "target": metric.target if metric.target is not None else definition.target,
        }
        if metric.value is None:
            value = entry.value if entry else None
            filled["value"] = value
            filled["missing"] = value is None
        if before is not None and before.value is not None and self.data.previous:
            filled["previous"] = before.value
            filled["previous_label"] = self.data.previous.data.label
        return metric.model_copy(update=filled)

    def trend(self, chart: Chart) -> Chart:
        categories = [p.data.label for p in self.data.history]
        series = []
        for metric_id in chart.metrics or []:
            values = []
            for period in self.data.history:
                entry = period.entry(metric_id)
                number = entry.value if entry else None
                values.append(number if isinstance(number, int | float) else None)
            series.append(Series(name=self.catalogue[metric_id].label, values=values))
        update: dict[str, Any] = {"categories": categories, "series": series}
        definitions = [self.catalogue[m] for m in chart.metrics or []]
        formats = {(d.format, d.currency) for d in definitions}
        if chart.format is None and len(formats) == 1:
            update["format"], update["currency"] = formats.pop()  # labels keep the metric's %
        return chart.model_copy(update=update)


_UNVISITED = (type(None), bool, int, float, datetime.date)
"""Values no visitor changes or reads: a deck's numbers, flags, dates and unset keys (most
keys of most slides), skipped without building their paths."""


def _walk(node: Any, path: Path_, visit: Callable[[Any, Path_], Any]) -> Any:
    """Rebuild ``node`` bottom-up through ``visit``, sharing whatever did not change.

    ``visit`` sees every model, every list item and every string, with its path. Strings
    are the most common nodes and are told apart first (a model check goes through
    pydantic's metaclass)."""
    if isinstance(node, str):
        return visit(node, path)
    if isinstance(node, list):
        items = [_walk(item, (*path, i), visit) for i, item in enumerate(node)]
        return items if any(a is not b for a, b in zip(items, node, strict=True)) else node
    if isinstance(node, BaseModel):
        replaced = visit(node, path)
        if replaced is not node:
            return replaced
        updates = {}
        for name, value in node.__dict__.items():  # a model's fields, in their order
            if isinstance(value, _UNVISITED):
                continue
            new = _walk(value, (*path, name), visit)
            if new is not value:
                updates[name] = new
        return node.model_copy(update=updates) if updates else node
    if isinstance(node, dict):
        return node  # the catalogue: definitions, not content
    return visit(node, path)
