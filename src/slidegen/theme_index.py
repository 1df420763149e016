"""Where themes are: the project's ``themes/`` and the built-in ones, by name.

Kept apart from the theme model (pydantic), and from dataclasses and importlib.resources (each
takes longer to import than listing the themes does), so that listing themes starts fast:
``slidegen themes`` is answered with this module before click is imported (slidegen.quick).
"""

from __future__ import annotations

import re
from pathlib import Path

THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MANIFEST = "theme.yaml"


def builtin_themes() -> Path:
    """The themes shipped inside the package (``slidegen/themes/``), wherever it is
    installed."""
    # A wheel installs as plain files: the themes are a real folder beside this module, read
    # like the project's own (importlib.resources says the same and takes ~15 ms to import).
    return Path(__file__).parent / "themes"


class ThemeEntry:
    """A theme that can be used, and where it comes from (a plain class: see the module)."""

    __slots__ = ("builtin", "folder", "name", "shadows_builtin")

    def __init__(
        self, name: str, folder: Path, builtin: bool, shadows_builtin: bool = False
    ) -> None:
        self.name = name
        self.folder = folder
        self.builtin = builtin
        self.shadows_builtin = shadows_builtin
        """A project theme with the name of a built-in one (the project's wins)."""


def theme_folders(project_dir: Path) -> list[tuple[Path, bool]]:
    """Where themes are looked up, first match wins: the project's ``themes/``, then the
    built-in ones. Each folder with whether it is the built-in one."""
    project = project_dir.resolve() / "themes"
    folders = [(project, False), (builtin_themes(), True)]
    seen: list[Path] = []
    found = []
    for folder, builtin in folders:
        if folder.is_dir() and folder not in seen:
            seen.append(folder)
            found.append((folder, builtin))
    return found


def theme_entries(project_dir: Path) -> list[ThemeEntry]:
    """Every usable theme, by name; a project theme hides a built-in one of the same name."""
    entries: dict[str, ThemeEntry] = {}
    builtin_names = set()
    for folder, builtin in theme_folders(project_dir):
        for path in sorted(folder.iterdir()):
            # Only names a deck can use ('my theme', with its space, cannot be chosen).
            if not THEME_NAME.match(path.name) or not (path / MANIFEST).is_file():
                continue
            if builtin:
                builtin_names.add(path.name)
            entries.setdefault(path.name, ThemeEntry(path.name, path, builtin))
    return [
        ThemeEntry(e.name, e.folder, e.builtin, not e.builtin and e.name in builtin_names)
        for e in sorted(entries.values(), key=lambda e: e.name)
    ]


def available_themes(project_dir: Path) -> list[str]:
    """Names of the themes that can be used from ``project_dir``."""
    return [entry.name for entry in theme_entries(project_dir)]


def describe_theme(folder: Path) -> str:
    """The manifest's ``description`` (else its ``name``), read without validating the theme:
    ``slidegen check`` and ``build`` do that, with every problem located."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load((folder / MANIFEST).read_bytes(), Loader=loader)
    except (OSError, yaml.YAMLError) as error:
        return f"(broken: {MANIFEST} cannot be read: {type(error).__name__})"
    about = (data.get("description") or data.get("name")) if isinstance(data, dict) else None
    if not isinstance(about, str) or not about.strip():
        return f"(broken: {MANIFEST} has no name)"
    return " ".join(about.split())[:200]
