"""odt (OpenDocument text): body, tables, headers, notes and every hiding place.

content.xml is streamed one top-level block (paragraph, list, table) at a time; sections are
entered, not held. Hidden text is `text:hidden-paragraph`, `text:hidden-text`, a style with
`text:display="none"` (or a condition), and a section shown as `none` or on a condition.
Text whose colour equals its background (white on no fill) counts as concealed; this is a
best effort that follows style inheritance but not page or frame backgrounds.

The text reader here (`OdfReader`) is shared with the presentation reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._grid import HiddenCells
from detectors.formats._odf import (
    DRAW,
    FIELD_VALUES,
    FO,
    OFFICE,
    PRESENTATION,
    STYLE,
    SVG,
    TABLE,
    TEXT,
    annotation_text,
    embedded_objects,
    field_values,
    mail_link,
    meta,
    refuse_encrypted,
    repeat_count,
    same_colour,
    tracked_changes,
)
from detectors.formats._tally import tallied
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import read_small, stream
from detectors.limits import Budget
from detectors.model import Item, Table, Text, Unread, Vector

MAX_REPEATS = 1_000
"""A repeated non-empty table row or cell is kept at most this many times."""
MAX_CELLS = 1_024

_T = f"{{{TEXT}}}"
_S = f"{{{STYLE}}}"
_TB = f"{{{TABLE}}}"
_PARAGRAPHS = (f"{_T}p", f"{_T}h")
_ROW_CONTAINERS = {
    f"{_TB}table-header-rows",
    f"{_TB}table-rows",
    f"{_TB}table-row-group",
}
_CELLS = (f"{_TB}table-cell", f"{_TB}covered-table-cell")
_MARKS = {
    "annotation-end", "bookmark", "bookmark-start", "bookmark-end", "change", "change-start",
    "change-end", "reference-mark", "reference-mark-start", "reference-mark-end",
    "soft-page-break", "hidden-paragraph", "note-citation", "toc-mark", "alphabetical-index-mark",
    "user-index-mark",
}  # fmt: skip
"""Inline elements that hold no text a reader sees (their tails still count)."""
_MASTER_PARTS = {
    "header": "header",
    "header-left": "header (left pages)",
    "header-first": "header (first page)",
    "footer": "footer",
    "footer-left": "footer (left pages)",
    "footer-first": "footer (first page)",
}


@dataclass(frozen=True)
class _Look:
    """What styles do to the text under them; None leaves the outer style's choice."""

    hidden: bool | None = None
    colour: str | None = None
    background: str | None = None

    def over(self, outer: _Look) -> _Look:
        return _Look(
            outer.hidden if self.hidden is None else self.hidden,
            outer.colour if self.colour is None else self.colour,
            outer.background if self.background is None else self.background,
        )

    def vector(self, base: Vector) -> Vector:
        if base is not Vector.PAGE_TEXT:
            return base  # the enclosing hiding place already explains it
        if self.hidden:
            return Vector.HIDDEN_TEXT
        if self.colour and same_colour(self.colour, self.background or ""):
            return Vector.CONCEALED_FORMAT
        return base


_PLAIN = _Look()


class OdfStyles:
    """Text and paragraph styles (by family and name) and hidden drawing-page styles."""

    def __init__(self, common: OdfStyles | None = None) -> None:
        self._own: dict[tuple[str, str], tuple[str, _Look]] = {}
        self._common = common
        self._resolved: dict[tuple[str, str], _Look] = {}
        self.hidden_pages: set[str] = set(common.hidden_pages) if common else set()

    def add(self, element: etree._Element) -> None:
        if element.tag != f"{_S}style":
            return
        name = element.get(f"{_S}name") or ""
        family = element.get(f"{_S}family") or ""
        for properties in element.iter(f"{_S}drawing-page-properties"):
            if properties.get(f"{{{PRESENTATION}}}visibility") == "hidden":
                self.hidden_pages.add(name)
        hidden = colour = background = None
        for properties in element.iter(f"{_S}text-properties"):
            display = properties.get(f"{_T}display")
            if display:
                hidden = display != "true"
            colour = _colour(properties.get(f"{{{FO}}}color")) or colour
            background = _colour(properties.get(f"{{{FO}}}background-color")) or background
        for properties in element.iter(f"{_S}paragraph-properties"):
            background = background or _colour(properties.get(f"{{{FO}}}background-color"))
        parent = element.get(f"{_S}parent-style-name") or ""
        self._own[(family, name)] = (parent, _Look(hidden, colour, background))
        self._resolved.clear()

    def look(self, family: str, name: str) -> _Look:
        """The style's effect with its parents' filled in."""
        key = (family, name)
        if key not in self._resolved:
            look, seen = _PLAIN, set()
            while name and (family, name) not in seen:
                seen.add((family, name))
                entry = self._entry(family, name)
                if entry is None:
                    break
                parent, own = entry
                look = look.over(own)
                name = parent
            self._resolved[key] = look
        return self._resolved[key]

    def _entry(self, family: str, name: str) -> tuple[str, _Look] | None:
        entry = self._own.get((family, name))
        if entry is None and self._common is not None:
            entry = self._common._entry(family, name)
        return entry


def _colour(value: str | None) -> str | None:
    return value.strip().lower() if value and value.strip() else None


@dataclass
class _Pieces:
    """The text of one paragraph split by vector; runs of one vector join without a gap."""

    parts: dict[Vector, list[str]] = field(default_factory=dict)
    last: Vector | None = None

    def add(self, vector: Vector, text: str | None) -> None:
        if not text:
            return
        segments = self.parts.setdefault(vector, [])
        if segments and vector is self.last:
            segments[-1] += text
        else:
            segments.append(text)
        self.last = vector

    def text(self, vector: Vector) -> str:
        joiner = "" if vector is Vector.PAGE_TEXT else " "
        return joiner.join(self.parts.get(vector, [])).strip()

    def vectors(self) -> list[Vector]:
        return [v for v in self.parts if self.text(v)]


@dataclass
class Story:
    """One flow of text (body, header, note, slide) and the counters naming its places."""

    place: str
    paragraphs: int = 0
    tables: int = 0


class OdfReader:
    """Turns ODF text structures (paragraphs, lists, tables, frames) into items."""

    def __init__(self, styles: OdfStyles, budget: Budget) -> None:
        self.styles = styles
        self.budget = budget
        self.notes = {"footnote": 0, "endnote": 0}
        self.comments = 0
        self.drawings = 0
        self.fields = 0

    def blocks(
        self, container: etree._Element, base: Vector, story: Story, look: _Look = _PLAIN
    ) -> Iterator[Item]:
        """Every item under `container`, which holds paragraphs, lists, tables or shapes."""
        for element in container:
            yield from self.block(element, base, story, look)

    def block(
        self, element: etree._Element, base: Vector, story: Story, look: _Look = _PLAIN
    ) -> Iterator[Item]:
        tag = element.tag
        if not isinstance(tag, str):
            return
        if tag in _PARAGRAPHS:
            story.paragraphs += 1
            if not story.paragraphs % 256:
                self.budget.check()
            yield from self.paragraph(element, base, story, look)
        elif tag == f"{_TB}table":
            story.tables += 1
            self.budget.check()
            yield from self.table(element, base, story, look)
        elif tag == f"{_T}section":
            yield from self.blocks(element, section_vector(element, base), story, look)
        elif tag == f"{_T}tracked-changes":
            yield from tracked_changes(element)
        elif tag == f"{_T}user-field-decls":
            yield from self._user_fields(element)
        elif tag == f"{{{OFFICE}}}annotation":
            yield from self.annotation(element, story.place.rstrip(", ") or "document")
        elif tag in (f"{{{SVG}}}title", f"{{{SVG}}}desc"):
            yield from self._alt_text(element, story)
        elif tag == f"{{{PRESENTATION}}}notes":
            notes = Story(f"{story.place.rstrip(', ')} speaker notes, ")
            yield from self.blocks(element, Vector.SPEAKER_NOTES, notes, look)
        elif len(element):
            yield from self.blocks(element, base, story, look)

    def paragraph(
        self, element: etree._Element, base: Vector, story: Story, look: _Look = _PLAIN
    ) -> Iterator[Item]:
        where = f"{story.place}paragraph {story.paragraphs}"
        pieces, side = self.pieces(element, base, story, look)
        for vector in pieces.vectors():
            yield Text(pieces.text(vector), vector, where)
        yield from side

    def pieces(
        self, element: etree._Element, base: Vector, story: Story, look: _Look = _PLAIN
    ) -> tuple[_Pieces, list[Item]]:
        """A paragraph's text by vector, and what hangs off it (notes, comments, frames)."""
        if _hidden_paragraph(element):
            base = Vector.HIDDEN_TEXT if base is Vector.PAGE_TEXT else base
        look = self.styles.look("paragraph", element.get(f"{_T}style-name") or "").over(look)
        pieces, side = _Pieces(), list[Item]()
        where = f"{story.place}paragraph {story.paragraphs}"
        self._inline(element, look, base, pieces, side, story, where)
        return pieces, side

    def _inline(
        self,
        element: etree._Element,
        look: _Look,
        base: Vector,
        pieces: _Pieces,
        side: list[Item],
        story: Story,
        where: str,
    ) -> None:
        pieces.add(look.vector(base), element.text)
        for child in element:
            tag = child.tag
            name = local(tag) if isinstance(tag, str) else ""
            namespace = tag[1 : tag.index("}")] if isinstance(tag, str) and "}" in tag else ""
            if not name:
                pass
            elif namespace == TEXT and name == "s":
                pieces.add(look.vector(base), " " * min(repeat_count(child.get(f"{_T}c")), 100))
            elif namespace == TEXT and name == "tab":
                pieces.add(look.vector(base), "\t")
            elif namespace == TEXT and name == "line-break":
                pieces.add(look.vector(base), "\n")
            elif namespace == TEXT and name == "note":
                side.extend(self._note(child, look, base))
            elif namespace == TEXT and name == "hidden-text":
                value = child.get(f"{_T}string-value") or "".join(child.itertext())
                shown = child.get(f"{_T}is-hidden") == "false"
                pieces.add(look.vector(base) if shown else _hide(base), value)
            elif namespace == OFFICE and name == "annotation":
                side.extend(self.annotation(child, where))
            elif namespace == TEXT and name in FIELD_VALUES:
                for hidden, value in field_values(child):
                    pieces.add(_hide(base) if hidden else look.vector(base), value)
            elif namespace == TEXT and name in _MARKS:
                pass
            elif namespace in (DRAW, TABLE) or tag in _PARAGRAPHS or name == "list":
                # A frame, text box or table inside the paragraph: its own paragraphs.
                pieces.add(look.vector(base), " ")
                side.extend(self.block(child, base, story, look))
            else:
                if namespace == TEXT and name == "a":
                    side.extend(mail_link(child, where))
                inner = self.styles.look("text", child.get(f"{_T}style-name") or "").over(look)
                self._inline(child, inner, base, pieces, side, story, where)
            pieces.add(look.vector(base), child.tail)

    def table(
        self, element: etree._Element, base: Vector, story: Story, look: _Look = _PLAIN
    ) -> Iterator[Item]:
        where = f"{story.place}table {story.tables}"
        rows: list[tuple[str, ...]] = []
        side: list[Item] = []
        hidden = HiddenCells(where)
        inner = Story(f"{where}, ")
        for number, row in enumerate(_rows(element), start=1):
            cells: list[str] = []
            for column, cell in enumerate(_cells(row), start=1):
                if len(cells) >= MAX_CELLS:
                    break
                visible: list[str] = []
                place = Story(f"{where}, row {number}, column {column}, ")
                for child in cell:
                    if child.tag in _PARAGRAPHS:
                        place.paragraphs += 1
                        pieces, hanging = self.pieces(child, base, place, look)
                        visible.append(pieces.text(base))
                        for v in pieces.vectors():
                            if v is not base:
                                hidden.add(v, number, column, pieces.text(v))
                        side.extend(hanging)
                    else:
                        side.extend(self.block(child, base, inner, look))
                text = "\n".join(t for t in visible if t)
                span = repeat_count(cell.get(f"{_TB}number-columns-repeated"))
                cells.extend([text] * min(span, MAX_CELLS - len(cells)))
            values = tuple(cells)
            while values and not values[-1]:
                values = values[:-1]
            repeats = repeat_count(row.get(f"{_TB}number-rows-repeated"))
            rows.extend([values] * (min(repeats, MAX_REPEATS) if values else 1))
        while rows and not rows[-1]:
            rows.pop()
        if rows:
            yield Table(where, base, rows[0], iter(rows[1:]), first_row=2)
        yield from hidden.items()
        yield from side

    def annotation(self, element: etree._Element, anchor: str) -> Iterator[Item]:
        self.comments += 1
        where = f"comment {self.comments} on {anchor}"
        text, author = annotation_text(element)
        if text:
            yield Text(text, Vector.COMMENT, where)
        if author:
            yield Text(author, Vector.METADATA, f"author of comment {self.comments}")

    def _note(self, element: etree._Element, look: _Look, base: Vector) -> Iterator[Item]:
        kind = "endnote" if element.get(f"{_T}note-class") == "endnote" else "footnote"
        self.notes[kind] += 1
        story = Story(f"{kind} {self.notes[kind]}, ")
        for body in element.iter(f"{_T}note-body"):
            yield from self.blocks(body, base, story, look)

    def _alt_text(self, element: etree._Element, story: Story) -> Iterator[Item]:
        value = "".join(element.itertext()).strip()
        if value:
            self.drawings += 1
            where = f"{story.place}alt text of drawing {self.drawings}"
            yield Text(value, Vector.METADATA, where)

    def _user_fields(self, element: etree._Element) -> Iterator[Item]:
        for declaration in element:
            value = (declaration.get(f"{{{OFFICE}}}string-value") or "").strip()
            if value:
                self.fields += 1
                yield Text(value, Vector.METADATA, f"user field {self.fields}")


def _hide(base: Vector) -> Vector:
    return Vector.HIDDEN_TEXT if base is Vector.PAGE_TEXT else base


def _hidden_paragraph(element: etree._Element) -> bool:
    return any(
        marker.get(f"{_T}is-hidden") != "false" for marker in element.iter(f"{_T}hidden-paragraph")
    )


def section_vector(section: etree._Element, base: Vector) -> Vector:
    """A section shown as `none` or only on a condition hides what it holds."""
    display = section.get(f"{_T}display") or ""
    if display in ("none", "condition") or section.get(f"{_T}condition"):
        return _hide(base)
    return base


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    for child in table:
        if child.tag == f"{_TB}table-row":
            yield child
        elif child.tag in _ROW_CONTAINERS:
            yield from _rows(child)


def _cells(row: etree._Element) -> Iterator[etree._Element]:
    return (child for child in row if child.tag in _CELLS)


def inspect_odt(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the text of every part of an OpenDocument text, sorted by vector."""
    return tallied(_inspect_odt(data, budget), skip=frozenset({Vector.TRACKED_CHANGE}))


def _inspect_odt(data: bytes, budget: Budget) -> Iterator[Item]:
    with open_zip(data, budget) as zf:
        refuse_encrypted(zf)
        if not zf.has("content.xml"):
            raise UnreadableDocument("the document has no content.xml")
        yield from meta(zf)
        common, master = read_styles(zf)
        reader = OdfReader(OdfStyles(common), budget)
        yield from _body(zf, reader, budget)
        if isinstance(master, Unread):
            yield master
        elif master is not None:
            yield from _master_pages(master, OdfReader(OdfStyles(common), budget))
        yield from embedded_objects(zf, budget)


def read_styles(zf: SafeZip) -> tuple[OdfStyles, etree._Element | Unread | None]:
    """The named styles of styles.xml, and its root (None when absent; an unread part when
    damaged: the page styles' headers and footers in it go unread)."""
    common = OdfStyles()
    try:
        root = read_small(zf, "styles.xml")
    except UnreadableDocument as error:
        return common, Unread("styles.xml", str(error))
    if root is None:
        return common, None
    for group in root.iter(f"{{{OFFICE}}}styles"):
        for element in group:
            common.add(element)
    return common, root


def _body(zf: SafeZip, reader: OdfReader, budget: Budget) -> Iterator[Item]:
    story = Story("")
    automatic = f"{{{OFFICE}}}automatic-styles"
    for number, (_, element) in enumerate(stream(zf, "content.xml", None)):
        if not number % 4096:
            budget.check()
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag == automatic:
            reader.styles.add(element)
            continue
        base = _top_level(parent)
        if base is None:
            continue
        if element.tag != f"{_T}section":
            yield from reader.block(element, base, story)
        free(element)


def _top_level(parent: etree._Element) -> Vector | None:
    """The vector for a block whose parent is `parent`, or None when it is not top level:
    its ancestors up to `office:text` must all be sections."""
    vector = Vector.PAGE_TEXT
    while parent is not None and parent.tag == f"{_T}section":
        vector = section_vector(parent, vector)
        parent = parent.getparent()
    if parent is None or parent.tag != f"{{{OFFICE}}}text":
        return None
    return vector


def _master_pages(root: etree._Element, reader: OdfReader) -> Iterator[Item]:
    automatic = root.find(f"{{{OFFICE}}}automatic-styles")
    if automatic is not None:
        for element in automatic:
            reader.styles.add(element)
    pages = root.iter(f"{_S}master-page")
    for number, page in enumerate(pages, start=1):
        for part in page:
            kind = _MASTER_PARTS.get(local(part.tag)) if isinstance(part.tag, str) else None
            if kind is None:
                continue
            hidden = part.get(f"{_S}display") == "false"
            base = Vector.HIDDEN_TEXT if hidden else Vector.PAGE_TEXT
            yield from reader.blocks(part, base, Story(f"{kind} of page style {number}, "))
