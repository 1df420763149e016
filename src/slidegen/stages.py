"""The resolve stage: the deck's theme, its images, its period's figures and its CSV tables.

Each part reports every problem it finds, and the parts do not stop each other: a deck with a
bad theme colour, a missing image and a bad CSV value shows all three in one run. Nothing is
built while any of them stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assets import resolve_image
from .deck import Deck
from .errors import AssetError, DeckError, Location, Problem, SlidegenError
from .loader import Loaded
from .places import Key, key_of
from .resolve import PeriodData, load_period_data, resolve_deck
from .slides.image import ImageSlide
from .tables import load_tables
from .theme_loader import LoadedTheme, load_theme


@dataclass(frozen=True)
class ResolvedSources:
    """The deck with its figures and tables filled in, and what it is built from."""

    deck: Deck
    periods: PeriodData | None
    tables: list[Path]
    theme: LoadedTheme
    logo: Path | None
    images: list[Path]


def resolve_sources(
    deck: Deck,
    loaded: Loaded,
    project: Path,
    *,
    theme_name: str | None,
    period: str | None,
    allow_missing: bool,
) -> ResolvedSources:
    """Theme, images, period figures and CSV tables, in that order; a :class:`DeckError`
    with every problem of every part when any has one."""
    problems: list[Problem] = []

    def attempt(stage: Any, *args: Any, **kwargs: Any) -> tuple[Any, bool]:
        try:
            return stage(*args, **kwargs), True
        except SlidegenError as error:
            problems.extend(error.problems)
            return None, False

    # An unknown --theme is the command line's fault, not a place in the deck.
    where = Location("--theme") if theme_name else loaded.locate(("deck", "theme"))
    theme, _ = attempt(load_theme, theme_name or deck.deck.theme, project, where)
    assets, _ = attempt(check_assets, deck, loaded, project, theme)
    periods, periods_ok = attempt(load_period_data, deck, loaded, project, period)
    resolved, resolved_ok = (
        attempt(resolve_deck, deck, loaded, periods, allow_missing=allow_missing)
        if periods_ok
        else (None, False)
    )
    tabled = None
    if periods_ok:  # a CSV path may hold {period}: without the period it cannot be known
        period_id = periods.current.id if periods else None
        tabled, _ = attempt(load_tables, resolved or deck, loaded, project, period_id)
    if problems or not resolved_ok or tabled is None or theme is None or assets is None:
        raise DeckError(problems)
    filled, tables = tabled
    logo, images = assets
    return ResolvedSources(filled, periods, tables, theme, logo, images)


def check_assets(
    deck: Deck, loaded: Loaded, project: Path, loaded_theme: LoadedTheme | None
) -> tuple[Path | None, list[Path]]:
    """Check every image before rendering, so one run reports all the broken ones (the
    slides' even when the theme could not be read).

    Returns the theme's logo and the slides' images.
    """
    problems: list[Problem] = []
    logo, images = None, []
    if loaded_theme is not None and loaded_theme.theme.logo:
        where = loaded_theme.source.locate(("logo",))
        try:
            logo = _theme_logo(loaded_theme, where)
        except SlidegenError as exc:
            problems.extend(exc.problems)
    for (i, j), spec in _slides(deck):
        if isinstance(spec, ImageSlide):
            place = ("sections", i, "slides", j, "image")
            try:
                images.append(
                    resolve_image(
                        spec.image, project, loaded.locate(place), key_of(place, loaded.data)
                    )
                )
            except SlidegenError as exc:
                problems.extend(exc.problems)
    if problems:
        raise AssetError(problems)
    return logo, images


def theme_logo(loaded_theme: LoadedTheme) -> Path | None:
    """The theme's logo, checked like any image; ``None`` when it has none."""
    if not loaded_theme.theme.logo:
        return None
    return _theme_logo(loaded_theme, loaded_theme.source.locate(("logo",)))


def _theme_logo(loaded_theme: LoadedTheme, where: Location) -> Path:
    """The theme's logo, from the first of its asset roots that has it (its own folder
    first); when none has it, the error speaks of the theme's folder."""
    relative = loaded_theme.theme.logo or ""
    roots = loaded_theme.asset_roots
    root = next((r for r in roots if (r / relative).is_file()), roots[0])
    return resolve_image(relative, root, where, Key("logo", "logo"))


def _slides(deck: Deck) -> list[tuple[tuple[int, int], object]]:
    return [
        ((i, j), spec)
        for i, section in enumerate(deck.sections)
        for j, spec in enumerate(section.slides)
    ]
