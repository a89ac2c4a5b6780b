"""xls (BIFF8 in OLE2): sheets and their hiding places through xlrd, the rest through olefile.

xlrd (with formatting_info) gives sheet visibility, hidden and outlined rows and columns,
cell formats, names and notes. What xlrd does not read lives in other OLE streams:
pivot caches (`_SX_DB_CUR/*`, BIFF records whose strings are the field names and items),
shared-workbook change logs (`Revision Log`, `User Names`), embedded objects (`MBD*`) and
the summary properties. External links and their cached cells are read from the workbook
stream's own records (`xls_links`).
"""

from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import olefile
import xlrd

from detectors.formats import OLE_MAGIC
from detectors.formats._ole import inspect_object
from detectors.formats._sheet import Layout, Row, column_letter, sheet_tables
from detectors.formats.xls_book import UNREADABLE_NAMES, UNREADABLE_NOTES, open_book
from detectors.formats.xls_links import inspect_links
from detectors.formats.xls_pages import inspect_page_texts
from detectors.formats.xlsx.styles import hides_values
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Unread, Vector

_STATES = {1: Vector.HIDDEN_SHEET, 2: Vector.VERY_HIDDEN_SHEET}
_BLACK, _WHITE = (0, 0, 0), (255, 255, 255)
_SYSTEM = {0x40: _BLACK, 0x7FFF: _BLACK, 0x41: _WHITE, 0x08: _BLACK, 0x09: _WHITE}
_SXDB, _SXFDB, _SXDBB = 0x00C6, 0x00C7, 0x00C8
_SXNUM, _SXBOOL, _SXERR, _SXINT, _SXSTRING, _SXDTR, _SXNIL = range(0x00C9, 0x00D0)
_SXOPER = frozenset(range(0x00C9, 0x00D0))
"""Cache value records: a field's items, or a record's values for fields without items."""
_REFERENCE_KINDS = (xlrd.formula.oREF, xlrd.formula.oREL)
_BLANK_TYPES = bytes((xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK))
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")
_PRINTABLE = re.compile(rb"[\x20-\x7e\xa0-\xff]{4,}")
_PRINTABLE_16 = re.compile(rb"(?:[\x20-\x7e]\x00){4,}")


def inspect_xls(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every text, table, embedded object and hiding place of an xls workbook."""
    book, damage = open_book(data)
    try:
        if damage:
            yield Unread("workbook", f"{damage}: read as far as it goes")
        yield from _names(book)
        if book.user_name.strip():
            yield Text(book.user_name.strip(), Vector.METADATA, "last saved by (WRITEACCESS)")
        sheet_names = book.sheet_names()
        shown: list[Vector] = []
        concealing = _concealing_xfs(book)
        for index in range(book.nsheets):
            budget.check()
            yield from _sheet(book, index, concealing, budget)
            shown.append(_STATES.get(book.sheet_by_index(index).visibility, Vector.CELL))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    stream = _workbook_stream(data)
    yield from inspect_links(stream, budget)
    yield from inspect_page_texts(stream, sheet_names, budget, shown)
    yield from _ole_parts(data, budget)


def _names(book: Any) -> Iterator[Item]:
    names = book.name_obj_list
    references = 0
    for item in names:
        result = item.result
        text = str(getattr(result, "text", "") or "") if result is not None else ""
        if result is not None and result.kind in _REFERENCE_KINDS:
            # Only points at cells (read with their sheet) or at another workbook's cells
            # (not in this file): no text of its own, and thousands of them are common.
            references += 1
            continue
        if not text or text == "?":  # "?": xlrd could not work out the value
            continue
        kind = "hidden name" if item.hidden else "defined name"
        yield Text(text, Vector.DEFINED_NAME, f"{kind} '{item.name}'")
    if names:
        hidden = sum(1 for item in names if item.hidden)
        detail = f"{len(names):,} defined names, {hidden:,} hidden"
        if references:
            detail += f", {references:,} only referring to cells"
        unreadable = getattr(book, UNREADABLE_NAMES, 0)
        yield Structure(Vector.DEFINED_NAME, "defined names", detail)
        if unreadable:
            yield Unread(
                "defined names",
                f"{unreadable:,} that could not be evaluated",
                vector=Vector.DEFINED_NAME,
            )


def _filters(book: Any, index: int) -> list[tuple[int, int]]:
    """Row spans (1-based, header first) of the sheet's autoFilter, from `_FilterDatabase`."""
    spans = []
    for item in book.name_obj_list:
        if item.name != "_FilterDatabase" or item.scope != index:
            continue
        try:
            _, first, last, _, _ = item.area2d()
        except Exception:  # a name that is not a plain area has no rows to give
            continue
        spans.append((first + 1, last))
    return spans


def _sheet(book: Any, index: int, concealing: set[int], budget: Budget) -> Iterator[Item]:
    sheet = book.sheet_by_index(index)
    layout = Layout(sheet.name, _STATES.get(sheet.visibility, Vector.CELL), width=sheet.ncols)
    for column, info in sheet.colinfo_map.items():
        if info.hidden or info.width == 0:
            collapsed = info.outline_level > 0
            layout.hidden_columns[column] = (
                Vector.COLLAPSED_OUTLINE if collapsed else Vector.HIDDEN_COLUMN
            )
    filters = _filters(book, index)

    def rows() -> Iterator[Row]:
        for number in range(sheet.nrows):
            info = sheet.rowinfo_map.get(number)
            hint = None
            if info is not None and info.hidden:
                if info.outline_level > 0:
                    hint = Vector.COLLAPSED_OUTLINE
                elif any(a < number + 1 <= b for a, b in filters):
                    hint = Vector.FILTERED_ROW
                else:
                    hint = Vector.HIDDEN_ROW
            yield _row(sheet, number, hint, concealing)

    yield from sheet_tables(layout, rows(), budget)
    for (row, column), note in sheet.cell_note_map.items():
        ref = f"{column_letter(column)}{row + 1}"
        if note.text.strip():
            yield Text(note.text.strip(), Vector.COMMENT, f"sheet '{sheet.name}' comment {ref}")
        if note.author.strip():
            yield Text(note.author.strip(), Vector.METADATA, f"sheet '{sheet.name}' comment author")
    unreadable = getattr(sheet, UNREADABLE_NOTES, 0)
    if sheet.cell_note_map or unreadable:
        detail = f"{len(sheet.cell_note_map):,} comments"
        yield Structure(Vector.COMMENT, f"sheet '{sheet.name}'", detail)
        if unreadable:
            yield Unread(
                f"sheet '{sheet.name}' comments", f"{unreadable:,} that could not be parsed"
            )


def _row(sheet: Any, number: int, hint: Vector | None, concealing: set[int]) -> Row:
    """One row read in bulk: its cells up to the last non-blank one, blanks skipped."""
    types = sheet.row_types(number)
    end = len(bytes(types).rstrip(_BLANK_TYPES))
    if not end:
        return Row(number + 1, [], hint, None)
    values = [""] * end
    concealed: set[int] | None = None
    for column, (kind, value) in enumerate(
        zip(types[:end], sheet.row_values(number, 0, end), strict=True)
    ):
        if kind == xlrd.XL_CELL_EMPTY or kind == xlrd.XL_CELL_BLANK:
            continue
        text = _text(kind, value)
        values[column] = text
        if text and concealing and sheet.cell_xf_index(number, column) in concealing:
            concealed = (concealed or set()) | {column}
    return Row(number + 1, values, hint, concealed)


def _text(kind: int, value: Any) -> str:
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
        number = float(value)
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    return str(value)


def _concealing_xfs(book: Any) -> set[int]:
    """XF indexes whose number format shows nothing or whose font colour equals the fill."""
    hidden: set[int] = set()
    for index, xf in enumerate(book.xf_list):
        fmt = book.format_map.get(xf.format_key)
        code = getattr(fmt, "format_str", None)
        if isinstance(code, str) and hides_values(code):  # a damaged FORMAT has no string
            hidden.add(index)
            continue
        font = book.font_list[xf.font_index] if xf.font_index < len(book.font_list) else None
        if font is None:
            continue
        background = xf.background
        fill = _rgb(book, background.pattern_colour_index) if background.fill_pattern == 1 else None
        if background.fill_pattern == 0:
            fill = _WHITE
        if fill is not None and _rgb(book, font.colour_index) == fill:
            hidden.add(index)
    return hidden


def _rgb(book: Any, index: int) -> tuple[int, int, int] | None:
    if index in _SYSTEM:
        return _SYSTEM[index]
    colour = book.colour_map.get(index)
    return tuple(colour) if colour else None


# -- OLE streams xlrd does not read ------------------------------------------------------------


def _workbook_stream(data: bytes) -> bytes:
    """The BIFF records: the `Workbook` (or `Book`) stream, or the file itself when bare."""
    if not data.startswith(_OLE):
        return data
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
            return bytes(ole.openstream(stream).read()) if stream else b""
    except Exception:  # xlrd read the sheets some other way: only the links are lost
        return b""


def _ole_parts(data: bytes, budget: Budget) -> Iterator[Item]:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as error:  # xlrd read the sheets; the parts beside them are unread
        if not data.startswith(OLE_MAGIC):
            return  # a bare workbook stream (BIFF without a container) has nothing beside it
        yield Unread(
            "workbook container",
            f"damaged OLE container ({error}): its pivot caches, revision log, document "
            "properties and embedded objects not read",
        )
        return
    with ole:
        yield from _summary(ole)
        entries = ole.listdir(streams=True, storages=True)
        caches = sorted({tuple(e[:2]) for e in entries if e[0] == "_SX_DB_CUR" and len(e) == 2})
        for number, path in enumerate(caches, start=1):
            budget.check()
            yield from _pivot_cache(ole.openstream(list(path)).read(), number)
        for stream, where in (
            ("Revision Log", "revision log"),
            ("User Names", "shared-workbook users"),
        ):
            if ole.exists(stream):
                yield from _strings_of(ole.openstream(stream).read(), where)
        storages = sorted({e[0] for e in entries if e[0].startswith("MBD") and len(e) > 1})
        for storage in storages:
            budget.check()
            yield from inspect_object(ole, data, [storage], f"embedded object {storage}")


def _summary(ole: Any) -> Iterator[Item]:
    try:
        meta = ole.get_metadata()
    except Exception as error:  # the author and editor names in them are unread
        yield Unread(
            "document properties", f"damaged property set ({error})", vector=Vector.METADATA
        )
        return
    for attribute in (
        "author",
        "last_saved_by",
        "title",
        "subject",
        "keywords",
        "comments",
        "company",
        "manager",
        "template",
    ):
        value = getattr(meta, attribute, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", "replace")
        if isinstance(value, str) and value.strip(" \x00"):
            yield Text(value.strip(" \x00"), Vector.METADATA, f"document property '{attribute}'")


def pivot_strings(stream: bytes) -> list[tuple[str, list[str]]]:
    """(field name, items) from a pivot cache stream: SXFDB starts a field, SXSTRINGs follow."""
    fields: list[tuple[str, list[str]]] = []
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + size]
        position += 4 + size
        if kind == _SXFDB and len(body) >= 17:
            fields.append((_unicode(body, 14) or f"field {len(fields) + 1}", []))
        elif kind == _SXSTRING and len(body) >= 3:
            if not fields:
                fields.append(("field 1", []))
            fields[-1][1].append(_unicode(body, 0))
    return fields


def _unicode(body: bytes, offset: int) -> str:
    """An XLUnicodeString: character count, a flag byte (bit 0: UTF-16), the characters."""
    try:
        (count,) = struct.unpack_from("<H", body, offset)
        wide = body[offset + 2] & 1
    except (struct.error, IndexError):
        return ""
    start = offset + 3
    if wide:
        return body[start : start + 2 * count].decode("utf-16-le", "replace")
    return body[start : start + count].decode("latin-1")


@dataclass
class CacheField:
    """One field of an xls pivot cache: its name, SXFDB flags and cache items."""

    name: str
    flags: int
    items: list[str] = field(default_factory=list)

    @property
    def indexed(self) -> bool:
        """Its records hold an index into `items` (fAllAtoms) rather than the value."""
        return bool(self.flags & 0x0001)

    @property
    def wide(self) -> bool:
        """Its indexes take two bytes in SXDBB (fShortIitms) rather than one."""
        return bool(self.flags & 0x0200)


@dataclass
class PivotCache:
    """What one `_SX_DB_CUR` stream holds: its fields, and its records when they are there."""

    fields: list[CacheField]
    records: list[tuple[str, ...]] | None
    """None when the stream has no usable SXDBB records: only the fields' items are known."""


def read_pivot_cache(stream: bytes) -> PivotCache:
    """The fields and records of a pivot cache stream (MS-XLS 2.4, the PivotCache records).

    Read here: SXDB (0x00C6: how many fields come from the source), SXFDB (0x00C7: a field's
    flags and name), the cache items that follow it (SXSTRING 0x00CD, SXNUM 0x00C9, SXBOOL
    0x00CA, SXERR 0x00CB, SXINT 0x00CC, SXDTR 0x00CE, SXNIL 0x00CF), then one SXDBB (0x00C8)
    per record: one index per source field that has items (fAllAtoms), one byte each or two
    (fShortIitms); the values of the other source fields follow it as the same value
    records. Every other record (SXFDBTYPE, SXDBEX, grouping, formulas) is skipped.
    """
    fields: list[CacheField] = []
    source = 0
    records: list[tuple[str, ...]] = []
    usable = True
    record: list[str] | None = None
    started = False  # value records after the first SXDBB belong to records, not items
    pending: list[int] = []  # fields of the current record still waiting for a value
    for kind, body in _biff_records(stream):
        if kind == _SXDB and len(body) >= 12:
            (source,) = struct.unpack_from("<H", body, 10)
        elif kind == _SXFDB and len(body) >= 17:
            (flags,) = struct.unpack_from("<H", body, 0)
            fields.append(CacheField(_unicode(body, 14) or f"field {len(fields) + 1}", flags))
        elif kind == _SXDBB:
            if record is not None:
                usable = usable and not pending
                records.append(tuple(record))
            record, pending = _indexes(body, fields[: source or len(fields)])
            started, usable = True, usable and record is not None
        elif kind in _SXOPER:
            value = _oper(kind, body)
            if started:
                if record is not None and pending:
                    record[pending.pop(0)] = value
                else:
                    usable = False
            elif fields:
                fields[-1].items.append(value)
            elif kind == _SXSTRING:
                fields.append(CacheField("field 1", 0, [value]))
    if record is not None:
        usable = usable and not pending
        records.append(tuple(record))
    return PivotCache(fields, records if usable and records and records[0] else None)


def _biff_records(stream: bytes) -> Iterator[tuple[int, bytes]]:
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        yield kind, stream[position + 4 : position + 4 + size]
        position += 4 + size


def _indexes(body: bytes, fields: list[CacheField]) -> tuple[list[str] | None, list[int]]:
    """One record from its SXDBB: values of the indexed fields, positions of the others."""
    record = [""] * len(fields)
    others: list[int] = []
    position = 0
    for number, cache_field in enumerate(fields):
        if not cache_field.indexed:
            others.append(number)
            continue
        size = 2 if cache_field.wide else 1
        index = int.from_bytes(body[position : position + size], "little")
        position += size
        if position > len(body) or index >= len(cache_field.items):
            return None, others
        record[number] = cache_field.items[index]
    return (record if position == len(body) else None), others


def _oper(kind: int, body: bytes) -> str:
    """The text of one cache value record, as a cell holding that value reads."""
    try:
        if kind == _SXSTRING:
            return _unicode(body, 0)
        if kind == _SXNUM:
            (number,) = struct.unpack_from("<d", body)
            if number.is_integer() and abs(number) < 1e15:
                return str(int(number))
            return repr(number)
        if kind == _SXINT:
            return str(struct.unpack_from("<h", body)[0])
        if kind == _SXBOOL:
            return "TRUE" if struct.unpack_from("<H", body)[0] else "FALSE"
        if kind == _SXERR:
            code = struct.unpack_from("<H", body)[0]
            return str(xlrd.error_text_from_code.get(code, "#ERR"))
        if kind == _SXDTR:
            year, month, day, hour, minute, second = struct.unpack_from("<HHBBBB", body)
            date = f"{year:04d}-{month:02d}-{day:02d}"
            if hour or minute or second:
                return f"{date} {hour:02d}:{minute:02d}:{second:02d}"
            return date
    except struct.error:
        return ""
    return ""  # SXNIL: no value


def _pivot_cache(stream: bytes, number: int) -> Iterator[Item]:
    cache = read_pivot_cache(stream)
    where = f"pivot cache {number}"
    fields = cache.fields
    if cache.records is not None:
        header = tuple(f.name for f in fields[: len(cache.records[0])])
        yield Table(where, Vector.PIVOT_CACHE, header, cache.records, columns=header)
        yield Structure(
            Vector.PIVOT_CACHE, where, f"{len(cache.records):,} records of {len(header):,} fields"
        )
        return
    # Without records only each field's distinct values are known: set side by side they
    # would pair values that never shared a row, so each field is a list of its own.
    for position, cache_field in enumerate(fields, start=1):
        if cache_field.items:
            yield Table(
                f"{where} field {position} items",
                Vector.PIVOT_CACHE,
                (cache_field.name,),
                [(item,) for item in cache_field.items],
                first_row=1,
                columns=(cache_field.name,),
            )
    distinct = sum(len(f.items) for f in fields)
    yield Structure(
        Vector.PIVOT_CACHE,
        where,
        f"no records; {len(fields):,} fields with {distinct:,} distinct values",
    )


def _strings_of(stream: bytes, where: str) -> Iterator[Item]:
    """Readable strings of a BIFF stream xlrd does not parse (8-bit and UTF-16 runs)."""
    found = [m.decode("latin-1") for m in _PRINTABLE.findall(stream)]
    found += [m.decode("utf-16-le") for m in _PRINTABLE_16.findall(stream)]
    for text in dict.fromkeys(t.strip() for t in found if t.strip()):
        yield Text(text, Vector.TRACKED_CHANGE, where)
    yield Structure(Vector.TRACKED_CHANGE, where, f"{len(stream):,} bytes of change history")
