"""What xlrd does not read of an xls workbook's sheets: page headers and footers, and the
text of text boxes drawn over a sheet.

Each worksheet's records (from its BOF to its EOF) may hold a HEADER and a FOOTER record: the
string printed at the top and foot of every page, in the same code language as an xlsx
sheet's (`detectors.formats.xlsx.headerfooter`), so a name typed there ("Prepared by …") is
read the same way, as metadata. A drawn object (OBJ) that holds text is followed by a TXO
record whose text runs on in CONTINUE records; comments (notes) are xlrd's, text boxes and
labels are read here, shown where the sheet shows. Charts embedded in a sheet are substreams
of their own inside it and are skipped.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence

from detectors.formats.xls_links import biff_records
from detectors.formats.xlsx.headerfooter import printed_sections
from detectors.limits import Budget
from detectors.model import Text, Vector

_BOF, _EOF, _HEADER, _FOOTER = 0x0809, 0x000A, 0x0014, 0x0015
_OBJ, _TXO, _CONTINUE = 0x005D, 0x01B6, 0x003C
_NOTE_OBJECT = 0x0019
"""An OBJ's kind (ftCmo's ot) for a comment, whose text xlrd reads with the note."""
_WORKSHEET = 0x0010
_BIFF8 = 0x0600
_PLACES = {_HEADER: "header", _FOOTER: "footer"}


def inspect_page_texts(
    stream: bytes, sheet_names: Sequence[str], budget: Budget, shown: Sequence[Vector] = ()
) -> Iterator[Text]:
    """Every line of each worksheet's page header and footer, as metadata, and the text of
    each text box drawn on it, with the vector of its sheet (`shown`, in sheet order: a
    hidden sheet's boxes are hidden)."""
    depth = sheets = boxes = 0
    wide = True
    name = ""
    vector = Vector.CELL
    note = False
    records = list(biff_records(stream))
    for index, (kind, body) in enumerate(records):
        if kind == _OBJ and depth == 1 and len(body) >= 6:
            note = struct.unpack_from("<H", body, 4)[0] == _NOTE_OBJECT
        elif kind == _TXO and depth == 1 and len(body) >= 12 and not note:
            text = _box_text(struct.unpack_from("<H", body, 10)[0], records, index + 1)
            if text.strip():
                boxes += 1
                shown_as = Vector.PAGE_TEXT if vector is Vector.CELL else vector
                yield Text(text.strip(), shown_as, f"sheet '{name}' text box {boxes}")
        if kind == _BOF and len(body) >= 4:
            depth += 1
            version, substream = struct.unpack_from("<HH", body, 0)
            if depth == 1 and substream == _WORKSHEET:
                sheets += 1
                budget.check()
                name = sheet_names[sheets - 1] if sheets <= len(sheet_names) else f"{sheets}"
                vector = shown[sheets - 1] if sheets <= len(shown) else Vector.CELL
                wide = version == _BIFF8
        elif kind == _EOF:
            depth = max(depth - 1, 0)
        elif kind in _PLACES and depth == 1 and body:
            code = _string(body, wide)
            where = f"sheet '{name}' {_PLACES[kind]}"
            for section in printed_sections(code):
                for line in section.splitlines():
                    if line.strip():
                        yield Text(" ".join(line.split()), Vector.METADATA, where)


def _box_text(count: int, records: Sequence[tuple[int, bytes]], start: int) -> str:
    """The `count` characters of a text box, from the CONTINUE records from `start` (after its
    TXO): each starts with a flag byte saying whether its characters are one byte or two."""
    parts: list[str] = []
    left = count
    for kind, body in _from(records, start):
        if kind != _CONTINUE or not body or left <= 0:
            break
        wide = body[0] & 1
        raw = body[1 : 1 + left * (2 if wide else 1)]
        part = raw.decode("utf-16-le", "replace") if wide else raw.decode("latin-1")
        parts.append(part)
        left -= len(part)
    return "".join(parts).replace("\r", "\n")


def _from(records: Sequence[tuple[int, bytes]], start: int) -> Iterator[tuple[int, bytes]]:
    for index in range(start, len(records)):
        yield records[index]


def _string(body: bytes, wide: bool) -> str:
    """A BIFF8 XLUnicodeString (a two-byte count, a flag, the characters), or a BIFF5 byte
    string (a one-byte count, the characters in the workbook's code page)."""
    if not wide:
        return body[1 : 1 + body[0]].decode("cp1252", "replace")
    if len(body) < 3:
        return ""
    count, flags = struct.unpack_from("<HB", body, 0)
    raw = body[3 : 3 + count * (2 if flags & 1 else 1)]
    return raw.decode("utf-16-le", "replace") if flags & 1 else raw.decode("latin-1")
