"""Reading a theme: finding its folder (the project's ``themes/`` first, then the built-in
ones), validating its ``theme.yaml``, and reading the template it may build on, whose layouts
are chosen for the deck's slide kinds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .errors import Location, Problem, ThemeError
from .loader import Loaded, load_yaml
from .messages import say
from .theme import Theme

# Where themes are found lives apart (no pydantic), so listing themes starts fast.
from .theme_index import MANIFEST, THEME_NAME, available_themes, builtin_themes, theme_folders
from .validate import problems_from_validation

if TYPE_CHECKING:
    from .template.mapping import LayoutChoice
    from .template.reading import TemplateInfo


def find_theme(name: str, project_dir: Path, where: Location | None = None) -> Path:
    """The folder of theme ``name``; a :class:`ThemeError` naming the themes that exist."""
    if THEME_NAME.match(name or ""):
        for folder, _ in theme_folders(project_dir):
            if (folder / name / MANIFEST).is_file():
                return folder / name
    listed = ", ".join(available_themes(project_dir)) or say("none")
    message = say("unknown_theme", name=name, available=listed)
    raise ThemeError(Problem(where or Location("slidegen"), message))


@dataclass(frozen=True)
class LoadedTheme:
    """A validated theme with where it came from."""

    theme: Theme
    folder: Path
    """``themes/<name>``."""
    source: Loaded
    """The manifest's data and positions (findings about the theme point into it)."""
    template: TemplateInfo | None = None
    """The template the theme builds on, read."""
    layouts: LayoutChoice | None = None
    """With a template: the layout each kind of slide is built on."""

    @property
    def manifest(self) -> Path:
        return self.folder / MANIFEST

    @property
    def builtin(self) -> bool:
        return self.folder.parent == builtin_themes()

    @property
    def base(self) -> tuple[TemplateInfo, LayoutChoice] | None:
        """The template and the layouts chosen on it, when the theme is built on one."""
        if self.template is None or self.layouts is None:
            return None
        return self.template, self.layouts

    @property
    def asset_roots(self) -> list[Path]:
        """Where the theme's paths (``logo``) are looked up: its own folder first, then, for a
        project's theme, the project holding ``themes/`` (the older convention)."""
        return [self.folder] if self.builtin else [self.folder, self.folder.parent.parent]


def load_theme(name: str, project_dir: Path, where: Location | None = None) -> LoadedTheme:
    """Load and validate theme ``name`` (the project's own first, then slidegen's)."""
    folder = find_theme(name, project_dir, where)
    manifest = folder / MANIFEST
    try:
        display = str(manifest.relative_to(project_dir.resolve()))
    except ValueError:
        display = str(manifest)
    loaded = load_yaml(manifest, display)
    data, template, layouts = loaded.data, None, None
    if isinstance(data, dict) and isinstance(data.get("template"), str):
        from .template.base import template_theme  # python-pptx: only for a template

        roots = [folder] if folder.parent == builtin_themes() else [folder, project_dir]
        data, template, layouts = template_theme(loaded, roots)
    try:
        return LoadedTheme(Theme.model_validate(data), folder, loaded, template, layouts)
    except ValidationError as exc:
        raise ThemeError(problems_from_validation(exc, loaded, Theme)) from None
