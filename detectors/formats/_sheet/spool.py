"""Where a hiding place's rows wait until its sheet is read: memory, then an anonymous file."""

from __future__ import annotations

import marshal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from detectors.model import Vector

MAX_BUFFERED_CELLS = 200_000
"""Cells of hiding places kept in memory per sheet; more go to a temporary file."""


def sheet_allowance() -> list[int]:
    """The cells one sheet's spools may still keep in memory, shared between them."""
    return [MAX_BUFFERED_CELLS]


class RowSet:
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


class Spool:
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
class Place:
    """One hiding place in a shown sheet: its cells kept aside until the sheet has been read."""

    key: object
    vector: Vector
    rows: Spool
    numbers: RowSet = field(default_factory=RowSet)
    max_column: int = -1
    start: int = 0
    """First column of a run of hidden columns."""
