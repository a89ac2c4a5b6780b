"""xlsb (Excel binary workbook): sheets and their states read record by record with pyxlsb.

An xlsb is an xlsx whose parts are BIFF12 records instead of XML: the same zip package, the
same relationships and docProps. pyxlsb's record reader decodes the records; its Workbook class
is not used because it opens the zip itself (past the bomb guards), drops the sheet state and
sizes each row by the sheet's declared dimension, which a hostile file can make enormous. Here
every part comes from `open_zip`, and only the records needed are handled: the sheet list with
its visibility (BrtBundleSh), shared strings (BrtSSTItem), column widths and hidden flags
(BrtColInfo), row headers with their hidden and outline flags (BrtRowHdr) and cell values.

Not read: binary pivot caches, comments and external links (reported as parts that cannot be
read, because an unread pivot cache is suspect, not clean), defined names (their values are
parsed formulas) and the cell styles that could conceal a value.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from pyxlsb import biff12
from pyxlsb.handlers import BasicHandler, CellHandler, Handler, StringInstanceHandler
from pyxlsb.reader import BIFF12Reader

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._ooxml import inspect_embeddings, inspect_properties
from detectors.formats._sheet import MAX_COLUMNS, Layout, Row, sheet_tables
from detectors.formats.xlsx.parts import MAX_SMALL_PART, Rel, main_part, relationships
from detectors.formats.xlsx.strings import SharedStrings, unused_strings
from detectors.limits import Budget
from detectors.model import Item, Unread, Vector

__all__ = ["inspect_xlsb"]

_STATES = {1: Vector.HIDDEN_SHEET, 2: Vector.VERY_HIDDEN_SHEET}
_CELL_ST = 0x0006
"""BrtCellSt, a cell holding its own string; pyxlsb has no name for it."""
_CELLS = frozenset(range(biff12.BLANK, biff12.FORMULA_BOOLERR + 1))
"""Cell records: blank, RK number, error, boolean, real, string, shared string, formula results."""
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
    0x2B: "#GETTING_DATA",
}
_CHECK_EVERY = 4096
_UNREAD = (
    ("xl/pivotCache/pivotCacheDefinition", Vector.PIVOT_CACHE, "pivot cache"),
    ("xl/comments", Vector.COMMENT, "comments"),
    ("xl/externalLinks/externalLink", Vector.EXTERNAL_LINK_CACHE, "external link"),
)


def inspect_xlsb(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every sheet (hidden or not), string, property and embedded file of an xlsb."""
    with open_zip(data, budget) as zf:
        path = main_part(zf, "xl/workbook.bin")
        rels = relationships(zf, path)
        sheets = _read_sheets(zf, path, rels)
        yield from inspect_properties(zf)
        strings = _read_strings(zf, _part(rels, "sharedStrings"), budget)
        for sheet in sheets:
            budget.check()
            yield from _sheet(zf, sheet, strings, budget)
        yield from unused_strings(strings, budget)
        yield from _unread_parts(zf)
        yield from inspect_embeddings(zf, "xl/embeddings/")


# -- records ---------------------------------------------------------------------------------


class _Bundle(NamedTuple):
    state: int
    rel_id: str
    name: str


class _RowHeader(NamedTuple):
    r: int
    hidden: bool
    outline: int


class _ColumnInfo(NamedTuple):
    first: int
    last: int
    hidden: bool
    outline: int


class _BundleHandler(Handler):
    """BrtBundleSh: hsState (low 2 bits of a 32-bit word), iTabID, strRelID, strName."""

    def read(self, reader: Any, recid: int, reclen: int) -> _Bundle:
        state = reader.read_int() or 0
        reader.skip(4)
        return _Bundle(state & 3, reader.read_string() or "", reader.read_string() or "?")


class _RowHandler(Handler):
    """BrtRowHdr: rw, ixfe, miyRw, then flags with iOutLevel (bits 8-10) and fDyZero (bit 12)."""

    def read(self, reader: Any, recid: int, reclen: int) -> _RowHeader | None:
        row = reader.read_int()
        if row is None:
            return None
        reader.skip(6)
        flags = reader.read_short() or 0
        return _RowHeader(row, bool(flags & 0x1000), (flags >> 8) & 7)


class _ColumnHandler(Handler):
    """BrtColInfo: colFirst, colLast, coldx, ixfe, then fHidden (bit 0), iOutLevel (bits 8-10)."""

    def read(self, reader: Any, recid: int, reclen: int) -> _ColumnInfo | None:
        first, last, width = reader.read_int(), reader.read_int(), reader.read_int()
        if first is None or last is None or width is None:
            return None
        reader.skip(4)
        flags = reader.read_short() or 0
        return _ColumnInfo(first, last, bool(flags & 1) or width == 0, (flags >> 8) & 7)


class _InlineStringHandler(Handler):
    """BrtCellSt: the cell header, then the string itself."""

    def read(self, reader: Any, recid: int, reclen: int) -> Any:
        column = reader.read_int()
        reader.skip(4)
        return CellHandler.cls(column, reader.read_string(), None, None)


_WORKBOOK = {biff12.SHEET: _BundleHandler(), biff12.SHEETS_END: BasicHandler("/sheets")}
_STRINGS = {biff12.SI: StringInstanceHandler(), biff12.SST_END: BasicHandler("/sst")}
_SHEET = {
    biff12.DIMENSION: BIFF12Reader.handlers[biff12.DIMENSION],
    biff12.COL: _ColumnHandler(),
    biff12.SHEETDATA: BasicHandler("sheetData"),
    biff12.SHEETDATA_END: BasicHandler("/sheetData"),
    biff12.ROW: _RowHandler(),
    **{kind: CellHandler() for kind in _CELLS},
    _CELL_ST: _InlineStringHandler(),
}


def _records(
    zf: SafeZip, path: str, handlers: dict[int, Handler]
) -> Generator[tuple[int, Any], None, None]:
    """(record type, decoded value) for the records of one part that `handlers` decode."""
    with zf.open(path) as member:
        reader = BIFF12Reader(fp=io.BufferedReader(member, 1 << 16))  # type: ignore[type-var]
        reader.handlers = handlers  # the class-level table is shared: never register into it
        try:
            yield from reader
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise UnreadableDocument(f"member {path!r} is corrupt: {error}") from error
        except (TypeError, ValueError, struct.error) as error:  # a record cut short
            raise UnreadableDocument(f"member {path!r} has a malformed record") from error


# -- workbook and strings --------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    name: str
    state: Vector
    path: str | None


def _part(rels: dict[str, Rel], kind: str) -> str | None:
    return next((r.target for r in rels.values() if r.kind == kind and not r.external), None)


def _read_sheets(zf: SafeZip, path: str, rels: dict[str, Rel]) -> list[_Sheet]:
    if not zf.has(path):
        raise UnreadableDocument("the workbook part is missing")
    if zf.size(path) > MAX_SMALL_PART:
        raise UnreadableDocument("the workbook part is implausibly large")
    sheets: list[_Sheet] = []
    for kind, value in _records(zf, path, _WORKBOOK):
        if kind == biff12.SHEETS_END:
            break
        rel = rels.get(value.rel_id)
        readable = rel is not None and not rel.external and rel.kind != "chartsheet"
        sheets.append(
            _Sheet(
                value.name,
                _STATES.get(value.state, Vector.CELL),
                rel.target if rel is not None and readable and zf.has(rel.target) else None,
            )
        )
    if not sheets:
        raise UnreadableDocument("the workbook lists no sheets")
    return sheets


def _read_strings(zf: SafeZip, path: str | None, budget: Budget) -> SharedStrings:
    strings = SharedStrings()
    if path is not None and zf.has(path):
        for count, (kind, value) in enumerate(_records(zf, path, _STRINGS)):
            if kind == biff12.SST_END:
                break
            if not count % _CHECK_EVERY:
                budget.check()
            strings.append(value.t or "")
    strings.finish()
    return strings


# -- sheets ----------------------------------------------------------------------------------


def _sheet(zf: SafeZip, sheet: _Sheet, strings: SharedStrings, budget: Budget) -> Iterator[Item]:
    layout = Layout(sheet.name, sheet.state)
    if sheet.path is None:
        yield from sheet_tables(layout, iter(()), budget)
        return
    records = _records(zf, sheet.path, _SHEET)
    try:
        # Column records precede the cells: the hidden columns are known before the first row.
        for count, (kind, value) in enumerate(records, 1):
            if not count % _CHECK_EVERY:
                budget.check()
            if kind == biff12.SHEETDATA:
                break
            if kind == biff12.DIMENSION:
                layout.width = min(value.c + value.w, MAX_COLUMNS)
            elif kind == biff12.COL and value.hidden:
                hidden = Vector.COLLAPSED_OUTLINE if value.outline else Vector.HIDDEN_COLUMN
                for column in range(value.first, min(value.last, MAX_COLUMNS - 1) + 1):
                    layout.hidden_columns[column] = hidden
        yield from sheet_tables(layout, _rows(records, strings, budget), budget)
    finally:
        records.close()


def _rows(
    records: Iterator[tuple[int, Any]], strings: SharedStrings, budget: Budget
) -> Iterator[Row]:
    lookup, used = strings.lookup(), strings.used
    row: Row | None = None
    for count, (kind, value) in enumerate(records, 1):
        if not count % _CHECK_EVERY:
            budget.check()
        if kind == biff12.ROW:
            if row is not None and value.r + 1 == row.number:
                continue
            if row is not None:
                yield row
            hint = None
            if value.hidden:
                hint = Vector.COLLAPSED_OUTLINE if value.outline else Vector.HIDDEN_ROW
            row = Row(value.r + 1, [], hint)
        elif kind == biff12.SHEETDATA_END:
            break
        elif kind in _CELLS or kind == _CELL_ST:
            if value.c is None or value.c >= MAX_COLUMNS:
                continue
            if row is None:  # a cell before any row header: Excel never writes one
                row = Row(1, [])
            text = _text(kind, value.v, lookup, used)
            if text:
                values = row.values
                if value.c >= len(values):
                    values.extend([""] * (value.c + 1 - len(values)))
                values[value.c] = text
    if row is not None:
        yield row


def _text(kind: int, value: Any, lookup: Any, used: bytearray) -> str:
    if value is None:
        return ""
    if kind == biff12.STRING:
        try:
            text: str = lookup(value)
        except IndexError:
            return ""
        used[value] = 1
        return text
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if kind in (biff12.BOOLERR, biff12.FORMULA_BOOLERR):
        return _ERRORS.get(int(value, 16), "#ERR")
    return str(value)


def _unread_parts(zf: SafeZip) -> Iterator[Item]:
    """Binary parts that can hold personal data but that no reader here decodes."""
    for prefix, vector, what in _UNREAD:
        for number, _ in enumerate(zf.matching(prefix, ".bin"), start=1):
            yield Unread(
                f"{what} {number}",
                f"binary {what} (xlsb) that no reader here decodes",
                vector=vector,
            )
