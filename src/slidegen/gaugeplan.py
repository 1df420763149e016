"""Target gauges, decided before drawing: what each ring shows and how big its text is.

The big figure is the value achieved, never the target: a ring fills up to the achieved
value on a scale shared by every gauge of the same unit (0–100 for percentages), with the
target marked on the ring. Without an achieved value the ring stays empty and says so, the
target in small type. Text is sized to fit inside the ring.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from .chartcolors import mix
from .figures import format_figure, word
from .markup import plain_text
from .model import Target
from .theme import Colors

RING_OUTER = 1.0
RING_WIDTH = 0.22
TEXT_WIDTH = 1.3
"""Room for a line of text inside the ring, in ring radii (the inner diameter less a margin)."""
X_RANGE, Y_RANGE = 2.5, 2.65
"""The data area each gauge draws in (x −1.25…1.25, y −1.45…1.2)."""
_NO_VALUE = {"it": "nessun dato", "en": "no value yet", "fr": "pas encore de valeur"}


@dataclass(frozen=True)
class GaugeText:
    text: str
    size: float
    """Points."""
    y: float = 0.0
    """The height of its centre inside the ring, in ring radii."""


@dataclass(frozen=True)
class GaugePlan:
    label: GaugeText
    """What the target is about, under the ring: wrapped to its slot (at most two lines)."""
    figure: GaugeText | None
    """The achieved value, large; ``None`` when there is none."""
    caption: GaugeText
    """``obiettivo 70%`` under the figure (or alone in an empty ring)."""
    status: GaugeText | None
    """``nessun dato`` in an empty ring."""
    filled: float
    """Share of the ring filled (0–1): the achieved value on the shared scale."""
    target_at: float
    """Where the target mark sits on the ring (0–1 of the scale)."""
    scale: float
    track_colour: str
    """The empty ring: the theme's surface, darkened enough to be seen on the slide."""


def figure_text(value: float, unit: str, language: str) -> str:
    """``70%``, ``−20%``, ``10.000 alberi``: signed with a real minus sign."""
    if unit == "%":
        text = format_figure(abs(value), language, "percent")
    else:
        kind = "compact" if abs(value) >= 1_000_000 else "number"
        text = format_figure(abs(value), language, kind)
        if unit:
            text += (" " if unit[:1].isalnum() else "") + plain_text(unit)
    return f"−{text}" if value < 0 else text


def shared_scale(targets: list[Target], unit: str) -> float:
    """The scale of every gauge in ``unit``: 0–100 for percentages (unless a figure goes
    beyond), else a round number a quarter above the largest target or value."""
    magnitudes = [
        abs(x) for t in targets if t.unit == unit for x in (t.target, t.value) if x is not None
    ]
    largest = max(magnitudes, default=1.0) or 1.0
    if unit == "%" and largest <= 100:
        return 100.0
    wanted = largest * 1.25
    magnitude = 10 ** math.floor(math.log10(wanted))
    return next(
        m * magnitude for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= wanted
    )


def _fitted(
    text: str, wanted: float, room_pt: float, width_em: Callable[[str, bool], float], bold: bool
) -> GaugeText:
    """``text`` at ``wanted`` points, or smaller so that it fits ``room_pt``; a figure with a
    unit that would shrink a lot breaks before its last word instead."""

    def size_of(candidate: str) -> float:
        widest = max(width_em(line, bold) for line in candidate.split("\n")) or 1.0
        return min(wanted, room_pt / widest)

    best = GaugeText(text, size_of(text))
    if best.size < wanted * 0.6 and " " in text.strip():
        head, _, tail = text.rpartition(" ")
        broken = GaugeText(f"{head}\n{tail}", size_of(f"{head}\n{tail}"))
        if broken.size > best.size:
            return broken
    return best


LINE_HEIGHT = 1.2
"""A line of gauge text, in em."""
STACK_ROOM = 1.2
"""The height (ring radii) the figure and its caption may take inside the ring."""


def _stacked(figure: GaugeText, caption: GaugeText, per_unit: float) -> tuple[GaugeText, GaugeText]:
    """The figure (one line, or two when it broke before its unit) above its caption, the
    pair centred in the ring; a pair too tall for the ring shrinks its figure."""
    points_per_radius = per_unit * 72
    lines = figure.text.count("\n") + 1

    def height(size: float) -> float:
        return lines * LINE_HEIGHT * size / points_per_radius

    caption_height = LINE_HEIGHT * caption.size / points_per_radius
    gap = 0.06
    size = figure.size
    while height(size) + gap + caption_height > STACK_ROOM and size > 1:
        size -= 0.5
    top = (height(size) + gap + caption_height) / 2 + 0.05
    figure_y = top - height(size) / 2
    caption_y = top - height(size) - gap - caption_height / 2
    return replace(figure, size=size, y=figure_y), replace(caption, y=caption_y)


LABEL_LINES = 2
"""A gauge's label takes at most two lines under its ring."""


def wrapped_label(
    text: str, wanted: float, room_pt: float, width_em: Callable[[str, bool], float]
) -> GaugeText:
    """``text`` broken between words into lines no wider than ``room_pt`` (bold), at
    ``wanted`` points or, when it needs more than :data:`LABEL_LINES` lines or a word is
    wider than the room, smaller (by half points, down to 60%)."""
    size = wanted
    while True:
        lines = _lines(text, room_pt / size, width_em)
        fits = len(lines) <= LABEL_LINES and all(
            width_em(line, True) * size <= room_pt for line in lines
        )
        if fits or size <= wanted * 0.6:
            return GaugeText("\n".join(lines), size)
        size -= 0.5


def _lines(text: str, room_em: float, width_em: Callable[[str, bool], float]) -> list[str]:
    lines: list[str] = []
    for piece in text.split():
        candidate = f"{lines[-1]} {piece}" if lines else piece
        if lines and width_em(candidate, True) <= room_em:
            lines[-1] = candidate
        else:
            lines.append(piece)
    return lines or [""]


def plan_gauges(
    targets: list[Target],
    language: str,
    size_in: tuple[float, float],
    title_share: float,
    width_em: Callable[[str, bool], float],
    colours: Colors,
) -> tuple[GaugePlan, ...]:
    """One gauge per target in a picture of ``size_in`` inches (``title_share`` of its
    height taken by the title)."""
    width, height = size_in
    count = max(len(targets), 1)
    # Inches per ring radius: each gauge's axes keep an equal aspect within its slot.
    per_unit = min(width / count / X_RANGE, height * (1 - title_share) / Y_RANGE)
    room = TEXT_WIDTH * per_unit * 72
    # A label may use its whole slot, less a gap that keeps neighbouring labels apart.
    label_room = min(width / count * 72 * 0.9, X_RANGE * per_unit * 72)
    big = max(14.0, min(40.0, height * 7))
    target_word = word({"it": "obiettivo", "en": "target", "fr": "objectif"}, language)
    plans = []
    for target in targets:
        scale = shared_scale(targets, target.unit)
        goal = f"{target_word} {figure_text(target.target, target.unit, language)}"
        caption = _fitted(goal, big * 0.42, room, width_em, False)
        figure = status = None
        if target.value is not None:
            value = figure_text(target.value, target.unit, language)
            figure, caption = _stacked(_fitted(value, big, room, width_em, True), caption, per_unit)
        else:
            status = _fitted(word(_NO_VALUE, language), big * 0.4, room, width_em, False)
            caption, status = replace(caption, y=0.12), replace(status, y=-0.18)
        plans.append(
            GaugePlan(
                label=wrapped_label(plain_text(target.label), big * 0.5, label_room, width_em),
                figure=figure,
                caption=caption,
                status=status,
                filled=min(abs(target.value) / scale, 1.0) if target.value is not None else 0.0,
                target_at=min(abs(target.target) / scale, 1.0),
                scale=scale,
                track_colour=mix(colours.surface, colours.muted, 0.25),
            )
        )
    return tuple(plans)
