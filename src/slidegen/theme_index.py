"""Where themes are: the project's ``themes/`` and the built-in ones, by name.

Kept apart from the theme model (pydantic), and from pathlib, dataclasses and
importlib.resources (each takes longer to import than listing the themes does), so that
listing themes starts fast: ``slidegen themes`` is answered with this module before click is
imported (slidegen.quick). The built-in themes' descriptions are shipped with the manifests
they were read from (:mod:`slidegen.prerendered_themes`), so listing them needs no PyYAML.
"""

from __future__ import annotations

import os
import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: slidegen themes is quick
if TYPE_CHECKING:
    from pathlib import Path

THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MANIFEST = "theme.yaml"
# A wheel installs as plain files: the themes are a real folder beside this module, read like
# the project's own (importlib.resources says the same and takes ~15 ms to import).
BUILTIN_THEMES = os.path.normpath(os.path.join(os.path.dirname(__file__), "themes"))
"""The themes shipped inside the package (``slidegen/themes/``), wherever it is installed."""


def builtin_themes() -> Path:
    """:data:`BUILTIN_THEMES` as a path."""
    from pathlib import Path

    return Path(BUILTIN_THEMES)


class ThemeEntry:
    """A theme that can be used, and where it comes from (a plain class: see the module)."""

    __slots__ = ("builtin", "folder", "name", "shadows_builtin")

    def __init__(
        self, name: str, folder: str, builtin: bool, shadows_builtin: bool = False
    ) -> None:
        self.name = name
        self.folder = folder
        self.builtin = builtin
        self.shadows_builtin = shadows_builtin
        """A project theme with the name of a built-in one (the project's wins)."""


def _theme_dirs(project_dir: str | os.PathLike[str]) -> list[tuple[str, bool]]:
    """:func:`theme_folders`, as strings."""
    project = os.path.join(os.path.realpath(project_dir), "themes")
    found: list[tuple[str, bool]] = []
    for folder, builtin in ((project, False), (BUILTIN_THEMES, True)):
        # os.path.isdir is what Path.is_dir is from Python 3.13 on (no error, only False).
        if os.path.isdir(folder) and all(folder != seen for seen, _ in found):
            found.append((folder, builtin))
    return found


def theme_folders(project_dir: Path) -> list[tuple[Path, bool]]:
    """Where themes are looked up, first match wins: the project's ``themes/``, then the
    built-in ones. Each folder with whether it is the built-in one."""
    from pathlib import Path

    return [(Path(folder), builtin) for folder, builtin in _theme_dirs(project_dir)]


def theme_entries(project_dir: str | os.PathLike[str]) -> list[ThemeEntry]:
    """Every usable theme, by name; a project theme hides a built-in one of the same name."""
    entries: dict[str, ThemeEntry] = {}
    builtin_names = set()
    for folder, builtin in _theme_dirs(project_dir):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            # Only names a deck can use ('my theme', with its space, cannot be chosen).
            if not THEME_NAME.match(name) or not os.path.isfile(os.path.join(path, MANIFEST)):
                continue
            if builtin:
                builtin_names.add(name)
            entries.setdefault(name, ThemeEntry(name, path, builtin))
    return [
        ThemeEntry(e.name, e.folder, e.builtin, not e.builtin and e.name in builtin_names)
        for e in sorted(entries.values(), key=lambda e: e.name)
    ]


def available_themes(project_dir: str | os.PathLike[str]) -> list[str]:
    """Names of the themes that can be used from ``project_dir``."""
    return [entry.name for entry in theme_entries(project_dir)]


def describe_theme(folder: str | os.PathLike[str]) -> str:
    """The manifest's ``description`` (else its ``name``), read without validating the theme:
    ``slidegen check`` and ``build`` do that, with every problem located."""
    try:
        with open(os.path.join(folder, MANIFEST), "rb") as file:
            manifest = file.read()
    except OSError as error:
        return f"(broken: {MANIFEST} cannot be read: {type(error).__name__})"
    from .prerendered_themes import DESCRIPTIONS

    # A manifest byte for byte as shipped reads as it did when the index was made.
    known = DESCRIPTIONS.get(manifest)
    return known if known is not None else describe_manifest(manifest)


def describe_manifest(manifest: bytes) -> str:
    """:func:`describe_theme` of a manifest holding ``manifest``, read with PyYAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(manifest, Loader=loader)
    except yaml.YAMLError as error:
        return f"(broken: {MANIFEST} cannot be read: {type(error).__name__})"
    about = (data.get("description") or data.get("name")) if isinstance(data, dict) else None
    if not isinstance(about, str) or not about.strip():
        return f"(broken: {MANIFEST} has no name)"
    return " ".join(about.split())[:200]
