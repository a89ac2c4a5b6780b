"""Turning a stream of spreadsheet rows into Tables, one per vector (shared by xlsx, xls, ods).

A format's reader yields `Row`s in sheet order and fills a `Layout` (hidden columns, how a
hidden row is classified) as it goes. `sheet_tables` reads the stream once: the visible cells
flow straight to the consumer of the first Table while the cells of each hiding place
(hidden rows, hidden columns, cells concealed by formatting) are kept aside, in memory up to
`spool.MAX_BUFFERED_CELLS` per sheet and beyond that in an anonymous temporary file (deleted when
closed, never named on disk), so memory stays flat whatever the row count and no sheet is
parsed twice (`split`). A sheet that is itself hidden is one Table, streamed.

Every Table's rows are contiguous from `first_row`: a missing row (blank, or belonging to
another Table) is an empty tuple, so `first_row + index` is the row number. A gap longer than
`rows.MAX_GAP` rows is not filled (a hostile sheet could ask for a million); `where` still names
the true rows. A row may be longer than `columns` when a cell lies beyond the header and the
used range: its positions continue the same letter sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from detectors.formats._refs import column_index, column_letter, split_ref
from detectors.formats._sheet.layout import MAX_COLUMNS, Layout, Row
from detectors.formats._sheet.rows import fill_gaps, plural, trim
from detectors.formats._sheet.split import Splitter
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
        splitter = Splitter(layout, header, budget)
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
        pairs = ((row.number, trim(row.values)) for row in stream)
        for values in fill_gaps(pairs, header.number + 1, budget):
            if values:
                counter[0] += 1
                counter[1] = max(counter[1], len(values))
            yield values

    generator = rows()
    yield Table(
        where=layout.where,
        vector=layout.state,
        header=trim(header.values),
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
