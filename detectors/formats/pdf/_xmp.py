"""A PDF's XMP metadata packet: every property value, from a malformed packet as far as it goes.

Producers write broken packets often enough (a raw control character in a character reference,
a byte of the wrong encoding, a packet cut short): such a packet is parsed again by lxml's
recovering parser, and the text between its tags is searched too for what that parser drops.
A packet is unread only when nothing at all can be recovered from it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from detectors.errors import UnreadableDocument
from detectors.formats._ooxml import label
from detectors.formats._xml import local, parse, recovered
from detectors.limits import MB
from detectors.model import Item, Text, Unread, Vector

WHERE = "XMP metadata"
MAX_SEARCHED = 1 * MB
"""Bytes of a malformed packet searched for text between its tags."""
_TEXTUAL = 0.9
"""Share of printable characters from which a malformed packet is text, not binary data."""
_MARKUP = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"\w\w")
_CONTAINERS = ("li", "Seq", "Bag", "Alt")
_SYNTAX = (
    "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}",
    "{http://www.w3.org/XML/1998/namespace}",
)
"""Attributes of RDF's own syntax (rdf:about, xml:lang), which are not properties."""


def inspect_xmp(data: bytes) -> Iterator[Item]:
    """Yield each value of the packet `data` with the property it belongs to."""
    if not data.strip(b" \t\r\n\x00"):
        return
    try:
        root = parse(data)
    except UnreadableDocument:
        yield from _malformed(data)
        return
    for name, value in _values(root):
        yield Text(value, Vector.METADATA, f"{WHERE} '{label(name)}'")


def _malformed(data: bytes) -> Iterator[Item]:
    root = recovered(data)
    values = list(_values(root)) if root is not None else []
    for name, value in values:
        yield Text(value, Vector.METADATA, f"{WHERE} '{label(name)}'")
    known = {line.strip() for _, value in values for line in value.splitlines()}
    loose = [line for line in _between_tags(data) if line not in known]
    if loose:
        yield Text("\n".join(loose), Vector.METADATA, f"{WHERE} (text between damaged tags)")
    if root is None and not values and not loose:
        yield Unread(WHERE, "malformed XML: no text could be recovered", vector=Vector.METADATA)


def _values(root: Any) -> Iterator[tuple[str, str]]:
    """(property, value) of each value element, and of each property a description holds as
    an attribute (RDF's short form: `<rdf:Description pdf:Author="...">`)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if len(element) == 0 and (element.text or "").strip():
            yield _property(element), (element.text or "").strip()
        if local(element.tag) == "Description":
            for name, value in element.attrib.items():
                if not str(name).startswith(_SYNTAX) and value.strip():
                    yield local(name), value.strip()


def _property(element: Any) -> str:
    """The property an XMP value belongs to: 'creator' for dc:creator/rdf:Seq/rdf:li."""
    while local(element.tag) in _CONTAINERS and element.getparent() is not None:
        element = element.getparent()
    return local(element.tag)


def _between_tags(data: bytes) -> list[str]:
    """The lines of text outside the markup of a packet no XML parser reads whole, or none
    when the packet is binary data rather than damaged text."""
    text = data[:MAX_SEARCHED].decode("utf-8", errors="replace")
    shown = sum(1 for char in text if char.isprintable() or char in "\t\r\n")
    if shown - text.count("\ufffd") < _TEXTUAL * len(text):
        return []
    lines = []
    for line in html.unescape(_MARKUP.sub("\n", text)).splitlines():
        kept = "".join(c for c in line if c.isprintable() and c != "\ufffd").strip()
        if _WORD.search(kept):
            lines.append(kept)
    return list(dict.fromkeys(lines))
