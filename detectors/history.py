"""People of history: a table whose every date is a century or more old names the dead
(peerages created under Queen Anne, a force's roll of honour from 1914), whom data-protection
law does not cover. A single recent date (a living peer's birth) keeps the table as it is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

_DATE = re.compile(
    r"(?P<iso>\d{4})-\d{1,2}-\d{1,2}(?:[ T][\d:.]+)?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?P<dmy>\d{4})"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}\.?,?[ \t]+(?P<long>\d{4})"
)
CENTURY = 100
"""Years after which nobody named beside a date is taken to be alive."""
HISTORY_DATES = 5
"""Dated cells a table needs before its dates say anything of its people."""


def historical(sample: Sequence[Sequence[object]], today: date | None = None) -> bool:
    """True when the sampled rows hold at least HISTORY_DATES dates, every one of them at
    least CENTURY years old, and at least half the rows carry one."""
    cutoff = (today or date.today()).year - CENTURY
    years: list[int] = []
    dated = 0
    for row in sample:
        found = [_year(cell) for cell in row if cell]
        found_years = [y for y in found if y is not None]
        years += found_years
        dated += bool(found_years)
    return (
        len(years) >= HISTORY_DATES and 2 * dated >= len(sample) and all(y <= cutoff for y in years)
    )


def _year(value: object) -> int | None:
    match = _DATE.fullmatch(str(value).strip())
    if match is None:
        return None
    return int(match.group("iso") or match.group("dmy") or match.group("long"))
