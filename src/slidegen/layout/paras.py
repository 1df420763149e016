"""Paragraphs before they are laid out: runs and how they look, relative to the text's size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..markup import Run, parse_inline
from ..model import Bullet

Marker = Literal["bullet", "number"] | None
LEVEL_SCALES = (1.0, 0.9, 0.82)
"""Body text per nesting level (the master's body style uses the same)."""
BULLET_CHARS = ("•", "–")
"""The bullet of the top level, and of the levels below it."""
INHERIT = "inherit"
"""As an alignment or anchor: what the template's placeholder says."""


@dataclass(frozen=True)
class Para:
    """A paragraph before it is written: runs and how they look, in em of the frame size."""

    runs: tuple[Run, ...]
    level: int = 0
    marker: Marker = None
    scale: float = 1.0
    color: str | None = None
    emphasis_color: str | None = None
    """Colour of bold runs (figures and keywords in the brand colour)."""
    heading: bool = False
    align: str = "left"
    space_before: float = 0.4
    """Space above the paragraph, in em of its own size (none above the first)."""
    run_scales: tuple[float, ...] = ()
    """Per run, a size relative to the paragraph's (a figure's unit set smaller); empty: 1."""
    number_from: int = 1
    """The first number of a numbered list (a list continued from the slide before)."""
    display: bool = False
    """Big display text (a statement): never broken after a hyphen inside a word that fits on
    a line ("socio-" / "sanitari"); its lines are rebalanced, or it is set smaller, instead."""

    @classmethod
    def of(cls, text: str, **kwargs: object) -> Para:
        return cls(tuple(parse_inline(text)), **kwargs)  # type: ignore[arg-type]

    def run_scale(self, index: int) -> float:
        return self.run_scales[index] if index < len(self.run_scales) else 1.0

    @property
    def bullet_char(self) -> str:
        return BULLET_CHARS[0] if self.level == 0 else BULLET_CHARS[1]


def bullet_paras(
    items: list[Bullet],
    numbered: bool = False,
    level: int = 0,
    color: str | None = None,
    emphasis_color: str | None = None,
    number_from: int = 1,
) -> list[Para]:
    """Flatten nested bullets into paragraphs (notes become smaller italic lines)."""
    paras: list[Para] = []
    scale = LEVEL_SCALES[min(level, 2)]
    for item in items:
        marker: Marker = "number" if numbered and level == 0 else "bullet"
        paras.append(
            Para.of(
                item.text,
                level=level,
                marker=marker,
                scale=scale,
                color=color,
                emphasis_color=emphasis_color,
                space_before=0.45 if level == 0 else 0.2,
                number_from=number_from if level == 0 else 1,
            )
        )
        if item.note:
            paras.append(
                Para(
                    tuple(parse_inline(item.note, italic=True)),
                    level=level + 1,
                    scale=scale * 0.85,
                    color=None,
                    space_before=0.1,
                    emphasis_color=emphasis_color,
                )
            )
        paras.extend(bullet_paras(item.items, False, level + 1, color, emphasis_color))
    return paras
