"""Cell- and row-level reading shared by the parsed and the fast worksheet readers."""

from __future__ import annotations

from collections.abc import Callable
from string import ascii_uppercase

from lxml import etree

from detectors.formats._sheet import MAX_COLUMNS, split_ref
from detectors.formats.xlsx.strings import unescape

DIGITS = "0123456789"
_TRUE = ("1", "true")
_LETTERS: list[str] = []


def letters() -> list[str]:
    """Every column letter, A to XFD, built once: A…Z, then AA…ZZ, then AAA…XFD."""
    if not _LETTERS:
        one = ascii_uppercase
        two = [a + b for a in one for b in one]
        _LETTERS.extend([*one, *two, *(ab + c for ab in two for c in one)][:MAX_COLUMNS])
    return _LETTERS


def column_at(ref: str, cache: dict[str, int], fallback: int) -> int:
    """The 0-based column of a cell reference, remembered by its letters; `fallback` when the
    reference names no column."""
    key = ref.rstrip(DIGITS)
    try:
        column = split_ref(ref)[0]
    except ValueError:
        return fallback
    if column < 0:
        return fallback
    cache[key] = column
    return column


def row_hint(get: Callable[[str], str | None], zero_height: bool) -> object:
    """None for a shown row; for a hidden one (hidden="1", or no height where rows default to
    zero height) its outline level, 0 outside an outline. `get` reads the row's attributes."""
    hidden = get("hidden")
    if (hidden is not None and hidden in _TRUE) or (zero_height and not get("ht")):
        level = get("outlineLevel")
        return int(level) if level and level.isdigit() else 0
    return None


def put(
    values: list[str], column: int, text: str, dense: bool, concealed: set[int] | None, hides: bool
) -> set[int] | None:
    """Store a cell's text at its column (growing a sparse row), and note the column when the
    cell's format hides it; the concealed set, created on the first such cell."""
    if not dense:
        size = len(values)
        if column >= size:
            values.extend([""] * (column - size + 1))
    values[column] = text
    if hides:
        if concealed is None:
            concealed = set()
        concealed.add(column)
    return concealed


def typed_text(
    text: str, kind: str | None, lookup: Callable[[int], str], used: bytearray
) -> str | None:
    """A cell's stored text as its type shows it: a shared string by its index (marked used;
    None when the index names no string), a boolean as TRUE or FALSE, anything else as is."""
    if kind == "s":
        try:
            index = int(text)
            text = lookup(index)
            used[index] = 1
        except (ValueError, IndexError):
            return None
    elif kind == "b":
        return "TRUE" if text == "1" else "FALSE"
    return text


def cell_text(cell: etree._Element, v_tag: str, is_tag: str) -> str | None:
    """The stored text of a cell with children: its last child when that is <v> or <is>,
    else the first <v> or <is> (an extension follows the value)."""
    child = cell[len(cell) - 1]
    if child.tag == v_tag:
        return child.text
    if child.tag == is_tag:
        return inline_text(child)
    for child in cell:
        if child.tag == v_tag:
            return child.text
        if child.tag == is_tag:
            return inline_text(child)
    return None


def inline_text(inline: etree._Element) -> str:
    """Text of <is>: one <t>, or rich-text runs <r><t>…</t></r>; phonetic <rPh> is skipped."""
    if len(inline) == 1 and str(inline[0].tag).endswith("}t"):
        return unescape(inline[0].text or "")
    parts: list[str] = []
    for child in inline:
        name = str(child.tag).rsplit("}", 1)[-1]
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(g.text or "" for g in child if str(g.tag).endswith("}t") or g.tag == "t")
    return unescape("".join(parts))
