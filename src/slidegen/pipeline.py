"""The stages before writing, shared by ``build`` and ``check``: load → validate → resolve
→ layout. Nothing here imports python-pptx's writers: ``check`` stops after layout."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from .checks import theme_contrast_findings
from .deck import Deck
from .errors import DeckError, Location, Problem
from .layout.deck import DeckPlan, lay_out_deck
from .loader import Loaded, load_yaml
from .messages import say
from .model import DeckInfo, check_language
from .resolve import PeriodData, history_findings, unknown_period_id_findings
from .stages import ResolvedSources, resolve_sources
from .theme_loader import LoadedTheme
from .titles import duplicate_title_findings
from .validate import problems_from_validation


@dataclass
class Prepared:
    """A deck loaded, validated and resolved, and when it is built."""

    path: Path
    project: Path
    loaded: Loaded
    sources: ResolvedSources
    stamp: datetime
    timestamp_rule: dict[str, str | int] = field(default_factory=dict)
    """Where the file's dates came from (``SOURCE_DATE_EPOCH``, ``deck.date`` or default)."""

    @property
    def deck(self) -> Deck:
        return self.sources.deck


@dataclass(frozen=True)
class Checked:
    """What ``check`` reports: the slides the deck takes and every finding."""

    info: DeckInfo
    slides: int
    findings: list[Problem]


def load_deck(path: Path) -> tuple[Deck, Loaded]:
    """Load and validate a deck file; all schema errors at once, each located."""
    loaded = load_yaml(path, display_name=_display(path))
    if not isinstance(loaded.data, dict):
        raise DeckError(Problem(loaded.locate(()), say("top_level_not_mapping")))
    try:
        return Deck.model_validate(loaded.data), loaded
    except ValidationError as exc:
        raise DeckError(problems_from_validation(exc, loaded, Deck)) from None


def prepare(
    path: Path,
    theme_name: str | None = None,
    *,
    period: str | None = None,
    allow_missing: bool = False,
    language: str | None = None,
) -> Prepared:
    """Load, validate and resolve the deck at ``path``.

    ``period`` picks the period file of a period-driven deck (default: the deck's
    ``data.period``, else the latest); ``allow_missing`` lets missing values through, shown
    as missing, instead of refusing; ``language`` overrides the deck's (numbers, text
    language).
    """
    deck, loaded = load_deck(path)
    project = path.resolve().parent
    if language:
        try:
            check_language(language)
        except ValueError as error:
            raise DeckError(Problem(Location("--language"), str(error))) from None
        deck = deck.model_copy(update={"deck": deck.deck.model_copy(update={"language": language})})
    sources = resolve_sources(
        deck, loaded, project, theme_name=theme_name, period=period, allow_missing=allow_missing
    )
    stamp, rule = _timestamp(sources.deck)
    return Prepared(path, project, loaded, sources, stamp, rule)


def lay_out(prepared: Prepared) -> DeckPlan:
    """The layout stage: every slide's plan, and the findings of what does not fit."""
    sources = prepared.sources
    return lay_out_deck(
        sources.deck,
        prepared.loaded,
        sources.theme.theme,
        prepared.project,
        sources.logo,
        sources.theme.base,
    )


def check_deck(
    path: Path,
    theme_name: str | None = None,
    *,
    period: str | None = None,
    allow_missing: bool = False,
    language: str | None = None,
) -> Checked:
    """Everything ``build`` decides, without writing anything: the deck laid out in memory,
    with every error and finding a build would report."""
    prepared = prepare(
        path, theme_name, period=period, allow_missing=allow_missing, language=language
    )
    plan = lay_out(prepared)
    return Checked(prepared.deck.deck, len(plan.slides), findings_of(plan, prepared))


def findings_of(plan: DeckPlan, prepared: Prepared) -> list[Problem]:
    sources = prepared.sources
    return deck_findings(
        plan.findings, sources.deck, prepared.loaded, sources.periods, sources.theme
    )


def deck_findings(
    laid_out: list[Problem],
    deck: Deck,
    loaded: Loaded,
    periods: PeriodData | None,
    loaded_theme: LoadedTheme,
) -> list[Problem]:
    """Every finding of a deck, once: the layout's, then the data's and the theme's."""
    return _dedupe(
        laid_out
        + history_findings(deck, periods)
        + unknown_period_id_findings(deck, periods)
        + duplicate_title_findings(deck, loaded)
        + theme_contrast_findings(loaded_theme.theme, loaded_theme.source)
        + _template_findings(loaded_theme)
    )


def _template_findings(loaded_theme: LoadedTheme) -> list[Problem]:
    if loaded_theme.template is None:
        return []
    from .template.defaults import missing_font_findings

    fonts = loaded_theme.theme.fonts
    return missing_font_findings(
        loaded_theme.template,
        [(font.name, font.standin) for font in (fonts.heading, fonts.body)],
        loaded_theme.source.locate(("template",)),
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


_FIRST_ZIP_SECOND = 315532800  # 1980-01-01, the first time a zip entry can hold
_LAST_SECOND = 253402300799  # 9999-12-31 23:59:59


def _timestamp(deck: Deck) -> tuple[datetime, dict[str, str | int]]:
    """SOURCE_DATE_EPOCH (reproducible-builds.org), else the deck's date, else 1980-01-01.

    Returns the time and the rule that gave it (recorded in archive manifests).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip():  # set but empty: as good as unset
        # reproducible-builds.org: a value that is not a number of seconds is an error, never
        # silently ignored; zip entries and Office dates cannot go before 1980 or past 9999.
        seconds = int(epoch) if re.fullmatch(r"[0-9]{1,12}", epoch) else None
        if seconds is None or not _FIRST_ZIP_SECOND <= seconds <= _LAST_SECOND:
            raise DeckError(
                Problem(
                    Location("SOURCE_DATE_EPOCH"),
                    say("bad_epoch", value=epoch[:40]),
                )
            )
        return datetime.fromtimestamp(seconds, UTC), {
            "source": "SOURCE_DATE_EPOCH",
            "epoch": seconds,
        }
    if deck.deck.date:
        day = deck.deck.date
        stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)
        return stamp, {"source": "deck.date", "epoch": int(stamp.timestamp())}
    stamp = datetime(1980, 1, 1, tzinfo=UTC)
    return stamp, {"source": "default (1980-01-01)", "epoch": int(stamp.timestamp())}


def _dedupe(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.location, p.message))
