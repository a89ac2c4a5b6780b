"""Builders of BIFF records and compound files for the xls tests: the structures xlwt does
not write (pivot caches' home, external links, names xlrd refuses, Excel 2 worksheets)."""

from __future__ import annotations

import io
import struct

import olefile

SECTOR = 512
END, FREE, FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def compound_file(workbook: bytes, cache: bytes) -> bytes:
    """A compound file holding `Workbook` and `_SX_DB_CUR/0001`, as Excel stores a pivot cache.

    olefile only rewrites streams in place, so the few structures needed are laid out here:
    a header, one FAT sector, one directory sector, then each stream padded to whole sectors
    and past the 4,096-byte mini-stream cutoff.
    """
    streams = [
        s + bytes(max(4096, -(-len(s) // SECTOR) * SECTOR) - len(s)) for s in (workbook, cache)
    ]
    fat = [FAT, END]
    starts = []
    for stream in streams:
        starts.append(len(fat))
        count = len(stream) // SECTOR
        fat += [len(fat) + n + 1 for n in range(count - 1)] + [END]
    assert len(fat) <= SECTOR // 4
    fat += [FREE] * (SECTOR // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBBIII", len(encoded), kind, 1, FREE, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", start, size)
        )

    directory = (
        entry("Root Entry", 5, 1, FREE, END, 0)
        + entry("Workbook", 2, FREE, 2, starts[0], len(streams[0]))
        + entry("_SX_DB_CUR", 1, 3, FREE, 0, 0)
        + entry("0001", 2, FREE, FREE, starts[1], len(streams[1]))
    )
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<I", 0)
        + struct.pack("<108I", *[FREE] * 108)
    )
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(streams)


def biff(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def xl_string(text: str) -> bytes:
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def workbook_stream(data: bytes) -> bytes:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return bytes(ole.openstream("Workbook").read())


def split_records(stream: bytes) -> list[tuple[int, bytes]]:
    records, position = [], 0
    while position + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, position)
        records.append((kind, stream[position + 4 : position + 4 + size]))
        position += 4 + size
    return records


def add_records(stream: bytes, globals_: bytes = b"", last_sheet: bytes = b"") -> bytes:
    """A bare BIFF8 workbook stream with records added before the globals' EOF and before the
    last sheet's EOF (the stream's padding dropped); BOUNDSHEET offsets follow the globals."""
    records = split_records(stream)
    records = records[: max(i for i, (kind, _) in enumerate(records) if kind == 0x000A) + 1]
    end = next(i for i, (kind, _) in enumerate(records) if kind == 0x000A)
    head = b"".join(
        biff(kind, struct.pack("<I", struct.unpack_from("<I", body)[0] + len(globals_)) + body[4:])
        if kind == 0x0085
        else biff(kind, body)
        for kind, body in records[:end]
    )
    sheets = b"".join(biff(kind, body) for kind, body in records[end + 1 : -1])
    return head + globals_ + biff(0x000A, b"") + sheets + last_sheet + biff(0x000A, b"")


def name_record(name: str, formula: bytes) -> bytes:
    """A global NAME record (BIFF8) whose formula is `formula` (parsed tokens)."""
    head = struct.pack("<HBBHHHBBBB", 0, 0, len(name), len(formula), 0, 0, 0, 0, 0, 0)
    return biff(0x0018, head + b"\x00" + name.encode("latin-1") + formula)


def string_token(text: str) -> bytes:
    return b"\x17" + struct.pack("<BB", len(text), 0) + text.encode("latin-1")


AREA_N = b"\x2d" + bytes(8)
"""tAreaN: a relative area token xlrd refuses in a NAME formula."""


def biff2_worksheet(rows: list[list[str]]) -> bytes:
    """A BIFF2 worksheet as Excel 2 saved it: BOF, DIMENSIONS, LABEL cells, EOF; no OLE."""
    cells = b"".join(
        biff(0x0004, struct.pack("<HH", r, c) + bytes(3) + bytes([len(v)]) + v.encode("latin-1"))
        for r, row in enumerate(rows)
        for c, v in enumerate(row)
    )
    width = max(len(row) for row in rows)
    return (
        biff(0x0009, struct.pack("<HH", 2, 0x0010))
        + biff(0x0000, struct.pack("<HHHH", 0, len(rows), 0, width))
        + cells
        + biff(0x000A, b"")
    )


def supbook(target: str, sheets: list[str]) -> bytes:
    body = struct.pack("<H", len(sheets)) + xl_string(target)
    return biff(0x01AE, body + b"".join(xl_string(s) for s in sheets))


def crn(row: int, first: int, values: list[str | float]) -> bytes:
    cells = b"".join(
        b"\x02" + xl_string(v) if isinstance(v, str) else b"\x01" + struct.pack("<d", v)
        for v in values
    )
    return biff(0x005A, struct.pack("<BBH", first + len(values) - 1, first, row) + cells)


def extern_name(name: str) -> bytes:
    return biff(0x0023, struct.pack("<HI", 0, 0) + struct.pack("<BB", len(name), 0) + name.encode())
