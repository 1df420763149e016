"""slidegen: compile a declarative deck.yaml into a branded, editable PowerPoint deck."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .build import BuildResult, Compiled, build_deck, compile_deck, load_deck
from .errors import AssetError, DeckError, OutputError, SlidegenError, ThemeError

try:
    __version__ = version("slidegen")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+source"

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
