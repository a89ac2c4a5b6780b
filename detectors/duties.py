"""Tables of duties: each row an area of work, with the people who lead it.

A school's "Subject | Staff Member | Governor (lead/deputy)" table, a council's "Portfolio |
Lead member": people named for what they are responsible for, in their working capacity, one
or several to a row and the same person on many rows.
A staff list is keyed by its people; this table is keyed by its duties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from detectors.columns import ColumnType, Cue

_LEAD_HEADER = re.compile(
    r"\b(?:leads?|lead member|responsible|responsibility|owners?|by whom|action(?:ed)? by|"
    r"link governor|link)\b"
)
"""A heading that says its names lead or own the row's duty (normalised header words)."""
_KEY_CUES = frozenset({Cue.OTHER, Cue.DEPARTMENT, Cue.LOCATION})
"""What a row's duty may be judged as: a subject, a portfolio, an area."""
_ROSTER_CUES = frozenset({Cue.RANK, Cue.JOB_ROLE, Cue.IDENTIFIER, Cue.AGE, Cue.GENDER})
"""Columns that describe the people themselves: a roster, not a table of duties."""
_DIGITS = re.compile(r"\d")
NUMBERED_SHARE = 0.2
"""Most duties with figures in them ("Key Stage 1"): more, and the rows are items or dates."""
DUTIES_DISTINCT = 0.8
"""Share of distinct duties a key column needs: each row is a different area of work."""
DUTIES_LEAST = 3
"""Rows a table needs before its first column is read as its duties."""


def duty_table(
    normal: Sequence[str], types: Sequence[ColumnType], columns: Sequence[Sequence[str]]
) -> bool:
    """True for a table of duties: a first column of distinct areas of work in words (no
    names; few with figures, never dates or numbers), a name column, a heading that names
    leads or owners, and no column describing the people themselves (their rank, post, age,
    gender or number)."""
    if not types or not any(_LEAD_HEADER.search(h) for h in normal):
        return False
    if types[0].cue not in _KEY_CUES or types[0].entity:
        return False
    if not any(t.cue is Cue.NAME for t in types[1:]):
        return False
    if any(t.cue in _ROSTER_CUES for t in types):
        return False
    duties = [v for v in columns[0] if v]
    return (
        len(duties) >= DUTIES_LEAST
        and len(set(duties)) >= DUTIES_DISTINCT * len(duties)
        and sum(1 for v in duties if _DIGITS.search(v)) <= NUMBERED_SHARE * len(duties)
    )
