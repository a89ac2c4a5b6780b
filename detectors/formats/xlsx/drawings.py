"""Text drawn over a sheet: text boxes, shapes and their groups (`xl/drawings/drawingN.xml`,
the sheet's "drawing" relationship). They float over the cells, so a name typed into a box
is no cell of any table; it shows where the sheet shows, hidden with a hidden sheet."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import local
from detectors.formats.xlsx.parts import read_small
from detectors.formats.xlsx.workbook import Workbook
from detectors.model import Item, Text, Unread, Vector


def inspect_drawings(zf: SafeZip, book: Workbook) -> Iterator[Item]:
    """Each sheet's drawn text, one line a paragraph, one text a sheet."""
    for sheet in book.sheets:
        for rel in sheet.rels(zf).values():
            if rel.kind != "drawing" or rel.external or not zf.has(rel.target):
                continue
            zf.budget.check()
            where = f"sheet '{sheet.name}', drawing"
            try:
                root = read_small(zf, rel.target)
            except UnreadableDocument as error:
                yield Unread(where, str(error), vector=sheet.state)
                continue
            lines = [] if root is None else _paragraphs(root)
            shown = sheet.state is Vector.CELL
            if lines:
                yield Text("\n".join(lines), Vector.PAGE_TEXT if shown else sheet.state, where)


def _paragraphs(root: etree._Element) -> list[str]:
    """The text of each DrawingML paragraph (`a:p`) in the drawing, in order."""
    lines: list[str] = []
    for element in root.iter():
        if isinstance(element.tag, str) and local(element.tag) == "p":
            text = "".join(
                "\n" if local(node.tag) == "br" else node.text or ""
                for node in element.iter()
                if isinstance(node.tag, str) and local(node.tag) in ("t", "br")
            )
            lines.extend(line.strip() for line in text.splitlines() if line.strip())
    return lines
