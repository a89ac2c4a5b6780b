"""Worksheet rows read straight from the sheet bytes, for the shapes producers actually write.

The part before `<sheetData>` and the part after it go through lxml's pull parser (hardened as
`_xml.iterparse`); the rows in between are cut from large decompressed blocks with compiled
regular expressions, one findall per block for the rows and one per row for the cells. The
grammar accepted here is a strict subset of well-formed XML: double-quoted attributes without
references, namespace prefixes declared before `<sheetData>`, the five predefined entities and
valid character references only, no comments, CDATA, processing instructions or carriage
returns, valid UTF-8. Anything else raises `Fallback` and the caller hands the sheet to the
XML parser, which then reads it exactly as before. Cells with content other than a plain
`<v>` or a one-`<t>` inline string are parsed alone with the hardened parser.
"""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import IO

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._sheet import MAX_COLUMNS, Layout, Row
from detectors.formats._xml import parse
from detectors.formats.xlsx.cells import DIGITS, cell_text, column_at, letters
from detectors.formats.xlsx.strings import unescape
from detectors.limits import Budget

_BLOCK = 2 * 1024 * 1024
_MAX_PENDING = 64 * 1024 * 1024
"""Bytes of one row (or of the part before the rows) beyond which the parser takes over."""
_TRUE = ("1", "true")
_TAGS = ("{*}row", "{*}col", "{*}dimension", "{*}sheetFormatPr", "{*}autoFilter", "{*}sheetData")
_SHEET_DATA = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?sheetData(?=[\s/>])")
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml\s[^?>]*\?>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")
# Control characters XML 1.0 forbids, and carriage returns (which the parser would normalise).
_KEEP = bytes(b for b in range(256) if b not in (*range(9), 11, 12, *range(13, 32)))
_BAD_TEXT = (b"<!", b"<?", b"]]>", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
_REFERENCE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_STRAY_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ROW_ATTRIBUTE = re.compile(r'([\w.:-]+)\s*=\s*"([^"]*)"')
_REF = itemgetter(0)


class Fallback(Exception):
    """The sheet holds something the fast reader does not read exactly as the parser does."""


@dataclass(frozen=True)
class CellReading:
    """What cell values are resolved with: shared strings, their use flags, concealing styles."""

    lookup: Callable[[int], str]
    used: bytearray
    concealing: frozenset[str]
    budget: Budget


Note = Callable[[Layout, etree._Element], None]


def fast_rows(
    zf: SafeZip, path: str, cells: CellReading, layout: Layout, note: Note
) -> Iterator[Row]:
    """The rows of one sheet part, in order, filling `layout` as the parser would."""
    with zf.open(path) as member:
        yield from _read(member, cells, layout, note)


def _blocks(member: IO[bytes]) -> Iterator[bytes]:
    while True:
        try:
            block = member.read(_BLOCK)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise Fallback from error
        if not block:
            return
        yield block


def _read(member: IO[bytes], cells: CellReading, layout: Layout, note: Note) -> Iterator[Row]:
    blocks = _blocks(member)
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
    parser = _Pull(layout, note)
    sheet_data = parser.head(head, found.group(1))
    grammar = _grammar(sheet_data)
    prefix = (found.group(1) or b"").decode() + (":" if found.group(1) else "")
    end_tag = f"</{prefix}sheetData".encode()
    row_start = f"<{prefix}row".encode()
    reader = _Rows(grammar, cells, layout)
    for block in itertools.chain([b""], blocks):
        pending += block
        end = pending.find(end_tag)
        if end >= 0:
            yield from reader.rows(_checked(pending[:end]))
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
        yield from reader.rows(_checked(pending[:cut]))
        pending = pending[cut:]
    raise Fallback  # the sheet data never ends: let the parser say how the part is broken


def _checked(data: bytes) -> str:
    """A block of rows as text, once nothing in it needs the parser's judgement."""
    if data.translate(None, _KEEP) or any(bad in data for bad in _BAD_TEXT):
        raise Fallback
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Fallback from error
    if "&" in text:
        if _STRAY_AMPERSAND.search(text):
            raise Fallback
        for _, decimal, hexadecimal in _REFERENCE.findall(text):
            if decimal or hexadecimal:
                _character(int(decimal, 10) if decimal else int(hexadecimal, 16))
    return text


def _character(code: int) -> str:
    if code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD:
        return chr(code)
    if 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    raise Fallback


def _entity(match: re.Match[str]) -> str:
    name, decimal, hexadecimal = match.groups()
    if name:
        return _NAMED[name]
    return _character(int(decimal, 10) if decimal else int(hexadecimal, 16))


def _resolve(text: str) -> str:
    return _REFERENCE.sub(_entity, text) if "&" in text else text


class _Pull:
    """The hardened pull parser over everything but the rows."""

    def __init__(self, layout: Layout, note: Note) -> None:
        self.layout = layout
        self.note = note
        self.started = False
        self.parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=_TAGS,
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=True,
            remove_comments=False,
        )

    def head(self, head: bytes, prefix: bytes | None) -> etree._Element:
        """Feed the part up to `<sheetData>`; the sheetData element, or Fallback."""
        declaration = _DECLARATION.match(head)
        rest = head[declaration.end() :] if declaration else head
        if b"<!" in rest or b"<?" in rest or head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise Fallback  # comments, DOCTYPE or CDATA could hide what looks like sheetData
        encoding = _ENCODING.search(declaration.group()) if declaration else None
        if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            raise Fallback
        events = self._feed(head)
        if not events or events[-1][0] != "start":
            raise Fallback
        element = events[-1][1]
        if etree.QName(element).localname != "sheetData" or (element.prefix or None) != (
            prefix.decode() if prefix else None
        ):
            raise Fallback
        return element

    def feed(self, data: bytes) -> None:
        self._feed(data)

    def close(self) -> None:
        try:
            self.parser.close()
        except etree.XMLSyntaxError as error:
            raise Fallback from error
        self._events()

    def _feed(self, data: bytes) -> list[tuple[str, etree._Element]]:
        try:
            self.parser.feed(data)
        except etree.XMLSyntaxError as error:
            raise Fallback from error
        return self._events()

    def _events(self) -> list[tuple[str, etree._Element]]:
        events: list[tuple[str, etree._Element]] = []
        for event, element in self.parser.read_events():
            name = etree.QName(element).localname
            if name == "row" or (name == "sheetData" and event == "start" and self.started):
                raise Fallback  # rows outside the one sheetData read here
            if name == "sheetData":
                self.started = True
            elif event == "end":
                self.note(self.layout, element)
            events.append((event, element))
        return events


@dataclass(frozen=True)
class _Grammar:
    rows: re.Pattern[str]
    cells: re.Pattern[str]
    wrap: tuple[str, str]
    """Start and end tags that make a cell's content a document of its own."""
    v_tag: str
    is_tag: str


_GRAMMARS: dict[tuple[str, tuple[tuple[str, str], ...]], _Grammar] = {}


def _grammar(sheet_data: etree._Element) -> _Grammar:
    prefix = sheet_data.prefix or ""
    spaces = tuple(sorted((k or "", v) for k, v in sheet_data.nsmap.items()))
    key = (prefix, spaces)
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _compile(prefix, spaces, etree.QName(sheet_data).namespace or "")
    return _GRAMMARS[key]


def _compile(prefix: str, spaces: tuple[tuple[str, str], ...], uri: str) -> _Grammar:
    p = re.escape(prefix + ":") if prefix else ""
    declared = [re.escape(k) for k, _ in spaces if k] + ["xml"]
    name = rf"(?:(?:{'|'.join(declared)}):)?(?!xmlns)[A-Za-z_][\w.-]*"
    value = r'"[^"<&\t\n]*"'
    rows = rf"<{p}row((?:\s+{name}\s*=\s*{value})*)\s*(?:/>|>({_until(p + 'row')})</{p}row>)|(\S)"
    cell_attributes = (
        rf"(?:\s+(?:(?(1)(?!))r\s*=\s*\"([^\"<&\s]+)\""
        rf"|(?(2)(?!))t\s*=\s*\"([^\"<&\t\n]*)\""
        rf"|(?(3)(?!))s\s*=\s*\"([^\"<&\t\n]*)\""
        rf"|(?![rts]\s*=){name}\s*=\s*{value}))*\s*"
    )
    cells = (
        rf"<{p}c{cell_attributes}(?:/>"
        rf"|><{p}v>([^<]*)</{p}v></{p}c>"
        rf"|><{p}is><{p}t(?:\s+xml:space\s*=\s*\"preserve\")?>([^<]*)</{p}t></{p}is></{p}c>"
        rf"|>({_until(p + 'c')})</{p}c>)|(\S)"
    )
    declarations = "".join(f' xmlns{":" + k if k else ""}="{_escape(v)}"' for k, v in spaces)
    tag = f"{prefix}:c" if prefix else "c"
    namespace = "{" + uri + "}" if uri else ""
    return _Grammar(
        re.compile(rows, re.S),
        re.compile(cells, re.S),
        (f"<{tag}{declarations}>", f"</{tag}>"),
        namespace + "v",
        namespace + "is",
    )


def _until(tag: str) -> str:
    """Everything up to the first closing `tag`, written so the engine does not backtrack."""
    return rf"[^<]*(?:<(?!/{tag}>)[^<]*)*"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class _Rows:
    """Rows from blocks of sheet data, built exactly as the parsed reader builds them."""

    def __init__(self, grammar: _Grammar, cells: CellReading, layout: Layout) -> None:
        self.grammar = grammar
        self.reading = cells
        self.layout = layout
        self.number = 0
        self.parsed = 0
        self.columns: dict[str, int] = {}

    def rows(self, block: str) -> Iterator[Row]:
        find_cells = self.grammar.cells.findall
        reading = self.reading
        lookup, used, concealing, budget = (
            reading.lookup, reading.used, reading.concealing, reading.budget
        )  # fmt: skip
        names = letters()
        zero_height = bool(getattr(self.layout, "zero_height", False))
        for attributes, body, bad in self.grammar.rows.findall(block):
            if bad:
                raise Fallback
            self.parsed += 1
            if not self.parsed % 512:
                budget.check()
            pairs = _ROW_ATTRIBUTE.findall(attributes) if attributes else []
            get = dict(pairs).get
            if len(pairs) > 1 and len(set(n for n, _ in pairs)) != len(pairs):
                raise Fallback  # a repeated attribute
            attribute = get("r")
            self.number = number = (
                int(attribute) if attribute and attribute.isdigit() else self.number + 1
            )
            hidden = get("hidden")
            hint: object = None
            if (hidden is not None and hidden in _TRUE) or (zero_height and not get("ht")):
                level = get("outlineLevel")
                hint = int(level) if level and level.isdigit() else 0
            found = find_cells(body) if body else []
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
                    text: str | None = _resolve(v) if "&" in v else v
                elif inline:
                    text = unescape(_resolve(inline))
                elif other and "<" in other:
                    text = self._content(other)
                else:
                    continue
                if not text:
                    continue
                if kind == "s":
                    try:
                        index = int(text)
                        text = lookup(index)
                        used[index] = 1
                    except (ValueError, IndexError):
                        continue
                elif kind == "b":
                    text = "TRUE" if text == "1" else "FALSE"
                if not dense:
                    length = len(values)
                    if column >= length:
                        values.extend([""] * (column - length + 1))
                values[column] = text
                if concealing and style in concealing:
                    if concealed is None:
                        concealed = set()
                    concealed.add(column)
            yield Row(number, values, hint, concealed)

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
