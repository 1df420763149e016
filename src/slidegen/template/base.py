"""A theme built on a template: find the file, read it, choose its layouts, and fill in
what ``theme.yaml`` leaves to the template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Location, Problem, ThemeError
from ..loader import Loaded
from ..messages import say
from .defaults import theme_defaults
from .mapping import LayoutChoice, choose_layouts
from .reading import TemplateInfo, read_template


def template_theme(
    loaded: Loaded, roots: list[Path]
) -> tuple[dict[str, Any], TemplateInfo, LayoutChoice]:
    """The theme's data with the template's defaults under it, the template, and the layouts
    each kind is built on. ``roots``: where the template's path is looked up, in order."""
    data: dict[str, Any] = loaded.data
    where = loaded.locate(("template",))
    path = _find(str(data["template"]), roots, where)
    info = read_template(path, where)
    layouts = data.get("layouts")
    overrides = (
        {str(k): v for k, v in layouts.items() if isinstance(v, str)}
        if isinstance(layouts, dict)
        else {}
    )
    choice = choose_layouts(info, overrides, _kinds(), lambda key: loaded.locate(("layouts", key)))
    return _merged(theme_defaults(info, choice), data), info, choice


def _find(relative: str, roots: list[Path], where: Location) -> Path:
    """The first of ``roots`` that holds ``relative``, resolved and kept inside that root."""
    for root in roots:
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root.resolve()) and candidate.is_file():
            return candidate
    raise ThemeError(Problem(where, say("template_not_found", name=relative, theme=roots[0].name)))


def _kinds() -> tuple[str, ...]:
    from ..slides import KINDS  # the registry imports the renderers: only when a template is used

    return tuple(KINDS)


def _merged(defaults: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` over ``defaults``, mapping by mapping (a key the theme sets wins)."""
    merged = dict(defaults)
    for key, value in data.items():
        below = merged.get(key)
        merged[key] = (
            _merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
        )
    return merged
