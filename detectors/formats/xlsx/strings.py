"""The shared string table, kept compact, and the strings in it that no cell uses any more.

Excel writes each distinct text once in `xl/sharedStrings.xml` and cells point at it by
index. Other producers (and edits that delete a sheet without a full rewrite) can leave
strings there that no cell references: the text of a deleted staff sheet can survive that
way. Those are yielded with the vector PRIOR_REVISION: like the earlier revision of a PDF,
they are content of an earlier state of the document that is still in the file but that no
viewer can reach. (CELL would claim it is visible; CONCEALED_FORMAT is about formatting.)

A large table is kept as joined blocks of text with offsets rather than one Python string
per entry, so a million unique names cost megabytes, not hundreds of them.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator

from detectors.formats._archive import SafeZip
from detectors.formats._xml import free
from detectors.formats.xlsx.parts import stream
from detectors.limits import Budget
from detectors.model import Structure, Text, Vector

_BLOCK = 65_536
_COMPACT_ABOVE = 200_000
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """OOXML's `_xHHHH_` escapes (a carriage return is stored as `_x000D_`)."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


class SharedStrings:
    """Strings by index, with a flag per string set when a cell uses it."""

    def __init__(self) -> None:
        self._flat: list[str] = []
        self._blocks: list[tuple[str, array[int]]] = []
        self._pending: list[str] = []
        self.count = 0
        self.used = bytearray()

    def append(self, text: str) -> None:
        self._pending.append(text)
        self.count += 1
        if len(self._pending) == _BLOCK and self.count > _COMPACT_ABOVE:
            self._compact()

    def finish(self) -> None:
        if self.count > _COMPACT_ABOVE:
            if self._flat:
                self._pending = self._flat + self._pending
                self._flat = []
            while self._pending:
                self._compact()
        else:
            self._flat.extend(self._pending)
            self._pending = []
        self.used = bytearray(self.count)

    def _compact(self) -> None:
        if self._flat:  # the first compaction: blocks made of what was kept flat so far
            pending, self._flat = self._flat + self._pending, []
            self._pending = []
            for start in range(0, len(pending), _BLOCK):
                self._blocks.append(_block(pending[start : start + _BLOCK]))
            return
        self._blocks.append(_block(self._pending[:_BLOCK]))
        self._pending = self._pending[_BLOCK:]

    def lookup(self) -> Callable[[int], str]:
        """A fast index -> string function; raises IndexError for an index out of range."""
        if not self._blocks:
            return self._flat.__getitem__
        blocks = self._blocks

        def compact(index: int) -> str:
            if index < 0:
                raise IndexError(index)
            text, offsets = blocks[index >> 16]
            low = index & 0xFFFF
            return text[offsets[low] : offsets[low + 1]]

        return compact

    def unused(self) -> Iterator[tuple[int, str]]:
        """(index, string) of every non-blank string no cell referred to."""
        lookup = self.lookup()
        used = self.used
        start = 0
        while True:
            index = used.find(0, start)
            if index < 0:
                return
            text = lookup(index)
            if text.strip():
                yield index, text
            start = index + 1


def _block(strings: list[str]) -> tuple[str, array[int]]:
    offsets = array("q", [0])
    total = 0
    for text in strings:
        total += len(text)
        offsets.append(total)
    return "".join(strings), offsets


def read_strings(zf: SafeZip, path: str | None, budget: Budget) -> SharedStrings:
    strings = SharedStrings()
    if path is None or not zf.has(path):
        strings.finish()
        return strings
    text_tag = run_tag = ""
    for count, (_, si) in enumerate(stream(zf, path, "{*}si")):
        if not text_tag:
            namespace = si.tag[: si.tag.index("}") + 1] if "}" in si.tag else ""
            text_tag, run_tag = namespace + "t", namespace + "r"
        if not count % 4096:
            budget.check()
        parts: list[str] = []
        for child in si:  # <t>, or rich-text runs <r><t>; phonetic <rPh> is skipped
            if child.tag == text_tag:
                parts.append(child.text or "")
            elif child.tag == run_tag:
                parts.extend(grand.text or "" for grand in child if grand.tag == text_tag)
        strings.append(unescape("".join(parts)))
        free(si)
    strings.finish()
    return strings


def unused_strings(strings: SharedStrings, budget: Budget) -> Iterator[Text | Structure]:
    """Texts for the shared strings that no cell of any sheet references."""
    count = 0
    for index, text in strings.unused():
        count += 1
        if not count % 1024:
            budget.check()
        yield Text(text, Vector.PRIOR_REVISION, f"shared string {index + 1} (used by no cell)")
    if count:
        yield Structure(
            Vector.PRIOR_REVISION,
            "shared strings",
            f"{count:,} of {strings.count:,} shared strings are used by no cell",
        )
