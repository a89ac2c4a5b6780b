"""A worksheet's print area (`_xlnm.Print_Area`) and the filled cells that lie outside it.

A reply is often laid out as a small printable table with a print area around it, while the
source data sits further down or to the right; whoever checks the printout or a PDF made from
it never sees those cells. They are still on screen for anyone who scrolls, so their values
keep the vector `cell` and are read and judged with the rest of the sheet; what this module adds
is the count, reported as a `Structure` on the sheet ("1,204 filled cells outside the print
area A1:D20, in rows 25 to 1,230"), the proportion cue that a few printed figures carry far
more data.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from detectors.formats._sheet import MAX_COLUMNS, Row, column_letter, plural, split_ref
from detectors.formats.xlsx.workbook import Workbook
from detectors.model import Structure, Vector

PRINT_AREA = "_xlnm.Print_Area"
_MAX_ROW = 1_048_576
_AREA = re.compile(
    r"!(\$?[A-Z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Z]{1,3}\$?[0-9]{1,7})?"
    r"|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?[0-9]{1,7}:\$?[0-9]{1,7})(?=,|\s*$)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'(?:[^']|'')*'")


@dataclass(frozen=True)
class Area:
    """One rectangle of a print area: 0-based columns and 1-based rows, both ends included."""

    first_column: int
    last_column: int
    first_row: int
    last_row: int

    @property
    def label(self) -> str:
        if self.first_row == 1 and self.last_row == _MAX_ROW:
            return f"{column_letter(self.first_column)}:{column_letter(self.last_column)}"
        if self.first_column == 0 and self.last_column == MAX_COLUMNS - 1:
            return f"{self.first_row}:{self.last_row}"
        first = f"{column_letter(self.first_column)}{self.first_row}"
        last = f"{column_letter(self.last_column)}{self.last_row}"
        return first if first == last else f"{first}:{last}"


def print_area(book: Workbook, sheet_name: str) -> tuple[Area, ...]:
    """The print area of the sheet called `sheet_name`; () when it has none or it cannot be
    read (a formula, an error such as #REF!)."""
    for name in book.names:
        if name.name.casefold() == PRINT_AREA.casefold() and name.scope == sheet_name:
            return parse_area(name.value)
    return ()


def parse_area(value: str) -> tuple[Area, ...]:
    """ "'Data'!$A$1:$D$20,'Data'!$F$1:$F$9" -> its rectangles; () unless every part reads."""
    areas: list[Area] = []
    position = 0
    for found in _AREA.finditer(value):
        if "!" in _QUOTED.sub("", value[position : found.start()]):
            return ()  # a part before this one did not read
        areas.append(_area(found.group(1)))
        position = found.end()
    return tuple(areas) if areas and not value[position:].strip() else ()


def _area(ref: str) -> Area:
    start, _, end = ref.replace("$", "").upper().partition(":")
    end = end or start
    if start.isdigit():
        return _ordered(0, MAX_COLUMNS - 1, int(start), int(end))
    if start.isalpha():
        first, last = split_ref(start)[0], split_ref(end)[0]
        return _ordered(first, last, 1, _MAX_ROW)
    (first_column, first_row), (last_column, last_row) = split_ref(start), split_ref(end)
    return _ordered(first_column, last_column, first_row, last_row)


def _ordered(first_column: int, last_column: int, first_row: int, last_row: int) -> Area:
    return Area(
        min(first_column, last_column),
        max(first_column, last_column),
        min(first_row, last_row),
        max(first_row, last_row),
    )


class Outside:
    """Counts the filled cells of a row stream that lie outside a print area, passing the rows
    on untouched."""

    def __init__(self, areas: tuple[Area, ...]) -> None:
        self.areas = areas
        self._edges = sorted({a.first_row for a in areas} | {a.last_row + 1 for a in areas})
        self.cells = 0
        self.first_row = 0
        self.last_row = 0

    def rows(self, rows: Iterable[Row]) -> Iterator[Row]:
        cells, first_row, last_row = 0, 0, 0
        top, bottom, spans = 0, 0, self._band(0)[2]  # the band of rows `spans` holds for
        try:
            for row in rows:
                values = row.values
                count = len(values) - values.count("")
                if count:
                    number = row.number
                    if not top <= number < bottom:
                        top, bottom, spans = self._band(number)
                    for left, right in spans:
                        inside = values[left:right]
                        count -= len(inside) - inside.count("")
                    if count:
                        cells += count
                        first_row = min(first_row, number) if first_row else number
                        last_row = max(last_row, number)
                yield row
        finally:
            self.cells, self.first_row, self.last_row = cells, first_row, last_row

    def _band(self, number: int) -> tuple[int, int, list[tuple[int, int]]]:
        """The rows around `number` that the same areas cover, and the column slices
        (start, stop) those areas cover on them, disjoint and in order."""
        edges = self._edges
        index = bisect.bisect_right(edges, number)
        top = edges[index - 1] if index else -sys.maxsize
        bottom = edges[index] if index < len(edges) else sys.maxsize
        spans = sorted(
            (area.first_column, area.last_column + 1)
            for area in self.areas
            if area.first_row <= number <= area.last_row
        )
        merged: list[tuple[int, int]] = []
        for left, right in spans:
            if merged and left <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], right))
            else:
                merged.append((left, right))
        return top, bottom, merged

    def structure(self, where: str) -> Structure | None:
        """What was counted, once the rows were read; None when every filled cell prints."""
        if not self.cells:
            return None
        area = " ".join(a.label for a in self.areas)
        rows = (
            f"row {self.first_row:,}"
            if self.first_row == self.last_row
            else f"rows {self.first_row:,} to {self.last_row:,}"
        )
        return Structure(
            Vector.CELL,
            where,
            f"{plural(self.cells, 'filled cell')} outside the print area {area}, in {rows}",
        )
