"""Small legacy Office files (OLE2 compound files): Word 97 .doc and PowerPoint 97 .ppt.

The compound-file writer keeps every stream at 4,096 bytes or more (padded), so no mini
stream is needed; readers accept the padding.
"""

from __future__ import annotations

import struct

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_SECTOR = 512
_SUMMARY_FMTID = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file holding the given top-level streams."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    data = b""
    starts: dict[str, int] = {}
    fat: list[int] = []
    for name in names:
        body = streams[name].ljust(4096, b"\x00")
        body += b"\x00" * (-len(body) % _SECTOR)
        first = len(fat)
        count = len(body) // _SECTOR
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(_END)
        starts[name] = first
        data += body
    entries = [_entry("Root Entry", 5, child=1 if names else _FREE, start=_END, size=0)]
    for index, name in enumerate(names, start=1):
        sibling = index + 1 if index < len(names) else _FREE
        entries.append(
            _entry(name, 2, right=sibling, start=starts[name], size=max(len(streams[name]), 4096))
        )
    directory = b"".join(entries)
    directory += b"\x00" * (-len(directory) % _SECTOR)
    dir_start = len(fat)
    dir_count = len(directory) // _SECTOR
    fat.extend(dir_start + i + 1 for i in range(dir_count - 1))
    fat.append(_END)
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * 128:
        fat_count += 1
    fat_start = len(fat)
    fat.extend([_FAT] * fat_count)
    fat.extend([_FREE] * (fat_count * 128 - len(fat)))
    difat = [fat_start + i for i in range(fat_count)] + [_FREE] * (109 - fat_count)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<109I", *difat)
    )
    return header + data + directory + struct.pack(f"<{len(fat)}I", *fat)


def _entry(
    name: str, kind: int, *, child: int = _FREE, right: int = _FREE, start: int, size: int
) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _FREE, right, child)
        + b"\x00" * 16
        + struct.pack("<I", 0)
        + b"\x00" * 16
        + struct.pack("<IQ", start, size)
    )


def summary_information(author: str = "", last_saved_by: str = "", title: str = "") -> bytes:
    """A SummaryInformation property set (code page 1252) with the given properties."""
    values: list[tuple[int, bytes]] = [(1, struct.pack("<HHhH", 2, 0, 1252, 0))]
    for prop, text in ((2, title), (4, author), (8, last_saved_by)):
        if text:
            raw = text.encode("cp1252", errors="replace") + b"\x00"
            raw += b"\x00" * (-len(raw) % 4)
            values.append((prop, struct.pack("<HHI", 0x1E, 0, len(raw)) + raw))
    table_size = 8 + 8 * len(values)
    offsets, body = [], b""
    for prop, value in values:
        offsets.append(struct.pack("<II", prop, table_size + len(body)))
        body += value
    section = struct.pack("<II", table_size + len(body), len(values)) + b"".join(offsets) + body
    header = struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\x00" * 16 + struct.pack("<I", 1)
    return header + _SUMMARY_FMTID + struct.pack("<I", 48) + section


ROW_END = "\x1e"
"""Written in `build_doc`'s text where a table row ends: Word stores a cell's end mark there
and marks its paragraph as the row's end."""
_IN_TABLE, _ROW_END_SPRM = 0x2416, 0x2417
_RUNS_PER_PAGE = 12


def build_doc(
    text: str,
    *,
    author: str = "",
    last_saved_by: str = "",
    encrypted: bool = False,
    huge_rows: bool = False,
    hidden: tuple[str, ...] = (),
    deleted: tuple[str, ...] = (),
    commenters: tuple[str, ...] = (),
    revisers: tuple[str, ...] = (),
) -> bytes:
    """A Word 97 .doc whose body is `text` (paragraphs separated by '\\r'), one cp1252 piece.
    Cells end with '\\x07' and rows with ROW_END; the paragraph properties say which
    paragraphs stand in a table and which end a row, as Word writes them; with `huge_rows`,
    a row end's properties are kept in the Data stream, as Word does when they are many.
    The first occurrence of each of `hidden` and `deleted` is formatted as hidden text or
    marked as a tracked deletion. `commenters` and `revisers` are the names Word keeps of the
    comments' authors and of the tracked changes' authors."""
    body = text.replace(ROW_END, "\x07").encode("cp1252", errors="replace")
    offset = 1024
    fib = bytearray(offset)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 0x0A, 0x0200 | (0x0100 if encrypted else 0))
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    struct.pack_into("<i", fib, 76, len(text))
    struct.pack_into("<H", fib, 152, 93)
    pieces = struct.pack("<ii", 0, len(text)) + struct.pack("<HIH", 0, (offset * 2) | 0x40000000, 0)
    clx = b"\x02" + struct.pack("<I", len(pieces)) + pieces
    struct.pack_into("<II", fib, 418, 0, len(clx))
    stream = bytes(fib) + body
    stream += b"\x00" * (-len(stream) % 512)
    pages, bins, extra = _papx_pages(text, offset, len(stream) // 512, huge_rows)
    struct.pack_into("<II", fib, 0x102, len(clx), len(bins))
    marked = [(text.index(w), len(w), 0x083C) for w in hidden]
    marked += [(text.index(w), len(w), 0x0800) for w in deleted]
    runs_page, runs_bins = _chpx_page(
        len(text), offset, len(stream) // 512 + len(pages) // 512, marked
    )
    struct.pack_into("<II", fib, 0xFA, len(clx) + len(bins), len(runs_bins))
    bins += runs_bins
    owners = b"".join(struct.pack("<H", len(n)) + n.encode("utf-16-le") for n in commenters)
    struct.pack_into("<II", fib, 0x1BA, len(clx) + len(bins), len(owners))
    bins += owners
    if revisers:
        sttb = struct.pack("<HHH", 0xFFFF, len(revisers), 0)
        sttb += b"".join(struct.pack("<H", len(n)) + n.encode("utf-16-le") for n in revisers)
        struct.pack_into("<II", fib, 0x232, len(clx) + len(bins), len(sttb))
        bins += sttb
    stream = bytes(fib) + stream[offset:] + pages + runs_page
    return compound_file(
        {
            "WordDocument": stream,
            "1Table": clx + bins,
            **({"Data": extra} if extra else {}),
            "\x05SummaryInformation": summary_information(author, last_saved_by),
        }
    )


def _papx_pages(text: str, offset: int, first_page: int, huge: bool) -> tuple[bytes, bytes, bytes]:
    """The PAPX pages of `text` (one byte a character from `offset`), the table-stream list of
    them and the Data stream; empty when the text has no table."""
    if ROW_END not in text:
        return b"", b"", b""
    extra = b"\x00" * 4
    runs: list[tuple[int, tuple[int, ...]]] = []  # (end file position, one-byte flags set)
    in_table = False
    for index, char in enumerate(text):
        if char == "\x07":
            in_table = True
        if char in "\r\x07" + ROW_END:
            flags = (_IN_TABLE, _ROW_END_SPRM) if char == ROW_END else ((_IN_TABLE,) * in_table)
            runs.append((offset + index + 1, flags))
        if char == ROW_END:
            in_table = False
    pages, firsts, numbers = b"", [offset], list[int]()
    for start in range(0, len(runs), _RUNS_PER_PAGE):
        chunk = runs[start : start + _RUNS_PER_PAGE]
        page = bytearray(512)
        page[511] = len(chunk)
        struct.pack_into(f"<{len(chunk) + 1}I", page, 0, firsts[-1], *(end for end, _ in chunk))
        at = 511
        for run, (_, flags) in enumerate(chunk):
            prls = b"".join(struct.pack("<HB", sprm, 1) for sprm in flags)
            if huge and _ROW_END_SPRM in flags:  # sprmPHugePapx: the properties in Data
                prls, extra = struct.pack("<HI", 0x6646, len(extra)), extra + _sized(prls)
            grpprl = b"\x00\x00" + prls
            units = (len(grpprl) + 2) // 2
            at = (at - (2 * units)) & ~1
            page[at] = units
            page[at + 1 : at + 1 + len(grpprl)] = grpprl
            page[4 * (len(chunk) + 1) + 13 * run] = at // 2
        pages += bytes(page)
        firsts.append(chunk[-1][0])
        numbers.append(first_page + len(numbers))
    bins = struct.pack(f"<{len(firsts)}I", *firsts) + struct.pack(f"<{len(numbers)}I", *numbers)
    return pages, bins, extra if huge else b""


def _chpx_page(
    length: int, offset: int, number: int, marked: list[tuple[int, int, int]]
) -> tuple[bytes, bytes]:
    """One CHPX page whose runs set a toggle (sprmCFVanish, sprmCFRMarkDel) on each marked
    (start, length, sprm) span of a text of `length` characters from `offset`."""
    if not marked:
        return b"", b""
    edges: list[tuple[int, int | None]] = []  # (start, sprm of the run from there, or None)
    at = 0
    for start, size, sprm in sorted(marked):
        if start > at:
            edges.append((at, None))
        edges.append((start, sprm))
        at = start + size
    if at < length:
        edges.append((at, None))
    page = bytearray(512)
    page[511] = len(edges)
    ends = [offset + start for start, _ in edges] + [offset + length]
    struct.pack_into(f"<{len(ends)}I", page, 0, *ends)
    place = 510
    for run, (_, toggle) in enumerate(edges):
        if toggle is None:
            continue
        place -= 4
        page[place : place + 4] = struct.pack("<BHB", 3, toggle, 1)
        page[4 * len(ends) + run] = place // 2
    return bytes(page), struct.pack("<III", ends[0], ends[-1], number)


def _sized(prls: bytes) -> bytes:
    return struct.pack("<H", len(prls)) + prls


def _record(kind: int, body: bytes, instance: int = 0, container: bool = False) -> bytes:
    version = 0xF if container else 0
    return struct.pack("<HHI", (instance << 4) | version, kind, len(body)) + body


def build_ppt(
    slides: list[str],
    *,
    notes: list[str] | None = None,
    hidden: set[int] | None = None,
    user: str = "",
    author: str = "",
) -> bytes:
    """A PowerPoint 97 record stream: one slide container per text (1-based `hidden`),
    one notes container per note, and the "Current User" stream naming `user`."""
    records = b""
    for number, text in enumerate(slides, start=1):
        flags = 0x0004 if number in (hidden or set()) else 0
        show = _record(0x03F9, struct.pack("<IIBBH", 0, 0, 0, 0, flags) + b"\x00" * 6)
        chars = _record(0x0FA0, text.encode("utf-16-le"))
        records += _record(0x03EE, _record(0x03EF, b"\x00" * 24) + show + chars, container=True)
    for text in notes or []:
        records += _record(0x03F0, _record(0x0FA8, text.encode("cp1252")), container=True)
    document = _record(0x03E8, records, container=True)
    name = user.encode("cp1252", errors="replace")
    current = struct.pack("<IIIHHBBH", 20, 0xE391C05F, 0, len(name), 0x03F4, 3, 0, 0) + name
    current += struct.pack("<I", 8) + user.encode("utf-16-le")
    return compound_file(
        {
            "PowerPoint Document": document,
            "Current User": _record(0x0FF6, current),
            "\x05SummaryInformation": summary_information(author),
        }
    )


def encrypted_ooxml() -> bytes:
    """The shape of a password-protected .docx/.xlsx: an OLE2 file with an EncryptedPackage."""
    return compound_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": b"\x00" * 64})
