"""Ruled tables on PDF pages: the ruling lines recorded while painting the page are joined
into a grid by pdfplumber's table algorithm; the cells are filled from our own visible
glyphs, so text under a redaction box never comes back as a visible cell."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from detectors.columns import is_header_label
from detectors.formats.pdf._layout import MAX_EDGES, Box, Glyph, text_of
from detectors.header_rows import header_like

MIN_RULES = 4
"""Ruling lines a page needs before the table search is run on it."""
MAX_PAIRS = 250_000
"""Vertical x horizontal rules, after merging, that the crossing search may compare."""
MAX_CROSSINGS = 3_000
"""Crossings of rules the cell search may consider (a 60-row, 10-column grid has 700)."""
_SNAP = 3.0
_JOIN = 3.0
_MIN_LENGTH = 3.0
_CROSS = 3.0


@dataclass(frozen=True)
class Grid:
    rows: list[list[Box | None]]


def grids(edges: list[Box], check: Callable[[], None]) -> list[Grid]:
    """The ruled tables drawn by `edges` (horizontal and vertical segments, in the page
    drawing's coordinates), each as rows of cell boxes, top to bottom, left to right.

    `check` is called between the costly steps (a budget's check, which raises when spent).
    A page with too many rules to search (thousands of tiny strokes make a map, a chart or
    vector type, and the search grows with their square) is left as prose.
    """
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    if len(edges) > MAX_EDGES:
        return []
    segments = [_edge(box) for box in edges]
    merged = merge_edges([e for e in segments if e is not None], _SNAP, _SNAP, _JOIN, _JOIN)
    merged = [
        e for e in merged if e["height" if e["orientation"] == "v" else "width"] >= _MIN_LENGTH
    ]
    vertical = sum(1 for e in merged if e["orientation"] == "v")
    if vertical * (len(merged) - vertical) > MAX_PAIRS:
        return []
    check()
    crossings = edges_to_intersections(merged, _CROSS, _CROSS)
    if len(crossings) > MAX_CROSSINGS:
        return []
    check()
    cells = intersections_to_cells(crossings)
    check()
    return [_grid(table) for table in cells_to_tables(cells)]


def _edge(box: Box) -> dict[str, Any] | None:
    """A segment as pdfplumber's edge record; its y axis runs downwards, so y is negated."""
    x0, y0, x1, y1 = box
    if y0 == y1 and x1 - x0 >= 1:
        orientation = "h"
    elif x0 == x1 and y1 - y0 >= 1:
        orientation = "v"
    else:
        return None
    return {
        "x0": x0,
        "x1": x1,
        "top": -y1,
        "bottom": -y0,
        "doctop": -y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "orientation": orientation,
    }


def _grid(cells: list[tuple[float, float, float, float]]) -> Grid:
    """Cells grouped into rows as pdfplumber's `Table.rows` does, back in page coordinates."""
    lefts = sorted({cell[0] for cell in cells})
    rows: list[list[Box | None]] = []
    for _top, row in itertools.groupby(sorted(cells, key=itemgetter(1, 0)), itemgetter(1)):
        placed = {cell[0]: cell for cell in row}
        rows.append([_flip(placed.get(left)) for left in lefts])
    return Grid(rows)


def _flip(cell: tuple[float, float, float, float] | None) -> Box | None:
    if cell is None:
        return None
    x0, top, x1, bottom = cell
    return (x0, -bottom, x1, -top)


def fill(
    grid: Grid, glyphs: list[Glyph], starts: dict[int, Box] | None = None
) -> tuple[list[tuple[str, ...]], set[int]]:
    """The grid's rows of cell text, and the painting order of the glyphs placed in cells;
    `starts` are `word_starts` of the page's glyphs, worked out once for all its grids."""
    # Glyphs sorted by the height of their centre: each row only tests those in its band.
    anchors = word_starts(glyphs) if starts is None else starts
    ranked = sorted(glyphs, key=lambda g: g.box[1] + g.box[3])
    heights = [g.box[1] + g.box[3] for g in ranked]
    used: set[int] = set()
    rows: list[tuple[str, ...]] = []
    for row in grid.rows:
        boxes = [box for box in row if box is not None]
        if not boxes:
            continue
        low = bisect_left(heights, 2 * min(box[1] for box in boxes))
        high = bisect_right(heights, 2 * max(box[3] for box in boxes))
        band = sorted(ranked[low:high], key=lambda g: g.order)
        cells = []
        for box in row:
            inside = [g for g in band if box is not None and _centre_in(anchors[g.order], box)]
            used.update(g.order for g in inside)
            cells.append(text_of(inside))
        if any(cells):
            rows.append(tuple(cells))
    # Edges of boxes drawn over the table split cells; a column left empty throughout is one.
    width = max((len(r) for r in rows), default=0)
    keep = [c for c in range(width) if any(c < len(r) and r[c] for r in rows)]
    return _join_split([tuple(r[c] if c < len(r) else "" for c in keep) for r in rows]), used


HEAD_ROWS = 3
"""Rows at the top of a table that may hold its header."""
HEADING_CHARS = 60
"""Longest cell read as a heading: a longer one is a paragraph set in a box of its own."""


def _join_split(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows with each column split in two joined again: the header's boxes drawn at other
    edges than the body's put a heading in one grid column and its values in the next, the
    heading filled only in the top rows and the values only below them ("Enquiries about the
    call" over an empty column, the names beside it under an empty heading)."""
    width = len(rows[0]) if rows else 0
    columns = [[row[c] for row in rows] for c in range(width)]
    joined: list[list[str]] = []
    c = 0
    while c < width:
        if c + 1 < width and _halves(columns[c], columns[c + 1]):
            joined.append([a or b for a, b in zip(columns[c], columns[c + 1], strict=True)])
            c += 2
        else:
            joined.append(columns[c])
            c += 1
    return [tuple(column[r] for column in joined) for r in range(len(rows))]


def _halves(left: list[str], right: list[str]) -> bool:
    """Whether two neighbouring grid columns are the halves of one: never both filled on a
    row, one only in the top HEAD_ROWS rows, in headings' short words, and the other only
    below them."""
    if any(a and b for a, b in zip(left, right, strict=True)):
        return False
    filled = [{r for r, cell in enumerate(column) if cell} for column in (left, right)]
    if not all(filled):
        return False
    (head, top), (body, _) = sorted(
        zip(filled, (left, right), strict=True), key=lambda f: min(f[0])
    )
    short = all(len(top[r]) <= HEADING_CHARS for r in head)
    return short and max(head) < HEAD_ROWS and max(head) < min(body)


def word_starts(glyphs: list[Glyph]) -> dict[int, Box]:
    """For each glyph (by painting order), the box of the first glyph of its word: a word
    runs on past its cell's edge (a spreadsheet's long text spilling over the empty cell
    beside it) and stays whole in the cell it starts in, never split across two."""
    starts: dict[int, Box] = {}
    before: Glyph | None = None
    start: Box | None = None
    for glyph in sorted(glyphs, key=lambda g: g.order):
        if glyph.text.isspace():
            before = start = None
            starts[glyph.order] = glyph.box
            continue
        if start is None or before is None or not _runs_on(before.box, glyph.box):
            start = glyph.box
        starts[glyph.order] = start
        before = glyph
    return starts


def _runs_on(before: Box, glyph: Box) -> bool:
    """Whether a glyph follows the one painted before it in the same word: on its line,
    no further from it than a tenth of its height (a cell's padding is more)."""
    height = max(glyph[3] - glyph[1], 1.0)
    same_line = abs((before[1] + before[3]) - (glyph[1] + glyph[3])) <= height
    return same_line and -height <= glyph[0] - before[2] <= WORD_GAP * height


WORD_GAP = 0.1
"""Widest gap between two glyphs of one word, as a share of the glyph's height."""


def _centre_in(glyph: Box, cell: Box) -> bool:
    x = (glyph[0] + glyph[2]) / 2
    y = (glyph[1] + glyph[3]) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def continues(above: tuple[str, ...], first: tuple[str, ...]) -> bool:
    """Whether a page's first ruled table carries on the last one of the page before: as many
    columns, under a header of two or more headings (or one, beside short labels: "Subject |
    Staff Member | Governor (lead/deputy)"), and a first row of data, not a header of its own
    (a village magazine's directory of clubs, a roster printed across pages)."""
    headings = sum(1 for cell in above if is_header_label(cell))
    filled = [cell for cell in above if cell]
    labels = len(filled) >= 2 and all(
        len(cell) <= LABEL_CHARS and not any(ch.isdigit() for ch in cell) for cell in filled
    )
    return (
        len(above) == len(first)
        and (headings >= 2 or (headings == 1 and labels))
        and not header_like(first)
    )


LABEL_CHARS = 40
"""Longest heading of a header that carries a table on with a single known heading."""
