"""What every slide renderer receives: the presentation, theme, geometry and where to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import format_decimal

from ..errors import Location, Problem
from ..layout import PageGeometry
from ..layout.titleplan import TitleBox
from ..loader import Loaded
from ..model import DeckInfo
from ..places import NO_KEY, Key, key_of
from ..theme import Theme

if TYPE_CHECKING:
    from lxml import etree
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout


@dataclass
class RenderContext:
    """Shared, read-mostly state of one build; ``findings`` collects layout warnings."""

    prs: Presentation
    theme: Theme
    info: DeckInfo
    page: PageGeometry
    project_dir: Path
    layouts: dict[str, SlideLayout]
    cache_dir: Path | None = None
    logo: Path | None = None
    """The theme's logo, already checked."""
    findings: list[Problem] = field(default_factory=list)
    location: Location = field(default_factory=lambda: Location("deck.yaml"))
    """Where the slide being rendered is defined (findings point there)."""
    key: Key = NO_KEY
    """The slide's key path (``sections[1].slides[0]``, and in words)."""
    new_cache_entries: dict[Path, bytes] = field(default_factory=dict)
    """Chart images drawn during this build, to cache once the build has succeeded."""
    stamp: datetime = datetime(1980, 1, 1, tzinfo=UTC)
    """The build's timestamp (never the clock): embedded workbooks carry it."""
    slide: Slide | None = None
    """The slide being rendered."""
    source: Loaded | None = None
    """The deck's data and positions, to locate findings inside a slide."""
    place: tuple[str | int, ...] = ()
    """The slide's key path as parts (``("sections", 1, "slides", 0)``)."""
    slide_layout: str = ""
    """The name of its layout."""
    slide_title: str = ""
    """Its title, as written on it."""
    heading_bottom: int | None = None
    """Where its title's (or subtitle's) last line ends (EMU; a title anchored elsewhere than
    at the top of its box: that box's end): a short text alone in the body is balanced in
    the room under it."""
    slide_titles: list[str] = field(default_factory=list)
    """The title of every slide so far (docProps/app.xml lists them)."""
    notes_pages: int = 0
    """How many slides have speaker notes."""
    slide_chrome: dict[str, list[etree._Element]] = field(default_factory=dict)
    """Per layout name, the footer placeholders each of its slides carries a copy of."""
    title_boxes: dict[str, TitleBox] = field(default_factory=dict)
    """Per layout name, its title box and the theme's size for it."""
    title_sizes: dict[str, float] = field(default_factory=dict)
    """Per layout name, the one size its titles are set at (planned for the whole deck)."""
    kind_layouts: dict[str, SlideLayout] = field(default_factory=dict)
    """On a template: the layouts of the kinds the theme gives a layout of their own."""
    kind: str = ""
    """The kind of the slide being rendered."""
    on_template: bool = False
    """Whether the deck is built on the organisation's template (its chrome is the
    template's: slidegen draws none of its own)."""
    title_colors: dict[str, str] = field(default_factory=dict)
    """Per layout name, the colour of its titles."""
    inks: dict[str, str] = field(default_factory=dict)
    """Per layout name, the colour of the text on it."""

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.info.language, sep="-")

    @property
    def language(self) -> str:
        return self.info.language

    def format_number(self, value: float) -> str:
        """A number as the deck's language writes it: ``1.000`` in Italian, ``1,000`` in English."""
        return format_decimal(value, locale=self.locale)

    def warn(self, message: str) -> None:
        """Record a layout finding about the slide being rendered."""
        self.findings.append(Problem(self.location, message, *self.key, severity="warning"))

    def warn_at(self, parts: tuple[str | int, ...], message: str) -> None:
        """Record a finding about a key inside the slide being rendered (``chart.categories``),
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
