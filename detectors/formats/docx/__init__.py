"""Word documents (.docx): body, tables, notes, headers, comments and every hiding place.

Field codes (`w:instrText`) are reported as hidden text: a reader sees the field's result,
never its code, and codes carry mail-merge sources and `mailto:` links.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._grid import HiddenCells
from detectors.formats._ooxml import (
    external_targets,
    inspect_charts,
    inspect_custom_xml,
    inspect_diagrams,
    inspect_embeddings,
    inspect_mail_links,
    inspect_properties,
    label,
    rels_of,
)
from detectors.formats._tally import tallied
from detectors.formats._xml import parse
from detectors.formats.docx._runs import W, sort_paragraph
from detectors.formats.docx._styles import Styles, read_styles
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Vector

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_BLOCKS = {f"{{{W}}}p", f"{{{W}}}tbl"}
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
"""The same content again for older readers: read once, from its Choice."""
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass
class _Story:
    """Counters and anchors gathered while walking one story (body, header, note…)."""

    place: str
    styles: Styles
    paragraphs: int = 0
    tables: int = 0
    comment_anchors: dict[str, int] = field(default_factory=dict)
    sections: list[etree._Element] = field(default_factory=list)


def inspect_docx(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the text of every story of a Word document, sorted by vector."""
    return tallied(_inspect_docx(data, name, budget))


def _inspect_docx(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    with open_zip(data, budget) as archive:
        styles = _styles(archive)
        document = parse(archive.read("word/document.xml"))
        body = _Story("", styles)
        yield from _walk(document, body, budget)
        yield from _alt_texts(document, "")
        yield from _revision_authors(document)
        yield from _headers_and_footers(archive, body, styles, budget)
        yield from _notes(archive, styles, budget)
        yield from _comments(archive, body.comment_anchors, styles)
        yield from _document_variables(archive)
        yield from inspect_mail_links(archive, "word/")
        yield from inspect_properties(archive)
        yield from inspect_custom_xml(archive)
        yield from inspect_charts(archive, "word/charts/")
        yield from inspect_diagrams(archive, "word/diagrams/")
        yield from inspect_embeddings(archive, "word/embeddings/")


def _walk(root: etree._Element, story: _Story, budget: Budget) -> Iterator[Item]:
    """Yield paragraphs and tables in reading order, descending through content controls."""
    stack = [iter(root)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if element.tag == f"{{{W}}}p":
            story.paragraphs += 1
            yield from _paragraph(element, story)
        elif element.tag == f"{{{W}}}tbl":
            story.tables += 1
            budget.check()
            yield from _table(element, story)
        elif element.tag == f"{{{W}}}sectPr":
            story.sections.append(element)
        elif isinstance(element.tag, str) and len(element) and element.tag != _FALLBACK:
            stack.append(iter(element))


def _paragraph(element: etree._Element, story: _Story) -> Iterator[Item]:
    where = f"{story.place}paragraph {story.paragraphs}"
    for mark in element.iter(f"{{{W}}}commentRangeStart", f"{{{W}}}commentReference"):
        story.comment_anchors.setdefault(mark.get(f"{{{W}}}id", ""), story.paragraphs)
    section = element.find(f"{{{W}}}pPr/{{{W}}}sectPr")
    if section is not None:
        story.sections.append(section)
    sorted_text = sort_paragraph(element, story.styles)
    for vector in sorted_text.vectors():
        prefix = "field codes in " if _is_field(element, vector) else ""
        yield Text(sorted_text.text(vector), vector, prefix + where)


def _is_field(element: etree._Element, vector: Vector) -> bool:
    return vector is Vector.HIDDEN_TEXT and (
        element.find(f".//{{{W}}}instrText") is not None
        or element.find(f".//{{{W}}}fldSimple") is not None
    )


def _table(element: etree._Element, story: _Story) -> Iterator[Item]:
    where = f"{story.place}table {story.tables}"
    rows: list[tuple[str, ...]] = []
    others = HiddenCells(where)
    for row_number, row in enumerate(_own(element, "tr"), start=1):
        cells: list[str] = []
        for column, cell in enumerate(_own(row, "tc"), start=1):
            visible: list[str] = []
            for paragraph in cell.iter(f"{{{W}}}p"):
                sorted_text = sort_paragraph(paragraph, story.styles)
                visible.append(sorted_text.text(Vector.PAGE_TEXT))
                for v in sorted_text.vectors():
                    if v is not Vector.PAGE_TEXT:
                        others.add(v, row_number, column, sorted_text.text(v))
            cells.append("\n".join(t for t in visible if t))
        rows.append(tuple(cells))
    if rows:
        yield Table(where, Vector.PAGE_TEXT, rows[0], iter(rows[1:]), first_row=2)
    yield from others.items()


def _own(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children named `tag`, looking through content-control wrappers but not nested tables."""
    for child in element:
        if child.tag == f"{{{W}}}{tag}":
            yield child
        elif child.tag in (f"{{{W}}}sdt", f"{{{W}}}sdtContent", f"{{{W}}}customXml"):
            yield from _own(child, tag)


def _alt_texts(root: etree._Element, place: str) -> Iterator[Item]:
    for number, picture in enumerate(root.iter(f"{{{WP}}}docPr"), start=1):
        for attribute in ("descr", "title"):
            value = (picture.get(attribute) or "").strip()
            if value:
                yield Text(value, Vector.METADATA, f"{place}alt text of drawing {number}")


def _revision_authors(root: etree._Element) -> Iterator[Item]:
    authors: dict[str, None] = {}
    for element in root.iter(*(f"{{{W}}}{tag}" for tag in _REVISIONS)):
        author = element.get(f"{{{W}}}author")
        if author:
            authors.setdefault(author.strip())
    for number, author in enumerate(authors, start=1):
        yield Text(author, Vector.METADATA, f"author {number} of tracked changes")


def _headers_and_footers(
    archive: SafeZip, body: _Story, styles: Styles, budget: Budget
) -> Iterator[Item]:
    rels = rels_of(archive, "word/document.xml")
    places: dict[str, str] = {}
    for number, section in enumerate(body.sections, start=1):
        for reference in section:
            kind = reference.tag.rsplit("}", 1)[-1].replace("Reference", "")
            part = rels.get(reference.get(f"{{{R}}}id", ""))
            if kind in ("header", "footer") and part:
                what = label(reference.get(f"{{{W}}}type", "default"))
                places.setdefault(part, f"{kind} ({what}) of section {number}")
    parts = archive.matching("word/header", ".xml") + archive.matching("word/footer", ".xml")
    for part in parts:
        place = places.get(part, f"unused {part.removeprefix('word/').removesuffix('.xml')}")
        root = parse(archive.read(part))
        yield from _walk(root, _Story(place + ", ", styles), budget)
        yield from _alt_texts(root, place + ", ")


def _notes(archive: SafeZip, styles: Styles, budget: Budget) -> Iterator[Item]:
    for kind in ("footnote", "endnote"):
        part = f"word/{kind}s.xml"
        if not archive.has(part):
            continue
        for note in parse(archive.read(part)).iter(f"{{{W}}}{kind}"):
            if note.get(f"{{{W}}}type") in _NOTE_SKIP:
                continue
            story = _Story(f"{kind} {label(note.get(f'{{{W}}}id', '?'))}, ", styles)
            yield from _walk(note, story, budget)


def _comments(archive: SafeZip, anchors: dict[str, int], styles: Styles) -> Iterator[Item]:
    for part in archive.matching("word/comments", ".xml"):
        for number, comment in enumerate(parse(archive.read(part)).iter(f"{{{W}}}comment"), 1):
            identifier = comment.get(f"{{{W}}}id", "")
            anchor = anchors.get(identifier)
            where = f"comment {number}" + (f" on paragraph {anchor}" if anchor else "")
            texts = [
                sort_paragraph(p, Styles()).text(Vector.PAGE_TEXT)
                for p in comment.iter(f"{{{W}}}p")
            ]
            text = "\n".join(t for t in texts if t)
            if text:
                yield Text(text, Vector.COMMENT, where)
            author = (comment.get(f"{{{W}}}author") or "").strip()
            if author:
                yield Text(author, Vector.METADATA, f"author of {where}")
    if archive.has("word/people.xml"):
        people = parse(archive.read("word/people.xml")).iter(f"{{{W15}}}person")
        for number, person in enumerate(people, start=1):
            values = [person.get(f"{{{W15}}}author", "")] + [
                info.get(f"{{{W15}}}userId", "") for info in person
            ]
            text = "\n".join(v for v in values if v.strip())
            if text:
                yield Text(text, Vector.METADATA, f"person {number} in the reviewers list")


def _document_variables(archive: SafeZip) -> Iterator[Item]:
    if not archive.has("word/settings.xml"):
        return
    settings = parse(archive.read("word/settings.xml"))
    for number, variable in enumerate(settings.iter(f"{{{W}}}docVar"), start=1):
        value = variable.get(f"{{{W}}}val", "").strip()
        if value:
            yield Text(value, Vector.METADATA, f"document variable {number}")
    for number, target in enumerate(external_targets(archive, "word/settings.xml"), start=1):
        # An attached template's path usually runs through the author's own user folder.
        yield Text(target, Vector.METADATA, f"template path {number}")
    if settings.find(f"{{{W}}}trackRevisions") is not None:
        yield Structure(Vector.TRACKED_CHANGE, "settings", "track changes is switched on")


def _styles(archive: SafeZip) -> Styles:
    """The document's styles, so runs that take white or hidden formatting from them count."""
    if not archive.has("word/styles.xml"):
        return read_styles(None)
    return read_styles(parse(archive.read("word/styles.xml")))
