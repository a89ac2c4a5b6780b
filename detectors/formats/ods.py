"""ods (OpenDocument spreadsheet): content.xml streamed once, sheet by sheet.

Hiding places: a sheet whose table style has `table:display="false"`; rows and columns with
`table:visibility="collapse"` (inside a group shown closed: a collapsed outline) or
`"filter"`; cell styles whose text colour equals the background or whose data style renders
nothing; named ranges and expressions; data pilot (pivot) tables and their source range;
annotations; tracked changes; chart objects' own data tables; meta.xml.

Repeated rows and columns (`number-rows-repeated`, often 1,048,576 in hostile or sloppy
files) are never materialised when empty, and a repeated non-empty row is kept at most
`MAX_REPEATS` times.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._odf import (
    FO,
    NUMBER,
    OFFICE,
    STYLE,
    TABLE,
    TEXT,
    annotation_text,
    embedded_objects,
    meta,
    refuse_encrypted,
    repeat_count,
    same_colour,
    tracked_changes,
)
from detectors.formats._sheet import MAX_COLUMNS, Layout, Row, column_letter, sheet_tables
from detectors.formats._text import mail_address
from detectors.formats._xml import free, local
from detectors.formats.xlsx.headerfooter import printed_sections
from detectors.formats.xlsx.parts import read_small, stream
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Unread, Vector

MAX_REPEATS = 1_000
_MAX_NOTES = 10_000
_HREF = "{http://www.w3.org/1999/xlink}href"

_T = f"{{{TABLE}}}"
_O = f"{{{OFFICE}}}"
_S = f"{{{STYLE}}}"
_DATA_STYLES = tuple(
    f"{{{NUMBER}}}{kind}-style"
    for kind in ("number", "currency", "percentage", "date", "time", "boolean", "text")
)
_RENDERS = {
    "number", "scientific-number", "fraction", "text-content", "day", "month", "year",
    "hours", "minutes", "seconds", "day-of-week", "week-of-year", "quarter", "era", "am-pm",
    "boolean",
}  # fmt: skip
_VALUE_ATTRIBUTE = {
    "float": "value",
    "percentage": "value",
    "currency": "value",
    "date": "date-value",
    "time": "time-value",
    "boolean": "boolean-value",
}
_TAGS = (
    f"{_S}style",
    *_DATA_STYLES,
    f"{_T}table",
    f"{_T}table-column",
    f"{_T}table-column-group",
    f"{_T}table-row",
    f"{_T}table-row-group",
    f"{_T}named-range",
    f"{_T}named-expression",
    f"{_T}data-pilot-table",
    f"{_T}tracked-changes",
    f"{_T}shapes",
)


class _Styles:
    """Hidden table styles and concealing cell styles, from styles.xml and content.xml."""

    def __init__(self) -> None:
        self.hidden_tables: set[str] = set()
        self.cell_styles: dict[str, tuple[str, str, str]] = {}
        self.data_styles: dict[str, tuple[bool, list[str]]] = {}
        self._concealing: set[str] | None = None

    def add(self, element: etree._Element) -> None:
        name = element.get(f"{_S}name") or ""
        if element.tag in _DATA_STYLES:
            renders = any(local(child.tag) in _RENDERS for child in element)
            maps = [m.get(f"{_S}apply-style-name") or "" for m in element.iter(f"{_S}map")]
            self.data_styles[name] = (renders, maps)
            return
        family = element.get(f"{_S}family")
        if family == "table":
            for properties in element.iter(f"{_S}table-properties"):
                if properties.get(f"{_T}display") == "false":
                    self.hidden_tables.add(name)
        elif family == "table-cell":
            colour = background = ""
            for properties in element.iter(f"{_S}text-properties"):
                colour = (properties.get(f"{{{FO}}}color") or "").lower()
            for properties in element.iter(f"{_S}table-cell-properties"):
                background = (properties.get(f"{{{FO}}}background-color") or "").lower()
            data_style = element.get(f"{_S}data-style-name") or ""
            self.cell_styles[name] = (colour, background, data_style)
        self._concealing = None

    def concealing(self) -> set[str]:
        if self._concealing is None:
            self._concealing = {
                name
                for name, (colour, background, data) in self.cell_styles.items()
                if same_colour(colour, background) or (data and self._silent(data, set()))
            }
        return self._concealing

    def _silent(self, name: str, seen: set[str]) -> bool:
        if name in seen or name not in self.data_styles:
            return False
        seen.add(name)
        renders, maps = self.data_styles[name]
        return not renders and all(self._silent(m, seen) for m in maps if m)


def inspect_ods(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield every text, table and hiding place of an OpenDocument spreadsheet."""
    with open_zip(data, budget) as zf:
        refuse_encrypted(zf)
        if not zf.has("content.xml"):
            raise UnreadableDocument("the spreadsheet has no content.xml")
        yield from meta(zf)
        styles = _Styles()
        try:
            root = read_small(zf, "styles.xml")
        except UnreadableDocument as error:  # its page headers and footers go unread
            yield Unread("styles.xml", str(error))
            root = None
        if root is not None:
            for element in root.iter(f"{_S}style", *_DATA_STYLES):
                styles.add(element)
            yield from _page_margins(root)
        yield from _content(zf, styles, budget)
        yield from embedded_objects(zf, budget)


def _content(zf: SafeZip, styles: _Styles, budget: Budget) -> Iterator[Item]:
    events = stream(zf, "content.xml", _TAGS, events=("start", "end"))
    index = 0
    names: list[str] = []
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == f"{_T}table":
                names.append(element.get(f"{_T}name") or "")
                yield from _table(events, element, index, styles, budget)
                index += 1
            continue
        if tag == f"{_S}style" or tag in _DATA_STYLES:
            styles.add(element)
        elif tag in (f"{_T}named-range", f"{_T}named-expression"):
            yield from _named(element)
        elif tag == f"{_T}data-pilot-table":
            yield from _data_pilot(element)
        elif tag == f"{_T}tracked-changes":
            yield from tracked_changes(element)
    if any(n.strip() for n in names):  # a sheet named for a person names them
        yield Text("\n".join(n for n in names if n.strip()), Vector.METADATA, "sheet names")


_FIELDS = {
    f"{{{TEXT}}}page-number": "&P",
    f"{{{TEXT}}}page-count": "&N",
    f"{{{TEXT}}}date": "&D",
    f"{{{TEXT}}}time": "&T",
    f"{{{TEXT}}}file-name": "&F",
    f"{{{TEXT}}}title": "&F",
    f"{{{TEXT}}}sheet-name": "&A",
}
"""Fields a page's margin fills in when printed, as the codes of a workbook's header: their
saved text ("1", "???", "Sheet1") is the office suite's, and the words typed against them
("Page", "of") label them (`xlsx.headerfooter.printed_sections` drops both)."""


def _as_codes(paragraph: etree._Element) -> str:
    """A margin paragraph written as a workbook header's string: its words, its fields as
    codes."""
    parts: list[str] = []
    for element in paragraph.iter():
        code = _FIELDS.get(element.tag) if isinstance(element.tag, str) else None
        if code is not None:
            parts.append(code)
        elif element.tag in _GAPS:
            parts.append(" ")  # a space, tab or line break between words
        elif element.text and not _in_field(element, paragraph):
            parts.append(element.text.replace("&", "&&"))
        if (
            element is not paragraph
            and element.tail
            and not _in_field(element.getparent(), paragraph)
        ):
            parts.append(element.tail.replace("&", "&&"))
    return "".join(parts)


_GAPS = {f"{{{TEXT}}}s", f"{{{TEXT}}}tab", f"{{{TEXT}}}line-break"}


def _in_field(element: etree._Element | None, paragraph: etree._Element) -> bool:
    """Whether the element stands inside one of the paragraph's fields."""
    while element is not None and element is not paragraph:
        if element.tag in _FIELDS:
            return True
        element = element.getparent()
    return False


_MARGINS = tuple(
    f"{_S}{part}{side}" for part in ("header", "footer") for side in ("", "-left", "-first")
)


def _page_margins(styles: etree._Element) -> Iterator[Text]:
    """The text of the page styles' headers and footers, printed on every page."""
    lines = [
        " ".join(section.split())
        for margin in styles.iter(*_MARGINS)
        for p in margin.iter(f"{{{TEXT}}}p")
        for section in printed_sections(_as_codes(p))
    ]
    text = "\n".join(dict.fromkeys(line for line in lines if line))
    if text:
        yield Text(text, Vector.METADATA, "page headers and footers")


def _table(
    events: Iterator[tuple[str, etree._Element]],
    table: etree._Element,
    index: int,
    styles: _Styles,
    budget: Budget,
) -> Iterator[Item]:
    name = table.get(f"{_T}name") or f"Sheet{index + 1}"
    hidden = (table.get(f"{_T}style-name") or "") in styles.hidden_tables
    layout = Layout(name, Vector.HIDDEN_SHEET if hidden else Vector.CELL)
    reader = _TableReader(layout, styles, budget)
    rows = reader.rows(events)

    yield from sheet_tables(layout, rows, budget)
    for _ in rows:
        pass
    yield from reader.notes
    if reader.links:
        yield Text("\n".join(reader.links), Vector.METADATA, f"mail links in {layout.where}")
    if reader.annotations:
        yield Structure(Vector.COMMENT, layout.where, f"{reader.annotations:,} annotations")


class _TableReader:
    """Rows of one table:table, read from the shared event stream up to its end."""

    def __init__(self, layout: Layout, styles: _Styles, budget: Budget) -> None:
        self.layout = layout
        self.styles = styles
        self.budget = budget
        self.notes: list[Text] = []
        self.links: dict[str, None] = {}
        """Addresses of the sheet's mail links, which show only their words."""
        self.annotations = 0
        self.groups: list[bool] = []
        self.column_groups: list[bool] = []
        self.column = 0
        self.column_styles: dict[int, str] = {}
        """Column -> its default cell style, for cells that name none (a column formatted
        ";;;" as a whole)."""

    def rows(self, events: Iterator[tuple[str, etree._Element]]) -> Iterator[Row]:
        number = 0
        for count, (event, element) in enumerate(events):
            tag = element.tag
            if tag == f"{_T}table" and event == "end":
                return
            if tag == f"{_T}table-row-group":
                if event == "start":
                    self.groups.append(element.get(f"{_T}display") == "false")
                elif self.groups:
                    self.groups.pop()
            elif tag == f"{_T}table-column-group":
                if event == "start":
                    self.column_groups.append(element.get(f"{_T}display") == "false")
                elif self.column_groups:
                    self.column_groups.pop()
            elif tag == f"{_T}table-column" and event == "end":
                self._column(element)
            elif tag == f"{_T}shapes" and event == "end":
                self._drawn(element, "drawing")
            elif tag == f"{_T}table-row" and event == "end":
                if not count % 512:
                    self.budget.check()
                repeats = repeat_count(element.get(f"{_T}number-rows-repeated"))
                row = self._row(element, number + 1)
                free(element)
                if any(row.values):
                    for offset in range(min(repeats, MAX_REPEATS)):
                        yield Row(number + 1 + offset, row.values, row.hidden, row.concealed)
                number += repeats

    def _column(self, element: etree._Element) -> None:
        repeats = repeat_count(element.get(f"{_T}number-columns-repeated"))
        visibility = element.get(f"{_T}visibility") or "visible"
        if visibility != "visible":
            collapsed = any(self.column_groups)
            vector = Vector.COLLAPSED_OUTLINE if collapsed else Vector.HIDDEN_COLUMN
            for column in range(self.column, min(self.column + repeats, MAX_COLUMNS)):
                self.layout.hidden_columns[column] = vector
        style = element.get(f"{_T}default-cell-style-name") or ""
        if style in self.styles.concealing():
            for column in range(self.column, min(self.column + repeats, MAX_COLUMNS)):
                self.column_styles[column] = style
        self.column += repeats

    def _row(self, element: etree._Element, number: int) -> Row:
        visibility = element.get(f"{_T}visibility") or "visible"
        hint: object = None
        if visibility == "filter":
            hint = Vector.FILTERED_ROW
        elif visibility == "collapse":
            hint = Vector.COLLAPSED_OUTLINE if any(self.groups) else Vector.HIDDEN_ROW
        concealing = self.styles.concealing()
        values: list[str] = []
        concealed: set[int] | None = None
        column = 0
        for cell in element:
            if column >= MAX_COLUMNS:
                break
            repeats = repeat_count(cell.get(f"{_T}number-columns-repeated"))
            text, blank = self._cell(cell, number, column)
            if text:
                values.extend([""] * (column - len(values)))
                span = min(repeats, MAX_REPEATS, MAX_COLUMNS - column)
                values.extend([text] * span)
                style = cell.get(f"{_T}style-name") or self.column_styles.get(column, "")
                if blank or style in concealing:
                    concealed = (concealed or set()) | set(range(column, column + span))
            column += repeats
        return Row(number, values, hint, concealed)

    def _cell(self, cell: etree._Element, number: int, column: int) -> tuple[str, bool]:
        """The cell's value, and whether it is shown blank: a text cell whose value LibreOffice
        keeps in `office:string-value` while its displayed paragraph is empty (a ";;;" format)
        holds text no reader sees."""
        kind = cell.get(f"{_O}value-type") or ""
        attribute = _VALUE_ATTRIBUTE.get(kind)
        paragraphs: list[str] = []
        for child in cell:
            name = local(child.tag)
            if name == "p":
                paragraphs.append("".join(child.itertext()))
                for link in child.iter(f"{{{TEXT}}}a"):
                    address = mail_address(link.get(_HREF) or "")
                    if address and len(self.links) < _MAX_NOTES:
                        self.links[address] = None
            elif name == "annotation" and len(self.notes) < _MAX_NOTES:
                self._note(child, number, column)
            elif name in ("frame", "custom-shape", "rect", "g") and len(self.notes) < _MAX_NOTES:
                self._drawn(child, f"drawing in {column_letter(column)}{number}")
        shown = "\n".join(paragraphs).strip()
        if attribute:
            value = cell.get(f"{_O}{attribute}")
            if value:
                return value, False
        if kind == "string":
            value = (cell.get(f"{_O}string-value") or "").strip()
            if value:
                return value, bool(paragraphs) and not shown
        return shown, False

    def _drawn(self, shapes: etree._Element, place: str) -> None:
        """The text of frames and shapes drawn over the sheet, one line a paragraph: shown
        where the sheet is."""
        lines = [" ".join("".join(p.itertext()).split()) for p in shapes.iter(f"{{{TEXT}}}p")]
        text = "\n".join(line for line in lines if line)
        if text:
            state = self.layout.state
            vector = Vector.PAGE_TEXT if state is Vector.CELL else state
            self.notes.append(Text(text, vector, f"{self.layout.where} {place}"))

    def _note(self, annotation: etree._Element, number: int, column: int) -> None:
        self.annotations += 1
        where = f"{self.layout.where} comment {column_letter(column)}{number}"
        text, author = annotation_text(annotation)
        if text:
            self.notes.append(Text(text, Vector.COMMENT, where))
        if author:
            self.notes.append(Text(author, Vector.METADATA, f"{where} author"))


def _named(element: etree._Element) -> Iterator[Item]:
    name = element.get(f"{_T}name") or "?"
    value = (
        element.get(f"{_T}cell-range-address")
        or element.get(f"{_T}expression")
        or element.get(f"{_T}base-cell-address")
        or ""
    )
    if value:
        yield Text(value, Vector.DEFINED_NAME, f"named range '{name}'")
    yield Structure(Vector.DEFINED_NAME, f"named range '{name}'", "named range or expression")


def _data_pilot(element: etree._Element) -> Iterator[Item]:
    name = element.get(f"{_T}name") or "?"
    source = next(
        (s.get(f"{_T}cell-range-address") or "" for s in element.iter(f"{_T}source-cell-range")),
        "",
    )
    detail = f"pivot table over {source}" if source else "pivot table with a non-sheet source"
    yield Structure(Vector.PIVOT_CACHE, f"data pilot '{name}'", detail)
    if source:
        yield Text(source, Vector.PIVOT_CACHE, f"data pilot '{name}' source range")
