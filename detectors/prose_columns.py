"""Columns laid out with spaces in prose: a table printed as text is read as a table.

Slides, PDFs and plain-text exports often print a list one row per line with its fields set
apart by runs of spaces or tabs ("Watson, Susan   Police Constable   6829   Firearms"). When
at least COLUMN_ROWS lines of a text split into the same number (three or more) of fields,
and they are most of its lines, those lines become the rows of a table with no header, judged
by its values like any other table; the other lines stay prose.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

COLUMN_ROWS = 5
"""Lines of one shape a text needs before they are read as a table."""
MIN_FIELDS = 3
SHARE = 0.6
"""Share of the text's non-blank lines that must have that shape."""
_GAP = re.compile(r"\t+|\s{2,}")


@dataclass(frozen=True)
class Columns:
    rows: tuple[tuple[str, ...], ...]
    rest: str


def columns_in(text: str) -> Columns | None:
    """The spaced-out rows of `text` as a headerless table, when most of its lines are such."""
    if text.count("\n") + 1 < COLUMN_ROWS:
        return None
    lines = [line for line in text.splitlines() if line.strip()]
    split = [tuple(f for f in _GAP.split(line.strip()) if f) for line in lines]
    widths = Counter(len(fields) for fields in split if len(fields) >= MIN_FIELDS)
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    if count < COLUMN_ROWS or count < SHARE * len(lines):
        return None
    rows = tuple(fields for fields in split if len(fields) == width)
    rest = "\n".join(
        line for line, fields in zip(lines, split, strict=True) if len(fields) != width
    )
    return Columns(rows, rest)
