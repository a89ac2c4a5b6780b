"""The XML the fast row reader accepts: checked text, and the row and cell patterns it compiles."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lxml import etree

# Control characters XML 1.0 forbids, and carriage returns (which the parser would normalise).
_KEEP = bytes(b for b in range(256) if b not in (*range(9), 11, 12, *range(13, 32)))
_BAD_TEXT = (b"<!", b"<?", b"]]>", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
_REFERENCE = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_STRAY_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class Fallback(Exception):
    """The sheet holds something the fast reader does not read exactly as the parser does."""


def read_blocks(member: IO[bytes], size: int) -> Iterator[bytes]:
    """A part's decompressed bytes, `size` at a time; a damaged stream hands the part to the
    parser (which then says how it is broken)."""
    while True:
        try:
            block = member.read(size)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise Fallback from error
        if not block:
            return
        yield block


def check_text(data: bytes) -> str:
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


def resolve(text: str) -> str:
    """Text with its predefined entities and character references replaced."""
    return _REFERENCE.sub(_entity, text) if "&" in text else text


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns for the rows and cells of one namespace setup, and their tags."""

    rows: re.Pattern[str]
    cells: re.Pattern[str]
    row_end: str
    head: re.Pattern[str]
    """A row's start tag (after any whitespace); group 2 is "/" for a row with no cells."""
    lane: re.Pattern[str]
    """The cell shapes producers write: attributes r, s, t in that order, then no content, a
    `<v>` or a one-`<t>` inline string. Groups: the whole cell, column letters, row digits,
    style, type, value, inline text. A row whose cells, end to end, are exactly these matches
    is read from them; any other row goes through `cells`."""
    wrap: tuple[str, str]
    """Start and end tags that make a cell's content a document of its own."""
    v_tag: str
    is_tag: str


_GRAMMARS: dict[tuple[str, tuple[tuple[str, str], ...]], Grammar] = {}


def compile_grammar(sheet_data: etree._Element) -> Grammar:
    """The patterns for the rows inside `sheet_data`, compiled once per prefix and namespaces."""
    prefix = sheet_data.prefix or ""
    spaces = tuple(sorted((k or "", v) for k, v in sheet_data.nsmap.items()))
    key = (prefix, spaces)
    if key not in _GRAMMARS:
        _GRAMMARS[key] = _compile(prefix, spaces, etree.QName(sheet_data).namespace or "")
    return _GRAMMARS[key]


def _compile(prefix: str, spaces: tuple[tuple[str, str], ...], uri: str) -> Grammar:
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
    lane = (
        rf'(<{p}c r="([A-Z]{{1,3}})([1-9][0-9]{{0,6}})"(?: s="([0-9]{{1,5}})")?'
        rf'(?: t="([a-zA-Z]{{1,9}})")?(?:/>|><{p}v>([^<]*)</{p}v></{p}c>'
        rf'|><{p}is><{p}t(?: xml:space="preserve")?>([^<]*)</{p}t></{p}is></{p}c>))'
    )
    head = rf"[ \t\n]*<{p}row((?:[ \t\n]+{name}[ \t\n]*=[ \t\n]*{value})*)[ \t\n]*(/?)>"
    declarations = "".join(f' xmlns{":" + k if k else ""}="{_escape(v)}"' for k, v in spaces)
    tag = f"{prefix}:c" if prefix else "c"
    namespace = "{" + uri + "}" if uri else ""
    return Grammar(
        re.compile(rows, re.S),
        re.compile(cells, re.S),
        f"</{prefix + ':' if prefix else ''}row>",
        re.compile(head),
        re.compile(lane),
        (f"<{tag}{declarations}>", f"</{tag}>"),
        namespace + "v",
        namespace + "is",
    )


def _until(tag: str) -> str:
    """Everything up to the first closing `tag`, written so the engine does not backtrack."""
    return rf"[^<]*(?:<(?!/{tag}>)[^<]*)*"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
