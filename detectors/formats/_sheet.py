"""Turning a stream of spreadsheet rows into Tables, one per vector (shared by xlsx, xls, ods).

A format's reader yields `Row`s in sheet order and fills a `Layout` (hidden columns, how a
hidden row is classified) as it goes. `sheet_tables` reads the stream once: the visible cells
flow straight to the consumer of the first Table while the few cells of each hiding place
(hidden rows, hidden columns, cells concealed by formatting) are buffered; a hiding place
that outgrows the buffer is dropped from memory and read again from a fresh stream, so memory
stays flat whatever the row count. A sheet that is itself hidden is one Table, streamed.

Every Table's rows are contiguous from `first_row`: a missing row (blank, or belonging to
another Table) is an empty tuple, so `first_row + index` is the row number. A gap longer than
`MAX_GAP` rows is not filled (a hostile sheet could ask for a million); `where` still names
the true rows. A row may be longer than `columns` when a cell lies beyond the header and the
used range: its positions continue the same letter sequence.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Vector

MAX_COLUMNS = 16_384
"""Excel's last column (XFD); cells beyond it are not read."""
MAX_GAP = 10_000
MAX_BUFFERED_CELLS = 200_000
"""Cells of hiding places kept in memory per sheet before they are re-read instead."""
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


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def column_index(letters: str) -> int:
    """'A' -> 0, 'AA' -> 26; letters are case-insensitive, anything else raises ValueError."""
    index = 0
    for char in letters.upper():
        if not "A" <= char <= "Z":
            raise ValueError(f"not a column: {letters!r}")
        index = index * 26 + ord(char) - 64
    if not letters:
        raise ValueError("empty column")
    return index - 1


def split_ref(ref: str) -> tuple[int, int]:
    """'B12' or '$B$12' -> (column 1, row 12); a missing part is -1."""
    ref = ref.replace("$", "")
    digits = len(ref) - len(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    letters, number = ref[:digits], ref[digits:]
    column = column_index(letters) if letters else -1
    row = int(number) if number.isdigit() else -1
    return column, row


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


@dataclass
class _Place:
    """One hiding place in a shown sheet: its cells buffered until the sheet has been read."""

    key: object
    vector: Vector
    rows: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    numbers: _RowSet = field(default_factory=_RowSet)
    overflow: bool = False
    max_column: int = -1
    start: int = 0
    """First column of a run of hidden columns."""


_Extra = tuple[object, Vector, tuple[str, ...], int]
"""A part of a row that belongs to a hiding place: key, vector, values, last non-blank column."""


def sheet_tables(
    layout: Layout,
    rows: Iterable[Row],
    reopen: Callable[[], Iterable[Row]],
    budget: Budget,
) -> Iterator[Item]:
    """Tables (one per vector) and Structures for one sheet; `reopen` streams its rows again."""
    stream = iter(rows)
    header = next((row for row in stream if any(row.values)), None)
    if header is None:
        if layout.state is not Vector.CELL:
            yield Structure(layout.state, layout.where, f"{_state_word(layout.state)}, empty")
        return
    if layout.state is not Vector.CELL:
        yield from _whole_sheet(layout, header, stream, budget)
    else:
        yield from _Splitter(layout, header, budget).tables(stream, reopen)


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
        self.buffered = 0
        width = min(max(layout.width, len(header.values)), MAX_COLUMNS)
        hidden = layout.hidden_columns
        # Runs of hidden columns sharing a vector: (start, end exclusive, vector).
        self.runs: list[tuple[int, int, Vector]] = []
        for column in sorted(hidden):
            vector = hidden[column]
            if self.runs and self.runs[-1][1] == column and self.runs[-1][2] is vector:
                self.runs[-1] = (self.runs[-1][0], column + 1, vector)
            else:
                self.runs.append((column, column + 1, vector))
        # Shown column ranges between the runs, the last one open-ended.
        self.shown: list[tuple[int, int]] = []
        start = 0
        for a, b, _ in self.runs:
            if a > start:
                self.shown.append((start, a))
            start = b
        self.shown.append((start, MAX_COLUMNS))
        self.visible_columns = [i for i in range(width) if i not in hidden]
        self.places: dict[object, _Place] = {}
        self.hidden_rows = _Place("rows", Vector.HIDDEN_ROW)
        self.hidden_numbers = array("l")
        self.hidden_hints: list[object] = []

    def tables(self, stream: Iterator[Row], reopen: Callable[[], Iterable[Row]]) -> Iterator[Item]:
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
        yield from self._hidden_row_tables(reopen)
        for place in self.places.values():
            yield from self._place_tables(place, reopen)

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
                    place = self.places[key] = _Place(key, vector, start=start)
                place.numbers.add(row.number)
                place.max_column = max(place.max_column, last)
                self._buffer(place, row.number, values)
            if shown:
                yield row.number, shown

    def _keep_hidden_row(self, row: Row) -> None:
        values = _trimmed(row.values)
        if not values:
            return
        place = self.hidden_rows
        place.numbers.add(row.number)
        self.hidden_numbers.append(row.number)
        self.hidden_hints.append(row.hidden)
        place.max_column = max(place.max_column, len(values) - 1)
        self._buffer(place, row.number, values)

    def _split(self, row: Row) -> tuple[tuple[str, ...], list[_Extra]]:
        """The shown part of a row, and its cells that belong to hiding places."""
        values = row.values
        length = len(values)
        extras: list[_Extra] = []
        for a, b, vector in self.runs:
            if a >= length:
                break
            part = values[a:b]
            if any(part):
                last = max(i for i, value in enumerate(part) if value)
                extras.append((("columns", a, b), vector, _trimmed(part), a + last))
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

    def _buffer(self, place: _Place, number: int, values: tuple[str, ...]) -> None:
        if place.overflow:
            return
        self.buffered += len(values)
        if self.buffered > MAX_BUFFERED_CELLS:
            # Too many to keep: drop them and read this place again after the sheet.
            place.overflow = True
            self.buffered -= sum(len(v) for _, v in place.rows) + len(values)
            place.rows = []
            return
        place.rows.append((number, values))

    # -- the hiding places, once the sheet has been read ------------------------------------

    def _hidden_row_tables(self, reopen: Callable[[], Iterable[Row]]) -> Iterator[Item]:
        place = self.hidden_rows
        if not place.numbers.count:
            return
        row_vector = self.layout.row_vector
        numbers = self.hidden_numbers
        vectors = [
            row_vector(number, hint)
            for number, hint in zip(numbers, self.hidden_hints, strict=True)
        ]
        self.hidden_numbers, self.hidden_hints = array("l"), []
        subs: dict[Vector, _Place] = {}
        for number, vector in zip(numbers, vectors, strict=True):
            sub = subs.get(vector)
            if sub is None:
                sub = subs[vector] = _Place(vector, vector, overflow=place.overflow)
            sub.numbers.add(number)
        if not place.overflow:
            for (number, values), vector in zip(place.rows, vectors, strict=True):
                subs[vector].rows.append((number, values))
                subs[vector].max_column = max(subs[vector].max_column, len(values) - 1)
        else:
            for sub in subs.values():
                sub.max_column = place.max_column
        place.rows = []
        for vector, sub in subs.items():
            yield from self._emit(
                sub,
                _ROW_WORDS[vector],
                header=_trimmed(self.header.values),
                columns=tuple(column_letter(i) for i in range(sub.max_column + 1)),
                again=lambda v=vector: self._again_rows(reopen, v),  # type: ignore[misc]
            )

    def _again_rows(
        self, reopen: Callable[[], Iterable[Row]], vector: Vector
    ) -> Iterator[tuple[int, tuple[str, ...]]]:
        row_vector = self.layout.row_vector
        for row in reopen():
            if row.hidden is not None and row_vector(row.number, row.hidden) is vector:
                values = _trimmed(row.values)
                if values:
                    yield row.number, values

    def _place_tables(self, place: _Place, reopen: Callable[[], Iterable[Row]]) -> Iterator[Item]:
        again = lambda: self._again_split(reopen, place.key)  # noqa: E731
        if place.key == "concealed":
            yield from self._emit(
                place,
                "cells hidden by formatting in rows",
                header=self._shown(self.header.values),
                columns=tuple(column_letter(i) for i in self.visible_columns),
                again=again,
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
            again=again,
        )

    def _again_split(
        self, reopen: Callable[[], Iterable[Row]], key: object
    ) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Read the sheet again for one place that outgrew the buffer, keeping nothing else."""
        for row in reopen():
            if row.hidden is not None or row.number == self.header.number:
                continue
            if not self.runs and row.concealed is None:
                continue
            for extra_key, _, values, _ in self._split(row)[1]:
                if extra_key == key:
                    yield row.number, values

    def _emit(
        self,
        place: _Place,
        words: str,
        header: tuple[str, ...],
        columns: tuple[str, ...],
        again: Callable[[], Iterator[tuple[int, tuple[str, ...]]]],
    ) -> Iterator[Item]:
        where = f"{self.layout.where} {words} {place.numbers.describe()}"
        yield Structure(
            place.vector,
            where,
            f"{plural(place.numbers.count, _NOUNS[place.vector])} with non-blank cells",
        )
        pairs = again() if place.overflow else iter(place.rows)
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
    Vector.CONCEALED_FORMAT: "row of concealed cells",
}
