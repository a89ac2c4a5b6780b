"""The fast worksheet reader yields exactly what the XML parser path yields."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pytest
from _sheet_helpers import inspect
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import detectors.formats.xlsx.sheets as sheets_module
from crawler.demo.builders._zip import zip_parts
from crawler.demo.builders.xlsx import MAIN, SheetSpec, build_raw_xlsx, build_xlsx
from detectors.errors import UnreadableDocument
from detectors.formats.xlsx import inspect_xlsx
from detectors.formats.xlsx.fastrows import Fallback, fast_rows

STRINGS = ["Surname", "Rank", "Station", "Jo Bloggs", "A & B <c>", "Ünïcødé ✓", " spaced "]
SHEET = "xl/worksheets/sheet1.xml"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"


def workbook(sheet_xml: str) -> bytes:
    """A workbook with the shared strings above whose one sheet is `sheet_xml`."""
    base = build_raw_xlsx(
        [SheetSpec("Data", [STRINGS[:1]])], prefix="", inline_strings=False,
        orphan_strings=STRINGS[1:],
    )  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        members: dict[str, bytes | str] = {n: source.read(n) for n in source.namelist()}
    members[SHEET] = sheet_xml.encode()
    return zip_parts(members)


def outputs(data: bytes) -> list[object]:
    """Everything the inspector yields, every Table's rows included."""
    try:
        seen = inspect(inspect_xlsx, data, "t.xlsx")
    except UnreadableDocument as error:
        return [type(error), str(error)]
    if seen.unread:
        # A damaged sheet: the parser reports the damage a chunk ahead of where the fast
        # reader stops, so the rows kept before it may differ; the damage reported may not.
        return [[(u.where, _damage(u.reason)) for u in seen.unread]]
    tables = [
        (t.where, t.vector, t.header, t.first_row, t.columns, rows) for t, rows in seen.tables
    ]
    return [tables, seen.structures, seen.texts, seen.embedded]


def _damage(reason: str) -> str:
    """The damage an unread sheet reports, without how many rows came before it."""
    return re.sub(r"^rows after [\d,]+ not read: ", "", reason)


def both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object], int]:
    """(fast output, parser output, sheets the fast reader handed to the parser)."""
    fell_back = [0]

    def counting(*args: object, **kwargs: object) -> Iterator[object]:
        try:
            yield from fast_rows(*args, **kwargs)  # type: ignore[arg-type]
        except Fallback:
            fell_back[0] += 1
            raise

    def refusing(*args: object, **kwargs: object) -> Iterator[object]:
        raise Fallback
        yield  # pragma: no cover

    with monkeypatch.context() as patch:
        patch.setattr(sheets_module, "fast_rows", counting)
        fast = outputs(data)
    with monkeypatch.context() as patch:
        patch.setattr(sheets_module, "fast_rows", refusing)
        parsed = outputs(data)
    return fast, parsed, fell_back[0]


def worksheet(rows: str, prefix: str = "", head: str = "", tail: str = "", decl: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (
        f'{decl}<{p}worksheet {xmlns} xmlns:x14ac="{X14}">{head}<{p}sheetData>{rows}'
        f"</{p}sheetData>{tail}</{p}worksheet>"
    )


HIDDEN = ' hidden="1"'
HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
CASES = {
    "shared strings": '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c></row>',
    "bad indexes": '<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2" t="s"><v>x</v></c>'
    '<c r="C2" t="s"><v>-1</v></c><c r="D2" t="s"><v> 2 </v></c></row>',
    "inline": '<row r="2"><c r="A2" t="inlineStr"><is><t>Jo &amp; Al &#233;&#x263A;</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t xml:space="preserve"> a_x000D_b </t></is></c></row>',
    "rich text": '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>Jo</t></r>'
    '<r><t xml:space="preserve"> Bloggs</t></r><rPh sb="0" eb="1"><t>jo</t></rPh></is></c></row>',
    "formula": '<row r="2"><c r="A2"><f>SUM(B2:C2)</f><v>3</v></c><c r="B2" t="str">'
    '<f>A1&amp;B1</f><v>x&lt;y</v></c><c r="C2"><v>1</v><extLst/></c></row>',
    "types": '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c>'
    '<c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="n"><v>1.5</v></c><c r="E2" t="d">'
    "<v>2024-01-01</v></c></row>",
    "empty cells": '<row r="2"><c r="A2"/><c r="B2"></c><c r="C2"><v></v></c><c r="D2"><v/></c>'
    '<c r="E2" s="1"/></row><row r="3"/><row r="4"></row>',
    "missing refs": '<row><c><v>1</v></c><c/><c t="s"><v>3</v></c></row>'
    '<row><c r="C3"><v>2</v></c><c><v>4</v></c></row>',
    "out of order refs": '<row r="2"><c r="A2"><v>1</v></c><c r="Q2"><v>2</v></c>'
    '<c r="C2"><v>3</v></c></row><row r="3"><c r="C3"><v>1</v></c><c r="a3"><v>2</v></c>'
    '<c r="$B$3"><v>3</v></c><c r="7"><v>4</v></c></row>',
    "dense with a gap": '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c><c r="C2"><v>3</v>'
    "</c></row>",
    "hidden rows": '<row r="2" hidden="1"><c r="A2" t="s"><v>3</v></c></row>'
    '<row r="3" hidden="true" outlineLevel="1"><c r="A3"><v>5</v></c></row>'
    '<row r="4" collapsed="1"><c r="A4"><v>6</v></c></row>'
    '<row r="9" hidden="0" x14ac:dyDescent="0.25"><c r="B9"><v>7</v></c></row>',
    "row numbers": '<row r="5"><c r="A5"><v>1</v></c></row><row><c r="A6"><v>2</v></c></row>'
    '<row r="x"><c><v>3</v></c></row><row r="20000"><c><v>4</v></c></row>',
    "far columns": '<row r="2"><c r="XFD2"><v>1</v></c><c r="XFE2"><v>2</v></c>'
    '<c r="AA2"><v>3</v></c></row>',
    "spacing": '<row  r = "2"  >\n  <c r="A2"\n t="s" ><v>3</v></c>\n\t<c r="B2" ><v>9</v></c>\n'
    "</row>\n",
    "long string": '<row r="2"><c r="A2" t="inlineStr"><is><t>' + "Bloggs " * 30_000 + "</t></is>"
    "</c></row>",
    "unicode": '<row r="2"><c r="A2" t="inlineStr"><is><t>Zoë Ólafsdóttir 😀 東京</t></is></c>'
    '<c r="B2" t="str"><v>&#128512;&#xE9;&quot;&apos;&gt;</v></c></row>',
    "concealing style": '<row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2" s="0"><v>2</v></c></row>',
    "lane and pattern rows mixed": '<row r="2"><c r="A2" t="s"><v>3</v></c></row><row r="3"/>'
    '<row r="4" hidden="1"/><row r="5"><c r="A5"><f>1+1</f><v>2</v></c></row>'
    '<row r="6"><c r="A6" t="s"><v>4</v></c><c r="B6" t="b"><v>1</v></c><c r="C6" s="1"/>'
    '</row><row r="7" hidden="1"><c r="A7" t="s"><v>5</v></c></row>'
    '<row r="8" hidden="1"><c r="B8" t="inlineStr"><is><t>x_x0041_</t></is></c></row>',
    "row attributes shared by rows": "".join(
        f'<row r="{n}" spans="1:2"{HIDDEN if n % 3 == 0 else ""}>'
        f'<c r="A{n}" t="s"><v>{n % 7}</v></c><c r="B{n}" s="1"><v>{n}</v></c></row>'
        for n in range(2, 12)
    ),
    "letters in a row number": '<row r="B2"><c r="AB2"><v>1</v></c></row>'
    '<row r="C3"><c r="AC3" t="s"><v>3</v></c><c r="AD3" t="s"><v>4</v></c></row>',
    "self-closing rows before a row the lane does not read": '<row r="2"/><row r="3" hidden="1"/>'
    '<row r="4"><c r="A4"><v>1</v></c><c r="B4"><v/></c></row><row r="5"/>',
}
FALLBACKS = {
    "empty reference": '<row r="2"><c r="A2"><v>1</v></c><c r=""><v>5</v></c></row>',
    "cdata": '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[Jo <b>]]></t></is></c></row>',
    "comment": '<row r="2"><!-- note --><c r="A2"><v>1</v></c></row>',
    "single quotes": "<row r='2'><c r='A2'><v>1</v></c></row>",
    "unknown entity": '<row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row>',
    "bad char ref": '<row r="2"><c r="A2" t="str"><v>&#1;</v></c></row>',
    "repeated attribute": '<row r="2"><c r="A2" r="B2"><v>1</v></c></row>',
    "carriage return": '<row r="2"><c r="A2" t="str"><v>a\r\nb</v></c></row>',
    "stray text": '<row r="2">text<c r="A2"><v>1</v></c></row>',
    "undeclared prefix": '<row r="2" y:foo="1"><c r="A2"><v>1</v></c></row>',
    "mismatched": '<row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></row>',
    "processing instruction": '<row r="2"><?pi x?><c r="A2"><v>1</v></c></row>',
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("prefix", ["", "x"])
def test_table_driven_sheets_read_alike(
    name: str, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = HEADER_ROW + CASES[name]
    if prefix:
        rows = rows.replace("<", "<x:").replace("<x:/", "</x:").replace("<x:!", "<!")
        rows = rows.replace("<x:?", "<?")
    layout = '<dimension ref="A1:C9"/><sheetFormatPr defaultRowHeight="15"/>'
    p = f"{prefix}:" if prefix else ""
    head = layout.replace("<", f"<{p}") + f'<{p}cols><{p}col min="2" max="2" hidden="1"/></{p}cols>'
    fast, parsed, fell_back = both(workbook(worksheet(rows, prefix, head=head)), monkeypatch)
    assert fast == parsed
    assert fell_back == 0


@pytest.mark.parametrize("name", sorted(FALLBACKS))
def test_what_the_fast_reader_does_not_take_goes_to_the_parser(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = HEADER_ROW + '<row r="2"><c r="A2"><v>7</v></c></row>' + FALLBACKS[name]
    fast, parsed, fell_back = both(workbook(worksheet(rows)), monkeypatch)
    assert fast == parsed
    assert fell_back == 1


@pytest.mark.parametrize(
    "sheet",
    [
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "Jo Bloggs">]>'
        + worksheet(HEADER_ROW + '<row r="2"><c r="A2" t="str"><v>&e;</v></c></row>'),
        worksheet(HEADER_ROW, head="<!-- <sheetData> -->"),
        worksheet(HEADER_ROW, decl='<?xml version="1.0" encoding="ISO-8859-1"?>'),
        worksheet(HEADER_ROW, tail="<sheetData><row><c><v>2</v></c></row></sheetData>"),
        worksheet(HEADER_ROW)
        .replace("<sheetData>", "<sheetData/>", 1)
        .replace("</sheetData>", "", 1),
    ],
)
def test_unusual_parts_go_to_the_parser(sheet: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, parsed, fell_back = both(workbook(sheet), monkeypatch)
    assert fast == parsed
    assert fell_back == 1


def test_a_sheet_cut_off_mid_rows_fails_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = HEADER_ROW + "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 3000)
    )
    broken = worksheet(rows)[:-2000]
    damage = []
    for patched in (False, True):
        with monkeypatch.context() as patch:
            if patched:
                patch.setattr(sheets_module, "fast_rows", _refusing)
            seen = inspect(inspect_xlsx, workbook(broken), "t.xlsx")
            damage.append([(u.where, _damage(u.reason)) for u in seen.unread])
    assert damage[0] and damage[0] == damage[1]


def _refusing(*args: object, **kwargs: object) -> Iterator[object]:
    raise Fallback
    yield  # pragma: no cover


def test_many_rows_cross_block_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    cells = "".join(f'<c r="{c}{{n}}" t="s"><v>{i % 7}</v></c>' for i, c in enumerate("ABCDEFGH"))
    hidden = ' hidden="1"'
    rows = HEADER_ROW + "".join(
        f'<row r="{n}"{hidden if n % 37 == 0 else ""}>{cells.replace("{n}", str(n))}</row>'
        for n in range(2, 40_000)
    )
    fast, parsed, fell_back = both(workbook(worksheet(rows)), monkeypatch)
    assert fast == parsed
    assert fell_back == 0


def test_producer_shaped_workbooks_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = SheetSpec(
        "Data",
        [
            ["Name", "Rank", "Note"],
            ["Jo Bloggs", "PC", 3],
            ["Al & Bo", None, "<x>"],
            ["Z", 1.5, ""],
        ],
        hidden_rows=(3,),
        hidden_columns=("B",),
    )
    for data in (
        build_xlsx([spec, SheetSpec("Other", spec.rows, state="hidden")]),
        build_xlsx([SheetSpec("C", spec.rows, collapsed_rows=(2,), concealed_cells=("C2",))]),
        build_xlsx([SheetSpec("F", [["k"], ["a"], ["b"], ["a"]], filtered_rows=(3,))]),
        build_raw_xlsx([spec]),
        build_raw_xlsx([spec], inline_strings=False, cell_refs=True),
        build_raw_xlsx([spec], prefix=""),
    ):
        fast, parsed, fell_back = both(data, monkeypatch)
        assert fast == parsed
        assert fell_back == 0


TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\x00"), max_size=12)


def _escape(text: str) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(c if c in "\t\n" or ord(c) >= 32 else f"&#{ord(c)};" for c in out)


@st.composite
def cells(draw: st.DrawFn, row: int, column: int) -> str:
    ref = draw(st.sampled_from([f"{chr(65 + column)}{row}", "", f"{chr(66 + column)}{row}", "A1"]))
    attributes = f' r="{ref}"' if ref else ""
    if draw(st.booleans()):
        attributes += ' s="1"'
    kind = draw(st.sampled_from(["v", "s", "inline", "rich", "b", "str", "empty", "self"]))
    if kind == "self":
        return f"<c{attributes}/>"
    if kind == "empty":
        return f"<c{attributes}></c>"
    if kind == "s":
        index = draw(st.integers(-2, len(STRINGS) + 1))
        return f'<c{attributes} t="s"><v>{index}</v></c>'
    if kind == "b":
        return f'<c{attributes} t="b"><v>{draw(st.sampled_from(["0", "1", "x"]))}</v></c>'
    text = _escape(draw(TEXT))
    if kind == "inline":
        return f'<c{attributes} t="inlineStr"><is><t>{text}</t></is></c>'
    if kind == "rich":
        return (
            f'<c{attributes} t="inlineStr"><is><r><t>{text}</t></r><r><t>_x0041_</t></r></is></c>'
        )
    tag = ' t="str"' if kind == "str" else ""
    return f"<c{attributes}{tag}><v>{text}</v></c>"


@st.composite
def sheets(draw: st.DrawFn) -> str:
    rows = []
    number = 0
    for _ in range(draw(st.integers(1, 8))):
        number += draw(st.integers(1, 3))
        attributes = f' r="{number}"' if draw(st.booleans()) else ""
        hidden = draw(st.sampled_from(["", ' hidden="1"', ' hidden="1" outlineLevel="1"']))
        width = draw(st.integers(0, 5))
        body = "".join(draw(cells(number, column)) for column in range(width))
        rows.append(f"<row{attributes}{hidden}>{body}</row>")
    cols = draw(st.sampled_from(["", '<cols><col min="2" max="3" hidden="1"/></cols>']))
    prefix = draw(st.sampled_from(["", "x"]))
    xml = worksheet("".join(rows), head=cols)
    if prefix:
        xml = worksheet("".join(rows), "x", head=cols)
        xml = xml.replace("<row", "<x:row").replace("</row", "</x:row").replace("<c", "<x:c")
        xml = xml.replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>")
        xml = xml.replace("<is>", "<x:is>").replace("</is>", "</x:is>").replace("<t>", "<x:t>")
        xml = xml.replace("</t>", "</x:t>").replace("<r>", "<x:r>").replace("</r>", "</x:r>")
        xml = xml.replace("<cols>", "<x:cols>").replace("</cols>", "</x:cols>")
        xml = xml.replace("<col ", "<x:col ")
    return xml


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets())
def test_generated_sheets_read_alike(sheet: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, parsed, _ = both(workbook(sheet), monkeypatch)
    assert fast == parsed


X14_MAIN = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
EXTRAS = {
    "header and footer": '<{p}headerFooter differentFirst="1"><{p}oddHeader>&amp;C&amp;"Arial,'
    'Bold"&amp;12Jo Bloggs</{p}oddHeader><{p}oddFooter>&amp;LR&amp;&amp;D&amp;RPage &amp;P'
    "</{p}oddFooter><{p}firstFooter><![CDATA[&LAl & Bo]]></{p}firstFooter></{p}headerFooter>",
    "data validation": '<{p}dataValidations count="2"><{p}dataValidation type="list" '
    'sqref="D2:D9" prompt="Ask Jo" error="Al &amp; Bo only"><{p}formula1>"Jo Bloggs,'
    'Al &amp; Bo"</{p}formula1></{p}dataValidation><{p}dataValidation type="whole" sqref="E2">'
    "<{p}formula1>1</{p}formula1></{p}dataValidation></{p}dataValidations>",
    "x14 data validation": f'<{{p}}extLst><{{p}}ext uri="{{CCE6A557}}" xmlns:x14="{X14_MAIN}">'
    f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" '
    'promptTitle="Jo Bloggs"><x14:formula1><xm:f>"Zoë Ólafsdóttir,Al"</xm:f></x14:formula1>'
    "<xm:sqref>F2:F40</xm:sqref></x14:dataValidation></x14:dataValidations></{p}ext>"
    "</{p}extLst>",
}


@pytest.mark.parametrize("name", sorted(EXTRAS))
@pytest.mark.parametrize("prefix", ["", "x"])
def test_headers_footers_and_validations_read_alike(
    name: str, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = f"{prefix}:" if prefix else ""
    rows = HEADER_ROW.replace("<", f"<{p}").replace(f"<{p}/", f"</{p}")
    tail = EXTRAS[name].replace("{p}", p)
    fast, parsed, fell_back = both(workbook(worksheet(rows, prefix, tail=tail)), monkeypatch)
    assert fast == parsed
    assert fell_back == 0
    texts = fast[2]
    assert isinstance(texts, list) and any("Jo Bloggs" in t.text for t in texts)


def test_extras_noted_before_the_parser_takes_over_are_not_doubled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tail = EXTRAS["data validation"].replace("{p}", "") + "<sheetData/>"
    fast, parsed, fell_back = both(workbook(worksheet(HEADER_ROW, tail=tail)), monkeypatch)
    assert fast == parsed
    assert fell_back == 1
    texts = fast[2]
    assert isinstance(texts, list)
    assert [t.text for t in texts if t.where.endswith(" list")] == ["Jo Bloggs", "Al & Bo"]


def test_producer_rows_are_read_in_the_lane(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of the shapes producers write take the one-pass lane, not the general pattern."""
    from detectors.formats.xlsx import fastrows

    calls = {"lane": 0, "pattern": 0}
    lane, pattern = fastrows._Rows._lane_cells, fastrows._Rows._cells

    def counted_lane(self: object, *args: object) -> object:
        calls["lane"] += 1
        return lane(self, *args)  # type: ignore[arg-type]

    def counted_pattern(self: object, *args: object) -> object:
        calls["pattern"] += 1
        return pattern(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(fastrows._Rows, "_lane_cells", counted_lane)
    monkeypatch.setattr(fastrows._Rows, "_cells", counted_pattern)
    rows = [["Name", "Rank", "Number"]] + [[f"Officer {n}", "PC", n] for n in range(50)]
    inspect(inspect_xlsx, build_xlsx([SheetSpec("Staff", rows)]), "t.xlsx")
    assert calls["lane"] == 51
    assert calls["pattern"] == 0


def test_column_letters_table_matches_the_reference_conversion() -> None:
    from detectors.formats._sheet import MAX_COLUMNS, column_letter
    from detectors.formats.xlsx.cells import letters

    assert letters() == [column_letter(i) for i in range(MAX_COLUMNS)]
