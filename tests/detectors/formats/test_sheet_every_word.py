"""Every word a spreadsheet (xlsx, ods) holds reaches detection, whatever holds it: a visible
cell, a hidden or very hidden sheet, hidden rows and columns, a format that shows nothing, a
comment, a defined name, a page header, a shared string no cell uses, a pivot or chart cache,
an inline or rich-text string, a sheet's name, a link's target, a text box drawn on a sheet.
A word lost between the package and the detectors is a workbook called clean that was never
read."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from xml.sax.saxutils import escape

import pytest
from _inspect_helpers import Inspector, all_text, layout_params
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.ods import OdsSheet, build_ods
from crawler.demo.builders.xlsx import (
    SheetSpec,
    add_parts,
    build_pivot_workbook,
    build_raw_xlsx,
    build_xlsx,
)
from detectors.formats.ods import inspect_ods
from detectors.formats.xlsx import inspect_xlsx

WORDS = ["Quillfeather", "Brackenridge", "Ormsgill", "Tanyard", "Wexcombe", "Pellinore"]
FIRST, SECOND = WORDS[:3], WORDS[3:]
GRID: list[list[str | int | float | None]] = [
    ["Ref", "Name", "Post"],
    ["1", WORDS[0], WORDS[1]],
    ["2", WORDS[2], WORDS[3]],
    ["3", WORDS[4], WORDS[5]],
]
"""A header and three rows; the words are in columns B and C of rows 2 to 4."""
PLAIN: list[list[str | int | float | None]] = [["Ref"], ["1"]]
"""A sheet holding none of the words, for layouts that hide them elsewhere."""
WORD_CELLS = tuple(f"{c}{r}" for r in (2, 3, 4) for c in "BC")
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml"


def _patch(data: bytes, part: str, *replacements: tuple[str, str]) -> bytes:
    """`data` with each (old, new) replaced in `part`; every `old` must be there."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    xml = members[part]
    text = xml.decode() if isinstance(xml, bytes) else xml
    for old, new in replacements:
        assert old in text, (part, old)
        text = text.replace(old, new)
    members[part] = text
    return zip_parts(members)


def _split(word: str) -> tuple[str, str]:
    return word[: len(word) // 2], word[len(word) // 2 :]


# -- xlsx ------------------------------------------------------------------------------------


def _sheet(**kwargs: object) -> bytes:
    return build_xlsx([SheetSpec("Data", GRID, **kwargs)])  # type: ignore[arg-type]


def _behind(state: str) -> bytes:
    return build_xlsx([SheetSpec("Summary", [["Total", 3]]), SheetSpec("Raw", GRID, state=state)])


def _openpyxl(build: Callable[[Worksheet], None]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Data"
    sheet.append(["Ref", "Count"])
    sheet.append(["A1", 3])
    build(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _headers(sheet: Worksheet) -> None:
    sheet.oddHeader.left.text = WORDS[0]
    sheet.oddHeader.center.text = WORDS[1]
    sheet.oddHeader.right.text = WORDS[2]
    sheet.oddFooter.center.text = f"Prepared by {WORDS[3]}"
    sheet.evenHeader.center.text = WORDS[4]
    sheet.firstFooter.right.text = WORDS[5]


def _dropdown(sheet: Worksheet) -> None:
    rule = DataValidation(
        type="list", formula1=f'"{",".join(FIRST)}"', prompt=f"Ask {' or '.join(SECOND)}"
    )
    rule.add("B2:B9")
    sheet.add_data_validation(rule)


def _chart() -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{w}</c:v></c:pt>' for i, w in enumerate(WORDS))
    return (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        "<c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:f>Data!$B$2:$B$7</c:f>"
        f'<c:strCache><c:ptCount val="{len(WORDS)}"/>{points}</c:strCache></c:strRef></c:cat>'
        "</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>"
    )


def _pivot(*, records: bool = True) -> bytes:
    """A pivot counting by offence; the words are in the victim and officer columns, which the
    pivot does not show and whose source sheet is gone: only the cache keeps them."""
    rows = [
        [f"CR/{i}/24", "Stalking", a, b]
        for i, (a, b) in enumerate(zip(FIRST, SECOND, strict=True), 1)
    ]
    data = build_pivot_workbook(
        ["Crime ref", "Offence", "Victim", "Officer"],
        rows,
        row_field="Offence",
        data_field="Crime ref",
    )
    if records:
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        kept: dict[str, bytes | str] = {
            n: source.read(n)
            for n in source.namelist()
            if n != "xl/pivotCache/pivotCacheRecords1.xml"
        }
    return zip_parts(kept)


def _links(sheet: Worksheet) -> None:
    """Cells reading "contact" whose mailto: targets hold the words."""
    for row, word in enumerate(WORDS, start=3):
        sheet.cell(row, 1).value = "contact"
        sheet.cell(row, 1).hyperlink = f"mailto:{word}@example.org"


_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _text_box() -> bytes:
    """A text box drawn over the sheet (Insert > Text Box), one paragraph per word."""
    paragraphs = "".join(f"<a:p><a:r><a:t>{w}</a:t></a:r></a:p>" for w in WORDS)
    cell = "<xdr:col>{}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{}</xdr:row>" + (
        "<xdr:rowOff>0</xdr:rowOff>"
    )
    drawing = (
        f'<xdr:wsDr xmlns:xdr="{_XDR}" xmlns:a="{_A}"><xdr:twoCellAnchor>'
        f"<xdr:from>{cell.format(1, 1)}</xdr:from><xdr:to>{cell.format(4, 6)}</xdr:to>"
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="TextBox 1"/>'
        '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>'
        f"<xdr:txBody><a:bodyPr/>{paragraphs}</xdr:txBody></xdr:sp><xdr:clientData/>"
        "</xdr:twoCellAnchor></xdr:wsDr>"
    )
    return add_parts(
        build_xlsx([SheetSpec("Data", PLAIN)]),
        {"xl/drawings/drawing1.xml": (DRAWING_TYPE, drawing)},
        part_rels={"xl/worksheets/sheet1.xml": [("drawing", "../drawings/drawing1.xml")]},
    )


def _raw(**kwargs: object) -> bytes:
    """A hand-written workbook without a namespace prefix, as a streaming producer writes it."""
    return build_raw_xlsx([SheetSpec("Data", GRID)], prefix="", **kwargs)  # type: ignore[arg-type]


def _inline(word: str) -> str:
    return f'<c t="inlineStr"><is><t xml:space="preserve">{word}</t></is></c>'


def _rich_shared() -> bytes:
    """Each word split over two runs of one shared string, the second bold."""
    return _patch(
        _raw(inline_strings=False),
        "xl/sharedStrings.xml",
        *(
            (f"<si><t>{w}</t></si>", f"<si><r><t>{a}</t></r><r><rPr><b/></rPr><t>{b}</t></r></si>")
            for w in WORDS
            for a, b in [_split(w)]
        ),
    )


def _rich_inline() -> bytes:
    """Each word split over two runs of one inline string."""
    return _patch(
        _raw(),
        "xl/worksheets/sheet1.xml",
        *(
            (_inline(w), f'<c t="inlineStr"><is><r><t>{a}</t></r><r><t>{b}</t></r></is></c>')
            for w in WORDS
            for a, b in [_split(w)]
        ),
    )


def _formula_strings() -> bytes:
    """Each word the cached string result of a formula (`t="str"`)."""
    return _patch(
        _raw(),
        "xl/worksheets/sheet1.xml",
        *((_inline(w), f'<c t="str"><f>PROPER("{w.lower()}")</f><v>{w}</v></c>') for w in WORDS),
    )


def _notes() -> tuple[tuple[str, str, str], ...]:
    return (("A1", "Rev", " ".join(FIRST)), ("A2", "Rev", " ".join(SECOND)))


def _rich_comments() -> bytes:
    """A comment as Excel writes one: the author's name in bold, then the note, in runs."""
    data = build_xlsx([SheetSpec("Data", PLAIN, comments=(("A2", "Reviewer", "Note"),))])
    body = "".join(f'<r><t xml:space="preserve"> {w}</t></r>' for w in WORDS)
    return _patch(
        data,
        "xl/comments/comment1.xml",
        ("<text><t>Note</t></text>", f"<text><r><rPr><b/></rPr><t>Reviewer:</t></r>{body}</text>"),
    )


XLSX: dict[str, bytes] = {
    "visible cells": _sheet(),
    "a hidden sheet": _behind("hidden"),
    "a very hidden sheet": _behind("veryHidden"),
    "hidden rows": _sheet(hidden_rows=(2, 3, 4)),
    "hidden columns": _sheet(hidden_columns=("B", "C")),
    "zero-width columns": _sheet(zero_width_columns=("B", "C")),
    "filtered rows": _sheet(filtered_rows=(2, 3, 4)),
    "collapsed rows": _sheet(collapsed_rows=(2, 3, 4)),
    "cells formatted ;;;": _sheet(concealed_cells=WORD_CELLS),
    "white cells": _sheet(white_cells=WORD_CELLS),
    "comments": build_xlsx([SheetSpec("Data", PLAIN, comments=_notes())]),
    "rich-text comments": _rich_comments(),
    "a defined name's value": build_xlsx(
        [SheetSpec("Data", PLAIN)], defined_names={"Witness": f'"{" ".join(WORDS)}"'}
    ),
    "page headers and footers": _openpyxl(_headers),
    "a data-validation list and prompt": _openpyxl(_dropdown),
    "shared strings no cell uses": build_raw_xlsx(
        [SheetSpec("Data", PLAIN)], inline_strings=False, orphan_strings=WORDS
    ),
    "a pivot cache's records": _pivot(),
    "a pivot cache's shared items": _pivot(records=False),
    "a chart's string cache": add_parts(
        build_xlsx([SheetSpec("Data", PLAIN)]), {"xl/charts/chart1.xml": (CHART_TYPE, _chart())}
    ),
    "inline strings": _raw(),
    "inline strings, prefixed": build_raw_xlsx([SheetSpec("Data", GRID)]),
    "shared strings": _raw(inline_strings=False),
    "rich-text shared strings": _rich_shared(),
    "rich-text inline strings": _rich_inline(),
    "formulas' cached strings": _formula_strings(),
    "the creator property": build_xlsx([SheetSpec("Data", PLAIN)], author=" ".join(WORDS)),
    "sheet names": build_xlsx([SheetSpec(w, PLAIN) for w in WORDS]),
    "hyperlink targets": _openpyxl(_links),
    "a text box on a sheet": _text_box(),
}
XLSX_FAILING: dict[str, str] = {}


# -- ods -------------------------------------------------------------------------------------

_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods(**kwargs: object) -> bytes:
    return build_ods([OdsSheet("Data", GRID, **kwargs)])  # type: ignore[arg-type]


def _ods_plain(**kwargs: object) -> bytes:
    return build_ods([OdsSheet("Data", PLAIN, **kwargs)])  # type: ignore[arg-type]


def _word_cells() -> tuple[tuple[int, int], ...]:
    return tuple((r, c) for r in (2, 3, 4) for c in (1, 2))


def _ods_cells(cell: Callable[[str], str]) -> bytes:
    """The grid with each word's `<text:p>` rewritten by `cell`."""
    return _patch(
        _ods(),
        "content.xml",
        *((f"<text:p>{w}</text:p>", cell(w)) for w in WORDS),
    )


def _span(word: str) -> str:
    a, b = _split(word)
    return f'<text:p>{a}<text:span text:style-name="T1">{b}</text:span></text:p>'


def _ods_page_styles() -> bytes:
    """A styles.xml whose default page style prints the words in its header and footer."""
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODS_NS}>'
        '<office:master-styles><style:master-page style:name="Default">'
        f"<style:header><text:p>{' '.join(FIRST)}</text:p></style:header>"
        f"<style:footer><style:region-left><text:p>{' '.join(SECOND)}</text:p>"
        "</style:region-left></style:footer></style:master-page></office:master-styles>"
        "</office:document-styles>"
    )
    with zipfile.ZipFile(io.BytesIO(_ods_plain())) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    members["styles.xml"] = styles
    return zip_parts(members)


def _ods_named_expression() -> bytes:
    value = escape(f'of:="{" ".join(WORDS)}"', {'"': "&quot;"})
    names = (
        '<table:named-expressions><table:named-expression table:name="Witness" '
        f'table:expression="{value}"/></table:named-expressions>'
    )
    plain = _ods_plain()
    return _patch(plain, "content.xml", ("</office:spreadsheet>", names + "</office:spreadsheet>"))


_FRAME = (
    '<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" svg:x="1cm" '
    'svg:y="1cm" svg:width="5cm" svg:height="3cm"><draw:text-box>'
    + "".join(f"<text:p>{w}</text:p>" for w in WORDS)
    + "</draw:text-box></draw:frame>"
)
"""A text frame, one paragraph per word."""


def _ods_shapes() -> bytes:
    """A text frame drawn on the sheet."""
    column = '<table:table-column table:style-name="co1"/>'
    frame = f"<table:shapes>{_FRAME}</table:shapes>"
    return _patch(_ods_plain(), "content.xml", (column, frame + column))


def _ods_cell_frame() -> bytes:
    """A text frame anchored to a cell, as LibreOffice saves one set "To cell"."""
    with zipfile.ZipFile(io.BytesIO(_ods_plain())) as source:
        content = source.read("content.xml").decode()
    end = content.index("</table:table-cell>")
    first = content[:end] + _FRAME + content[end:]
    return _patch(_ods_plain(), "content.xml", (content, first))


_XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'

ODS: dict[str, bytes] = {
    "visible cells": _ods(),
    "a hidden sheet": build_ods(
        [OdsSheet("Summary", [["Total", 3]]), OdsSheet("Raw", GRID, hidden=True)]
    ),
    "hidden rows": _ods(hidden_rows=(2, 3, 4)),
    "hidden columns": _ods(hidden_columns=(1, 2)),
    "filtered rows": _ods(filtered_rows=(2, 3, 4)),
    "collapsed rows": _ods(collapsed_rows=(2, 3, 4)),
    "cells formatted to show nothing": _ods(concealed_cells=_word_cells()),
    "white cells": _ods(white_cells=_word_cells()),
    "comments": _ods_plain(
        comments=((1, 0, "Rev", " ".join(FIRST)), (2, 0, "Rev", " ".join(SECOND)))
    ),
    "a tracked deletion": build_ods(
        [OdsSheet("Data", PLAIN)], tracked_change=("Editor", " ".join(WORDS))
    ),
    "a named expression's value": _ods_named_expression(),
    "rich text (spans) in cells": _ods_cells(_span),
    "cells of several paragraphs": _ods_cells(
        lambda w: f"<text:p>Name</text:p><text:p>{w}</text:p>"
    ),
    "a link in a cell": _ods_cells(
        lambda w: f'<text:p><text:a {_XLINK} xlink:href="#x">{w}</text:a></text:p>'
    ),
    "link targets": _ods_cells(
        lambda w: (
            f'<text:p><text:a {_XLINK} xlink:href="mailto:{w}@example.org">'
            "contact</text:a></text:p>"
        )
    ),
    "page headers and footers": _ods_page_styles(),
    "the creator property": build_ods([OdsSheet("Data", PLAIN)], creator=" ".join(WORDS)),
    "sheet names": build_ods([OdsSheet(w, PLAIN) for w in WORDS]),
    "a text frame on a sheet": _ods_shapes(),
    "a text frame anchored to a cell": _ods_cell_frame(),
}
ODS_FAILING: dict[str, str] = {}


# -- the invariant ---------------------------------------------------------------------------

FORMATS: dict[str, tuple[Inspector, dict[str, bytes], dict[str, str]]] = {
    "xlsx": (inspect_xlsx, XLSX, XLSX_FAILING),
    "ods": (inspect_ods, ODS, ODS_FAILING),
}
PARAMS = layout_params(
    {
        kind: {name: failing.get(name, "") for name in made}
        for kind, (_, made, failing) in FORMATS.items()
    }
)


@pytest.mark.parametrize(("kind", "layout"), PARAMS)
def test_every_word_held_reaches_detection(kind: str, layout: str) -> None:
    inspector, layouts, _ = FORMATS[kind]
    read = all_text(inspector, layouts[layout], f"layout.{kind}")
    assert [w for w in WORDS if w not in read] == []


@pytest.mark.parametrize(("kind", "layout"), PARAMS)
def test_every_word_reaches_detection_as_a_word(kind: str, layout: str) -> None:
    """A word run into the next ("SmithDate") is read but no longer found."""
    inspector, layouts, _ = FORMATS[kind]
    read = all_text(inspector, layouts[layout], f"layout.{kind}")
    assert [w for w in WORDS if not re.search(rf"\b{w}\b", read)] == []
