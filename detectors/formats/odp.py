"""odp (OpenDocument presentation): slides, hidden slides, speaker notes, comments, tables.

content.xml is streamed one slide (`draw:page`) at a time. A slide is hidden when its page
style has `presentation:visibility="hidden"`; its speaker notes are `presentation:notes`.
Master pages (layout placeholders) are not read.
"""

from __future__ import annotations

from collections.abc import Iterator

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._odf import (
    DRAW,
    OFFICE,
    PRESENTATION,
    embedded_objects,
    meta,
    refuse_encrypted,
)
from detectors.formats._tally import tallied
from detectors.formats._xml import free, local
from detectors.formats.odt import OdfReader, OdfStyles, Story, read_styles
from detectors.formats.xlsx.parts import stream
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Vector

_DECLARATIONS = {"header-decl": "header", "footer-decl": "footer", "date-time-decl": "date"}


def inspect_odp(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every slide's text, notes and comments, then metadata and embedded files."""
    return tallied(_inspect_odp(data, budget), skip=frozenset({Vector.TRACKED_CHANGE}))


def _inspect_odp(data: bytes, budget: Budget) -> Iterator[Item]:
    with open_zip(data, budget) as zf:
        refuse_encrypted(zf)
        if not zf.has("content.xml"):
            raise UnreadableDocument("the presentation has no content.xml")
        yield from meta(zf)
        common, _ = read_styles(zf)
        yield from _slides(zf, OdfReader(OdfStyles(common), budget), budget)
        yield from embedded_objects(zf, budget)


def _slides(zf: SafeZip, reader: OdfReader, budget: Budget) -> Iterator[Item]:
    automatic = f"{{{OFFICE}}}automatic-styles"
    presentation = f"{{{OFFICE}}}presentation"
    slides = 0
    for number, (_, element) in enumerate(stream(zf, "content.xml", None)):
        if not number % 4096:
            budget.check()
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag == automatic:
            reader.styles.add(element)
        elif parent.tag == presentation:
            if element.tag == f"{{{DRAW}}}page":
                slides += 1
                budget.check()
                style = element.get(f"{{{DRAW}}}style-name") or ""
                hidden = style in reader.styles.hidden_pages
                vector = Vector.HIDDEN_SLIDE if hidden else Vector.PAGE_TEXT
                if hidden:
                    yield Structure(Vector.HIDDEN_SLIDE, f"slide {slides}", "hidden slide")
                yield from reader.blocks(element, vector, Story(f"slide {slides}, "))
            elif isinstance(element.tag, str) and local(element.tag) in _DECLARATIONS:
                text = "".join(element.itertext()).strip()
                if text and element.tag.startswith(f"{{{PRESENTATION}}}"):
                    kind = _DECLARATIONS[local(element.tag)]
                    yield Text(text, Vector.PAGE_TEXT, f"{kind} of slides")
            free(element)
