"""What every slide kind's planner receives: the theme, the page's geometry, the deck's
title sizes, and where to report findings. No python-pptx: ``check`` stops here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal

from ..errors import Location, Problem
from ..figures import babel_locale
from ..loader import Loaded
from ..model import DeckInfo
from ..places import NO_KEY, Key, key_of
from ..theme import Theme
from .geometry import PageGeometry
from .textplan import Faces
from .titleplan import TitleBox


@dataclass
class LayoutContext:
    """Shared, read-mostly state of one layout pass; ``findings`` collects what does not
    fit, located at the slide (or the key inside it) being planned."""

    theme: Theme
    info: DeckInfo
    page: PageGeometry
    project_dir: Path
    findings: list[Problem] = field(default_factory=list)
    location: Location = field(default_factory=lambda: Location("deck.yaml"))
    """Where the slide being planned is defined (findings point there)."""
    key: Key = NO_KEY
    """The slide's key path (``sections[1].slides[0]``, and in words)."""
    source: Loaded | None = None
    """The deck's data and positions, to locate findings inside a slide."""
    place: tuple[str | int, ...] = ()
    """The slide's key path as parts (``("sections", 1, "slides", 0)``)."""
    title_boxes: dict[str, TitleBox] = field(default_factory=dict)
    """Per layout name, its title box and the theme's size for it."""
    title_sizes: dict[str, float] = field(default_factory=dict)
    """Per layout name, the one size its titles are set at (planned for the whole deck)."""
    kind: str = ""
    """The kind of the slide being planned."""
    on_template: bool = False
    """Whether the deck is built on the organisation's template (its chrome is the
    template's: slidegen draws none of its own)."""
    title_colors: dict[str, str] = field(default_factory=dict)
    """Per layout name, the colour of its titles."""
    title_aligns: dict[str, str] = field(default_factory=dict)
    """Per layout name, how a template's titles are aligned (``left``, ``center``,
    ``right``): slides inherit it; slidegen's own layouts align each slide's title."""
    kind_title_aligns: dict[str, str] = field(default_factory=dict)
    """Per slide kind the theme gives a template layout of its own, how that layout's
    titles are aligned (its slides inherit that, not their role's)."""
    kind_title_colors: dict[str, str] = field(default_factory=dict)
    """Per slide kind the theme gives a template layout of its own, the colour of that
    layout's titles (on another master, the role's colour may not show on its background)."""
    inks: dict[str, str] = field(default_factory=dict)
    """Per layout name, the colour of the text on it."""
    heading_bottom: int | None = None
    """On the content slide being planned, where its title's (or subtitle's) last line ends
    (EMU; a title anchored elsewhere than at the top of its box: that box's end): a short
    text alone in the body is balanced in the room under it."""

    @property
    def locale(self) -> Locale:
        return babel_locale(self.info.language)

    @property
    def language(self) -> str:
        return self.info.language

    def format_number(self, value: float) -> str:
        """A number as the deck's language writes it: ``1.000`` in Italian, ``1,000`` in English."""
        return format_decimal(value, locale=self.locale)

    def warn(self, message: str) -> None:
        """Record a layout finding about the slide being planned."""
        self.findings.append(Problem(self.location, message, *self.key, severity="warning"))

    def warn_at(self, parts: tuple[str | int, ...], message: str) -> None:
        """Record a finding about a key inside the slide being planned (``chart.categories``),
        located at that key when the deck has it, else at its nearest ancestor."""
        place = (*self.place, *parts)
        location = self.source.locate(place) if self.source else self.location
        key = key_of(place, self.source.data if self.source else None)
        self.findings.append(Problem(location, message, *key, severity="warning"))

    @property
    def body_font(self) -> str:
        return self.theme.fonts.body.name

    @property
    def heading_font(self) -> str:
        return self.theme.fonts.heading.name

    def measure_family(self, heading: bool = False) -> str:
        font = self.theme.fonts.heading if heading else self.theme.fonts.body
        return font.standin or font.name

    @property
    def faces(self) -> Faces:
        """The families the theme's text is measured with."""
        return Faces(self.measure_family(), self.measure_family(heading=True))
