"""A meeting's attendance record: members' names beside nothing but marks of attendance.

School governors' minutes open with a table of who came ("Jane Smith | P", "Tom Brown |
Apologies"); a maintained school or academy publishes its governors' attendance by law, and a
council's, a board's or a club committee's minutes record their members' the same way. The
members are named in their capacity at the meeting. A longer list, a hidden one, or one whose
names carry a police rank is a roster, whatever its marks say.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from detectors.columns import ColumnType, Cue
from detectors.names import normal
from detectors.table_roles import cell
from detectors.vocab import RANK_WORDS, wordset

ATTENDANCE_ROWS = 40
"""Rows at most of a meeting's attendance record; a longer list is a roster."""
MARKS_SHARE = 0.8
"""Share of a column's values that must be marks of attendance."""
_MARKS = wordset("""
    p a y n x yes no present absent apologies apols apol attended ab ap abs dna late
    """) | {"did not attend", "sent apologies", ""}
"""Marks of attendance ("P", "A", "Y", "N", "Apologies", a dash)."""
_TICKS = "✓✔✗✘×"
_DASHES = "-–—"


def _mark(value: str) -> bool:
    return normal(value.strip(_TICKS + _DASHES + " ")) in _MARKS


def _recorded(value: str) -> bool:
    """A mark that records something: a letter, a word or a tick, not a dash alone."""
    return bool(value.strip(_DASHES + " "))


_HEADERS = wordset("attendance attended present absent apologies attending")


def attendance_record(
    headers: Sequence[str],
    types: Sequence[ColumnType],
    sample: Sequence[Sequence[str]],
    name_cols: Collection[int],
) -> bool:
    """True when every column but the names holds marks of attendance, at least one does,
    the table is short, and no name carries a police rank."""
    if not name_cols or not 0 < len(sample) <= ATTENDANCE_ROWS:
        return False
    marks = 0
    for i, (header, judged) in enumerate(zip(headers, types, strict=True)):
        values = [v for v in (cell(row, i) for row in sample) if v]
        if i in name_cols or judged.cue is Cue.NAME:
            if any(normal(v.split()[0]) in RANK_WORDS for v in [header, *values] if v.strip()):
                return False  # "PC Jane Smith | P": officers on a duty or training list
            continue
        if not values:
            continue
        head = normal(header)
        if head and not _HEADERS.intersection(head.split()) and not _mark(header):
            return False
        if sum(1 for v in values if _mark(v)) < MARKS_SHARE * len(values):
            return False
        if not any(_recorded(v) for v in values):
            continue  # dashes alone: an empty column, no record of anyone's attendance
        marks += 1
    return marks > 0
