"""PowerPoint (.pptx): slide text, hidden slides, notes, comments, off-slide shapes, embeddings.

A shape counts as off the slide (concealed) when its box lies wholly outside the slide
area given by `p:sldSz`; a shape partly on the slide shows partly and counts as visible.
Shapes without their own position (placeholders inheriting the layout's) count as on it.
Inside groups the group's box decides, since child offsets are in the group's own space.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._ooxml import (
    inspect_charts,
    inspect_custom_xml,
    inspect_diagrams,
    inspect_embeddings,
    inspect_mail_links,
    inspect_properties,
    rel_types_of,
    rels_of,
)
from detectors.formats._tally import tallied
from detectors.formats._xml import local, parse
from detectors.limits import Budget
from detectors.model import Item, Table, Text, Unread, Vector

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NOTES_SKIP = {"sldImg", "sldNum"}
_NOTES_PAGE = {"hdr": "header", "ftr": "footer", "dt": "date"}


@dataclass(frozen=True)
class _Slide:
    number: int
    part: str
    vector: Vector
    width: int
    height: int
    name: str = ""
    """How the slide is called where its text is reported ("slide master 1"); "slide N"
    when empty."""

    @property
    def where(self) -> str:
        return self.name or f"slide {self.number}"


def inspect_pptx(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every slide's text, notes and comments, then properties and embedded files."""
    return tallied(_inspect_pptx(data, name, budget))


def _inspect_pptx(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    with open_zip(data, budget) as archive:
        presentation = parse(archive.read("ppt/presentation.xml"))
        size = presentation.find(f"{{{P}}}sldSz")
        width = int(size.get("cx", "0")) if size is not None else 0
        height = int(size.get("cy", "0")) if size is not None else 0
        rels = rels_of(archive, "ppt/presentation.xml")
        listed = [
            rels.get(entry.get(f"{{{R}}}id", ""), "")
            for entry in presentation.iter(f"{{{P}}}sldId")
        ]
        unlisted = [p for p in archive.matching("ppt/slides/slide", ".xml") if p not in listed]
        diagrams: dict[str, tuple[Vector, str]] = {}
        for number, part in enumerate([p for p in listed if archive.has(p)] + unlisted, 1):
            budget.check()
            root = parse(archive.read(part))
            hidden = root.get("show") in ("0", "false") or part in unlisted
            vector = Vector.HIDDEN_SLIDE if hidden else Vector.PAGE_TEXT
            slide = _Slide(number, part, vector, width, height)
            yield from _shapes(root, slide)
            yield from _related(archive, slide, diagrams)
        yield from _section_names(presentation)
        yield from _templates(archive, width, height)
        yield from inspect_diagrams(archive, "ppt/diagrams/", diagrams)
        yield from inspect_mail_links(archive, "ppt/slides/")
        yield from _authors(archive)
        yield from inspect_properties(archive)
        yield from inspect_custom_xml(archive)
        yield from inspect_charts(archive, "ppt/charts/")
        yield from inspect_embeddings(archive, "ppt/embeddings/")


def _shapes(root: etree._Element, slide: _Slide) -> Iterator[Item]:
    tree = root.find(f"{{{P}}}cSld/{{{P}}}spTree")
    if tree is None:
        return
    counters = {"shape": 0, "table": 0}
    stack: list[tuple[etree._Element, Vector]] = [(child, slide.vector) for child in tree]
    stack.reverse()
    while stack:
        shape, vector = stack.pop()
        kind = local(shape.tag)
        if kind not in ("sp", "grpSp", "graphicFrame", "pic"):
            continue
        if vector is Vector.PAGE_TEXT and _off_slide(shape, slide):
            vector = Vector.CONCEALED_FORMAT
        if kind == "grpSp":
            stack.extend(reversed([(child, vector) for child in shape]))
            continue
        counters["shape"] += 1
        where = f"{slide.where}, shape {counters['shape']}"
        properties = shape.find(f"./*/{{{P}}}cNvPr")
        if properties is not None:
            for attribute in ("descr", "title"):
                value = (properties.get(attribute) or "").strip()
                if value:
                    yield Text(value, Vector.METADATA, f"alt text of {where}")
        for table in shape.iter(f"{{{A}}}tbl"):
            counters["table"] += 1
            rows = [
                tuple(_text(cell) for cell in row.iter(f"{{{A}}}tc"))
                for row in table.iter(f"{{{A}}}tr")
            ]
            if rows:
                place = f"{slide.where}, table {counters['table']}"
                yield Table(place, vector, rows[0], iter(rows[1:]))
        body = shape.find(f"{{{P}}}txBody")
        text = _text(body) if body is not None else ""
        if text:
            yield Text(text, vector, where)


_SECTION = "{http://schemas.microsoft.com/office/powerpoint/2010/main}section"


def _section_names(presentation: etree._Element) -> Iterator[Item]:
    """The names of the deck's sections, which a presenter types ("Jane Smith's cases") and the
    slide sorter shows: kept in an extension of presentation.xml."""
    names = [name for e in presentation.iter(_SECTION) if (name := (e.get("name") or "").strip())]
    if names:
        yield Text("\n".join(names), Vector.METADATA, "section names")


def _off_slide(shape: etree._Element, slide: _Slide) -> bool:
    transform = shape.find(f"./*/{{{A}}}xfrm")
    if transform is None:
        transform = shape.find(f"{{{P}}}xfrm")
    if transform is None or not slide.width or not slide.height:
        return False
    offset, extent = transform.find(f"{{{A}}}off"), transform.find(f"{{{A}}}ext")
    if offset is None:
        return False
    try:
        x, y = int(offset.get("x", "0")), int(offset.get("y", "0"))
        cx = int(extent.get("cx", "0")) if extent is not None else 0
        cy = int(extent.get("cy", "0")) if extent is not None else 0
    except ValueError:
        return False
    return x + cx <= 0 or y + cy <= 0 or x >= slide.width or y >= slide.height


def _text(element: etree._Element) -> str:
    """The paragraphs of a text body, one a line; a line break inside one starts a line."""
    paragraphs = []
    for paragraph in element.iter(f"{{{A}}}p"):
        line = "".join(
            "\n" if local(node.tag) == "br" else node.text or ""
            for node in paragraph.iter(f"{{{A}}}t", f"{{{A}}}br")
        )
        if line.strip():
            paragraphs.append(line.strip())
    return "\n".join(paragraphs)


def _templates(archive: SafeZip, width: int, height: int) -> Iterator[Item]:
    """Shapes of the slide layouts and masters that every slide built on them shows (a
    logo's caption, a presenter's name in the footer); their placeholders hold only the
    prompts ("Click to edit Master title style") that slides replace."""
    for folder, kind in (("ppt/slideMasters/", "master"), ("ppt/slideLayouts/", "layout")):
        for number, part in enumerate(archive.matching(folder, ".xml"), start=1):
            archive.budget.check()
            try:
                root = parse(archive.read(part))
            except UnreadableDocument as error:
                yield Unread(f"slide {kind} {number}", str(error))
                continue
            tree = root.find(f"{{{P}}}cSld/{{{P}}}spTree")
            if tree is None:
                continue
            for placeholder in [
                s for s in tree.iter(f"{{{P}}}sp") if s.find(f"./*/*/{{{P}}}ph") is not None
            ]:
                placeholder.getparent().remove(placeholder)
            slide = _Slide(number, part, Vector.PAGE_TEXT, width, height, f"slide {kind} {number}")
            yield from _shapes(root, slide)


def _related(
    archive: SafeZip, slide: _Slide, diagrams: dict[str, tuple[Vector, str]]
) -> Iterator[Item]:
    """The slide's notes and comments; the diagrams it draws are noted in `diagrams` with the
    slide's vector, to be read with the others."""
    for part, kind in rel_types_of(archive, slide.part).items():
        if kind == "diagramData" and diagrams.get(part, (None,))[0] != Vector.PAGE_TEXT:
            diagrams[part] = (slide.vector, slide.where)  # shown when any slide shows it
        if not archive.has(part):
            continue
        if kind == "notesSlide":
            yield from _notes(parse(archive.read(part)), slide)
        elif kind == "comments":
            yield from _comments(parse(archive.read(part)), slide)


def _notes(root: etree._Element, slide: _Slide) -> Iterator[Item]:
    """The notes text, and the header, footer and date printed on the notes page (who
    prepared the deck is often written there) as metadata."""
    texts = []
    for shape in root.iter(f"{{{P}}}sp"):
        placeholder = shape.find(f"./{{{P}}}nvSpPr/{{{P}}}nvPr/{{{P}}}ph")
        kind = placeholder.get("type") if placeholder is not None else None
        body = shape.find(f"{{{P}}}txBody")
        text = _text(body) if body is not None else ""
        if not text or kind in _NOTES_SKIP:
            continue
        if kind in _NOTES_PAGE:
            yield Text(text, Vector.METADATA, f"notes page {_NOTES_PAGE[kind]} of {slide.where}")
        else:
            texts.append(text)
    if texts:
        yield Text("\n".join(texts), Vector.SPEAKER_NOTES, f"notes of {slide.where}")


def _comments(root: etree._Element, slide: _Slide) -> Iterator[Item]:
    comments = [e for e in root.iter() if isinstance(e.tag, str) and local(e.tag) == "cm"]
    for number, comment in enumerate(comments, start=1):
        parts = [
            (e.text or "").strip()
            for e in comment.iter()
            if isinstance(e.tag, str) and local(e.tag) in ("text", "t")
        ]
        text = "\n".join(p for p in parts if p)
        if text:
            yield Text(text, Vector.COMMENT, f"comment {number} on {slide.where}")


def _authors(archive: SafeZip) -> Iterator[Item]:
    """Comment authors, from the legacy list and the modern one (which adds user ids)."""
    number = 0
    for part in ("ppt/commentAuthors.xml", "ppt/authors.xml"):
        if not archive.has(part):
            continue
        for element in parse(archive.read(part)):
            values = [element.get(key, "") for key in ("name", "userId")]
            text = "\n".join(v.strip() for v in values if v.strip())
            if text:
                number += 1
                yield Text(text, Vector.METADATA, f"comment author {number}")
