"""Which of a template's layouts each kind of slide is built on.

slidegen needs four: a cover, a section divider, a content layout (every kind with a title
and a body: lists, columns, figures, charts, tables…) and a closing. Each is found by what its
placeholders are first (PowerPoint's layout type, a centred title, a subtitle), then by its
name in the languages templates are saved in ("Titolo e contenuto"), so a theme of only
``name:`` and ``template:`` builds every kind. ``layouts:`` in ``theme.yaml`` names another
layout for any role or any kind.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import Location, Problem, ThemeError
from ..layout.geometry import CLOSING, CONTENT, COVER, SECTION, Box
from ..messages import say
from .reading import Layout, TemplateInfo

ROLE_OF_KIND = {"title": COVER, "section": SECTION, "closing": CLOSING}
"""The kinds with a layout of their own; every other kind is a content slide."""
ROLE_KEYS = {"title": COVER, "section": SECTION, "closing": CLOSING, "content": CONTENT}
"""The keys of ``layouts:`` that name a role (``content``: every content kind at once)."""

_NAMES = {
    COVER: (
        "title slide", "diapositiva titolo", "diapositiva di titolo", "titelfolie",
        "diapositive de titre", "diapositiva de título", "titeldia", "slajd tytułowy",
    ),
    SECTION: (
        "section header", "intestazione sezione", "abschnittsüberschrift", "en-tête de section",
        "encabezado de sección", "sectiekop", "nagłówek sekcji",
    ),
    CONTENT: (
        "title and content", "titolo e contenuto", "title, content", "titel und inhalt",
        "titre et contenu", "título y objetos", "titel en object", "tytuł i zawartość",
    ),
    CLOSING: ("closing", "chiusura", "conclusione", "fine", "end", "schluss", "fin"),
    "titleOnly": (
        "title only", "solo titolo", "nur titel", "titre seul", "solo el título",
        "alleen titel", "tylko tytuł",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class LayoutChoice:
    """The layout of each role, and of each kind the theme gives a layout of its own."""

    roles: dict[str, Layout]
    kinds: dict[str, Layout] = field(default_factory=dict)

    def for_kind(self, kind: str) -> Layout:
        return self.kinds.get(kind) or self.roles[ROLE_OF_KIND.get(kind, CONTENT)]


def choose_layouts(
    info: TemplateInfo,
    overrides: dict[str, str],
    kinds: tuple[str, ...],
    locate: Callable[[str], Location],
) -> LayoutChoice:
    """The layouts to build on: the theme's ``overrides`` (role or kind → layout name) over
    the ones found by placeholders and names. Every problem at once, located at its key."""
    roles = _default_roles(info)
    chosen: dict[str, Layout] = {}
    problems = []
    for key, name in overrides.items():
        where = locate(key)
        if key not in ROLE_KEYS and key not in kinds:
            known = ", ".join([*ROLE_KEYS, *sorted(k for k in kinds if k not in ROLE_KEYS)])
            problems.append(Problem(where, say("layout_key_unknown", key=key, known=known)))
            continue
        layout = info.layout_named(name)
        if layout is None:
            problems.append(Problem(where, _unknown_layout(info, name)))
        elif layout.title is None:
            problems.append(Problem(where, say("layout_without_title", name=layout.name)))
        else:
            chosen[key] = layout
    if problems:
        raise ThemeError(problems)
    for key, role in ROLE_KEYS.items():
        if key in chosen:
            roles[role] = chosen.pop(key)
    return LayoutChoice(roles, chosen)


def _unknown_layout(info: TemplateInfo, name: str) -> str:
    names = list(dict.fromkeys(layout.name for layout in info.layouts))
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = say("did_you_mean", name=close[0]) if close else ""
    return say("layout_unknown", name=name, layouts=", ".join(names)) + hint


def _default_roles(info: TemplateInfo) -> dict[str, Layout]:
    titled = [layout for layout in info.layouts if layout.title is not None]
    cover = (
        _first(
            titled,
            lambda lay: lay.type == "title",
            lambda lay: any(ph.type == "ctrTitle" for ph in lay.placeholders),
            _named(COVER),
            lambda lay: any(ph.type == "subTitle" for ph in lay.placeholders),
        )
        or titled[0]
    )
    section = _first(titled, lambda lay: lay.type == "secHead", _named(SECTION)) or cover
    content = _roomiest(
        titled,
        lambda lay: lay.type == "obj",
        _named(CONTENT),
        lambda lay: lay.content_placeholders == 1 and lay.text.type != "subTitle",  # type: ignore[union-attr]
        lambda lay: lay.type == "titleOnly",
        _named("titleOnly"),
    ) or next((lay for lay in titled if lay is not cover), cover)
    closing = _first(titled, _named(CLOSING)) or cover  # a closing layout by name only
    return {COVER: cover, SECTION: section, CONTENT: content, CLOSING: closing}


Rule = Callable[[Layout], bool]


def _named(role: str) -> Rule:
    names = _NAMES[role]
    return lambda layout: layout.name.casefold().strip() in names


def _first(layouts: list[Layout], *rules: Rule) -> Layout | None:
    """The first layout (first master first) that the earliest rule accepts."""
    for rule in rules:
        for layout in layouts:
            if rule(layout):
                return layout
    return None


def _roomiest(layouts: list[Layout], *rules: Rule) -> Layout | None:
    """Of the layouts the earliest rule accepts, the one whose content area the template's
    own graphics cover least (a cover master's band is no place for a list); the first of
    equals."""
    for rule in rules:
        found = [layout for layout in layouts if rule(layout)]
        if found:
            return min(found, key=_covered_share)
    return None


def _covered_share(layout: Layout) -> float:
    area = _content_area(layout)
    if area is None or area.width <= 0 or area.height <= 0:
        return 0.0
    covered = sum(_overlap(area, graphic) for graphic in layout.graphics)
    return min(1.0, covered / (area.width * area.height))


def _content_area(layout: Layout) -> Box | None:
    text = layout.text
    return text.box if text is not None else None


def _overlap(first: Box, second: Box) -> int:
    width = min(first.right, second.right) - max(first.left, second.left)
    height = min(first.bottom, second.bottom) - max(first.top, second.top)
    return max(0, width) * max(0, height)
