"""xls external links: the workbooks a BIFF8 file points at and the cells it keeps of them.

xlrd reads SUPBOOK records only to resolve formulas and keeps neither the target nor the
cached values, so the workbook globals (the records before the first EOF) are read here:

- SUPBOOK (0x01AE): one per linked workbook; the file's own sheets (`01 04`) and add-in
  functions (`01 00 01 3A`) are not links. The target path (a VirtualPath, whose control
  characters stand for drives and folders) is followed by the names of the linked sheets;
  a SUPBOOK without sheets is a DDE or OLE link.
- EXTERNNAME (0x0023): a name defined in the linked workbook, or a DDE or OLE item.
- XCT (0x0059) then CRN (0x005A): the cached cells of one linked sheet, a row run at a time
  (last column, first column, row, then one SerAr value per cell: number, string, boolean,
  error or nothing).

Each link is reported as `Vector.EXTERNAL_LINK_CACHE` with its target and names as texts
and its cached cells as a sheet.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

import xlrd

from detectors.formats._sheet import Layout, Row, sheet_tables
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Vector

_EOF, _FILEPASS = 0x000A, 0x002F
_SUPBOOK, _EXTERNNAME, _XCT, _CRN = 0x01AE, 0x0023, 0x0059, 0x005A
MAX_CACHED_CELLS = 1_000_000
"""Cached cells kept per workbook; a hostile file could claim far more."""
_PATH_CODES = {"\x02": "\\", "\x03": "\\", "\x04": "..\\", "\x05": "\\\\", "\x06": "", "\x07": ""}
"""VirtualPath control characters: same volume, folder separator, up a folder, a UNC server,
Excel's start-up folders (MS-XLS 2.5.277)."""


@dataclass
class Link:
    """One external workbook as the globals record it."""

    target: str
    sheets: list[str]
    names: list[str] = field(default_factory=list)
    cells: dict[int, dict[int, dict[int, str]]] = field(default_factory=dict)
    """Linked sheet index -> 0-based row -> 0-based column -> cached value."""


def read_links(stream: bytes) -> list[Link]:
    """The external links of a BIFF8 workbook stream, in the order the file lists them."""
    links: list[Link] = []
    current: Link | None = None
    sheet = -1
    kept = 0
    for kind, body in _globals(stream):
        if kind == _SUPBOOK:
            current = _supbook(body)
            if current is not None:
                links.append(current)
        elif current is None:
            continue
        elif kind == _EXTERNNAME:
            name = _unicode(body, 6, 1)[0]
            if name:
                current.names.append(name)
        elif kind == _XCT and len(body) >= 4:
            (sheet,) = struct.unpack_from("<H", body, 2)
        elif kind == _CRN and kept < MAX_CACHED_CELLS:
            kept += _crn(body, current.cells.setdefault(sheet, {}))
    return links


def inspect_links(stream: bytes, budget: Budget) -> Iterator[Item]:
    """Texts, cached sheets and one hiding place per external link of the workbook stream."""
    for number, link in enumerate(read_links(stream), start=1):
        budget.check()
        where = f"external link {number}"
        if link.target:
            yield Text(link.target, Vector.EXTERNAL_LINK_CACHE, f"{where} target")
        if link.names:
            yield Text("\n".join(link.names), Vector.EXTERNAL_LINK_CACHE, f"{where} names")
        for index, rows in sorted(link.cells.items()):
            name = link.sheets[index] if 0 <= index < len(link.sheets) else f"#{index + 1}"
            layout = Layout(name, Vector.EXTERNAL_LINK_CACHE)
            for item in sheet_tables(layout, _rows(rows), budget):
                yield _relabel(item, f"{where} cached sheet '{name}'")
        if link.sheets:
            detail = f"link to another workbook with cached values of {len(link.cells):,} sheets"
        else:
            detail = f"DDE or OLE link with {len(link.names):,} items"
        yield Structure(Vector.EXTERNAL_LINK_CACHE, where, detail)


def biff_records(stream: bytes) -> Iterator[tuple[int, bytes]]:
    """Every BIFF record of a workbook stream, as (type, body), up to an encryption record
    (FILEPASS: what follows is encrypted)."""
    position = 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        if kind == _FILEPASS:
            return
        yield kind, stream[position + 4 : position + 4 + size]
        position += 4 + size


def _globals(stream: bytes) -> Iterator[tuple[int, bytes]]:
    """Records of the workbook globals: from the start to the first EOF."""
    for kind, body in biff_records(stream):
        if kind == _EOF:
            return
        yield kind, body


def _supbook(body: bytes) -> Link | None:
    if len(body) < 4 or body[2:4] == b"\x01\x04" or body[:4] == b"\x01\x00\x01\x3a":
        return None  # the workbook's own sheets, or add-in functions: no link
    (count,) = struct.unpack_from("<H", body, 0)
    target, position = _unicode(body, 2, 2)
    sheets: list[str] = []
    for _ in range(count):
        name, position = _unicode(body, position, 2)
        if position > len(body):
            break
        sheets.append(name)
    return Link(_decoded_path(target), sheets)


def _crn(body: bytes, rows: dict[int, dict[int, str]]) -> int:
    """Store one CRN's cached values in `rows`; how many non-blank cells it held."""
    if len(body) < 4:
        return 0
    last, first, row = body[0], body[1], struct.unpack_from("<H", body, 2)[0]
    position, kept = 4, 0
    for column in range(first, last + 1):
        value, position = _value(body, position)
        if position > len(body):
            break
        if value:
            rows.setdefault(row, {})[column] = value
            kept += 1
    return kept


def _value(body: bytes, position: int) -> tuple[str, int]:
    """One SerAr value and the position after it."""
    if position >= len(body):
        return "", len(body) + 1
    kind = body[position]
    data = body[position + 1 : position + 9]
    if kind == 0x02:
        return _unicode(body, position + 1, 2)
    if len(data) < 8:
        return "", len(body) + 1
    if kind == 0x01:
        (number,) = struct.unpack("<d", data)
        text = str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
        return text, position + 9
    if kind == 0x04:
        return ("TRUE" if data[0] else "FALSE"), position + 9
    if kind == 0x10:
        return str(xlrd.error_text_from_code.get(data[0], "#ERR")), position + 9
    return "", position + 9  # SerNil or an unknown type: nothing cached


def _unicode(body: bytes, offset: int, length_size: int) -> tuple[str, int]:
    """An XLUnicodeString (a 1- or 2-byte count, a flag byte, the characters) and its end."""
    try:
        count = int.from_bytes(body[offset : offset + length_size], "little")
        wide = body[offset + length_size] & 1
    except IndexError:
        return "", len(body) + 1
    start = offset + length_size + 1
    end = start + count * (2 if wide else 1)
    raw = body[start:end]
    text = raw.decode("utf-16-le", "replace") if wide else raw.decode("latin-1")
    return text, end


def _decoded_path(path: str) -> str:
    """A VirtualPath as a reader would write it: "\\x01\\x01CHR\\x03staff.xls" is
    "C:\\HR\\staff.xls" ("\\x01@" starts a UNC path instead of a drive)."""
    if not path.startswith("\x01"):
        return path.replace("\x00", "")
    out: list[str] = []
    rest = path[1:]
    index = 0
    while index < len(rest):
        char = rest[index]
        if char == "\x01" and index + 1 < len(rest):
            volume = rest[index + 1]
            out.append("\\\\" if volume == "@" else f"{volume}:\\")
            index += 2
            continue
        out.append(_PATH_CODES.get(char, char if char >= " " else ""))
        index += 1
    return "".join(out)


def _rows(cells: dict[int, dict[int, str]]) -> Iterator[Row]:
    for row in sorted(cells):
        values = cells[row]
        line = [""] * (max(values) + 1)
        for column, value in values.items():
            line[column] = value
        yield Row(row + 1, line)


def _relabel(item: Item, where: str) -> Item:
    if isinstance(item, Table):
        return Table(where, item.vector, item.header, item.rows, item.first_row, item.columns)
    if isinstance(item, Structure):
        return Structure(item.vector, where, item.detail.replace("hidden sheet", "cached sheet"))
    return item
