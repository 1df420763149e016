"""Timelines planned before they are drawn: where the line, the dots and the labels go, and
which milestones are past, from the deck's date (a period's end).

Pure, tested on plans (``tests/test_timeline.py``). Milestones are evenly spaced in date
order (a slide reads as a sequence, not a to-scale calendar); with five or more, labels
alternate above and below the line, so each has the room of two steps.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .layout import Box, inches
from .messages import say

DOT = inches(0.24)
ALTERNATE_FROM = 5
"""From this many milestones, labels alternate above and below the line."""
MAX_LABEL_WIDTH = inches(3.4)

_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True)
class MilestoneDate:
    """A year, a month or a day: ``2014``, ``2014-07``, ``2014-07-15``."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> MilestoneDate:
        match = _DATE.match(text.strip())
        if not match:
            raise ValueError(say("milestone_date", text=text))
        year, month, day = (int(g) if g else None for g in match.group("year", "month", "day"))
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(say("no_such_month", text=text, month=month))
        if day is not None and month is not None:
            datetime.date(year, month, day)  # ValueError for 2014-02-30
        return cls(year, month, day)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def label(self, language: str) -> str:
        """``2014``, ``lug 2014``/``Jul 2014``, ``15 lug 2014``/``15 Jul 2014``."""
        from babel.dates import format_date

        if self.month is None:
            return str(self.year)
        pattern = "LLL y" if self.day is None else "d MMM y"
        return format_date(self.first_day, pattern, locale=language.replace("-", "_"))


@dataclass(frozen=True)
class MilestonePlan:
    dot: Box
    label: Box
    above: bool
    """The label sits above the line (bottom-anchored, close to it)."""
    past: bool | None
    """Done by the deck's date; None when the deck has no date."""


@dataclass(frozen=True)
class TimelinePlan:
    line: Box
    """A horizontal line: ``height`` 0."""
    milestones: tuple[MilestonePlan, ...]


def plan_timeline(
    dates: list[MilestoneDate], body: Box, gap: int, today: datetime.date | None
) -> TimelinePlan:
    n = len(dates)
    step = body.width // n
    axis = body.top + body.height // 2
    alternate = n >= ALTERNATE_FROM
    label_width = min(MAX_LABEL_WIDTH, (2 * step if alternate else step) - gap)
    label_height = body.height // 2 - DOT - gap
    plans = []
    for index, date in enumerate(dates):
        centre = body.left + step * index + step // 2
        above = alternate and index % 2 == 0
        top = axis - DOT // 2 - gap // 2 - label_height if above else axis + DOT // 2 + gap // 2
        # Centred on its dot; at the ends narrower rather than shifted (onto a neighbour's room).
        half = min(label_width // 2, centre - body.left, body.right - centre)
        past = None if today is None else date.last_day <= today
        plans.append(
            MilestonePlan(
                Box(centre - DOT // 2, axis - DOT // 2, DOT, DOT),
                Box(centre - half, top, 2 * half, label_height),
                above,
                past,
            )
        )
    line = Box(body.left, axis, body.width, 0)
    return TimelinePlan(line, tuple(plans))
