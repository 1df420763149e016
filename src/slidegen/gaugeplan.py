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
    fits: bool = True
    """Whether the text of every ring of the row fits inside it at the theme's least size."""


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


LINE_HEIGHT = 1.2
"""A line of gauge text, in em."""
TEXT_RADIUS = RING_OUTER - RING_WIDTH - 0.12
"""Text stays inside this circle (ring radii): clear of the ring and of the target's tick,
which reaches 0.06 inside the ring."""
GAP = 0.06
"""Between the figure and its caption, in ring radii."""


def _breaks(goal: str) -> list[str]:
    """The caption on one line, then broken after its first word (``target / 10,000
    lights``): a figure and its unit stay together."""
    first, _, rest = goal.strip().partition(" ")
    return [goal, f"{first}\n{rest}"] if rest else [goal]


def _stacked(figure: GaugeText, caption: GaugeText, per_unit: float) -> tuple[GaugeText, GaugeText]:
    """The figure above its caption, the pair centred in the ring."""
    ppr = per_unit * 72  # points per ring radius
    heights = [(t.text.count("\n") + 1) * LINE_HEIGHT * t.size / ppr for t in (figure, caption)]
    top = (sum(heights) + GAP) / 2 + 0.05
    figure_y = top - heights[0] / 2
    caption_y = top - heights[0] - GAP - heights[1] / 2
    return replace(figure, y=figure_y), replace(caption, y=caption_y)


def _inside(
    text: GaugeText, bold: bool, per_unit: float, width_em: Callable[[str, bool], float]
) -> bool:
    """Whether every line's box lies inside :data:`TEXT_RADIUS`: a line above or below the
    middle has a shorter chord to sit on."""
    ppr = per_unit * 72
    lines = text.text.split("\n")
    line = LINE_HEIGHT * text.size / ppr
    top = text.y + len(lines) * line / 2
    for index, words in enumerate(lines):
        far = abs(top - (index + 0.5) * line) + 0.5 * text.size / ppr  # its em box's edge
        chord = 2 * math.sqrt(max(TEXT_RADIUS**2 - far**2, 0.0))
        if width_em(words, bold) * text.size / ppr > chord:
            return False
    return True


def _in_ring(
    figure: GaugeText, caption: GaugeText, per_unit: float, width_em: Callable[[str, bool], float]
) -> tuple[GaugeText, GaugeText] | None:
    """The pair stacked in the ring, or ``None`` if it does not fit there."""
    figure, caption = _stacked(figure, caption, per_unit)
    if _inside(figure, True, per_unit, width_em) and _inside(caption, False, per_unit, width_em):
        return figure, caption
    return None


def _figure_and_caption(
    value: str,
    goal: str,
    sizes: tuple[float, float],
    caption_sizes: list[float],
    per_unit: float,
    width_em: Callable[[str, bool], float],
) -> tuple[GaugeText, GaugeText] | None:
    """The largest figure and caption that fit the ring together: the caption, at one of
    ``caption_sizes``, may break after its first word, and the pair that keeps most of both
    wanted ``sizes`` wins; ``None`` when no pair fits."""
    big, small = sizes
    best: tuple[tuple[float, ...], tuple[GaugeText, GaugeText]] | None = None
    for caption_size in caption_sizes:
        if best is not None and best[0][0] >= 1 + caption_size / small:
            break  # a smaller caption cannot score better than what fits already
        for goal_text in _breaks(goal):
            pair = _largest_figure(
                value, GaugeText(goal_text, caption_size), big, per_unit, width_em
            )
            if pair is None:
                continue
            size = pair[0].size
            score = (size / big + caption_size / small, -goal_text.count("\n"), size)
            if best is None or score > best[0]:
                best = (score, pair)
    return best[1] if best else None


def _largest_figure(
    value: str,
    caption: GaugeText,
    big: float,
    per_unit: float,
    width_em: Callable[[str, bool], float],
) -> tuple[GaugeText, GaugeText] | None:
    """The figure at the largest half-point size up to ``big``, and not below the caption,
    that fits above ``caption`` (a smaller figure fits wherever a larger one does: a binary
    search)."""
    sizes = _steps(big, caption.size)
    low, high, found = 0, len(sizes) - 1, None
    while low <= high:
        middle = (low + high) // 2
        pair = _in_ring(GaugeText(value, sizes[middle]), caption, per_unit, width_em)
        if pair is None:
            low = middle + 1
        else:
            found, high = pair, middle - 1
    return found


def _steps(wanted: float, least: float) -> list[float]:
    """Sizes from ``wanted`` down to ``least`` by half points."""
    count = max(int((wanted - least) / 0.5), 0)
    return [wanted - 0.5 * i for i in range(count + 1)]


def _row_texts(
    values: list[str | None],
    goals: list[str],
    sizes: tuple[float, float],
    least: float,
    per_unit: float,
    width_em: Callable[[str, bool], float],
) -> tuple[list[tuple[GaugeText, GaugeText] | None], bool]:
    """Each ring's figure and caption (``None`` for a ring without a value), and whether
    they fit. The rings of a row read as one: their captions share a size, the smallest any
    ring needs, and so do their figures; nothing is set below ``least``."""
    small = sizes[1]
    rings = [i for i, value in enumerate(values) if value is not None]
    placed: list[tuple[GaugeText, GaugeText] | None] = [None] * len(values)
    fitted: dict[int, tuple[GaugeText, GaugeText] | None] = {}
    fits = True
    # At the theme's least size if the rings can hold that, else smaller (and say so).
    for floor in (max(small * 0.6, least), min(small * 0.6, least)):
        captions = _steps(small, floor)
        fitted = {
            i: _figure_and_caption(values[i] or "", goals[i], sizes, captions, per_unit, width_em)
            for i in rings
        }
        if all(fitted.values()):
            break
        fits = False
    pairs = {i: pair for i, pair in fitted.items() if pair is not None}
    if len(pairs) < len(rings):  # rings too small for any text: the smallest, stacked
        for i in rings:
            placed[i] = _stacked(
                GaugeText(values[i] or "", least), GaugeText(goals[i], least), per_unit
            )
        return placed, False
    caption_size = min((caption.size for _, caption in pairs.values()), default=small)
    for i, (_, caption) in list(pairs.items()):
        if caption.size != caption_size:  # a smaller caption may leave its figure more room
            again = _figure_and_caption(
                values[i] or "", goals[i], sizes, [caption_size], per_unit, width_em
            )
            pairs[i] = again or pairs[i]
    figure_size = min((figure.size for figure, _ in pairs.values()), default=sizes[0])
    for i, (figure, caption) in pairs.items():
        # A smaller figure fits wherever its larger self did: only the stack moves.
        placed[i] = _stacked(replace(figure, size=figure_size), caption, per_unit)
    return placed, fits


LABEL_LINES = 2
"""A gauge's label takes at most two lines under its ring."""


def wrapped_label(
    text: str, wanted: float, least: float, room_pt: float, width_em: Callable[[str, bool], float]
) -> tuple[GaugeText, bool]:
    """``text`` broken between words into lines no wider than ``room_pt`` (bold), at
    ``wanted`` points or, when it needs more than :data:`LABEL_LINES` lines or a word is
    wider than the room, smaller (by half points, down to 60%); and whether that kept it at
    ``least`` points or more."""
    for size in _steps(wanted, wanted * 0.6):
        lines = _lines(text, room_pt / size, width_em)
        fits = len(lines) <= LABEL_LINES and all(
            width_em(line, True) * size <= room_pt for line in lines
        )
        if fits:
            break
    return GaugeText("\n".join(lines), size), fits and size >= least


def _lines(text: str, room_em: float, width_em: Callable[[str, bool], float]) -> list[str]:
    lines: list[str] = []
    for piece in text.split():
        candidate = f"{lines[-1]} {piece}" if lines else piece
        if lines and width_em(candidate, True) <= room_em:
            lines[-1] = candidate
        else:
            lines.append(piece)
    return lines or [""]


def _figures_and_goals(targets: list[Target], language: str) -> tuple[list[str | None], list[str]]:
    """Each ring's figure (``None`` without a value) and its caption (``target 70%``). A
    word unit (``lights``) is said once, in the caption: the figure stays a number."""
    target_word = word({"it": "obiettivo", "en": "target", "fr": "objectif"}, language)
    values = [
        None
        if t.value is None
        else figure_text(t.value, "" if t.unit[:1].isalpha() else t.unit, language)
        for t in targets
    ]
    goals = [f"{target_word} {figure_text(t.target, t.unit, language)}" for t in targets]
    return values, goals


def plan_gauges(
    targets: list[Target],
    language: str,
    size_in: tuple[float, float],
    title_share: float,
    least: float,
    width_em: Callable[[str, bool], float],
    colours: Colors,
) -> tuple[GaugePlan, ...]:
    """One gauge per target in a picture of ``size_in`` inches (``title_share`` of its
    height taken by the title), no text smaller than ``least`` points."""
    width, height = size_in
    count = max(len(targets), 1)
    # Inches per ring radius: each gauge's axes keep an equal aspect within its slot.
    per_unit = min(width / count / X_RANGE, height * (1 - title_share) / Y_RANGE)
    # A label may use its whole slot, less a gap that keeps neighbouring labels apart.
    label_room = min(width / count * 72 * 0.9, X_RANGE * per_unit * 72)
    big = max(14.0, min(40.0, height * 7), least)
    values, goals = _figures_and_goals(targets, language)
    small = max(big * 0.42, least)
    texts, fits = _row_texts(values, goals, (big, small), least, per_unit, width_em)
    labels = [
        wrapped_label(plain_text(t.label), small, least, label_room, width_em) for t in targets
    ]
    no_value = word(_NO_VALUE, language)
    empty, empty_fit = _empty_rings(goals, texts, no_value, (small, least), per_unit, width_em)
    fits = fits and empty_fit and all(label_fits for _, label_fits in labels)
    plans = []
    for index, (target, pair, (label, _)) in enumerate(zip(targets, texts, labels, strict=True)):
        scale = shared_scale(targets, target.unit)
        figure, caption, status = (pair[0], pair[1], None) if pair else (None, *empty[index])
        plans.append(
            GaugePlan(
                label=label,
                figure=figure,
                caption=caption,
                status=status,
                filled=min(abs(target.value) / scale, 1.0) if target.value is not None else 0.0,
                target_at=min(abs(target.target) / scale, 1.0),
                scale=scale,
                track_colour=mix(colours.surface, colours.muted, 0.25),
                fits=fits,
            )
        )
    return tuple(plans)


def _empty_rings(
    goals: list[str],
    texts: list[tuple[GaugeText, GaugeText] | None],
    no_value: str,
    sizes: tuple[float, float],
    per_unit: float,
    width_em: Callable[[str, bool], float],
) -> tuple[dict[int, tuple[GaugeText, GaugeText]], bool]:
    """The target and "no value yet" of each ring without a value, either side of its
    middle, inside :data:`TEXT_RADIUS`, at the size of the other rings' captions (or
    smaller, to fit; never below ``least``); and whether they fit. ``sizes``: the
    captions' wanted size and ``least``."""
    small, least = sizes
    empty = [i for i, pair in enumerate(texts) if pair is None]
    wanted = min((pair[1].size for pair in texts if pair), default=small)
    placed, fits = {}, True
    for i in empty:
        placed[i] = _empty_ring(goals[i], no_value, _steps(wanted, least), per_unit, width_em)
        fits = fits and placed[i][0].size >= least and _fit_empty(placed[i], per_unit, width_em)
    return placed, fits


def _empty_ring(
    goal: str,
    no_value: str,
    sizes: list[float],
    per_unit: float,
    width_em: Callable[[str, bool], float],
) -> tuple[GaugeText, GaugeText]:
    """The largest of ``sizes`` at which the target (broken after its first word if need
    be) and "no value yet" fit the ring, stacked; the smallest if none does."""
    for size in sizes:
        for goal_text in _breaks(goal):
            pair = _stacked(GaugeText(goal_text, size), GaugeText(no_value, size), per_unit)
            if _fit_empty(pair, per_unit, width_em):
                return pair
    return _stacked(GaugeText(goal, sizes[-1]), GaugeText(no_value, sizes[-1]), per_unit)


def _fit_empty(
    pair: tuple[GaugeText, GaugeText], per_unit: float, width_em: Callable[[str, bool], float]
) -> bool:
    return all(_inside(text, False, per_unit, width_em) for text in pair)
