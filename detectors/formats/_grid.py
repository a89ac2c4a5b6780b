"""Cells of a document table that are hidden (white, hidden text, tracked) as a table of their own.

A Word or Writer table whose cells are all white keeps an empty table on view, and its text
under another vector. Cell by cell, that text reads as so many short values with no header:
"Victim" here, a name there. When the hidden cells of one vector fill GRID_ROWS rows or more
over two columns or more, they are yielded as one Table (its first row the header) of that
vector, so that its columns are judged together; scattered hidden cells stay texts.
"""

from __future__ import annotations

from collections.abc import Iterator

from detectors.model import Item, Table, Text, Vector

GRID_ROWS = 3


class HiddenCells:
    """The hidden cells of one document table, by vector, as (row, column) -> text."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.cells: dict[Vector, dict[tuple[int, int], list[str]]] = {}

    def add(self, vector: Vector, row: int, column: int, text: str) -> None:
        if text:
            self.cells.setdefault(vector, {}).setdefault((row, column), []).append(text)

    def items(self) -> Iterator[Item]:
        for vector, cells in self.cells.items():
            rows = sorted({r for r, _ in cells})
            columns = sorted({c for _, c in cells})
            if len(rows) >= GRID_ROWS and len(columns) >= 2:
                grid = [
                    tuple("\n".join(cells.get((r, c), [])) for c in range(1, columns[-1] + 1))
                    for r in rows
                ]
                yield Table(self.where, vector, grid[0], iter(grid[1:]), first_row=rows[1])
                continue
            for (row, column), texts in cells.items():
                place = f"{self.where}, row {row}, column {column}"
                yield from (Text(text, vector, place) for text in texts)
