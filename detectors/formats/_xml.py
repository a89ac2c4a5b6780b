"""Streaming XML parsing that never expands entities, loads DTDs or touches the network."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree

from detectors.errors import DocumentTooLarge, UnreadableDocument
from detectors.limits import MB, WHOLE_XML_BYTES

_HARDENED = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": True,
    "remove_comments": False,
}
"""Every parser here: no entity expansion, no DTD, no network; deep trees allowed."""


def iterparse(
    source: IO[bytes], tags: tuple[str, ...] | str | None = None, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, etree._Element]]:
    """lxml's iterparse, hardened; malformed XML becomes `UnreadableDocument`."""
    parser = etree.iterparse(source, events=events, tag=tags, **_HARDENED)
    try:
        yield from parser
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(malformed(error)) from error


def pull_parser(tags: tuple[str, ...], events: tuple[str, ...]) -> etree.XMLPullParser:
    """lxml's pull parser, hardened as `iterparse` is; the caller handles its syntax errors."""
    return etree.XMLPullParser(events=events, tag=tags, **_HARDENED)


def parse(data: bytes) -> etree._Element:
    """Parse a small part whole (metadata, workbook.xml); large parts go through iterparse.
    A part over `WHOLE_XML_BYTES` is refused with DocumentTooLarge."""
    _check_whole(data)
    parser = etree.XMLParser(recover=False, **_HARDENED)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(malformed(error)) from error


def recovered(data: bytes) -> etree._Element | None:
    """A malformed small part parsed as far as lxml's recovering parser gets (bad character
    references and bytes dropped, open elements closed), or None when nothing comes out.
    Hardened and size-limited as `parse` is."""
    _check_whole(data)
    parser = etree.XMLParser(recover=True, **_HARDENED)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None  # nothing at all recoverable (no element before the damage)


def _check_whole(data: bytes) -> None:
    if len(data) > WHOLE_XML_BYTES:
        raise DocumentTooLarge(
            f"an XML part of {len(data) / MB:,.0f} MB is over the "
            f"{WHOLE_XML_BYTES / MB:,.0f} MB read whole"
        )


def malformed(error: etree.XMLSyntaxError) -> str:
    """The reason for a syntax error without lxml's message, which quotes the text it met."""
    line = getattr(error, "lineno", None)
    return f"malformed XML (line {line})" if line else "malformed XML"


def local(tag: object) -> str:
    """The tag without its namespace: '{ns}row' -> 'row'."""
    text = str(tag)
    return text.rsplit("}", 1)[-1]


def free(element: etree._Element) -> None:
    """Drop a handled element and its finished siblings so memory stays flat while streaming."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
