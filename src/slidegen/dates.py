"""Dates in a deck: written ``YYYY-MM-DD``; any other spelling is explained, not guessed at.

``31/03/2026``, ``31.03.2026``, ``March 31 2026`` or ``31 marzo 2026`` are refused with the
same date in the right form as the example, so the fix is a copy away. Day-first numbers are
read as Europe writes them (the decks are Italian first).
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

from .messages import say

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}([T ].*)?")
_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_WORDS = re.compile(r"(\d{1,2})?\s*([^\W\d_]+)\.?\s*(\d{1,2})?,?\s+(\d{4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "gennaio", "gen"),
            ("february", "feb", "febbraio"),
            ("march", "mar", "marzo"),
            ("april", "apr", "aprile"),
            ("may", "maggio", "mag"),
            ("june", "jun", "giugno", "giu"),
            ("july", "jul", "luglio", "lug"),
            ("august", "aug", "agosto", "ago"),
            ("september", "sep", "sept", "settembre", "set"),
            ("october", "oct", "ottobre", "ott"),
            ("november", "nov", "novembre"),
            ("december", "dec", "dicembre", "dic"),
        ],
        start=1,
    )
    for name in names
}
EXAMPLE = datetime.date(2026, 3, 31)


def check_year(day: datetime.date) -> datetime.date:
    """Dates a document can carry (W3CDTF in the file's properties needs four digits)."""
    if not 1900 <= day.year <= 9999:
        raise ValueError(say("implausible_date", date=day.isoformat()))
    return day


def meant_date(text: str) -> datetime.date | None:
    """The date ``text`` most likely means, if it is a common non-ISO spelling."""
    text = text.strip()
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        first, second, third = (int(part) for part in numeric.groups())
        if len(numeric[1]) == 4:
            return _date(first, second, third)
        if len(numeric[3]) != 4:
            return None
        return _date(third, second, first) or _date(third, first, second)
    words = _WORDS.fullmatch(text)
    if words:
        month = _MONTHS.get(words[2].lower())
        day = words[1] or words[3]
        if month and day and not (words[1] and words[3]):
            return _date(int(words[4]), month, int(day))
    return None


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _as_date(value: Any) -> Any:
    """ISO text (and dates) go on to pydantic; anything else gets the format to use."""
    if isinstance(value, datetime.date) or value is None:
        return value
    text = getattr(value, "source", None) or str(value)
    if isinstance(value, str) and _ISO.fullmatch(value.strip()):
        return value.strip()
    example = meant_date(text) or EXAMPLE
    raise ValueError(say("date_format", example=example.isoformat()))


Date = Annotated[datetime.date, BeforeValidator(_as_date), AfterValidator(check_year)]
"""A date written ``YYYY-MM-DD``."""
