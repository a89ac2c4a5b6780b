"""What a Word 97-2003 document's text alone cannot say, read from its property pages in the
WordDocument stream.

Paragraph properties (PAPX) say which paragraphs stand in a table and which one ends a row: a
row's end mark is the same character as a cell's, so without them an empty cell and a row's
end look alike and a roster runs on as one paragraph. Character properties (CHPX) say which
text is hidden (sprmCFVanish) and which is a tracked deletion (sprmCFRMarkDel): still in the
file, shown to no reader."""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

FIB_CHPX_BINS, FIB_PAPX_BINS = 0xFA, 0x102
"""fcPlcfBteChpx, lcbPlcfBteChpx and fcPlcfBtePapx, lcbPlcfBtePapx in the FIB: where the
table stream lists the CHPX and the PAPX pages."""
DELETED, HIDDEN = 0x0800, 0x083C
"""sprmCFRMarkDel, sprmCFVanish: text deleted with changes tracked, hidden text."""
_ON = (1, 0x81)
"""A toggle's operand that sets it: on, or the opposite of the style's (which is off)."""
PAGE = 512
_IN_TABLE, _ROW_END, _INNER_ROW_END = 0x2416, 0x2417, 0x244C
"""sprmPFInTable, sprmPFTtp, sprmPFInnerTtp: flags of a paragraph in a table, and of a row's
end mark (an outer table's, a nested table's)."""
_TABLE_DEFINITION, _TAB_CHANGES = 0xD608, 0xC615
"""Properties whose operand's size is not one byte before it: sprmTDefTable gives two bytes,
sprmPChgTabs a byte that may say the size is elsewhere (255)."""
_HUGE = 0x6646
"""sprmPHugePapx: the paragraph's properties are too many for its page and sit in the Data
stream at the offset it gives (a table's heading row often has them)."""
_FIXED = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
"""Operand bytes by a property's size code (spra); code 6 is variable."""


@dataclass(frozen=True)
class TableMarks:
    """Character positions of paragraph ends in tables, and of rows' end marks."""

    in_table: frozenset[int]
    row_ends: frozenset[int]


NO_MARKS = TableMarks(frozenset(), frozenset())


def table_marks(
    stream: bytes, table: bytes, data: bytes, pieces: Iterable[tuple[int, int]]
) -> TableMarks:
    """The paragraph ends of the document's tables, as character positions of its text
    (`pieces`: each piece's file position and length in characters, in text order; `data`:
    the Data stream, b"" when there is none)."""
    in_table: list[int] = []
    row_ends: list[int] = []
    for page in _pages(stream, table, FIB_PAPX_BINS):
        _read_page(page, data, in_table, row_ends)
    places = _Places(pieces)
    return TableMarks(places.of(in_table), places.of(row_ends))


def unseen_runs(
    stream: bytes, table: bytes, pieces: Iterable[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """(first character, end character, DELETED or HIDDEN) of each run of text no reader sees,
    in text order."""
    runs: list[tuple[int, int, int]] = []
    places = _Places(pieces)
    for page in _pages(stream, table, FIB_CHPX_BINS):
        count = page[PAGE - 1]
        if 4 * (count + 1) + count > PAGE - 1:
            continue
        ends = struct.unpack_from(f"<{count + 1}I", page, 0)
        for run in range(count):
            offset = 2 * page[4 * (count + 1) + run]
            if not offset:
                continue
            toggles = _toggles(page[offset + 1 : offset + 1 + page[offset]])
            kind = DELETED if toggles.get(DELETED) in _ON else None
            kind = kind or (HIDDEN if toggles.get(HIDDEN) in _ON else None)
            if kind is not None:
                runs += [(first, end, kind) for first, end in places.span(ends[run], ends[run + 1])]
    return sorted(runs)


def _pages(stream: bytes, table: bytes, fib_at: int) -> Iterator[bytes]:
    """The 512-byte property pages a FIB entry's bin table lists."""
    if len(stream) < fib_at + 8:
        return
    start, size = struct.unpack_from("<II", stream, fib_at)
    bins = table[start : start + size]
    count = (len(bins) - 4) // 8
    for index in range(max(count, 0)):
        number = struct.unpack_from("<I", bins, 4 * (count + 1) + 4 * index)[0] & 0x3FFFFF
        page = stream[number * PAGE : (number + 1) * PAGE]
        if len(page) == PAGE:
            yield page


def _read_page(page: bytes, data: bytes, in_table: list[int], row_ends: list[int]) -> None:
    """The file positions where each table paragraph of one PAPX page ends."""
    runs = page[PAGE - 1]
    if 4 * (runs + 1) + 13 * runs > PAGE - 1:
        return
    ends = struct.unpack_from(f"<{runs + 1}I", page, 0)
    for run in range(runs):
        offset = 2 * page[4 * (runs + 1) + 13 * run]
        flags = _flags(page, offset, data) if offset else set()
        if _IN_TABLE in flags or _ROW_END in flags:
            in_table.append(ends[run + 1])
        if _ROW_END in flags:
            row_ends.append(ends[run + 1])


def _flags(page: bytes, offset: int, data: bytes) -> set[int]:
    """The one-byte properties set to 1 in a paragraph's PAPX (after its style index)."""
    size = page[offset]
    start = offset + 1
    if size == 0 and offset + 1 < len(page):
        size, start = 2 * page[offset + 1], offset + 2
    else:
        size = 2 * size - 1
    return _set(page[start + 2 : min(start + size, len(page))], data)


def _set(grpprl: bytes, data: bytes, huge: bool = True) -> set[int]:
    found: set[int] = set()
    for sprm, operand in _properties(grpprl):
        if len(operand) == 1 and operand[0] == 1:
            found.add(sprm)
        elif sprm == _HUGE and huge and len(operand) == 4:
            where = struct.unpack_from("<I", operand)[0]
            if where + 2 <= len(data):
                length = struct.unpack_from("<H", data, where)[0]
                found |= _set(data[where + 2 : where + 2 + length], data, huge=False)
    return found


def _toggles(grpprl: bytes) -> dict[int, int]:
    """The one-byte properties of a run and their operands."""
    return {sprm: operand[0] for sprm, operand in _properties(grpprl) if len(operand) == 1}


def _properties(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) of each property in a list of them, until one cannot be sized."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        code = sprm >> 13
        if code != 6:
            width = _FIXED[code]
        elif sprm == _TABLE_DEFINITION and at + 2 <= len(grpprl):
            width = 1 + struct.unpack_from("<H", grpprl, at)[0]
        elif at < len(grpprl) and not (sprm == _TAB_CHANGES and grpprl[at] == 255):
            width = 1 + grpprl[at]
        else:
            return
        yield sprm, grpprl[at : at + width]
        at += width


class _Places:
    """File positions of paragraph marks turned into character positions of the text."""

    def __init__(self, pieces: Iterable[tuple[int, int]]) -> None:
        spans: list[tuple[int, int, int, int]] = []  # (first byte, end byte, width, first cp)
        cp = 0
        for fc, length in pieces:
            compressed = bool(fc & 0x40000000)
            width = 1 if compressed else 2
            first = (fc & 0x3FFFFFFF) // 2 if compressed else fc
            spans.append((first, first + width * length, width, cp))
            cp += length
        spans.sort()
        self._spans = spans
        self._firsts = [span[0] for span in spans]

    def span(self, start: int, end: int) -> list[tuple[int, int]]:
        """The characters between two file positions, as character positions (the part
        within one piece)."""
        index = bisect.bisect_right(self._firsts, start) - 1
        if index < 0:
            return []
        first, stop, width, cp = self._spans[index]
        if not first <= start < stop:
            return []
        end = min(end, stop)
        return [(cp + (start - first) // width, cp + (end - first + width - 1) // width)]

    def of(self, ends: list[int]) -> frozenset[int]:
        places: set[int] = set()
        for end in ends:
            index = bisect.bisect_right(self._firsts, end - 1) - 1
            if index < 0:
                continue
            first, stop, width, cp = self._spans[index]
            mark = end - width
            if first <= mark < stop:
                places.add(cp + (mark - first) // width)
        return frozenset(places)


FIB_COMMENT_AUTHORS, FIB_REVISION_AUTHORS = 0x1BA, 0x232
"""fcGrpXstAtnOwners and fcSttbfRMark in the FIB: the names of the comments' authors, and of
the authors of tracked changes, in the table stream."""


_NO_ONE = frozenset({"", "Unknown", "Unknown Author"})
"""Word's names for a change whose author it was not told."""


def author_names(stream: bytes, table: bytes) -> dict[str, list[str]]:
    """The names of the people who commented on the document or changed it with changes
    tracked, by kind ("comment authors", "revision authors")."""
    found: dict[str, list[str]] = {}
    for fib_at, kind, strings in (
        (FIB_COMMENT_AUTHORS, "comment authors", _owners),
        (FIB_REVISION_AUTHORS, "revision authors", _string_table),
    ):
        if len(stream) < fib_at + 8:
            continue
        start, size = struct.unpack_from("<II", stream, fib_at)
        names = [n for n in strings(table[start : start + size]) if n.strip() not in _NO_ONE]
        if names:
            found[kind] = names
    return found


def _owners(data: bytes) -> list[str]:
    """A run of strings, each its length in characters then UTF-16 text."""
    names: list[str] = []
    at = 0
    while at + 2 <= len(data):
        length = struct.unpack_from("<H", data, at)[0]
        names.append(data[at + 2 : at + 2 + 2 * length].decode("utf-16-le", errors="replace"))
        at += 2 + 2 * length
    return names


def _string_table(data: bytes) -> list[str]:
    """An STTB of UTF-16 strings: 0xFFFF, a count, the size of each entry's extra data, then
    each string's length in characters, its text and its extra data."""
    if len(data) < 6 or data[:2] != b"\xff\xff":
        return []
    count, extra = struct.unpack_from("<HH", data, 2)
    names: list[str] = []
    at = 6
    for _ in range(count):
        if at + 2 > len(data):
            break
        length = struct.unpack_from("<H", data, at)[0]
        names.append(data[at + 2 : at + 2 + 2 * length].decode("utf-16-le", errors="replace"))
        at += 2 + 2 * length + extra
    return names
