"""Turning a stream of spreadsheet rows into Tables, one per vector (shared by xlsx, xls, ods).

A format's reader yields `Row`s in sheet order and fills a `Layout` (hidden columns, how a
hidden row is classified) as it goes. `sheet_tables` reads the stream once: the visible cells
flow straight to the consumer of the first Table while the cells of each hiding place
(hidden rows, hidden columns, cells concealed by formatting) are kept aside, in memory up to
`MAX_BUFFERED_CELLS` per sheet and beyond that in an anonymous temporary file (deleted when
closed, never named on disk), so memory stays flat whatever the row count and no sheet is
parsed twice. A sheet that is itself hidden is one Table, streamed.

Every Table's rows are contiguous from `first_row`: a missing row (blank, or belonging to
another Table) is an empty tuple, so `first_row + index` is the row number. A gap longer than
`MAX_GAP` rows is not filled (a hostile sheet could ask for a million); `where` still names
the true rows. A row may be longer than `columns` when a cell lies beyond the header and the
used range: its positions continue the same letter sequence.
"""

from __future__ import annotations

import itertools
import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from detectors.formats._refs import column_index, column_letter, split_ref
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Vector

__all__ = [
    "MAX_COLUMNS",
    "Layout",
    "Row",
    "column_index",
    "column_letter",
    "plural",
    "sheet_tables",
    "split_ref",
]

MAX_COLUMNS = 16_384
"""Excel's last column (XFD); cells beyond it are not read."""
MAX_GAP = 10_000
MAX_BUFFERED_CELLS = 200_000
"""Cells of hiding places kept in memory per sheet; more go to a temporary file."""
_CHECK_EVERY = 512


@dataclass(slots=True)
class Row:
    """One row of a sheet as stored: values by 0-based column, "" for a blank cell."""

    number: int
    values: list[str]
    hidden: object = None
    """None for a shown row; otherwise the format's hint, classified by `Layout.row_vector`."""
    concealed: set[int] | None = None
    """Columns whose cell format hides the value (`;;;`, font colour equal to fill)."""


def _hidden_row(number: int, hint: object) -> Vector:
    return hint if isinstance(hint, Vector) else Vector.HIDDEN_ROW


@dataclass
class Layout:
    """What a reader knows about a sheet besides its rows; complete once the rows are read."""

    name: str
    state: Vector = Vector.CELL
    """CELL for a shown sheet, HIDDEN_SHEET or VERY_HIDDEN_SHEET."""
    hidden_columns: dict[int, Vector] = field(default_factory=dict)
    """Column index -> HIDDEN_COLUMN or COLLAPSED_OUTLINE; known before the first row."""
    width: int = 0
    """Columns in the used range when the format says so (xlsx `dimension`), else 0."""
    row_vector: Callable[[int, object], Vector] = _hidden_row
    """Classifies a hidden row by number and hint once all rows were read (xlsx needs the
    autoFilter, which follows the rows)."""

    @property
    def where(self) -> str:
        return f"sheet '{self.name}'"


def plural(count: int, noun: str) -> str:
    """plural(1, 'row') -> '1 row'; plural(9483, 'row') -> '9,483 rows'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


class _RowSet:
    """Row numbers of a hiding place: a count, the first few runs, and how many more."""

    def __init__(self) -> None:
        self.count = 0
        self.first = 0
        self.last = 0
        self.runs: list[list[int]] = []
        self.more_runs = 0

    def add(self, number: int) -> None:
        if self.count and number == self.last + 1:
            if not self.more_runs:
                self.runs[-1][1] = number
        elif len(self.runs) < 4:
            self.runs.append([number, number])
        else:
            self.more_runs += 1
        if not self.count:
            self.first = number
        self.count += 1
        self.last = number

    def describe(self) -> str:
        parts = [f"{a}–{b}" if a != b else str(a) for a, b in self.runs]
        if self.more_runs:
            parts.append(f"and {self.more_runs:,} more ranges")
        return ", ".join(parts)


class _Spool:
    """(row number, cells) records: in memory while the sheet's allowance lasts, then in an
    anonymous temporary file."""

    def __init__(self, allowance: list[int]) -> None:
        self._allowance = allowance
        self._rows: list[tuple[int, tuple[str, ...]]] = []
        self._file: IO[bytes] | None = None
        self.count = 0

    def add(self, number: int, values: tuple[str, ...]) -> None:
        self.count += 1
        if self._file is None:
            if self._allowance[0] >= len(values):
                self._allowance[0] -= len(values)
                self._rows.append((number, values))
                return
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
            for record in self._rows:
                marshal.dump(record, self._file)
            self._allowance[0] += sum(len(v) for _, v in self._rows)
            self._rows = []
        marshal.dump((number, values), self._file)

    def __iter__(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        if self._file is None:
            yield from self._rows
            return
        self._file.seek(0)
        for _ in range(self.count):
            yield marshal.load(self._file)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


@dataclass
class _Place:
    """One hiding place in a shown sheet: its cells kept aside until the sheet has been read."""

    key: object
    vector: Vector
    rows: _Spool
    numbers: _RowSet = field(default_factory=_RowSet)
    max_column: int = -1
    start: int = 0
    """First column of a run of hidden columns."""


_Extra = tuple[object, Vector, tuple[str, ...], int]
"""A part of a row that belongs to a hiding place: key, vector, values, last non-blank column."""


def sheet_tables(layout: Layout, rows: Iterable[Row], budget: Budget) -> Iterator[Item]:
    """Tables (one per vector) and Structures for one sheet, reading `rows` once."""
    stream = iter(rows)
    header = next((row for row in stream if any(row.values)), None)
    if header is None:
        if layout.state is not Vector.CELL:
            yield Structure(layout.state, layout.where, f"{_state_word(layout.state)}, empty")
        return
    if layout.state is not Vector.CELL:
        yield from _whole_sheet(layout, header, stream, budget)
    else:
        splitter = _Splitter(layout, header, budget)
        try:
            yield from splitter.tables(stream)
        finally:
            splitter.close()


def _state_word(state: Vector) -> str:
    return "very hidden sheet" if state is Vector.VERY_HIDDEN_SHEET else "hidden sheet"


def _whole_sheet(
    layout: Layout, header: Row, stream: Iterator[Row], budget: Budget
) -> Iterator[Item]:
    width = min(max(layout.width, len(header.values)), MAX_COLUMNS)
    counter = [0, 0]  # non-blank rows, widest row

    def rows() -> Iterator[tuple[str, ...]]:
        pairs = ((row.number, _trimmed(row.values)) for row in stream)
        for values in _contiguous(pairs, header.number + 1, budget):
            if values:
                counter[0] += 1
                counter[1] = max(counter[1], len(values))
            yield values

    generator = rows()
    yield Table(
        where=layout.where,
        vector=layout.state,
        header=_trimmed(header.values),
        rows=generator,
        first_row=header.number + 1,
        columns=tuple(column_letter(i) for i in range(width)),
    )
    for _ in generator:  # the consumer may have stopped early: finish the count
        pass
    columns = max(width, counter[1])
    yield Structure(
        layout.state,
        layout.where,
        f"{_state_word(layout.state)}: {plural(counter[0], 'non-blank row')} below the header "
        f"across {plural(columns, 'column')}",
    )


def _contiguous(
    pairs: Iterable[tuple[int, tuple[str, ...]]], first: int, budget: Budget
) -> Iterator[tuple[str, ...]]:
    """Row tuples with empty tuples for missing rows (gaps up to MAX_GAP), from `first` on."""
    expected = first
    for checked, (number, values) in enumerate(pairs, 1):
        if not checked % _CHECK_EVERY:
            budget.check()
        gap = number - expected
        if 0 < gap <= MAX_GAP:
            yield from itertools.repeat((), gap)
        yield values
        expected = number + 1


def _trimmed(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    end = len(values)
    while end and not values[end - 1]:
        end -= 1
    return tuple(values[:end])


class _Splitter:
    """Splits the rows of a shown sheet into what a viewer sees and each hiding place."""

    def __init__(self, layout: Layout, header: Row, budget: Budget) -> None:
        self.layout = layout
        self.header = header
        self.budget = budget
        self.allowance = [MAX_BUFFERED_CELLS]
        width = min(max(layout.width, len(header.values)), MAX_COLUMNS)
        hidden = layout.hidden_columns
        # Runs of hidden columns sharing a vector: (start, end exclusive, vector, place key).
        runs: list[tuple[int, int, Vector]] = []
        for column in sorted(hidden):
            vector = hidden[column]
            if runs and runs[-1][1] == column and runs[-1][2] is vector:
                runs[-1] = (runs[-1][0], column + 1, vector)
            else:
                runs.append((column, column + 1, vector))
        self.runs = [(a, b, v, ("columns", a, b)) for a, b, v in runs]
        # Shown column ranges between the runs, the last one open-ended.
        self.shown: list[tuple[int, int]] = []
        start = 0
        for a, b, _, _ in self.runs:
            if a > start:
                self.shown.append((start, a))
            start = b
        self.shown.append((start, MAX_COLUMNS))
        self.cut: tuple[int, int] | None = None
        if len(self.shown) == 2 and self.shown[0][0] == 0:
            self.cut = (self.shown[0][1], self.shown[1][0])
        self.visible_columns = [i for i in range(width) if i not in hidden]
        self.places: dict[object, _Place] = {}
        self.hidden_rows = _Place("rows", Vector.HIDDEN_ROW, _Spool(self.allowance))
        self.hidden_hints: list[object] = []

    def close(self) -> None:
        self.hidden_rows.rows.close()
        for place in self.places.values():
            place.rows.close()

    def tables(self, stream: Iterator[Row]) -> Iterator[Item]:
        layout = self.layout
        pairs = self._pass(itertools.chain([self.header], stream))
        visible = _contiguous(pairs, self.header.number + 1, self.budget)
        yield Table(
            where=layout.where,
            vector=Vector.CELL,
            header=self._shown(self.header.values),
            rows=visible,
            first_row=self.header.number + 1,
            columns=tuple(column_letter(i) for i in self.visible_columns),
        )
        for _ in visible:  # the consumer may have stopped early: the places need every row
            pass
        yield from self._hidden_row_tables()
        for place in self.places.values():
            yield from self._place_tables(place)

    # -- the one pass -----------------------------------------------------------------------

    def _pass(self, rows: Iterable[Row]) -> Iterator[tuple[int, tuple[str, ...]]]:
        header_number = self.header.number
        simple = not self.runs
        for row in rows:
            if row.hidden is not None:
                self._keep_hidden_row(row)
                continue
            if simple and row.concealed is None:
                if row.number != header_number:
                    yield row.number, _trimmed(row.values)
                continue
            shown, extras = self._split(row)
            if row.number == header_number:
                continue
            for key, vector, values, last in extras:
                place = self.places.get(key)
                if place is None:
                    start = key[1] if isinstance(key, tuple) else 0
                    spool = _Spool(self.allowance)
                    place = self.places[key] = _Place(key, vector, spool, start=start)
                place.numbers.add(row.number)
                place.max_column = max(place.max_column, last)
                place.rows.add(row.number, values)
            if shown:
                yield row.number, shown

    def _keep_hidden_row(self, row: Row) -> None:
        values = _trimmed(row.values)
        if not values:
            return
        place = self.hidden_rows
        place.numbers.add(row.number)
        self.hidden_hints.append(row.hidden)
        place.max_column = max(place.max_column, len(values) - 1)
        place.rows.add(row.number, values)

    def _split(self, row: Row) -> tuple[tuple[str, ...], list[_Extra]]:
        """The shown part of a row, and its cells that belong to hiding places."""
        values = row.values
        length = len(values)
        extras: list[_Extra] = []
        for a, b, vector, key in self.runs:
            if a >= length:
                break
            part = _trimmed(values[a:b])
            if part:
                extras.append((key, vector, part, a + len(part) - 1))
        shown = self._shown_list(values)
        if row.concealed:
            hidden = self.layout.hidden_columns
            columns = [c for c in sorted(row.concealed) if c < length and values[c]]
            columns = [c for c in columns if c not in hidden]
            if columns:
                kept = [""] * len(shown)
                for column in columns:
                    position = self._position(column)
                    kept[position], shown[position] = shown[position], ""
                extras.append(
                    (
                        "concealed",
                        Vector.CONCEALED_FORMAT,
                        _trimmed(kept),
                        self._position(columns[-1]),
                    )
                )
        return _trimmed(shown), extras

    def _shown_list(self, values: list[str]) -> list[str]:
        if not self.runs:
            return list(values)
        if self.cut:  # one run of hidden columns after column A: the usual case
            a, b = self.cut
            return values[:a] + values[b:]
        shown: list[str] = []
        for a, b in self.shown:
            if a >= len(values):
                break
            shown.extend(values[a:b])
        return shown

    def _shown(self, values: list[str]) -> tuple[str, ...]:
        return _trimmed(self._shown_list(values))

    def _position(self, column: int) -> int:
        """Index of a shown column within a shown row."""
        position = 0
        for a, b in self.shown:
            if column < b:
                return position + column - a
            position += b - a
        return position

    # -- the hiding places, once the sheet has been read ------------------------------------

    def _hidden_row_tables(self) -> Iterator[Item]:
        """Hidden rows by vector (hidden, filtered out, collapsed), known only at the end."""
        place = self.hidden_rows
        if not place.numbers.count:
            return
        vectors = self._row_vectors()
        subs: dict[Vector, _Place] = {}
        for (number, values), vector in zip(place.rows, vectors, strict=True):
            sub = subs.get(vector)
            if sub is None:
                sub = subs[vector] = _Place(vector, vector, place.rows)
            sub.numbers.add(number)
            sub.max_column = max(sub.max_column, len(values) - 1)
        for vector, sub in subs.items():
            pairs = (pair for pair, v in zip(place.rows, vectors, strict=True) if v is vector)
            yield from self._emit(
                sub,
                _ROW_WORDS[vector],
                header=_trimmed(self.header.values),
                columns=tuple(column_letter(i) for i in range(sub.max_column + 1)),
                pairs=pairs,
            )

    def _row_vectors(self) -> list[Vector]:
        row_vector = self.layout.row_vector
        numbers = (number for number, _ in self.hidden_rows.rows)
        return [
            row_vector(number, hint)
            for number, hint in zip(numbers, self.hidden_hints, strict=True)
        ]

    def _place_tables(self, place: _Place) -> Iterator[Item]:
        if place.key == "concealed":
            yield from self._emit(
                place,
                "cells hidden by formatting in rows",
                header=self._shown(self.header.values),
                columns=tuple(column_letter(i) for i in self.visible_columns),
                pairs=iter(place.rows),
            )
            return
        a, end = place.start, place.max_column + 1
        letters = tuple(column_letter(i) for i in range(a, end))
        noun = "columns" if len(letters) > 1 else "column"
        span = f"{letters[0]}–{letters[-1]}" if len(letters) > 1 else letters[0]
        word = "collapsed" if place.vector is Vector.COLLAPSED_OUTLINE else "hidden"
        yield from self._emit(
            place,
            f"{word} {noun} {span}, rows",
            header=_trimmed(self.header.values[a:end]),
            columns=letters,
            pairs=iter(place.rows),
        )

    def _emit(
        self,
        place: _Place,
        words: str,
        header: tuple[str, ...],
        columns: tuple[str, ...],
        pairs: Iterator[tuple[int, tuple[str, ...]]],
    ) -> Iterator[Item]:
        where = f"{self.layout.where} {words} {place.numbers.describe()}"
        yield Structure(
            place.vector,
            where,
            f"{plural(place.numbers.count, _NOUNS[place.vector])} with non-blank cells",
        )
        yield Table(
            where=where,
            vector=place.vector,
            header=header,
            rows=_contiguous(pairs, place.numbers.first, self.budget),
            first_row=place.numbers.first,
            columns=columns,
        )


_ROW_WORDS = {
    Vector.HIDDEN_ROW: "hidden rows",
    Vector.FILTERED_ROW: "rows filtered out",
    Vector.COLLAPSED_OUTLINE: "collapsed rows",
}
_NOUNS = {
    Vector.HIDDEN_ROW: "hidden row",
    Vector.FILTERED_ROW: "filtered-out row",
    Vector.COLLAPSED_OUTLINE: "collapsed row",
    Vector.HIDDEN_COLUMN: "row",
    Vector.CONCEALED_FORMAT: "row",
}
