"""OpenDocument spreadsheets written as LibreOffice writes them, with data in hiding places.

Hidden sheets use a table style with `table:display="false"`; hidden, filtered and collapsed
rows and hidden columns use `table:visibility`; white-on-white cells a cell style; empty
rows and columns are run-length encoded with `number-*-repeated` as LibreOffice does (the
last row repeated to row 1,048,576).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from crawler.demo.builders._zip import zip_parts

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"'
)
_MIME = "application/vnd.oasis.opendocument.spreadsheet"

Cell = str | int | float | None


@dataclass(frozen=True)
class OdsSheet:
    name: str
    rows: Sequence[Sequence[Cell]]
    hidden: bool = False
    hidden_rows: tuple[int, ...] = ()
    filtered_rows: tuple[int, ...] = ()
    collapsed_rows: tuple[int, ...] = ()
    """Rows inside a row group shown closed."""
    hidden_columns: tuple[int, ...] = ()
    """0-based."""
    white_cells: tuple[tuple[int, int], ...] = ()
    """(row, column), 1-based row and 0-based column."""
    concealed_cells: tuple[tuple[int, int], ...] = ()
    """Cells with a data style that renders nothing (LibreOffice's ;;;)."""
    comments: tuple[tuple[int, int, str, str], ...] = ()
    """(row, column, author, text)."""
    repeat_last_row: int = 0
    """Repeat the last row this many times (a hostile file repeats a non-empty row)."""


def build_ods(
    sheets: Sequence[OdsSheet],
    *,
    creator: str = "",
    named_ranges: dict[str, str] | None = None,
    data_pilot_source: str = "",
    tracked_change: tuple[str, str] | None = None,
) -> bytes:
    """An .ods of the sheets; `tracked_change` is (author, deleted text)."""
    tables = "".join(_table(sheet) for sheet in sheets)
    names = "".join(
        f"<table:named-range table:name={quoteattr(n)} table:base-cell-address="
        f"{quoteattr(a.split(':')[0])} table:cell-range-address={quoteattr(a)}/>"
        for n, a in (named_ranges or {}).items()
    )
    extras = f"<table:named-expressions>{names}</table:named-expressions>" if names else ""
    if data_pilot_source:
        extras += (
            '<table:data-pilot-tables><table:data-pilot-table table:name="DataPilot1" '
            f'table:target-range-address="{escape(sheets[0].name)}.A20:B30">'
            f"<table:source-cell-range table:cell-range-address={quoteattr(data_pilot_source)}/>"
            "</table:data-pilot-table></table:data-pilot-tables>"
        )
    changes = ""
    if tracked_change:
        who, text = tracked_change
        changes = (
            '<table:tracked-changes><table:cell-content-change table:id="ct1">'
            '<table:cell-address table:column="0" table:row="1" table:table="0"/>'
            f"<office:change-info><dc:creator>{escape(who)}</dc:creator>"
            "<dc:date>2024-04-01T10:00:00</dc:date></office:change-info>"
            '<table:previous><table:change-track-table-cell office:value-type="string">'
            f"<text:p>{escape(text)}</text:p></table:change-track-table-cell></table:previous>"
            "</table:cell-content-change></table:tracked-changes>"
        )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_NS}><office:automatic-styles>"
        '<style:style style:name="co1" style:family="table-column">'
        '<style:table-column-properties style:column-width="2.258cm"/></style:style>'
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
        '<style:style style:name="ta2" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>'
        '<number:number-style style:name="N100"/>'
        '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default">'
        '<style:text-properties fo:color="#ffffff"/></style:style>'
        '<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default"'
        ' style:data-style-name="N100"/>'
        f"</office:automatic-styles><office:body><office:spreadsheet>{changes}{tables}{extras}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-meta {_NS}><office:meta>"
        "<meta:generator>LibreOffice/7.4.7.2$Linux_X86_64</meta:generator>"
        + (f"<meta:initial-creator>{escape(creator)}</meta:initial-creator>" if creator else "")
        + (f"<dc:creator>{escape(creator)}</dc:creator>" if creator else "")
        + "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return zip_parts(
        {
            "mimetype": _MIME,
            "content.xml": content,
            "meta.xml": meta,
            "META-INF/manifest.xml": manifest,
        }
    )


def _table(sheet: OdsSheet) -> str:
    style = "ta2" if sheet.hidden else "ta1"
    width = max((len(r) for r in sheet.rows), default=1)
    columns = []
    for column in range(width):
        hidden = ' table:visibility="collapse"' if column in sheet.hidden_columns else ""
        columns.append(f'<table:table-column table:style-name="co1"{hidden}/>')
    columns.append('<table:table-column table:number-columns-repeated="1000"/>')
    rows = []
    group_open = False
    for number, row in enumerate(sheet.rows, start=1):
        in_group = number in sheet.collapsed_rows
        if in_group and not group_open:
            rows.append('<table:table-row-group table:display="false">')
            group_open = True
        elif not in_group and group_open:
            rows.append("</table:table-row-group>")
            group_open = False
        attributes = ""
        if number in sheet.hidden_rows or in_group:
            attributes = ' table:visibility="collapse"'
        elif number in sheet.filtered_rows:
            attributes = ' table:visibility="filter"'
        if number == len(sheet.rows) and sheet.repeat_last_row:
            attributes += f' table:number-rows-repeated="{sheet.repeat_last_row}"'
        cells = "".join(_cell(sheet, number, column, value) for column, value in enumerate(row))
        cells += '<table:table-cell table:number-columns-repeated="1000"/>'
        rows.append(f"<table:table-row{attributes}>{cells}</table:table-row>")
    if group_open:
        rows.append("</table:table-row-group>")
    rows.append(
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    return (
        f"<table:table table:name={quoteattr(sheet.name)} table:style-name={quoteattr(style)}>"
        + "".join(columns)
        + "".join(rows)
        + "</table:table>"
    )


def _cell(sheet: OdsSheet, number: int, column: int, value: Cell) -> str:
    style = ""
    if (number, column) in sheet.white_cells:
        style = ' table:style-name="ce1"'
    elif (number, column) in sheet.concealed_cells:
        style = ' table:style-name="ce2"'
    note = ""
    for row, col, who, text in sheet.comments:
        if (row, col) == (number, column):
            note = (
                f"<office:annotation><dc:creator>{escape(who)}</dc:creator>"
                f"<text:p>{escape(text)}</text:p></office:annotation>"
            )
    if value is None:
        return f"<table:table-cell{style}>{note}</table:table-cell>"
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{style} office:value-type="float" office:value="{value}" '
            f'calcext:value-type="float" xmlns:calcext="urn:org:documentfoundation:names:'
            f'experimental:calc:xmlns:calcext:1.0">{note}<text:p>{value}</text:p></table:table-cell>'
        )
    return (
        f'<table:table-cell{style} office:value-type="string">{note}'
        f"<text:p>{escape(value)}</text:p></table:table-cell>"
    )
