"""slidegen: compile a declarative deck.yaml into a branded, editable PowerPoint deck."""

from __future__ import annotations

from .build import BuildResult, Compiled, build_deck, compile_deck, load_deck
from .errors import AssetError, DeckError, OutputError, SlidegenError, ThemeError
from .version import VERSION as __version__

__all__ = [
    "AssetError",
    "BuildResult",
    "Compiled",
    "DeckError",
    "OutputError",
    "SlidegenError",
    "ThemeError",
    "__version__",
    "build_deck",
    "compile_deck",
    "load_deck",
]
