"""Ruled tables on PDF pages: pdfplumber finds the grid; the cells are filled from our own
visible glyphs, so text under a redaction box never comes back as a visible cell."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from detectors.formats.pdf._layout import Box, Glyph, text_of, turned

MIN_RULES = 4
"""Ruling lines a page needs before the (costly) table search is run on it."""


@dataclass(frozen=True)
class Grid:
    rows: list[list[Box | None]]


class TableFinder:
    """Opens the document in pdfplumber once, only when a page looks ruled."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None
        self._failed = False

    def grids(self, index: int, turn: int = 0) -> list[Grid]:
        """The ruled tables of page `index`, in the page drawing's coordinates (turned
        `turn` quarter turns when its text ran sideways)."""
        pdf = self._open()
        if pdf is None or index >= len(pdf.pages):
            return []
        try:
            # pdfplumber applies /Rotate as pdfminer does: only its y axis runs downwards.
            page = pdf.pages[index]
            height = float(page.height)
            found = page.find_tables()
            if turn:
                boxes = [[_flip(c, height) for c in t.cells] for t in found]
                return [_regroup([turned(b, turn) for b in t if b]) for t in boxes]
            return [Grid([[_flip(c, height) for c in row.cells] for row in t.rows]) for t in found]
        except Exception:  # a table search failing leaves the page as prose, which is fine
            return []
        finally:
            if pdf is not None and index < len(pdf.pages):
                pdf.pages[index].flush_cache()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def _open(self) -> Any:
        if self._pdf is None and not self._failed:
            import pdfplumber

            try:
                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            except Exception:
                self._failed = True
        return self._pdf


def fill(grid: Grid, glyphs: list[Glyph]) -> tuple[list[tuple[str, ...]], set[int]]:
    """The grid's rows of cell text, and the painting order of the glyphs placed in cells."""
    used: set[int] = set()
    rows: list[tuple[str, ...]] = []
    for row in grid.rows:
        cells = []
        for box in row:
            inside = [g for g in glyphs if box is not None and _centre_in(g.box, box)]
            used.update(g.order for g in inside)
            cells.append(text_of(inside))
        if any(cells):
            rows.append(tuple(cells))
    # Edges of boxes drawn over the table split cells; a column left empty throughout is one.
    width = max((len(r) for r in rows), default=0)
    keep = [c for c in range(width) if any(c < len(r) and r[c] for r in rows)]
    return [tuple(r[c] if c < len(r) else "" for c in keep) for r in rows], used


def _regroup(cells: list[Box]) -> Grid:
    """Cells of a table seen sideways, regrouped into rows top to bottom, left to right."""
    tops = sorted({round(c[3], 1) for c in cells}, reverse=True)
    lefts = sorted({round(c[0], 1) for c in cells})
    placed = {(round(c[3], 1), round(c[0], 1)): c for c in cells}
    return Grid([[placed.get((top, left)) for left in lefts] for top in tops])


def _flip(cell: Any, height: float) -> Box | None:
    if cell is None:
        return None
    x0, top, x1, bottom = (float(v) for v in cell)
    return (x0, height - bottom, x1, height - top)


def _centre_in(glyph: Box, cell: Box) -> bool:
    x = (glyph[0] + glyph[2]) / 2
    y = (glyph[1] + glyph[3]) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]
