"""Fit paragraphs into a box: one size for the text, and per paragraph its size, indents and
spacing in points, so that nothing is set below the theme's minimum and list markers have
the room they need.

The plan is computed from font metrics (:mod:`slidegen.textfit`) alone; the renderer writes
it as it is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..textfit import Line, Wrap, count_lines, face, wrap
from .geometry import EMU_PER_PT, Box, points
from .paras import Para

INSET_X, INSET_Y = points(4), points(2)
"""Text frame insets, as every text box and placeholder is written."""
MARKER_GAP_EM = 0.45
"""Space between a bullet or number and its text, in em of the paragraph."""
MIN_MARKER_EM = 0.9
"""The least hanging indent of a marked paragraph (a bullet's, as before numbers were
measured)."""
STEP = 0.5
"""Sizes are tried in half points."""
MAX_SPACING_EM = 1.0
"""How far the space between top-level items may grow when a short list is balanced."""
SPARE_ABOVE = 0.4
"""A balanced text beside something else (a chart, a table: :data:`SPARE_ABOVE` of theirs
too) sits with this share of its box's spare height above it, the rest below. A text with
nothing beside it is centred instead in the room its slide's heading leaves
(:func:`balanced_pad`)."""


@dataclass(frozen=True)
class Faces:
    """The families text is measured with: body text, and headings (and list numbers, which
    PowerPoint sets in the heading font)."""

    body: str
    heading: str

    def of(self, para: Para) -> str:
        return self.heading if para.heading else self.body


@dataclass(frozen=True)
class ParaPlan:
    """Where one paragraph goes: its size, left margin, hanging indent and space above it,
    in points; ``lines`` it wraps to."""

    size: float
    margin: float
    hang: float
    space_before: float
    lines: int
    line_height: float

    @property
    def height(self) -> float:
        return self.space_before + self.lines * self.line_height


@dataclass(frozen=True)
class TextPlan:
    """A text set in its box: the size (of paragraphs at scale 1), each paragraph's plan, how
    high the text is, how far it overflows (0: it fits), and where it sits vertically."""

    size: float
    paras: tuple[ParaPlan, ...]
    height: float
    overflow: float
    anchor: str = "top"
    top_pad: float = 0.0
    """Extra space above the text (points), so texts set side by side start level."""
    spacing: float = 1.0
    """How much the space above top-level items was grown to balance the text."""
    pad_x: float = 0.0
    """Extra space (points) left and right of the text, inside the frame's insets."""

    @property
    def smallest(self) -> float:
        return min((p.size for p in self.paras), default=self.size)


def inner_size(box: Box) -> tuple[float, float]:
    """The width and height (points) text has inside ``box``, after the frame's insets."""
    return (box.width - 2 * INSET_X) / EMU_PER_PT, (box.height - 2 * INSET_Y) / EMU_PER_PT


def marker_widths(paras: list[Para], size: float, faces: Faces, floor: float) -> dict[int, float]:
    """Per nesting level, the hanging indent (points) that holds its widest marker: "12." of
    a twelve-item numbered list, measured at the level's size, plus a gap."""
    numbers: dict[int, int] = {}
    widths: dict[int, float] = {}
    for para in paras:
        if para.marker is None:
            continue
        pt = max(para.scale * size, floor)
        if para.marker == "number":
            numbers[para.level] = numbers.get(para.level, para.number_from - 1) + 1
            mark = face(faces.heading).advance(f"{numbers[para.level]}.")
        else:
            mark = face(faces.body).advance(para.bullet_char)
        need = max(mark + MARKER_GAP_EM, MIN_MARKER_EM) * pt
        widths[para.level] = max(widths.get(para.level, 0.0), need)
    return widths


def _measured(
    paras: list[Para], size: float, faces: Faces, floor: float
) -> list[tuple[Line, float, float, float]]:
    """Each paragraph to measure at ``size``: its line, size, left margin and hanging indent
    (points)."""
    markers = marker_widths(paras, size, faces, floor)
    text_start: dict[int, float] = {}  # where each level's text begins
    measured = []
    for para in paras:
        pt = max(para.scale * size, floor)
        outer = text_start.get(para.level - 1, 0.0) if para.level else 0.0
        hang = markers.get(para.level, 0.0) if para.marker else 0.0
        margin = outer + hang
        if para.marker:
            text_start[para.level] = margin
        measured.append(
            (Line(para.runs, faces.of(para), pt / size, margin / size), pt, margin, hang)
        )
    return measured


def lay_out(
    paras: list[Para], width: float, size: float, faces: Faces, floor: float, spacing: float = 1.0
) -> list[ParaPlan]:
    """Each paragraph at ``size`` (none below ``floor``) in a text ``width`` points wide;
    ``spacing`` multiplies the space above top-level items."""
    plans = []
    for index, (para, (line, pt, margin, hang)) in enumerate(
        zip(paras, _measured(paras, size, faces, floor), strict=True)
    ):
        lines = count_lines(line, width / size) if para.runs else 1
        before = 0.0
        if index:
            grow = spacing if para.level == 0 and para.marker else 1.0
            before = para.space_before * pt * grow
        plans.append(ParaPlan(pt, margin, hang, before, lines, face(line.family).line_height * pt))
    return plans


def text_wrap(
    paras: list[Para], width: float, size: float, faces: Faces, floor: float = 0.0
) -> Wrap:
    """How ``paras`` at ``size`` wrap in a text ``width`` points wide, all together: their
    lines, the breaks after a hyphen inside a word of a display paragraph, and the range of
    widths (points) that wrap them the same."""
    lines, hyphens, narrowest, widest, broken = 0, 0, 0.0, math.inf, False
    for para, (line, *_) in zip(paras, _measured(paras, size, faces, floor), strict=True):
        if not para.runs:
            lines += 1
            continue
        wrapped = wrap(line, width / size)
        lines += wrapped.lines
        hyphens += wrapped.hyphen_breaks if para.display else 0
        narrowest = max(narrowest, wrapped.narrowest * size)
        widest = min(widest, wrapped.widest * size)
        broken = broken or wrapped.broken_word
    return Wrap(lines, hyphens, narrowest, widest, broken)


def _keeping_hyphenated_words(
    paras: list[Para], width: float, height: float, size: float, faces: Faces, floor: float
) -> tuple[list[ParaPlan], float] | None:
    """``paras`` at ``size`` with no display paragraph broken after a hyphen inside a word,
    and the space (points) to leave left and right of the text so that it wraps so; None
    when no measure does within ``height``.

    The box's full width when it breaks no such word; else, among the narrower measures
    that break none, those with the fewest lines, and of them the narrowest: the most even
    lines. The measure is the middle of the widths that wrap the text the same, so that a
    renderer measuring a hair differently breaks its lines where the plan does.
    """
    measure, found = width, None
    for _ in range(_MAX_MEASURES):
        wrapped = text_wrap(paras, measure, size, faces, floor)
        plans = lay_out(paras, measure, size, faces, floor)
        if wrapped.broken_word or sum(p.height for p in plans) > height:
            break
        if found is not None and wrapped.lines > found[0]:
            break
        if not wrapped.hyphen_breaks:
            if measure == width:
                return plans, 0.0
            middle = (wrapped.narrowest + min(wrapped.widest, width)) / 2
            found = (wrapped.lines, plans, (width - middle) / 2)
        measure = min(measure, wrapped.narrowest) - _MEASURE_STEP
    return (found[1], found[2]) if found else None


_MAX_MEASURES = 200
"""How many narrower measures are tried for one size (each moves at least one word)."""
_MEASURE_STEP = 0.01
"""Points below the narrowest width of one wrap: the next narrower wrap."""


def plan_text(
    paras: list[Para],
    box: Box,
    faces: Faces,
    *,
    size: float,
    min_size: float | None = None,
    floor: float = 0.0,
    grow_to: float | None = None,
    balance: bool = False,
    open_above: float | None = None,
) -> TextPlan:
    """The largest size at which ``paras`` fit ``box``: from ``grow_to`` (when the text fits
    there) or ``size``, down to ``min_size`` in half points; no paragraph below ``floor``.

    With ``balance``, short text does not sit stranded at the top: the space between its
    top-level items grows (up to :data:`MAX_SPACING_EM`) and the rest of the room is shared
    above and below it: evenly (:func:`balanced_pad`) when ``open_above`` says how much
    empty page lies between the slide's heading and the box, else :data:`SPARE_ABOVE`.

    Display paragraphs (:attr:`Para.display`) are not broken after a hyphen inside a word:
    at the largest size where some measure keeps every such word whole, the text is set to
    that measure (``pad_x``); only when none does is a word broken at its hyphen.
    """
    width, height = inner_size(box)
    lowest = min_size if min_size is not None else size
    candidates = [grow_to] if grow_to and _grows_cleanly(paras, width, size, grow_to, faces) else []
    current = size
    while True:
        candidates.append(current)
        if current <= lowest:
            break
        current = max(lowest, current - STEP)
    pad_x, kept = 0.0, None
    if any(para.display for para in paras):
        for candidate in candidates:
            kept = _keeping_hyphenated_words(paras, width, height, candidate, faces, floor)
            if kept:
                plans, pad_x = kept
                used = sum(p.height for p in plans)
                break
    if kept is None:  # and when no size keeps a hyphenated word whole: broken at its hyphen
        for candidate in candidates:
            plans = lay_out(paras, width, candidate, faces, floor)
            used = sum(p.height for p in plans)
            if used <= height or candidate == candidates[-1]:
                break
    plan = TextPlan(candidate, tuple(plans), used, max(0.0, used - height), pad_x=pad_x)
    if balance and not plan.overflow:
        plan = _balanced(paras, plan, width, height, faces, floor, open_above)
    return plan


def _grows_cleanly(
    paras: list[Para], width: float, size: float, grow_to: float, faces: Faces
) -> bool:
    """Whether text set larger (``grow_to``) wraps to no more lines than at ``size``: a short
    list grows, but not into lines broken where they were whole."""
    if grow_to <= size:
        return False
    lines = [sum(p.lines for p in lay_out(paras, width, s, faces, 0.0)) for s in (size, grow_to)]
    return lines[1] <= lines[0]


def _balanced(
    paras: list[Para],
    plan: TextPlan,
    width: float,
    height: float,
    faces: Faces,
    floor: float,
    open_above: float | None,
) -> TextPlan:
    """More air between top-level items (as much as fits, up to a limit), then centred."""
    base = paras[0].space_before if paras else 0.0
    widest = MAX_SPACING_EM / base if base else 1.0
    best = plan
    width -= 2 * plan.pad_x
    # The space above items does not move a line break: laid out once, then spaced.
    laid = lay_out(paras, width, plan.size, faces, floor)
    for step in range(1, 9):
        spacing = 1 + (widest - 1) * step / 8
        plans = _spaced(paras, laid, spacing)
        used = sum(p.height for p in plans)
        if used > height * 0.9:
            break
        best = replace(plan, paras=tuple(plans), height=used, spacing=spacing)
    return replace(best, top_pad=balanced_pad(height - best.height, open_above))


def _spaced(paras: list[Para], laid: list[ParaPlan], spacing: float) -> list[ParaPlan]:
    """``laid`` (at spacing 1) with the space above top-level items grown by ``spacing``, as
    :func:`lay_out` would set it."""
    plans = [laid[0]] if laid else []
    for para, plan in zip(paras[1:], laid[1:], strict=True):
        grow = spacing if para.level == 0 and para.marker else 1.0
        before = para.space_before * plan.size * grow
        plans.append(
            ParaPlan(plan.size, plan.margin, plan.hang, before, plan.lines, plan.line_height)
        )
    return plans


def balanced_pad(spare: float, open_above: float | None) -> float:
    """The space (points) above a balanced text that leaves ``spare`` points of its box free.

    With ``open_above``, the empty page (points) between the slide's heading (its title's or
    subtitle's last line, less the usual gap) and the box, the text is centred in the room
    from the heading to the box's bottom: as much air above it as below. A slide whose
    title takes one line of two, or that has no subtitle, has that room above its body box,
    and a text centred in the box alone would look low on it; one centred in the room it
    sees does not sit at the top, nor leave an empty band under it either. Without it (a
    text beside a chart or a table): :data:`SPARE_ABOVE` of the spare height.
    """
    if spare <= 0:
        return 0.0
    if open_above is None:
        return spare * SPARE_ABOVE
    return min(spare, max(0.0, (spare - open_above) / 2))


def plan_text_set(
    texts: list[list[Para]],
    boxes: list[Box],
    faces: Faces,
    *,
    size: float,
    min_size: float,
    floor: float,
    grow_to: float | None = None,
    balance: bool = False,
    open_above: float | None = None,
) -> list[TextPlan]:
    """Texts set side by side (columns): one size for all, the size the fullest one fits at;
    balanced together, so that they start level (the tallest one centred, the others at
    its top; ``open_above`` as for :func:`plan_text`)."""
    common = min(
        (
            plan_text(t, b, faces, size=size, min_size=min_size, floor=floor, grow_to=grow_to)
            for t, b in zip(texts, boxes, strict=True)
        ),
        key=lambda plan: plan.size,
    ).size
    plans = [
        plan_text(paras, box, faces, size=common, floor=floor, balance=balance)
        for paras, box in zip(texts, boxes, strict=True)
    ]
    if not balance or any(p.overflow for p in plans):
        return [replace(p, anchor="top") for p in plans]
    spacing = min(p.spacing for p in plans)  # the fullest column sets the air for all
    even = []
    for plan, paras, box in zip(plans, texts, boxes, strict=True):
        measure = inner_size(box)[0] - 2 * plan.pad_x
        laid = tuple(lay_out(paras, measure, common, faces, floor, spacing))
        even.append(replace(plan, paras=laid, height=sum(q.height for q in laid), anchor="top"))
    room = min(inner_size(b)[1] for b in boxes)
    pad = balanced_pad(room - max(p.height for p in even), open_above)
    return [replace(p, top_pad=pad, spacing=spacing) for p in even]
