"""The hardened pull parser over a worksheet's parts around `<sheetData>`, for the fast reader."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from detectors.formats._sheet import Layout
from detectors.formats._xml import pull_parser
from detectors.formats.xlsx.fastgrammar import Fallback

_TAGS = (
    "{*}row",
    "{*}col",
    "{*}dimension",
    "{*}sheetFormatPr",
    "{*}autoFilter",
    "{*}headerFooter",
    "{*}dataValidation",
    "{*}sheetData",
)
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml\s[^?>]*\?>")
_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"']*)[\"']")

Note = Callable[[Layout, etree._Element], None]
"""Tells the layout what a sheet element other than a row says (`sheets.note`)."""


class Pull:
    """The hardened pull parser over everything but the rows."""

    def __init__(self, layout: Layout, note: Note) -> None:
        self.layout = layout
        self.note = note
        self.started = False
        self.parser = pull_parser(_TAGS, ("start", "end"))

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
