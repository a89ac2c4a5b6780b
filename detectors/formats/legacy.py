"""Legacy Office files (Word 6.0 to 2003 .doc, PowerPoint 97 .ppt) read from their OLE2 streams.

Word: the piece table gives the text of each story (body, footnotes, headers, comments…);
field codes are reported as hidden text; objects embedded in the document (`ObjectPool`) are
handed on to be scanned in turn. Word 97 and later: tables are read row by row, and text
formatted hidden or deleted with changes tracked is read apart as the hiding place it is, from
the property pages (`detectors.formats.doc_props`); Word 6.0/95 text keeps its story's vector.
Word 6.0/95 keeps its text in the code page of the document's language, contiguous from
fcMin or, after a fast save, in pieces listed inside the WordDocument stream itself.
Word 2.0 is recognised, not read.
PowerPoint: every text record is read, stale ones left by fast saves included; notes,
comments and hidden slides are told apart by the containers holding them; embedded objects
(ExOleObjStg records) are inflated within the limits and handed on as in a Word document.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Iterator

import olefile

from detectors.errors import (
    DocumentTooLarge,
    EncryptedDocument,
    UnreadableDocument,
    UnsupportedDocument,
)
from detectors.formats import WORD2_MAGIC
from detectors.formats._ole import inspect_object
from detectors.formats._tally import tallied
from detectors.formats.doc_props import (
    DELETED,
    HIDDEN,
    TableMarks,
    author_names,
    table_marks,
    unseen_runs,
)
from detectors.limits import Budget, inflate
from detectors.model import Item, Table, Text, Unread, Vector

MAX_CHARS = 20_000_000
MAX_PARAGRAPH = 100_000
_STORIES = (  # (FibRgLw97 offset of the count, where, vector) in the order the text is stored
    (12, "", Vector.PAGE_TEXT),
    (16, "footnotes, ", Vector.PAGE_TEXT),
    (20, "headers and footers, ", Vector.PAGE_TEXT),
    (28, "comments, ", Vector.COMMENT),
    (32, "endnotes, ", Vector.PAGE_TEXT),
    (36, "text boxes, ", Vector.PAGE_TEXT),
    (40, "header text boxes, ", Vector.PAGE_TEXT),
)
_WORD6_STORY_COUNTS = 0x34
"""ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx of a Word 6/95 FIB."""
_WORD6_STORIES = (
    ("", Vector.PAGE_TEXT),
    ("footnotes, ", Vector.PAGE_TEXT),
    ("headers and footers, ", Vector.PAGE_TEXT),
    (None, Vector.PAGE_TEXT),  # macro text: counted, not shown
    ("comments, ", Vector.COMMENT),
    ("endnotes, ", Vector.PAGE_TEXT),
    ("text boxes, ", Vector.PAGE_TEXT),
    ("header text boxes, ", Vector.PAGE_TEXT),
)
_WORD6_VERSIONS = range(101, 106)
"""nFib of Word 6.0 (101) and Word 95 (104); Word 97 and later start at 193."""
_CODEPAGES = {
    **dict.fromkeys((0x02, 0x19, 0x22, 0x23, 0x2F), "cp1251"),
    **dict.fromkeys((0x05, 0x0E, 0x15, 0x18, 0x1A, 0x1B, 0x1C, 0x24), "cp1250"),
    0x08: "cp1253",
    0x1F: "cp1254",
    0x0D: "cp1255",
    0x01: "cp1256",
    **dict.fromkeys((0x25, 0x26, 0x27), "cp1257"),
    0x1E: "cp874",
    0x11: "cp932",
    0x12: "cp949",
}
"""Primary language of the FIB's lid -> the ANSI code page Word 6/95 stored its text in."""
_CHINESE = {0x0404: "cp950", 0x0C04: "cp950", 0x1404: "cp950"}
_SUMMARY = (("author", "author"), ("last_saved_by", "last saved by"), ("title", "title"))
_DOC_SUMMARY = (("company", "company"), ("manager", "manager"))


def inspect_doc(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the stories of a Word 97-2003 document and its summary properties."""
    return tallied(_inspect_doc(data, name, budget))


def _inspect_doc(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    if data.startswith(WORD2_MAGIC):
        raise UnsupportedDocument(
            "Word 2.0 document: older than the Word 6.0 to 2003 formats this reader handles"
        )
    with _open(data) as ole:
        yield from _summary(ole)
        stream = _read(ole, "WordDocument")
        if len(stream) >= 0x168 and struct.unpack_from("<H", stream, 2)[0] in _WORD6_VERSIONS:
            yield from _word6(stream, budget)
            yield from _object_pool(ole, data, budget)
            return
        if len(stream) < 426 or struct.unpack_from("<H", stream, 0)[0] != 0xA5EC:
            raise UnreadableDocument("the WordDocument stream has no valid header")
        flags = struct.unpack_from("<H", stream, 0x0A)[0]
        if flags & 0x0100:
            raise EncryptedDocument("the Word document is password-protected")
        table = _read(ole, "1Table" if flags & 0x0200 else "0Table")
        text = _piece_text(stream, table)
        pieces = list(_pieces(_piece_plc(_clx(stream, table))))
        text = _marked(text, table_marks(stream, table, _data_stream(ole), pieces))
        unseen = unseen_runs(stream, table, pieces)
        for role, names in author_names(stream, table).items():
            yield Text("\n".join(names), Vector.METADATA, role)
        start = 0
        for offset, place, vector in _STORIES:
            count = struct.unpack_from("<i", stream, 64 + offset)[0] if offset < 88 else 0
            if count <= 0:
                continue
            budget.check()
            shown, apart = _apart(text, start, start + count, unseen)
            yield from _story(shown, place, vector)
            for kind, unseen_text in apart.items():
                where = "deleted text, " if kind == DELETED else "hidden text, "
                yield from _story(unseen_text, f"{place}{where}", _UNSEEN[kind])
            start += count
        yield from _object_pool(ole, data, budget)


def _object_pool(ole: olefile.OleFileIO, data: bytes, budget: Budget) -> Iterator[Item]:
    """The objects embedded in a Word document, one storage each under `ObjectPool`."""
    entries = ole.listdir(streams=True, storages=True)
    storages = sorted({e[1] for e in entries if len(e) > 2 and e[0] == "ObjectPool"})
    for number, storage in enumerate(storages, start=1):
        budget.check()
        yield from inspect_object(ole, data, ["ObjectPool", storage], f"embedded object {number}")


def _word6(stream: bytes, budget: Budget) -> Iterator[Item]:
    """The stories of a Word 6.0/95 document; character positions count bytes of its code page."""
    flags, lid = struct.unpack_from("<H", stream, 0x0A)[0], struct.unpack_from("<H", stream, 6)[0]
    if flags & 0x0100:
        raise EncryptedDocument("the Word document is password-protected")
    encoding = _CHINESE.get(lid) or _CODEPAGES.get(lid & 0x3FF, "cp1252")
    if lid & 0x3FF == 0x04 and lid not in _CHINESE:
        encoding = "cp936"
    if flags & 0x0004:  # fComplex: saved fast, text in pieces
        fc_clx, lcb_clx = struct.unpack_from("<II", stream, 0x160)
        text = _word6_pieces(stream, stream[fc_clx : fc_clx + lcb_clx])
    else:
        fc_min, fc_mac = struct.unpack_from("<II", stream, 0x18)
        text = stream[fc_min : min(fc_mac, fc_min + MAX_CHARS)]
    counts = struct.unpack_from("<8i", stream, _WORD6_STORY_COUNTS)
    start = 0
    for count, (place, vector) in zip(counts, _WORD6_STORIES, strict=True):
        if count <= 0:
            continue
        budget.check()
        if place is not None:
            story = text[start : start + count].decode(encoding, errors="replace")
            yield from _story(story, place, vector)
        start += count


def _word6_pieces(stream: bytes, clx: bytes) -> bytes:
    """The bytes of each piece in order; Word 6/95 pieces are 8-bit, at plain stream offsets."""
    return b"".join(stream[fc : fc + length] for fc, length in _pieces(_piece_plc(clx)))


def _pieces(plc: bytes) -> Iterator[tuple[int, int]]:
    """(file position, characters) of each piece of a piece table, up to MAX_CHARS in all."""
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}i", plc, 0)
    total = 0
    for index in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        length = max(cps[index + 1] - cps[index], 0)
        total += length
        if total > MAX_CHARS:
            return
        yield fc, length


def _piece_plc(clx: bytes) -> bytes:
    """The piece descriptors of a CLX, after the property runs that precede them."""
    position = 0
    while position + 3 <= len(clx) and clx[position] == 0x01:
        position += 3 + struct.unpack_from("<H", clx, position + 1)[0]
    if position + 5 > len(clx) or clx[position] != 0x02:
        raise UnsupportedDocument("the Word document's piece table cannot be read")
    size = struct.unpack_from("<I", clx, position + 1)[0]
    return clx[position + 5 : position + 5 + size]


def _clx(stream: bytes, table: bytes) -> bytes:
    fc_clx, lcb_clx = struct.unpack_from("<II", stream, 418)
    return table[fc_clx : fc_clx + lcb_clx]


def _piece_text(stream: bytes, table: bytes) -> str:
    parts: list[str] = []
    for fc, length in _pieces(_piece_plc(_clx(stream, table))):
        if fc & 0x40000000:
            start = (fc & 0x3FFFFFFF) // 2
            parts.append(stream[start : start + length].decode("cp1252", errors="replace"))
        else:
            parts.append(stream[fc : fc + 2 * length].decode("utf-16-le", errors="replace"))
    return "".join(parts)


_ROW_END, _CELL_LINE = "\x1e", "\n"
"""What a row's end mark and a paragraph end inside a cell become in the text: both are
characters Word's text uses for other marks (a cell's end, a paragraph's end)."""


def _marked(text: str, marks: TableMarks) -> str:
    """The text with each row's end mark and each paragraph end inside a table told apart."""
    changes = sorted(
        [(place, _CELL_LINE) for place in marks.in_table if text[place : place + 1] == "\r"]
        + [(place, _ROW_END) for place in marks.row_ends if text[place : place + 1] == "\x07"]
    )
    parts: list[str] = []
    at = 0
    for place, mark in changes:
        parts += [text[at:place], mark]
        at = place + 1
    return "".join([*parts, text[at:]])


_UNSEEN = {DELETED: Vector.TRACKED_CHANGE, HIDDEN: Vector.HIDDEN_TEXT}
_MARKS = frozenset("\r\x07\x0b\x0c\n" + _ROW_END)


def _apart(
    text: str, start: int, end: int, runs: list[tuple[int, int, int]]
) -> tuple[str, dict[int, str]]:
    """A story's shown text, and its hidden and deleted text by kind, each a story of its own.
    Paragraph, cell and row marks stay in the shown text as well, so that its paragraphs and
    tables keep their shape."""
    shown: list[str] = []
    apart: dict[int, list[str]] = {}
    at = start
    for first, stop, kind in _joined(runs):
        first, stop = max(first, at), min(stop, end)
        if first >= stop:
            continue
        shown.append(text[at:first])
        piece = text[first:stop]
        shown.append("".join(char for char in piece if char in _MARKS))
        apart.setdefault(kind, []).append(piece)
        at = stop
    shown.append(text[at:end])
    return "".join(shown), {kind: "\r".join(parts) for kind, parts in apart.items()}


def _joined(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Runs of one kind that touch joined into one: a name in two runs ("Jane " in one font,
    "Smith" in another) stays one name."""
    joined: list[tuple[int, int, int]] = []
    for first, stop, kind in runs:
        if joined and joined[-1][2] == kind and joined[-1][1] >= first:
            joined[-1] = (joined[-1][0], max(stop, joined[-1][1]), kind)
        else:
            joined.append((first, stop, kind))
    return joined


def _story(text: str, place: str, vector: Vector) -> Iterator[Item]:
    shown, codes = _split_fields(text)
    tables = number = 0
    for block in shown.split("\r"):
        if _ROW_END in block:  # a table's rows, then the paragraph after it
            *rows, block = block.split(_ROW_END)
            tables += 1
            cells = [[" ".join(c.split()) for c in row.split("\x07")[:-1]] for row in rows]
            yield Table(f"{place}table {tables}", vector, (), iter(map(tuple, cells)))
        for paragraph in block.split("\x0b"):  # a line break outside tables ends a line
            number += 1
            paragraph = paragraph.replace("\x07", "\t").strip()
            if paragraph:
                yield Text(paragraph[:MAX_PARAGRAPH], vector, f"{place}paragraph {number}")
    if codes:
        yield Text("\n".join(codes), Vector.HIDDEN_TEXT, f"{place}field codes")


def _split_fields(text: str) -> tuple[str, list[str]]:
    """The text a reader sees, and the field codes (between field begin and separator)."""
    shown: list[str] = []
    codes: list[str] = []
    depth_in_code: list[bool] = []
    code: list[str] = []
    for char in text:
        if char == "\x13":
            depth_in_code.append(True)
        elif char == "\x14" and depth_in_code:
            depth_in_code[-1] = False
        elif char == "\x15" and depth_in_code:
            depth_in_code.pop()
            if not depth_in_code and code:
                codes.append("".join(code).strip())
                code = []
        elif depth_in_code and depth_in_code[-1]:
            code.append(char)
        elif char == "\x0c":
            shown.append("\r")
        elif char >= " " or char in "\r\t\x07\x0b\n\x1e":
            shown.append(char)
    return "".join(shown), [c for c in codes if c]


_TEXT_CHARS, _TEXT_BYTES, _CSTRING = 0x0FA0, 0x0FA8, 0x0FBA
_SLIDE, _NOTES, _SLIDE_LIST, _COMMENT = 0x03EE, 0x03F0, 0x0FF0, 0x2EE0
_SHOW_INFO, _CRYPT = 0x03F9, 0x2F14
_OLE_STORAGE = 0x1011
"""ExOleObjStg: an embedded object's compound file, zlib-compressed when its instance is 1."""


def inspect_ppt(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every text record of a PowerPoint 97-2003 file and its properties."""
    return tallied(_inspect_ppt(data, name, budget))


def _inspect_ppt(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    with _open(data) as ole:
        yield from _summary(ole)
        if ole.exists("Current User"):
            yield from _current_user(_read(ole, "Current User"))
        stream = _read(ole, "PowerPoint Document")
        yield from _records(stream, budget)


def _records(stream: bytes, budget: Budget) -> Iterator[Item]:
    stack: list[tuple[int, int, int]] = []  # (type, instance, end) of open containers
    slides = hidden_flag = objects = 0
    position, seen = 0, 0
    while position + 8 <= len(stream):
        while stack and position >= stack[-1][2]:
            stack.pop()
        marker, kind, length = struct.unpack_from("<HHI", stream, position)
        version, instance = marker & 0xF, marker >> 4
        body_start, end = position + 8, min(position + 8 + length, len(stream))
        seen += 1
        if seen % 5000 == 0:
            budget.check()
        if kind == _CRYPT:
            raise EncryptedDocument("the presentation is password-protected")
        if version == 0xF:
            if kind == _SLIDE:
                slides, hidden_flag = slides + 1, 0
            stack.append((kind, instance, end))
            position = body_start
            continue
        body = stream[body_start:end]
        if kind == _SHOW_INFO and len(body) >= 12:
            hidden_flag = struct.unpack_from("<H", body, 10)[0] & 0x0004
        elif kind in (_TEXT_CHARS, _TEXT_BYTES, _CSTRING):
            encoding = "cp1252" if kind == _TEXT_BYTES else "utf-16-le"
            text = body.decode(encoding, errors="replace").replace("\r", "\n").strip("\x00 \n")
            if text:
                yield _classify(text, kind, stack, slides, bool(hidden_flag))
        elif kind == _OLE_STORAGE:
            objects += 1
            budget.check()
            yield from _ole_storage(body, instance == 1, f"embedded object {objects}", budget)
        position = end if end > position else position + 8


def _ole_storage(body: bytes, compressed: bool, where: str, budget: Budget) -> Iterator[Item]:
    """An object embedded in a presentation: its compound file, inflated within the limits."""
    try:
        data = inflate(body[4:], budget.limits) if compressed else body
    except DocumentTooLarge as refused:
        yield Unread(where, str(refused), limit=True, vector=Vector.EMBEDDED_FILE)
        return
    except zlib.error:
        yield Unread(where, "damaged compressed object", vector=Vector.EMBEDDED_FILE)
        return
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # olefile raises many kinds on a damaged container
        yield Unread(where, "not a readable OLE object", vector=Vector.EMBEDDED_FILE)
        return
    with ole:
        yield from inspect_object(ole, data, [], where)


def _classify(
    text: str, kind: int, stack: list[tuple[int, int, int]], slides: int, hidden: bool
) -> Text:
    kinds = {k for k, _, _ in stack}
    if _COMMENT in kinds:
        return Text(text, Vector.COMMENT, "comments")
    if _NOTES in kinds or any(k == _SLIDE_LIST and i == 2 for k, i, _ in stack):
        return Text(text, Vector.SPEAKER_NOTES, "speaker notes")
    if _SLIDE in kinds:
        vector = Vector.HIDDEN_SLIDE if hidden else Vector.PAGE_TEXT
        return Text(text, vector, f"slide {slides}")
    if kind == _CSTRING:
        return Text(text, Vector.METADATA, "stored strings (links, tags)")
    return Text(text, Vector.PAGE_TEXT, "slide outline text")


def _current_user(stream: bytes) -> Iterator[Item]:
    if len(stream) < 8 + 20:
        return
    length = struct.unpack_from("<H", stream, 8 + 12)[0]
    user = stream[8 + 20 : 8 + 20 + length].decode("cp1252", errors="replace").strip("\x00 ")
    if user:
        yield Text(user, Vector.METADATA, "last user (Current User stream)")


def _summary(ole: olefile.OleFileIO) -> Iterator[Item]:
    try:
        metadata = ole.get_metadata()
    except Exception as error:  # the author and editor names in it are unread
        yield Unread(
            "document properties", f"damaged property set ({error})", vector=Vector.METADATA
        )
        return
    for attribute, place in _SUMMARY + _DOC_SUMMARY:
        value = getattr(metadata, attribute, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", errors="replace")
        if isinstance(value, str) and value.strip("\x00 "):
            yield Text(value.strip("\x00 "), Vector.METADATA, f"document property '{place}'")


def _open(data: bytes) -> olefile.OleFileIO:
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except Exception as error:  # olefile raises OSError, struct errors, IndexError…
        raise UnreadableDocument(f"not a readable OLE2 file: {_short(error)}") from error


def _data_stream(ole: olefile.OleFileIO) -> bytes:
    """The Data stream, where a table row's many properties may be kept; b"" when it is
    missing or damaged (the rows then run on as text, as Word's text alone gives them)."""
    try:
        return _read(ole, "Data") if ole.exists("Data") else b""
    except UnreadableDocument:
        return b""


def _read(ole: olefile.OleFileIO, stream: str) -> bytes:
    if not ole.exists(stream):
        raise UnsupportedDocument(f"the {stream} stream is missing")
    try:
        data: bytes = ole.openstream(stream).read()
    except Exception as error:
        raise UnreadableDocument(f"the {stream} stream cannot be read: {_short(error)}") from error
    return data


def _short(error: Exception) -> str:
    return re.sub(r"\s+", " ", str(error))[:120] or type(error).__name__
