"""Workbooks with data in the places a viewer does not look: hidden sheets, rows and columns,
concealing formats, comments, and real pivot tables whose cache keeps every source row.

`build_xlsx` saves with openpyxl and then adds what openpyxl cannot author (a pivot cache,
its records and a pivot table, extra parts) as raw OOXML parts, fixing `[Content_Types].xml`
and the relationships. `build_pivot_workbook` is the Norfolk-shaped reply: a count by one
field, with the source rows surviving only in the pivot cache. `build_raw_xlsx` writes a
workbook by hand the way other producers do (prefixed namespace, inline strings, no cell
references), so the inspector is not tested against one producer's habits only.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from crawler.demo.builders._zip import zip_parts
from detectors.formats._refs import column_index, column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

Cell = str | int | float | None


@dataclass(frozen=True)
class SheetSpec:
    """One sheet: rows (the first is the header) and where its data hides."""

    name: str
    rows: Sequence[Sequence[Cell]]
    state: str = "visible"
    """visible, hidden or veryHidden."""
    hidden_rows: tuple[int, ...] = ()
    filtered_rows: tuple[int, ...] = ()
    """Rows hidden by an autoFilter whose first column excludes their value."""
    collapsed_rows: tuple[int, ...] = ()
    """Rows in an outline group that is collapsed."""
    hidden_columns: tuple[str, ...] = ()
    zero_width_columns: tuple[str, ...] = ()
    concealed_cells: tuple[str, ...] = ()
    """Cells given the number format ;;; (value stored, nothing shown)."""
    white_cells: tuple[str, ...] = ()
    """Cells in white text on the default white background."""
    comments: tuple[tuple[str, str, str], ...] = ()
    """(cell, author, text)."""


def build_xlsx(
    sheets: Sequence[SheetSpec],
    *,
    author: str = "",
    defined_names: dict[str, str] | None = None,
    extra_parts: dict[str, tuple[str, bytes | str]] | None = None,
    workbook_rels: Sequence[tuple[str, str]] = (),
) -> bytes:
    """A workbook saved by openpyxl; `extra_parts` maps part name -> (content type, content)
    and `workbook_rels` adds (relationship type, target) pairs to the workbook."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.filters import FilterColumn, Filters

    book = Workbook()
    for default in list(book.worksheets):
        book.remove(default)
    for spec in sheets:
        sheet = book.create_sheet(spec.name)
        for row in spec.rows:
            sheet.append(list(row))
        sheet.sheet_state = spec.state
        for number in spec.hidden_rows:
            sheet.row_dimensions[number].hidden = True
        for number in spec.collapsed_rows:
            sheet.row_dimensions[number].outlineLevel = 1
            sheet.row_dimensions[number].hidden = True
        if spec.collapsed_rows:
            after = max(spec.collapsed_rows) + 1
            sheet.row_dimensions[after].collapsed = True
        for letter in spec.hidden_columns:
            sheet.column_dimensions[letter].hidden = True
        for ref in spec.concealed_cells:
            sheet[ref].number_format = ";;;"
        for ref in spec.white_cells:
            sheet[ref].font = Font(color="FFFFFFFF")
        for ref, who, text in spec.comments:
            sheet[ref].comment = Comment(text, who)
        if spec.filtered_rows:
            width = max(len(r) for r in spec.rows)
            sheet.auto_filter.ref = f"A1:{column_letter(width - 1)}{len(spec.rows)}"
            shown = sorted(
                {str(r[0]) for n, r in enumerate(spec.rows[1:], 2) if n not in spec.filtered_rows}
            )
            sheet.auto_filter.filterColumn.append(
                FilterColumn(colId=0, filters=Filters(filter=shown))
            )
            for number in spec.filtered_rows:
                sheet.row_dimensions[number].hidden = True
    for name, value in (defined_names or {}).items():
        book.defined_names[name] = DefinedName(name, attr_text=value)
    book.properties.creator = author
    book.properties.lastModifiedBy = author
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    for number, spec in enumerate(sheets, start=1):
        if spec.zero_width_columns:
            data = _zero_widths(data, f"xl/worksheets/sheet{number}.xml", spec.zero_width_columns)
    if extra_parts or workbook_rels:
        data = add_parts(data, extra_parts or {}, workbook_rels=workbook_rels)
    return data


def add_parts(
    data: bytes,
    parts: dict[str, tuple[str, bytes | str]],
    *,
    workbook_rels: Sequence[tuple[str, str]] = (),
    part_rels: dict[str, Sequence[tuple[str, str]]] | None = None,
    workbook_xml: tuple[str, str] | None = None,
) -> bytes:
    """Add parts to a saved workbook, registering their content types and relationships.

    `part_rels` maps an existing or added part to (type, target) pairs to relate from it;
    `workbook_xml` is (element, xml) to insert into workbook.xml before that element's
    closing tag or, for "", before `</workbook>`.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members: dict[str, bytes | str] = {name: source.read(name) for name in source.namelist()}
    types = _str(members["[Content_Types].xml"])
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>'
        for name, (kind, _) in parts.items()
        if kind and f'PartName="/{name}"' not in types
    )
    members["[Content_Types].xml"] = types.replace("</Types>", overrides + "</Types>").encode()
    for name, (_, content) in parts.items():
        members[name] = content.encode() if isinstance(content, str) else content
    relate = dict(part_rels or {})
    if workbook_rels:
        relate["xl/workbook.xml"] = [*relate.get("xl/workbook.xml", ()), *workbook_rels]
    for part, rels in relate.items():
        folder, _, base = part.rpartition("/")
        path = f"{folder}/_rels/{base}.rels"
        empty = f'{_XML_HEAD}<Relationships xmlns="{_RELS_NS}"></Relationships>'
        existing = _str(members.get(path, empty))
        items = "".join(
            f'<Relationship Id="rIdX{number}" Type="{REL}/{kind}" Target="{target}"/>'
            for number, (kind, target) in enumerate(rels, start=1)
        )
        members[path] = existing.replace("</Relationships>", items + "</Relationships>").encode()
    if workbook_xml:
        element, xml = workbook_xml
        book = _str(members["xl/workbook.xml"])
        anchor = f"</{element}>" if element else "</workbook>"
        book = book.replace(anchor, xml + anchor, 1)
        members["xl/workbook.xml"] = book.encode()
    return zip_parts(members)


# -- pivot tables ------------------------------------------------------------------------------


def build_pivot_workbook(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    row_field: str,
    data_field: str,
    title: str = "Offences recorded",
    keep_source: bool = False,
    source_state: str = "hidden",
    author: str = "",
    refreshed_by: str = "",
) -> bytes:
    """A reply showing only a pivot table (count of `data_field` by `row_field`).

    Every source row survives in the pivot cache. With `keep_source` the source sheet stays
    in the workbook (as `source_state`); without it the sheet is gone but the cache is not,
    which is how a pivot reply usually leaks.
    """
    source = "Raw data"
    ref = f"A1:{column_letter(len(header) - 1)}{len(rows) + 1}"
    counts = Counter(str(row[header.index(row_field)]) for row in rows)
    summary: list[list[Cell]] = [[title], [], ["Row Labels", f"Count of {data_field}"]]
    summary += [[item, count] for item, count in counts.items()]
    summary.append(["Grand Total", len(rows)])
    sheets = [SheetSpec("Summary", summary)]
    if keep_source:
        sheets.append(SheetSpec(source, [list(header), *map(list, rows)], state=source_state))
    data = build_xlsx(sheets, author=author)
    parts = pivot_parts(header, rows, row_field, data_field, source, ref, refreshed_by)
    return add_parts(
        data,
        parts,
        workbook_rels=[("pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml")],
        part_rels={
            "xl/worksheets/sheet1.xml": [("pivotTable", "../pivotTables/pivotTable1.xml")],
            "xl/pivotTables/pivotTable1.xml": [
                ("pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml")
            ],
            "xl/pivotCache/pivotCacheDefinition1.xml": [
                ("pivotCacheRecords", "pivotCacheRecords1.xml")
            ],
        },
        workbook_xml=(
            "",
            f'<pivotCaches><pivotCache cacheId="1" xmlns:r="{REL}" r:id="rIdX1"/></pivotCaches>',
        ),
    )


def pivot_parts(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    row_field: str,
    data_field: str,
    source: str,
    ref: str,
    refreshed_by: str = "",
) -> dict[str, tuple[str, bytes | str]]:
    """pivotCacheDefinition (sharedItems), pivotCacheRecords (`<x v>` indexes) and a pivot table
    counting `data_field` by `row_field`, placed at Summary!A3 as Excel places one."""
    items: list[list[str]] = []
    numeric: list[bool] = []
    for column in range(len(header)):
        values = [row[column] if column < len(row) else None for row in rows]
        is_number = all(isinstance(v, int | float) for v in values) and header[column] != row_field
        numeric.append(is_number)
        items.append([] if is_number else list(dict.fromkeys(_text(v) for v in values)))
    fields = []
    for column, name in enumerate(header):
        if numeric[column]:
            numbers = [float(row[column]) for row in rows]  # type: ignore[arg-type]
            shared = (
                '<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" '
                f'minValue="{min(numbers, default=0):g}" maxValue="{max(numbers, default=0):g}"/>'
            )
        else:
            listed = "".join(f"<s v={quoteattr(v)}/>" for v in items[column])
            shared = f'<sharedItems count="{len(items[column])}">{listed}</sharedItems>'
        fields.append(f'<cacheField name={quoteattr(name)} numFmtId="0">{shared}</cacheField>')
    who = f" refreshedBy={quoteattr(refreshed_by)}" if refreshed_by else ""
    definition = (
        f'{_XML_HEAD}<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{REL}" r:id="rIdX1"{who} '
        f'refreshedDate="45383.5" createdVersion="6" refreshedVersion="6" '
        f'minRefreshableVersion="3" recordCount="{len(rows)}">'
        f'<cacheSource type="worksheet"><worksheetSource ref="{ref}" sheet={quoteattr(source)}/>'
        f'</cacheSource><cacheFields count="{len(header)}">{"".join(fields)}</cacheFields>'
        "</pivotCacheDefinition>"
    )
    index = [{v: i for i, v in enumerate(column)} for column in items]
    records = [f'{_XML_HEAD}<pivotCacheRecords xmlns="{MAIN}" xmlns:r="{REL}" count="{len(rows)}">']
    for row in rows:
        cells = "".join(
            f'<n v="{row[c]}"/>' if numeric[c] else f'<x v="{index[c][_text(row[c])]}"/>'
            for c in range(len(header))
        )
        records.append(f"<r>{cells}</r>")
    records.append("</pivotCacheRecords>")
    axis = header.index(row_field)
    data_column = header.index(data_field)
    pivot_fields = []
    for column in range(len(header)):
        if column == axis:
            listed = "".join(f'<item x="{i}"/>' for i in range(len(items[column])))
            pivot_fields.append(
                f'<pivotField axis="axisRow" showAll="0"><items count="{len(items[column]) + 1}">'
                f'{listed}<item t="default"/></items></pivotField>'
            )
        elif column == data_column:
            pivot_fields.append('<pivotField dataField="1" showAll="0"/>')
        else:
            pivot_fields.append('<pivotField showAll="0"/>')
    kinds = len(items[axis])
    row_items = "".join("<i><x/></i>" if i == 0 else f'<i><x v="{i}"/></i>' for i in range(kinds))
    table = (
        f'{_XML_HEAD}<pivotTableDefinition xmlns="{MAIN}" name="PivotTable1" cacheId="1" '
        'applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" '
        'applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" '
        'dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" '
        'useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" '
        'outlineData="1" multipleFieldFilters="0">'
        f'<location ref="A3:B{4 + kinds}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>'
        f'<pivotFields count="{len(header)}">{"".join(pivot_fields)}</pivotFields>'
        f'<rowFields count="1"><field x="{axis}"/></rowFields>'
        f'<rowItems count="{kinds + 1}">{row_items}<i t="grand"><x/></i></rowItems>'
        '<colItems count="1"><i/></colItems>'
        f'<dataFields count="1"><dataField name={quoteattr("Count of " + data_field)} '
        f'fld="{data_column}" subtotal="count" baseField="0" baseItem="0"/></dataFields>'
        '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" '
        'showRowStripes="0" showColStripes="0" showLastColumn="1"/>'
        "</pivotTableDefinition>"
    )
    return {
        "xl/pivotCache/pivotCacheDefinition1.xml": (_CT + "pivotCacheDefinition+xml", definition),
        "xl/pivotCache/pivotCacheRecords1.xml": (_CT + "pivotCacheRecords+xml", "".join(records)),
        "xl/pivotTables/pivotTable1.xml": (_CT + "pivotTable+xml", table),
    }


# -- another producer's habits ------------------------------------------------------------------


def build_raw_xlsx(
    sheets: Sequence[SheetSpec],
    *,
    prefix: str = "x",
    inline_strings: bool = True,
    cell_refs: bool = False,
    orphan_strings: Sequence[str] = (),
) -> bytes:
    """A workbook written by hand as .NET / streaming producers write one: every element in a
    prefixed namespace (`<x:row>`), strings inline (`t="inlineStr"`) or shared, cells without
    `r` references, hidden rows and columns as attributes only. `orphan_strings` go into the
    shared string table without any cell using them (only with `inline_strings=False`)."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    shared: dict[str, int] = {}
    files: dict[str, bytes | str] = {}
    sheet_entries = []
    for number, spec in enumerate(sheets, start=1):
        body = []
        hidden_cols = sorted(column_index(c) + 1 for c in spec.hidden_columns)
        if hidden_cols:
            cols = "".join(
                f'<{p}col min="{c}" max="{c}" width="9" hidden="1" customWidth="1"/>'
                for c in hidden_cols
            )
            body.append(f"<{p}cols>{cols}</{p}cols>")
        body.append(f"<{p}sheetData>")
        for row_number, row in enumerate(spec.rows, start=1):
            hidden = ' hidden="1"' if row_number in spec.hidden_rows else ""
            cells = []
            for column, value in enumerate(row):
                ref = f' r="{column_letter(column)}{row_number}"' if cell_refs else ""
                if value is None:
                    cells.append(f"<{p}c{ref}/>")
                elif isinstance(value, int | float):
                    cells.append(f"<{p}c{ref}><{p}v>{value}</{p}v></{p}c>")
                elif inline_strings:
                    cells.append(
                        f'<{p}c{ref} t="inlineStr"><{p}is><{p}t xml:space="preserve">'
                        f"{escape(value)}</{p}t></{p}is></{p}c>"
                    )
                else:
                    index = shared.setdefault(value, len(shared))
                    cells.append(f'<{p}c{ref} t="s"><{p}v>{index}</{p}v></{p}c>')
            body.append(f'<{p}row r="{row_number}"{hidden}>{"".join(cells)}</{p}row>')
        body.append(f"</{p}sheetData>")
        files[f"xl/worksheets/sheet{number}.xml"] = (
            f"{_XML_HEAD}<{p}worksheet {xmlns}>{''.join(body)}</{p}worksheet>"
        )
        state = f' state="{spec.state}"' if spec.state != "visible" else ""
        sheet_entries.append(
            f'<{p}sheet name={quoteattr(spec.name)} sheetId="{number}"{state} r:id="rId{number}"/>'
        )
    for text in orphan_strings:
        shared.setdefault(text, len(shared))
    rels = [
        f'<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    ]
    overrides = [
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_CT}worksheet+xml"/>'
        for n in range(1, len(sheets) + 1)
    ]
    if shared:
        strings = "".join(f"<{p}si><{p}t>{escape(s)}</{p}t></{p}si>" for s in shared)
        files["xl/sharedStrings.xml"] = (
            f'{_XML_HEAD}<{p}sst {xmlns} count="{len(shared)}" uniqueCount="{len(shared)}">'
            f"{strings}</{p}sst>"
        )
        rels.append(
            f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        overrides.append(
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}sharedStrings+xml"/>'
        )
    workbook = (
        f'{_XML_HEAD}<{p}workbook {xmlns} xmlns:r="{REL}"><{p}sheets>{"".join(sheet_entries)}'
        f"</{p}sheets></{p}workbook>"
    )
    return zip_parts(
        {
            "[Content_Types].xml": (
                f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Default Extension="rels" ContentType="application/'
                'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
                'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                f'ContentType="{_CT}sheet.main+xml"/>{"".join(overrides)}</Types>'
            ),
            "_rels/.rels": (
                f'{_XML_HEAD}<Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1" '
                f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ),
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": (
                f'{_XML_HEAD}<Relationships xmlns="{_RELS_NS}">{"".join(rels)}</Relationships>'
            ),
            **files,
        }
    )


def _zero_widths(data: bytes, part: str, letters: Sequence[str]) -> bytes:
    """openpyxl drops a width of 0: write those <col> elements into the saved sheet."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    cols = "".join(
        f'<col min="{n}" max="{n}" width="0" customWidth="1"/>'
        for n in (column_index(c) + 1 for c in letters)
    )
    xml = _str(members[part])
    if "<cols>" in xml:
        xml = xml.replace("<cols>", "<cols>" + cols, 1)
    else:
        xml = xml.replace("<sheetData", f"<cols>{cols}</cols><sheetData", 1)
    members[part] = xml
    return zip_parts(members)


def _str(content: bytes | str) -> str:
    return content.decode() if isinstance(content, bytes) else content


def _text(value: Cell) -> str:
    return "" if value is None else str(value)
