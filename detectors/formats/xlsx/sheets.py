"""Worksheets streamed row by row: cells, hidden rows and columns, filters, outlines, formats.

Each sheet part is read with one iterparse pass that builds only a row at a time; the rows
go to `_sheet.sheet_tables`, which splits them into the visible table and one table per
hiding place. Only the iterparse tag filter and a tight per-cell loop stand between the
bytes and the consumer: this is the hot path of the whole tool.

Besides its rows, a sheet part keeps text no cell shows: page headers and footers
(`headerfooter`, as metadata) and data-validation dropdown lists and messages (`validation`,
as form fields). `note` collects them while the part goes by, and they follow the sheet's
tables. A sheet with a print area also gets the count of filled cells outside it (`printarea`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._sheet import MAX_COLUMNS, Layout, Row, sheet_tables, split_ref
from detectors.formats.xlsx.cells import DIGITS, cell_text, column_at, put, row_hint, typed_text
from detectors.formats.xlsx.cells import letters as column_letters
from detectors.formats.xlsx.fastrows import CellReading, Fallback, fast_rows
from detectors.formats.xlsx.headerfooter import header_footer_texts
from detectors.formats.xlsx.parts import read_small, stream
from detectors.formats.xlsx.printarea import Area, Outside, print_area
from detectors.formats.xlsx.strings import SharedStrings
from detectors.formats.xlsx.validation import validation_texts
from detectors.formats.xlsx.workbook import Sheet, Workbook
from detectors.limits import Budget
from detectors.model import Item, Structure, Text, Unread, Vector

_TAGS = (
    "{*}row",
    "{*}col",
    "{*}dimension",
    "{*}sheetFormatPr",
    "{*}autoFilter",
    "{*}headerFooter",
    "{*}dataValidation",
)
_TRUE = ("1", "true")
MAX_SHEET_TEXTS = 10_000
"""Header, footer and data validation texts kept per sheet; more are counted, not read."""
_READABLE = ("worksheet", "macrosheet")


@dataclass(frozen=True)
class Context:
    """What every sheet of one workbook is read with."""

    zf: SafeZip
    strings: SharedStrings
    concealing: frozenset[str]
    budget: Budget


def inspect_sheets(book: Workbook, context: Context) -> Iterator[Item]:
    for sheet in book.sheets:
        if sheet.path is None or not context.zf.has(sheet.path):
            vector = None if sheet.state is Vector.CELL else sheet.state
            yield Unread(f"sheet '{sheet.name}'", "its part is missing", vector=vector)
            continue
        if sheet.kind not in _READABLE:
            if sheet.state is not Vector.CELL:
                yield Structure(sheet.state, f"sheet '{sheet.name}'", f"hidden {sheet.kind}")
            continue
        yield from _inspect_sheet(sheet, context, print_area(book, sheet.name))


def _inspect_sheet(sheet: Sheet, context: Context, area: tuple[Area, ...]) -> Iterator[Item]:
    layout = _SheetLayout(sheet.name, sheet.state)
    layout.filters = _table_filters(sheet, context.zf)
    rows = _guarded(read_rows(context, sheet.path or "", layout), layout)
    outside = Outside(area) if area else None
    yield from sheet_tables(layout, outside.rows(rows) if outside else rows, context.budget)
    if layout.damage is not None:
        vector = None if sheet.state is Vector.CELL else sheet.state
        cut = f"rows after {layout.last_row:,} not read: " if layout.last_row else ""
        yield Unread(layout.where, f"{cut}{layout.damage}", vector=vector)
    if outside and (structure := outside.structure(layout.owner)):
        yield structure
    yield from layout.texts
    if layout.dropped:
        yield Unread(
            layout.where,
            f"{layout.dropped:,} header, footer and data validation texts beyond the first "
            f"{MAX_SHEET_TEXTS:,} not read",
            limit=True,
            vector=Vector.FORM_FIELD,
        )


def _guarded(rows: Iterator[Row], layout: _SheetLayout) -> Iterator[Row]:
    """The rows until the part turns out damaged (malformed XML, a DTD, a corrupt member):
    the rows read so far stay, the damage is noted on the layout, and the other sheets are
    still read."""
    try:
        for row in rows:
            layout.last_row = row.number
            yield row
    except UnreadableDocument as error:
        layout.damage = str(error)


class _SheetLayout(Layout):
    """An xlsx sheet's layout: a hidden row is in a collapsed outline when it has an outline
    level, filtered out when an autoFilter with criteria covers it, plainly hidden otherwise."""

    def __init__(self, name: str, state: Vector) -> None:
        super().__init__(name, state)
        self.filters: list[tuple[int, int]] = []
        self.zero_height = False
        self.row_vector = self._row_vector
        self.texts: list[Text] = []
        """Header, footer and data validation texts, in the order of the part."""
        self.dropped = 0
        self._owner: str | None = None
        self.damage: str | None = None
        """Why the part stopped being readable part-way, if it did."""
        self.last_row = 0

    @property
    def owner(self) -> str:
        """`where`, worked out once: a sheet may hold thousands of validation rules."""
        if self._owner is None:
            self._owner = self.where
        return self._owner

    def keep(self, texts: list[Text]) -> None:
        room = MAX_SHEET_TEXTS - len(self.texts)
        self.texts.extend(texts[: max(room, 0)])
        self.dropped += max(len(texts) - max(room, 0), 0)

    def _row_vector(self, number: int, outline: object) -> Vector:
        if outline:
            return Vector.COLLAPSED_OUTLINE
        if any(first < number <= last for first, last in self.filters):
            return Vector.FILTERED_ROW
        return Vector.HIDDEN_ROW


def _row_span(ref: str | None) -> tuple[int, int] | None:
    """'A1:K1231' -> rows (1, 1231)."""
    if not ref:
        return None
    try:
        start, _, end = ref.partition(":")
        first, last = split_ref(start)[1], split_ref(end or start)[1]
    except ValueError:
        return None
    return (first, last) if first > 0 and last >= first else None


def _filtering(auto_filter: etree._Element) -> bool:
    """An autoFilter hides rows only when some column has criteria."""
    return any(str(child.tag).endswith("}filterColumn") for child in auto_filter)


def _table_filters(sheet: Sheet, zf: SafeZip) -> list[tuple[int, int]]:
    """Row spans of the sheet's tables (list objects) that carry an autoFilter."""
    spans: list[tuple[int, int]] = []
    for rel in sheet.rels(zf).values():
        if rel.kind != "table" or rel.external or not zf.has(rel.target):
            continue
        try:
            root = read_small(zf, rel.target)
        except Exception:  # a broken table part only loses its filter range
            continue
        if root is None:
            continue
        span = _row_span(root.get("ref"))
        if span and any(_filtering(child) for child in root if child.tag.endswith("}autoFilter")):
            spans.append(span)
    return spans


def read_rows(context: Context, path: str, layout: _SheetLayout) -> Iterator[Row]:
    """The rows of one sheet part in order; fills `layout` as its parts go by.

    The fast reader takes the sheet when it can; when it meets anything it does not read
    exactly as the XML parser would, the parser takes over from the row after the last one
    already given, so a hostile sheet is always read by the hardened parser.
    """
    given = 0
    try:
        for row in fast_rows(context.zf, path, _cell_reading(context), layout, note):
            given += 1
            yield row
        return
    except Fallback:
        layout.texts.clear()  # the parser notes the whole part again
        layout.dropped = 0
    yield from itertools.islice(parsed_rows(context, path, layout), given, None)


def _cell_reading(context: Context) -> CellReading:
    strings = context.strings
    return CellReading(strings.lookup(), strings.used, context.concealing, context.budget)


def note(layout: Layout, element: etree._Element) -> None:
    """What a sheet element other than a row tells the layout."""
    tag = str(element.tag)
    name = tag[tag.index("}") + 1 :] if "}" in tag else tag
    if name == "col":
        _hide_columns(layout, element)
    elif name == "dimension":
        layout.width = _column_span(element.get("ref"))
    elif name == "sheetFormatPr" and isinstance(layout, _SheetLayout):
        layout.zero_height = (element.get("zeroHeight") or "") in _TRUE
    elif name == "autoFilter" and isinstance(layout, _SheetLayout):
        span = _row_span(element.get("ref"))
        if span and _filtering(element):
            layout.filters.append(span)
    elif name == "headerFooter" and isinstance(layout, _SheetLayout):
        layout.keep(header_footer_texts(element, layout.owner))
        element.clear()
    elif name == "dataValidation" and isinstance(layout, _SheetLayout):
        layout.keep(validation_texts(element, layout.owner))
        element.clear()


def parsed_rows(context: Context, path: str, layout: _SheetLayout) -> Iterator[Row]:
    """The rows as the XML parser reads them.

    The hot loop: a row whose cells run A, B, C… (the usual case, found with one compiled
    XPath over the row) skips per-cell reference parsing; values are read from each cell's
    last child; finished rows are dropped from the tree in batches.
    """
    lookup = context.strings.lookup()
    used = context.strings.used
    concealing = context.concealing
    budget = context.budget
    letters = column_letters()
    columns: dict[str, int] = {}
    row_tag = v_tag = is_tag = ""
    number = 0
    parsed = 0
    for _, element in stream(context.zf, path, _TAGS):
        tag = element.tag
        if tag != row_tag:
            namespace = tag[: tag.index("}") + 1] if "}" in tag else ""
            if tag[len(namespace) :] != "row":
                note(layout, element)
                continue
            row_tag, v_tag, is_tag = tag, namespace + "v", namespace + "is"
        parsed += 1
        if not parsed % 512:
            budget.check()
            parent = element.getparent()
            if parent is not None:
                del parent[:-1]  # the rows already yielded
        attribute = element.get("r")
        number = int(attribute) if attribute and attribute.isdigit() else number + 1
        hint = row_hint(element.get, layout.zero_height)
        size = len(element)
        dense = False
        if size and attribute and size <= MAX_COLUMNS:
            refs = _REFS(element)
            dense = (
                len(refs) == size and refs[0] == "A" + attribute
                and refs[-1] == letters[size - 1] + attribute
            )  # fmt: skip
        values: list[str] = [""] * size if dense else []
        concealed: set[int] | None = None
        for position, cell in enumerate(element):
            if dense:
                column = position
            else:
                ref = cell.get("r")
                if ref is None:
                    column = len(values)
                else:
                    column = columns.get(ref.rstrip(DIGITS), -1)
                    if column < 0:
                        column = column_at(ref, columns, len(values))
                if column >= MAX_COLUMNS:
                    continue
            if not len(cell):
                continue
            kind = cell.get("t")
            text = cell_text(cell, v_tag, is_tag)
            if not text:
                continue
            if kind:
                text = typed_text(text, kind, lookup, used)
                if text is None:
                    continue
            concealed = put(
                values, column, text, dense, concealed,
                bool(concealing) and cell.get("s") in concealing,
            )  # fmt: skip
        yield Row(number, values, hint, concealed)


_REFS = etree.XPath("./*/@r", smart_strings=False)


def _column_span(ref: str | None) -> int:
    """Number of columns a `dimension` ref spans from column A ('A1:J500' -> 10)."""
    if not ref:
        return 0
    end = ref.rpartition(":")[2]
    try:
        column = split_ref(end)[0]
    except ValueError:
        return 0
    return min(column + 1, MAX_COLUMNS) if column >= 0 else 0


def _hide_columns(layout: Layout, col: object) -> None:
    get = col.get  # type: ignore[attr-defined]
    hidden = (get("hidden") or "") in _TRUE
    width = get("width")
    if not hidden and width is not None:
        try:
            hidden = float(width) == 0.0
        except ValueError:
            hidden = False
    if not hidden:
        return
    try:
        first, last = int(get("min") or 0), int(get("max") or get("min") or 0)
    except ValueError:
        return
    level = get("outlineLevel")
    vector = Vector.COLLAPSED_OUTLINE if level and level != "0" else Vector.HIDDEN_COLUMN
    for column in range(max(first, 1) - 1, min(last, MAX_COLUMNS)):
        layout.hidden_columns[column] = vector
