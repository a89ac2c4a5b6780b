"""Splitting a shown sheet's rows into what a viewer sees and one Table per hiding place."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from detectors.formats._refs import column_letter
from detectors.formats._sheet.layout import MAX_COLUMNS, Layout, Row
from detectors.formats._sheet.rows import fill_gaps, plural, trim
from detectors.formats._sheet.spool import Place, RowSet, Spool, sheet_allowance
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Vector

_Extra = tuple[object, Vector, tuple[str, ...], int]
"""A part of a row that belongs to a hiding place: key, vector, values, last non-blank column."""


class Splitter:
    """Splits the rows of a shown sheet into what a viewer sees and each hiding place."""

    def __init__(self, layout: Layout, header: Row, budget: Budget) -> None:
        self.layout = layout
        self.header = header
        self.budget = budget
        self.allowance = sheet_allowance()
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
        self.places: dict[object, Place] = {}
        self.hidden_rows = Place("rows", Vector.HIDDEN_ROW, Spool(self.allowance))
        self.hidden_hints: list[object] = []
        self.overlaps: dict[object, _Overlap] = {}
        """Hidden columns whose cells sit in hidden rows, by place key: their values are read
        with the rows, and the columns are still reported as a hiding place of their own."""

    def close(self) -> None:
        self.hidden_rows.rows.close()
        for place in self.places.values():
            place.rows.close()

    def tables(self, stream: Iterator[Row]) -> Iterator[Item]:
        layout = self.layout
        pairs = self._pass(itertools.chain([self.header], stream))
        visible = fill_gaps(pairs, self.header.number + 1, self.budget)
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
        yield from self._overlap_structures()

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
                    yield row.number, trim(row.values)
                continue
            shown, extras = self._split(row)
            if row.number == header_number:
                continue
            for key, vector, values, last in extras:
                place = self.places.get(key)
                if place is None:
                    start = key[1] if isinstance(key, tuple) else 0
                    spool = Spool(self.allowance)
                    place = self.places[key] = Place(key, vector, spool, start=start)
                place.numbers.add(row.number)
                place.max_column = max(place.max_column, last)
                place.rows.add(row.number, values)
            if shown:
                yield row.number, shown

    def _keep_hidden_row(self, row: Row) -> None:
        values = trim(row.values)
        if not values:
            return
        place = self.hidden_rows
        place.numbers.add(row.number)
        self.hidden_hints.append(row.hidden)
        for a, b, vector, key in self.runs:
            if a >= len(values):
                break
            filled = sum(1 for value in values[a:b] if value)
            if filled:
                overlap = self.overlaps.setdefault(key, _Overlap(vector, a))
                overlap.numbers.add(row.number)
                overlap.cells += filled
                overlap.last = max(overlap.last, a + len(trim(values[a:b])) - 1)
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
            part = trim(values[a:b])
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
                        trim(kept),
                        self._position(columns[-1]),
                    )
                )
        return trim(shown), extras

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
        return trim(self._shown_list(values))

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
        subs: dict[Vector, Place] = {}
        for (number, values), vector in zip(place.rows, vectors, strict=True):
            sub = subs.get(vector)
            if sub is None:
                sub = subs[vector] = Place(vector, vector, place.rows)
            sub.numbers.add(number)
            sub.max_column = max(sub.max_column, len(values) - 1)
        header = trim(self.header.values)
        for vector, sub in subs.items():
            pairs = (pair for pair, v in zip(place.rows, vectors, strict=True) if v is vector)
            # Hidden rows wider than the sheet's own table (a roster under a headcount) are a
            # table of their own: its header is found among its rows, not borrowed.
            wider = sub.max_column + 1 > len(header) + 1
            yield from self._emit(
                sub,
                _ROW_WORDS[vector],
                header=() if wider else header,
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

    def _overlap_structures(self) -> Iterator[Item]:
        """Hidden columns holding cells only in hidden rows (a column and a row hidden
        together): reported as hidden columns too, their values already read with the rows."""
        for key, overlap in self.overlaps.items():
            if key in self.places:
                continue  # reported with its cells in shown rows
            letters = [column_letter(i) for i in range(overlap.start, overlap.last + 1)]
            noun = "columns" if len(letters) > 1 else "column"
            span = f"{letters[0]}–{letters[-1]}" if len(letters) > 1 else letters[0]
            word = "collapsed" if overlap.vector is Vector.COLLAPSED_OUTLINE else "hidden"
            yield Structure(
                overlap.vector,
                f"{self.layout.where} {word} {noun} {span}, rows {overlap.numbers.describe()}",
                f"{plural(overlap.cells, 'non-blank cell')}, all in hidden rows",
            )

    def _place_tables(self, place: Place) -> Iterator[Item]:
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
            header=trim(self.header.values[a:end]),
            columns=letters,
            pairs=iter(place.rows),
            beside=self._shown(self.header.values),
        )

    def _emit(
        self,
        place: Place,
        words: str,
        header: tuple[str, ...],
        columns: tuple[str, ...],
        pairs: Iterator[tuple[int, tuple[str, ...]]],
        beside: tuple[str, ...] = (),
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
            rows=fill_gaps(pairs, place.numbers.first, self.budget),
            first_row=place.numbers.first,
            columns=columns,
            beside=beside,
        )


@dataclass
class _Overlap:
    vector: Vector
    start: int
    numbers: RowSet = field(default_factory=RowSet)
    cells: int = 0
    last: int = -1


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
