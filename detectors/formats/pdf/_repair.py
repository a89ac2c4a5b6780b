"""A repair for a damaged PDF that qpdf will not open, tried before reading its pages alone.

qpdf rebuilds a broken cross-reference table itself, but ignores any object numbered above a
third of the file's length, taking such a number for damage. A fragment cut out of a larger
file (a page saved with its original object numbers, as library test files often are) then
loses its catalogue and cannot be opened at all. Lengthening the file with a comment before
its `startxref` keeps every object and offset as they were and lets qpdf take the numbers.
"""

from __future__ import annotations

import re

from detectors.limits import MB

MAX_PADDING = 32 * MB
"""Longest comment added; object numbers up to the PDF maximum (8,388,607) need about 25 MB."""
_ID_LENGTH_RATIO = 3
"""qpdf's bound: an object number above the file's length divided by this is ignored."""
_SLACK = 1024
_SIZE = re.compile(rb"/Size\s+(\d{1,10})")
_TAIL = 4096
"""Bytes at the end of the file searched for the trailer's object count."""
_HEADER = re.compile(rb"(\d{1,10})[ \t\r\n\f\x00]+\d{1,5}[ \t\r\n\f\x00]+obj\b")


def padded(data: bytes) -> bytes | None:
    """`data` made long enough for qpdf to accept its highest object number, or None when its
    numbers already fit (the damage is something else) or would need too long a comment."""
    highest = max((int(match.group(1)) for match in _HEADER.finditer(data)), default=0)
    missing = _ID_LENGTH_RATIO * (highest + 1) + _SLACK - len(data)
    if missing <= _SLACK or missing > MAX_PADDING:
        return None
    at = data.rfind(b"startxref")
    at = len(data) if at < 0 else at
    return data[:at] + b"\n%" + b" " * missing + b"\n" + data[at:]


def sized_past_bound(data: bytes) -> bool:
    """Whether the last trailer counts more objects than qpdf takes in a file this long (a
    cheap look at the end of the file, before any parsing)."""
    sizes = _SIZE.findall(data[-_TAIL:])
    return bool(sizes) and _ID_LENGTH_RATIO * int(sizes[-1]) > len(data)
