"""Cell formats that hide their value: a `;;;` number format, or a font the colour of its fill."""

from __future__ import annotations

import re

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import local
from detectors.formats.xlsx.parts import read_small

# Excel's legacy palette: the entries people use for "invisible" text, and the system colours.
_INDEXED = {
    "0": "000000",
    "1": "FFFFFF",
    "8": "000000",
    "9": "FFFFFF",
    "64": "000000",
    "65": "FFFFFF",
}
# Excel swaps the first theme pairs: 0 is lt1 (window background), 1 is dk1 (text).
_THEME = {"0": "FFFFFF", "1": "000000"}
_QUOTED = re.compile(r'"[^"]*"')
_NOISE = re.compile(r"\[[^\]]*\]|_.|\*.|\\ |\s")


def concealing_styles(zf: SafeZip, path: str | None) -> frozenset[str]:
    """Indexes (as the `s` attribute spells them) of cell formats that hide the value."""
    if path is None:
        return frozenset()
    try:
        root = read_small(zf, path)
    except UnreadableDocument:
        return frozenset()
    if root is None:
        return frozenset()
    formats: dict[str, str] = {}
    fonts: list[str | None] = []
    fills: list[str | None] = []
    xfs: list[etree._Element] = []
    for section in root:
        name = local(section.tag)
        if name == "numFmts":
            for fmt in section:
                formats[fmt.get("numFmtId") or ""] = fmt.get("formatCode") or ""
        elif name == "fonts":
            fonts = [_font_colour(font) for font in section]
        elif name == "fills":
            fills = [_fill_colour(fill) for fill in section]
        elif name == "cellXfs":
            xfs = list(section)
    hidden: set[str] = set()
    for index, xf in enumerate(xfs):
        code = formats.get(xf.get("numFmtId") or "0", "")
        font = _pick(fonts, xf.get("fontId"))
        fill = _pick(fills, xf.get("fillId"), default="FFFFFF")
        if hides_values(code) or (font is not None and font == fill):
            hidden.add(str(index))
    return frozenset(hidden)


def hides_values(code: str) -> bool:
    """True for a number format whose sections all render nothing (`;;;`, `"";"";""`)."""
    if ";" not in code:
        return False
    sections = _QUOTED.sub("", code).split(";")
    if len(sections) < 3:
        return False
    return all(not _NOISE.sub("", section) for section in sections)


def _pick(colours: list[str | None], index: str | None, default: str | None = None) -> str | None:
    if index is None or not index.isdigit():
        return default
    position = int(index)
    return colours[position] if position < len(colours) else default


def _colour(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    tint = element.get("tint")
    if tint and _number(tint):
        return f"tint:{element.get('theme')}:{element.get('rgb')}:{tint}"
    if element.get("rgb"):
        return (element.get("rgb") or "")[-6:].upper()
    if element.get("theme") is not None:
        theme = element.get("theme") or ""
        return _THEME.get(theme, f"theme:{theme}")
    if element.get("indexed") is not None:
        indexed = element.get("indexed") or ""
        return _INDEXED.get(indexed, f"indexed:{indexed}")
    if element.get("auto") in ("1", "true"):
        return "000000"
    return None


def _font_colour(font: etree._Element) -> str | None:
    colour = next((child for child in font if local(child.tag) == "color"), None)
    return _colour(colour) if colour is not None else "000000"


def _fill_colour(fill: etree._Element) -> str | None:
    pattern = next((child for child in fill if local(child.tag) == "patternFill"), None)
    if pattern is None:
        return None  # a gradient: never equal to one font colour
    kind = pattern.get("patternType") or "none"
    if kind == "none":
        return "FFFFFF"
    if kind != "solid":
        return None
    fg = next((child for child in pattern if local(child.tag) == "fgColor"), None)
    return _colour(fg) if fg is not None else "000000"


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0
