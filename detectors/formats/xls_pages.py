"""The page headers and footers of an xls workbook's sheets, which xlrd does not read.

Each worksheet's records (from its BOF to its EOF) may hold a HEADER and a FOOTER record: the
string printed at the top and foot of every page, in the same code language as an xlsx
sheet's (`detectors.formats.xlsx.headerfooter`), so a name typed there ("Prepared by …") is
read the same way, as metadata. Charts embedded in a sheet are substreams of their own inside
it and are skipped.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence

from detectors.formats.xls_links import biff_records
from detectors.formats.xlsx.headerfooter import printed_sections
from detectors.limits import Budget
from detectors.model import Text, Vector

_BOF, _EOF, _HEADER, _FOOTER = 0x0809, 0x000A, 0x0014, 0x0015
_WORKSHEET = 0x0010
_BIFF8 = 0x0600
_PLACES = {_HEADER: "header", _FOOTER: "footer"}


def inspect_page_texts(stream: bytes, sheet_names: Sequence[str], budget: Budget) -> Iterator[Text]:
    """Every line of each worksheet's page header and footer, as metadata."""
    depth = sheets = 0
    wide = True
    name = ""
    for kind, body in biff_records(stream):
        if kind == _BOF and len(body) >= 4:
            depth += 1
            version, substream = struct.unpack_from("<HH", body, 0)
            if depth == 1 and substream == _WORKSHEET:
                sheets += 1
                budget.check()
                name = sheet_names[sheets - 1] if sheets <= len(sheet_names) else f"{sheets}"
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
