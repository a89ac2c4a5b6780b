"""odp (OpenDocument presentation): slides, hidden slides, speaker notes, comments, tables,
slides' names.

content.xml is streamed one slide (`draw:page`) at a time. A slide is hidden when its page
style has `presentation:visibility="hidden"`; its speaker notes are `presentation:notes`.
Master slides' own frames are read; their placeholders hold only prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._odf import (
    DRAW,
    OFFICE,
    PRESENTATION,
    STYLE,
    embedded_objects,
    meta,
    refuse_encrypted,
)
from detectors.formats._tally import tallied
from detectors.formats._xml import free, local
from detectors.formats.odt import OdfReader, OdfStyles, Story, read_styles
from detectors.formats.xlsx.parts import stream
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Unread, Vector

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
        common, master = read_styles(zf)
        yield from _slides(zf, OdfReader(OdfStyles(common), budget), budget)
        if isinstance(master, Unread):
            yield master
        elif master is not None:
            yield from _masters(master, OdfReader(OdfStyles(common), budget))
        yield from embedded_objects(zf, budget)


def _slides(zf: SafeZip, reader: OdfReader, budget: Budget) -> Iterator[Item]:
    automatic = f"{{{OFFICE}}}automatic-styles"
    presentation = f"{{{OFFICE}}}presentation"
    slides = 0
    names: list[str] = []
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
                names.append(_own_name(element.get(f"{{{DRAW}}}name") or "", slides))
            elif isinstance(element.tag, str) and local(element.tag) in _DECLARATIONS:
                text = "".join(element.itertext()).strip()
                if text and element.tag.startswith(f"{{{PRESENTATION}}}"):
                    kind = _DECLARATIONS[local(element.tag)]
                    yield Text(text, Vector.PAGE_TEXT, f"{kind} of slides")
            free(element)
    if any(names):
        yield Text("\n".join(n for n in names if n), Vector.METADATA, "slide names")


def _own_name(name: str, number: int) -> str:
    """A slide's name as the presenter typed it in the navigator, or "" for the name LibreOffice
    gives every slide ("page3", "Slide 3")."""
    name = name.strip()
    return "" if re.fullmatch(rf"(?:page|slide) ?{number}", name, re.IGNORECASE) else name


def _masters(root: etree._Element, reader: OdfReader) -> Iterator[Item]:
    """The frames a master slide draws on every slide built on it (a logo's caption, a
    presenter's name); its placeholders (`presentation:class`) hold only prompts."""
    automatic = root.find(f"{{{OFFICE}}}automatic-styles")
    for element in automatic if automatic is not None else ():
        reader.styles.add(element)
    for number, page in enumerate(root.iter(f"{{{STYLE}}}master-page"), start=1):
        for shape in page:
            if isinstance(shape.tag, str) and shape.get(f"{{{PRESENTATION}}}class") is None:
                yield from reader.blocks(shape, Vector.PAGE_TEXT, Story(f"master slide {number}, "))
