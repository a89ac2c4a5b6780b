"""Where a table's header row is: under one or several title lines, merged with a row of
column groups above it, or found where the words stop and the figures start."""

from __future__ import annotations

import re
from collections.abc import Sequence

from detectors.columns import NUMERIC, ColumnType, Cue, is_header_label, normal_header
from detectors.names import NameForm, is_name_shaped, looks_like_name, parse_name
from detectors.vocab import wordset

TITLE_ROWS = 6
"""Rows below a title searched for the real header row (blank rows not counted)."""
BLANKS = 4
"""Rows read for every title row searched, so that blank rows between them do not count."""
_MARK = re.compile(r"[#№*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰()\[\].\s-]*|no\.?|ref\.?|id", re.IGNORECASE)
"""Header cells that name no topic: a row number "#", "No.", a footnote mark on its own."""


def header_below_title(
    header: tuple[str, ...], sample: list[tuple[str, ...]]
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The header row under one or several title lines, merged with a group row above it.

    A row reads as a header when at least two of its cells, and most of its filled ones, are
    column headings; the others may be marks ("#", "No.") but never data (a date, a number).
    When the given header is not such a row, the first such row among the next TITLE_ROWS is
    the header and the rows above it are not data. A header row with a second header row
    below it (a group heading "Victim" over "Surname", "Forename") is merged into one.
    """
    # Blank rows between the title and the header (a report's layout) are not counted.
    at = [i for i, row in enumerate(sample[: TITLE_ROWS * BLANKS]) if _filled(row)][:TITLE_ROWS]
    rows = [header, *(sample[i] for i in at)]
    after = [0, *(i + 1 for i in at)]  # where the data starts when rows[k] heads it
    start = 0 if header_like(header) else None
    if start is None:
        start = next((i for i, row in enumerate(rows) if i and header_like(row)), None)
    if start is None:
        # Headings with no telling word ("Member", "1 Mileage", "2 Rail") over columns of
        # figures: the row where the words stop and the figures start is the header.
        below = [sample[i] for i in range(len(sample)) if _filled(sample[i])]
        start = next(
            (i for i, row in enumerate(rows) if _over_figures(row, below[i : i + HEADER_PROOF])),
            None,
        )
    if start is None:
        return header, sample
    top = tuple(_text(cell) for cell in rows[start])
    if (
        start + 1 < len(rows)
        and header_like(rows[start + 1])
        and _filled(rows[start + 1]) > _filled(rows[start])
    ):
        top = _merge_headers(top, rows[start + 1])
        start += 1
    elif start and _filled(rows[start - 1]) >= 2 and _group_row(rows[start - 1]):
        top = _merge_headers(rows[start - 1], top)
    return top, sample[after[start] :]


HEADER_PROOF = 20
"""Rows under a candidate header row read to see figures under its headings."""
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?\s+(?=\D)")
"""A column's number before its heading ("1 Mileage", "(2) Rail", "3. Air")."""


def _over_figures(row: Sequence[object], below: Sequence[Sequence[object]]) -> bool:
    """Three or more short headings without digits (a column number before them aside), and
    under at least half of them, mostly figures in the rows below."""
    cells = [(i, _COLUMN_NUMBER.sub("", _text(cell))) for i, cell in enumerate(row)]
    filled = [(i, cell) for i, cell in cells if cell]
    if len(filled) < 3 or any(len(c) > 40 or any(ch.isdigit() for ch in c) for _, c in filled):
        return False
    figures = 0
    for i, _ in filled:
        values = [_text(r[i]) for r in below if i < len(r) and _text(r[i])]
        numbers = sum(1 for v in values if NUMERIC.fullmatch(v))
        figures += bool(values) and numbers * 2 > len(values)
    return figures * 2 >= len(filled)


def _filled(row: Sequence[object]) -> int:
    return sum(1 for cell in row if _text(cell))


WIDE_LABELS = 5
"""Headings a report's wide header row needs when only half its cells read as headings."""


def header_like(row: Sequence[object]) -> bool:
    """At least two cells, and most of the filled ones, are column headings; the others are
    marks or short words, never data (a date, a number)."""
    filled = [cell for cell in (_text(c) for c in row) if cell]
    labels = sum(1 for cell in filled if is_header_label(cell))
    if labels < 2 or (
        labels * 5 < len(filled) * 3 and (labels < WIDE_LABELS or labels * 2 < len(filled))
    ):
        return False  # most cells are headings; in a wide report's header, half of them
    return all(
        is_header_label(cell)
        or (_MARK.fullmatch(cell) is not None)
        or (len(cell) <= 40 and not any(ch.isdigit() for ch in cell))
        for cell in filled
    )


def _group_row(row: Sequence[object]) -> bool:
    """Short headings over groups of columns, with no data value among them."""
    cells = [_text(cell) for cell in row if _text(cell)]
    return all(len(cell) <= 40 and not any(ch.isdigit() for ch in cell) for cell in cells) and any(
        is_header_label(cell) for cell in cells
    )


def _merge_headers(group: Sequence[object], below: Sequence[object]) -> tuple[str, ...]:
    """One header from a group row and the row below it; a group heading spans the blank
    cells to its right (a merged cell), up to the next group heading."""
    width = max(len(group), len(below))
    merged: list[str] = []
    parent = ""
    for i in range(width):
        above = _text(group[i]) if i < len(group) else ""
        parent = above or parent
        child = _text(below[i]) if i < len(below) else ""
        merged.append(
            f"{parent} {child}" if child and parent and parent != child else child or parent
        )
    return tuple(merged)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else str(value or "")


def header_is_data(top: Sequence[str], headers: Sequence[str], types: Sequence[ColumnType]) -> bool:
    """A table read without a header row (a hidden sheet of raw data) has a person in row one."""
    names = [h for h, t in zip(headers, types, strict=True) if t.cue is Cue.NAME]
    return (
        bool(names)
        and bool(top)
        and all(
            t.cue is not Cue.NAME
            or (
                not t.hint
                and normal_header(h) not in HEAD_NOUNS
                and is_name_shaped(parse_name(_MARK.sub("", h), t.form or NameForm.FULL))
            )
            for h, t in zip(headers, types, strict=True)
        )
    )


_MARK = re.compile(r"[ \t]*\([^()\n]{1,30}\)[ \t]*$")
"""A post or a mark after a name ("Jane Smith (Chair)"), left out when judging its shape."""
HEAD_NOUNS = wordset("""
    member members mp mps councillor councillors officer officers employee employees staff
    person people author authors speaker speakers candidate candidates chair owner contact
    inspector judge minister ministers peer peers lord lords trustee trustees director
    directors manager managers
    """)
"""Headings of a column of people that read like a surname ("Member", "Officer"): a header,
not the first person of a table with no header row."""


def header_is_person(
    top: Sequence[str], headers: Sequence[str], types: Sequence[ColumnType]
) -> bool:
    """`header_is_data`, and each name column's header a name the gazetteer knows ("Erica Reid
    (Chair)"), not a heading shaped like one ("Alderperson", "Crown Representative"): its
    other cells are that person's details, not the columns' topics."""
    return header_is_data(top, headers, types) and all(
        looks_like_name(_MARK.sub("", h))
        for h, t in zip(headers, types, strict=True)
        if t.cue is Cue.NAME
    )
