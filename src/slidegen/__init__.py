"""slidegen: compile a declarative deck.yaml into a branded, editable PowerPoint deck.

The library API is imported on first use (PEP 562), so ``slidegen --version``, ``--help``,
``themes`` and ``schema`` start without loading python-pptx, pydantic or the deck model.
"""

from __future__ import annotations

import importlib

from .version import VERSION as __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (~5 ms) at every start
if TYPE_CHECKING:
    from typing import Any

    from .build import BuildResult, Compiled, build_deck, compile_deck, load_deck
    from .errors import AssetError, DeckError, OutputError, SlidegenError, ThemeError

_WHERE = {
    "BuildResult": "build",
    "Compiled": "build",
    "build_deck": "build",
    "compile_deck": "build",
    "load_deck": "build",
    "AssetError": "errors",
    "DeckError": "errors",
    "OutputError": "errors",
    "SlidegenError": "errors",
    "ThemeError": "errors",
}

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


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value  # once found, an ordinary attribute
        return value
    raise AttributeError(f"module 'slidegen' has no attribute '{name}'")
