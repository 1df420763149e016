"""Build every period of a period-driven deck, in parallel processes.

Each period is its own process (python-pptx and the renderers are CPU-bound, so threads would
not help), one failing period does not stop the others, and each reports its time.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .build import build_deck, load_deck
from .i18n import current_language, use_language
from .messages import say
from .resolve import deck_period_files


@dataclass(frozen=True)
class PeriodOutcome:
    """What happened to one period's build."""

    period: str
    output: Path | None
    seconds: float
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.output is not None


def deck_periods(deck_path: Path) -> list[str]:
    """The period ids available to a period-driven deck, oldest first."""
    deck, loaded = load_deck(deck_path)
    return list(deck_period_files(deck, loaded, deck_path.resolve().parent))


@dataclass(frozen=True)
class BatchOptions:
    """What every period's build is given, as for a single ``build``."""

    theme: str | None = None
    allow_missing: bool = False
    strict: bool = False
    language: str | None = None
    pdf: bool = False


def _build_one(deck_path: Path, period: str, options: BatchOptions, language: str) -> PeriodOutcome:
    from .errors import SlidegenError

    use_language(language)  # a new process speaks English until told otherwise
    started = time.perf_counter()
    try:
        result = build_deck(
            deck_path,
            theme_name=options.theme,
            strict=options.strict,
            period=period,
            allow_missing=options.allow_missing,
            language=options.language,
            pdf=options.pdf,
        )
    except SlidegenError as error:
        return PeriodOutcome(
            period, None, time.perf_counter() - started, tuple(str(p) for p in error.problems)
        )
    except Exception as error:  # a bug: report it for this period, keep building the others
        message = say("internal_error", error=repr(error))
        return PeriodOutcome(period, None, time.perf_counter() - started, (message,))
    return PeriodOutcome(
        period, result.output, time.perf_counter() - started, tuple(str(p) for p in result.findings)
    )


def build_all_periods(
    deck_path: Path, options: BatchOptions | None = None, workers: int | None = None
) -> list[PeriodOutcome]:
    """Build every period; outcomes in period order."""
    options = options or BatchOptions()
    periods = deck_periods(deck_path)
    workers = max(1, min(len(periods), workers or os.cpu_count() or 1))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(_build_one, deck_path, period, options, current_language())
            for period in periods
        ]
        return [future.result() for future in futures]
