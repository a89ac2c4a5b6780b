"""Worksheet rows read straight from the sheet bytes, for the shapes producers actually write.

The part before `<sheetData>` and the part after it go through lxml's pull parser (`fastpull`,
hardened as `_xml.iterparse`); the rows in between are cut from large decompressed blocks with
compiled regular expressions, one findall per block for the rows and one per row for the cells.
The grammar accepted here (`fastgrammar`) is a strict subset of well-formed XML: double-quoted
attributes without references, namespace prefixes declared before `<sheetData>`, the five
predefined entities and valid character references only, no comments, CDATA, processing
instructions or carriage returns, valid UTF-8. Anything else raises `Fallback` and the caller
hands the sheet to the XML parser, which then reads it exactly as before. Cells with content
other than a plain `<v>` or a one-`<t>` inline string are parsed alone with the hardened
parser.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import IO

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._sheet import MAX_COLUMNS, Layout, Row
from detectors.formats._xml import parse
from detectors.formats.xlsx.cells import (
    DIGITS,
    cell_text,
    column_at,
    letters,
    put,
    row_hint,
    typed_text,
)
from detectors.formats.xlsx.fastgrammar import (
    Fallback,
    Grammar,
    check_text,
    compile_grammar,
    read_blocks,
    resolve,
)
from detectors.formats.xlsx.fastpull import Note, Pull
from detectors.formats.xlsx.strings import unescape
from detectors.limits import Budget

__all__ = ["CellReading", "Fallback", "fast_rows"]

_BLOCK = 2 * 1024 * 1024
_MAX_PENDING = 64 * 1024 * 1024
"""Bytes of one row (or of the part before the rows) beyond which the parser takes over."""
_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData(?=[\s/>])")
_ROW_ATTRIBUTE = re.compile(r'([\w.:-]+)\s*=\s*"([^"]*)"')
_REF = itemgetter(0)
_WHOLE = itemgetter(0)
_STYLE = itemgetter(3)
_KIND = itemgetter(4)
_PLAIN = frozenset(("", "n", "str", "inlineStr", "e", "d"))
"""Cell types whose stored text is shown as it is."""
_PLAIN_OR_SHARED = _PLAIN | {"s"}
_FIRST_R = re.compile(r'[ \t\n]+r="([0-9]{1,9})"')


@dataclass(frozen=True)
class CellReading:
    """What cell values are resolved with: shared strings, their use flags, concealing styles."""

    lookup: Callable[[int], str]
    used: bytearray
    concealing: frozenset[str]
    budget: Budget


def fast_rows(
    zf: SafeZip, path: str, cells: CellReading, layout: Layout, note: Note
) -> Iterator[Row]:
    """The rows of one sheet part, in order, filling `layout` as the parser would."""
    with zf.open(path) as member:
        yield from _read(member, cells, layout, note)


def _read(member: IO[bytes], cells: CellReading, layout: Layout, note: Note) -> Iterator[Row]:
    blocks = read_blocks(member, _BLOCK)
    pending = b""
    found = None
    for block in blocks:
        pending += block
        found = _SHEET_DATA.search(pending)
        if found and pending.find(b">", found.end()) >= 0:
            break
        if len(pending) > _MAX_PENDING:
            raise Fallback
    else:
        raise Fallback
    close = pending.index(b">", found.end()) + 1
    head, pending = pending[:close], pending[close:]
    parser = Pull(layout, note)
    sheet_data = parser.head(head, found.group(1))
    grammar = compile_grammar(sheet_data)
    prefix = (found.group(1) or b"").decode() + (":" if found.group(1) else "")
    end_tag = f"</{prefix}sheetData".encode()
    row_start = f"<{prefix}row".encode()
    reader = _Rows(grammar, cells, layout)
    for block in itertools.chain([b""], blocks):
        pending += block
        end = pending.find(end_tag)
        if end >= 0:
            yield from reader.rows(check_text(pending[:end]))
            parser.feed(pending[end:])
            for rest in blocks:
                parser.feed(rest)
            parser.close()
            return
        cut = pending.rfind(row_start)
        if cut <= 0:
            if len(pending) > _MAX_PENDING:
                raise Fallback
            continue
        yield from reader.rows(check_text(pending[:cut]))
        pending = pending[cut:]
    raise Fallback  # the sheet data never ends: let the parser say how the part is broken


class _Rows:
    """Rows from blocks of sheet data, built exactly as the parsed reader builds them."""

    def __init__(self, grammar: Grammar, cells: CellReading, layout: Layout) -> None:
        self.grammar = grammar
        self.reading = cells
        self.layout = layout
        self.number = 0
        self.parsed = 0
        self.columns: dict[str, int] = {}
        self.heads: dict[str, object] = {}
        """Row attributes after a leading `r` -> the row's hidden hint."""

    def rows(self, block: str) -> Iterator[Row]:
        """The rows of a block of whole rows. Rows are cut at their end tags and read in the
        lane; from the first piece the lane cannot read, the rest of the block goes through the
        row pattern, exactly as before the lane existed."""
        grammar = self.grammar
        head = grammar.head.match
        end_tag = grammar.row_end
        pieces = block.split(end_tag)
        last = len(pieces) - 1
        for index, piece in enumerate(pieces):
            offset = 0
            found = head(piece)
            while found is not None and found.group(2):  # <row …/>: a row with no cells
                yield self._row(found.group(1), "")
                offset = found.end()
                found = head(piece, offset)
            if index == last:
                if piece[offset:].strip(" \t\n"):
                    yield from self._patterned(piece[offset:])
                return
            if found is None:
                yield from self._patterned(end_tag.join([piece[offset:], *pieces[index + 1 :]]))
                return
            yield self._row(found.group(1), piece[found.end() :])

    def _patterned(self, block: str) -> Iterator[Row]:
        for attributes, body, bad in self.grammar.rows.findall(block):
            if bad:
                raise Fallback
            yield self._row(attributes, body)

    def _row(self, attributes: str, body: str) -> Row:
        self.parsed += 1
        if not self.parsed % 512:
            self.reading.budget.check()
        first = _FIRST_R.match(attributes)
        if first is not None and (rest := attributes[first.end() :]) in self.heads:
            attribute: str | None = first.group(1)
            hint = self.heads[rest]
            self.number = number = int(first.group(1))
        else:
            attribute, hint = self._start(attributes, first)
            number = self.number
        if not body:
            return Row(number, [], hint, None)
        found = self.grammar.lane.findall(body)
        if found and sum(map(len, map(_WHOLE, found))) == len(body):
            values, concealed = self._lane_cells(found, attribute, body)
        else:
            values, concealed = self._cells(self.grammar.cells.findall(body), attribute)
        return Row(number, values, hint, concealed)

    def _start(self, attributes: str, first: re.Match[str] | None) -> tuple[str | None, object]:
        """A row's `r` and hidden hint from its attributes; remembers the hint of the attributes
        after a leading `r`, which most rows of a sheet share."""
        pairs = _ROW_ATTRIBUTE.findall(attributes) if attributes else []
        get = dict(pairs).get
        if len(pairs) > 1 and len(set(n for n, _ in pairs)) != len(pairs):
            raise Fallback  # a repeated attribute
        attribute = get("r")
        self.number = int(attribute) if attribute and attribute.isdigit() else self.number + 1
        hint = row_hint(get, bool(getattr(self.layout, "zero_height", False)))
        if first is not None and len(self.heads) < 256:
            self.heads[attributes[first.end() :]] = hint
        return attribute, hint

    def _lane_cells(
        self, found: list[tuple[str, ...]], attribute: str | None, body: str
    ) -> tuple[list[str], set[int] | None]:
        """Cells of the shapes in `Grammar.lane`, read as `_cells` reads them. A row whose
        cells run A, B, C… with plain text, numbers or shared strings, no escapes and no
        concealing style is built in one pass (a skipped cell and a blank one are both "");
        any other row's cells are handed to `_cells` in its own shape."""
        reading = self.reading
        lookup, used, concealing = reading.lookup, reading.used, reading.concealing
        size = len(found)
        names = letters()
        first, last = found[0], found[-1]
        dense = bool(
            attribute and size <= MAX_COLUMNS
            and first[1] + first[2] == "A" + attribute
            and last[1] + last[2] == names[size - 1] + attribute
        )  # fmt: skip
        if (
            dense and "&" not in body and "_x" not in body
            and (not concealing or concealing.isdisjoint(map(_STYLE, found)))
        ):  # fmt: skip
            kinds = set(map(_KIND, found))
            if kinds <= _PLAIN:
                return [cell[5] or cell[6] for cell in found], None
            if kinds <= _PLAIN_OR_SHARED:
                return [
                    (typed_text(cell[5] or cell[6], "s", lookup, used) or "")
                    if cell[4] == "s"
                    else cell[5] or cell[6]
                    for cell in found
                ], None
        return self._cells(
            [(c[1] + c[2], c[4], c[3], c[5], c[6], "", "") for c in found], attribute
        )

    def _cells(
        self, found: list[tuple[str, ...]], attribute: str | None
    ) -> tuple[list[str], set[int] | None]:
        """Cells of any shape the grammar accepts (`Grammar.cells`)."""
        reading = self.reading
        lookup, used, concealing = reading.lookup, reading.used, reading.concealing
        names = letters()
        size = len(found)
        dense = bool(
            size and attribute and size <= MAX_COLUMNS
            and found[0][0] == "A" + attribute
            and found[-1][0] == names[size - 1] + attribute
            and all(map(_REF, found))  # the parser counts only cells with a reference
        )  # fmt: skip
        values: list[str] = [""] * size if dense else []
        concealed: set[int] | None = None
        columns = self.columns
        for position, (ref, kind, style, v, inline, other, junk) in enumerate(found):
            if junk:
                raise Fallback
            if dense:
                column = position
            else:
                if not ref:
                    column = len(values)
                else:
                    column = columns.get(ref.rstrip(DIGITS), -1)
                    if column < 0:
                        column = column_at(ref, columns, len(values))
                if column >= MAX_COLUMNS:
                    continue
            if v:
                text: str | None = resolve(v) if "&" in v else v
            elif inline:
                text = unescape(resolve(inline))
            elif other and "<" in other:
                text = self._content(other)
            else:
                continue
            if not text:
                continue
            if kind:
                text = typed_text(text, kind, lookup, used)
                if text is None:
                    continue
            concealed = put(
                values, column, text, dense, concealed, bool(concealing) and style in concealing
            )
        return values, concealed

    def _content(self, content: str) -> str | None:
        """A cell with rich text, a formula or an extension: parsed alone, read as the parser
        reads it."""
        start, end = self.grammar.wrap
        try:
            cell = parse((start + content + end).encode("utf-8"))
        except UnreadableDocument as error:
            raise Fallback from error
        if not len(cell):
            return None
        return cell_text(cell, self.grammar.v_tag, self.grammar.is_tag)
