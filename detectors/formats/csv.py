"""Comma, tab or semicolon separated values: one table, dialect and encoding sniffed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from detectors.formats._refs import column_letter
from detectors.formats._text import decode
from detectors.limits import Budget
from detectors.model import Item, Table, Vector

_DELIMITERS = ",\t;|"
_SAMPLE = 16 * 1024
"""The sniffer's regular expressions slow down sharply on longer samples."""


def inspect_csv(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the file as one visible table whose first row is the header."""
    text, _ = decode(data)
    dialect = _dialect(text[:_SAMPLE], name)
    rows = _rows(text, dialect, budget)
    header = next(rows, None)
    if header is None:
        return
    width = len(header)
    yield Table(
        where="table",
        vector=Vector.CELL,
        header=header,
        rows=rows,
        first_row=2,
        columns=tuple(column_letter(i) for i in range(width)),
    )


def _dialect(sample: str, name: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        pass
    else:
        if sniffed.escapechar is None:
            # The sniffer says "no doubled quotes" whenever its sample shows none, and then a
            # later `""` inside a quoted cell (a statement quoting someone) shifts every column
            # of the rows after it. Without an escape character, quotes are doubled (RFC 4180).
            sniffed.doublequote = True
        return sniffed
    if name.lower().endswith(".tsv") or _commonest(sample) == "\t":
        return csv.excel_tab
    delimiter = _commonest(sample)
    if delimiter in (",", "\t"):
        return csv.excel_tab if delimiter == "\t" else csv.excel

    class Fallback(csv.excel):
        pass

    Fallback.delimiter = delimiter
    return Fallback


def _commonest(sample: str) -> str:
    first = sample.split("\n", 1)[0]
    return max(_DELIMITERS, key=first.count)


def _rows(
    text: str, dialect: type[csv.Dialect] | csv.Dialect, budget: Budget
) -> Iterator[tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # A malformed line (an oversized field, a stray quote) ends the readable part;
            # the rows before it are still worth judging.
            return
        number += 1
        if number % 5000 == 0:
            budget.check()
        if any(cell.strip() for cell in row):
            yield tuple(row)
