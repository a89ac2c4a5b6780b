"""Copies of data kept behind the sheets: charts, external links, queries, the data model.

- charts (`c:strCache`/`c:numCache`, chartEx `cx:lvl`): plotted values -> CHART_CACHE
- external links (`sheetDataSet`): another workbook's cells -> EXTERNAL_LINK_CACHE
- query tables, connections, Power Query (M code, "Enter data" tables) -> QUERY_TABLE
- the Power Pivot data model (`xl/model/`), OLAP slicer captions -> DATA_MODEL
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Iterator

from lxml import etree

from detectors.errors import DocumentTooLarge, UnreadableDocument
from detectors.formats._archive import SafeZip, open_zip
from detectors.formats._sheet import Layout, Row, sheet_tables, split_ref
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import read_small, rel_id, relationships, stream
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Unread, Vector

_MB = 1024 * 1024
_PASSWORD = re.compile(r"(?i)\b(password|pwd)\s*=\s*[^;\s]")


def inspect_caches(zf: SafeZip, budget: Budget) -> Iterator[Item]:
    for folder, reader, vector in (
        ("xl/charts/", _chart, Vector.CHART_CACHE),
        ("xl/externalLinks/externalLink", _external_link, Vector.EXTERNAL_LINK_CACHE),
        ("xl/queryTables/", _query_table, Vector.QUERY_TABLE),
        ("xl/slicerCaches/", _slicer_cache, Vector.DATA_MODEL),
    ):
        for number, path in enumerate(zf.matching(folder, ".xml"), start=1):
            yield from _guarded(path, vector, reader(zf, path, number, budget))
    if zf.has("xl/connections.xml"):
        yield from _guarded("xl/connections.xml", Vector.QUERY_TABLE, _connections(zf))
    yield from _custom_xml(zf)
    model = [p for p in zf.matching("xl/model/") if not p.endswith("/")]
    if model:
        size = sum(zf.size(p) for p in model)
        yield Unread(
            "data model (Power Pivot) in xl/model/",
            f"{size / _MB:,.1f} MB of compressed tables that no reader here decodes",
            vector=Vector.DATA_MODEL,
        )


def _guarded(path: str, vector: Vector, items: Iterator[Item]) -> Iterator[Item]:
    """A broken cache part is reported as such and the rest of the workbook still read."""
    try:
        yield from items
    except UnreadableDocument as error:
        yield Unread(path, str(error), vector=vector)


# -- charts -----------------------------------------------------------------------------------


def _chart(zf: SafeZip, path: str, number: int, budget: Budget) -> Iterator[Item]:
    caches = 0
    for _, element in stream(zf, path, ("{*}strCache", "{*}numCache", "{*}lvl")):
        budget.check()
        values = [
            (point.findtext("{*}v") or point.text or "").strip()
            for point in element
            if isinstance(point.tag, str) and local(point.tag) == "pt"
        ]
        if not any(values):
            continue
        caches += 1
        parent = element.getparent()
        formula = ""
        if parent is not None:
            formula = next(
                (c.text or "" for c in parent if isinstance(c.tag, str) and local(c.tag) == "f"), ""
            )
        label = formula or f"series values {caches}"
        yield Table(
            where=f"chart {number} cache of {label}",
            vector=Vector.CHART_CACHE,
            header=(label,),
            rows=[(value,) for value in values],
            first_row=1,
            columns=(label,),
        )
    if caches:
        yield Structure(Vector.CHART_CACHE, f"chart {number}", f"{caches:,} cached value lists")


# -- external links ---------------------------------------------------------------------------


def _external_link(zf: SafeZip, path: str, number: int, budget: Budget) -> Iterator[Item]:
    rels = relationships(zf, path)
    where = f"external link {number}"
    names: list[str] = []
    target = ""
    events = stream(
        zf,
        path,
        ("{*}externalBook", "{*}sheetName", "{*}sheetData", "{*}row"),
        events=("start", "end"),
    )
    cached = 0
    for event, element in events:
        name = local(element.tag)
        if event == "start" and name == "externalBook":
            rel = rels.get(rel_id(element) or "")
            target = rel.target if rel else ""
            if target:
                yield Text(target, Vector.EXTERNAL_LINK_CACHE, f"{where} target")
        elif event == "end" and name == "sheetName":
            names.append(element.get("val") or "")
        elif event == "start" and name == "sheetData":
            sheet_id = element.get("sheetId") or ""
            index = int(sheet_id) if sheet_id.isdigit() else -1
            sheet = names[index] if 0 <= index < len(names) else f"#{sheet_id}"
            cached += 1
            layout = Layout(sheet, Vector.EXTERNAL_LINK_CACHE)
            rows = _link_rows(events, budget)
            for item in sheet_tables(layout, rows, budget):
                yield _relabel(item, f"{where} cached sheet '{sheet}'")
            for _ in rows:
                pass
    yield Structure(
        Vector.EXTERNAL_LINK_CACHE,
        where,
        f"link to another workbook with cached values of {cached:,} sheets",
    )


def _link_rows(events: Iterator[tuple[str, etree._Element]], budget: Budget) -> Iterator[Row]:
    """Rows of one cached sheet, ending with its sheetData."""
    for event, element in events:
        name = local(element.tag)
        if event == "end" and name == "sheetData":
            return
        if event != "end" or name != "row":
            continue
        budget.check()
        values: list[str] = []
        for cell in element:
            try:
                column = split_ref(cell.get("r") or "")[0]
            except ValueError:
                column = -1
            column = column if 0 <= column < 16_384 else len(values)
            text = cell.findtext("{*}v") or ""
            if text:
                values.extend([""] * (column + 1 - len(values)))
                values[column] = text
        number = element.get("r") or ""
        yield Row(int(number) if number.isdigit() else 0, values)
        free(element)


def _relabel(item: Item, where: str) -> Item:
    if isinstance(item, Table):
        return Table(where, item.vector, item.header, item.rows, item.first_row, item.columns)
    if isinstance(item, Structure):
        return Structure(item.vector, where, item.detail.replace("hidden sheet", "cached sheet"))
    return item


# -- queries and connections ------------------------------------------------------------------


def _query_table(zf: SafeZip, path: str, number: int, budget: Budget) -> Iterator[Item]:
    root = read_small(zf, path)
    if root is None:
        return
    name = root.get("name") or str(number)
    fields = [f.get("name") or "" for f in root.iter("{*}queryTableField")]
    where = f"query table '{name}'"
    if any(fields):
        yield Text(", ".join(f for f in fields if f), Vector.QUERY_TABLE, f"{where} field names")
    yield Structure(Vector.QUERY_TABLE, where, f"{len(fields):,} fields from an external query")


def _connections(zf: SafeZip) -> Iterator[Item]:
    root = read_small(zf, "xl/connections.xml")
    if root is None:
        return
    for number, connection in enumerate(root, start=1):
        name = connection.get("name") or str(number)
        where = f"connection '{name}'"
        secret = False
        for element in connection.iter():
            for attribute in (
                "connection",
                "command",
                "url",
                "sourceFile",
                "odcFile",
                "description",
            ):
                value = (element.get(attribute) or "").strip()
                if value:
                    secret = secret or bool(_PASSWORD.search(value))
                    yield Text(value, Vector.QUERY_TABLE, f"{where} {attribute}")
        detail = "data connection" + (" whose connection string holds a password" if secret else "")
        yield Structure(Vector.QUERY_TABLE, where, detail)


def _slicer_cache(zf: SafeZip, path: str, number: int, budget: Budget) -> Iterator[Item]:
    root = read_small(zf, path)
    if root is None:
        return
    name = root.get("sourceName") or root.get("name") or str(number)
    captions = [i.get("c") or "" for i in root.iter("{*}i") if i.get("c")]
    if captions:
        yield Table(
            where=f"slicer cache '{name}'",
            vector=Vector.DATA_MODEL,
            header=(name,),
            rows=[(caption,) for caption in captions],
            first_row=1,
            columns=(name,),
        )
        yield Structure(Vector.DATA_MODEL, f"slicer cache '{name}'", f"{len(captions):,} items")


# -- customXml: Power Query and other bound data ----------------------------------------------


def _custom_xml(zf: SafeZip) -> Iterator[Item]:
    for number, path in enumerate(zf.matching("customXml/item", ".xml"), start=1):
        if "Props" in path:
            continue
        try:
            root = read_small(zf, path)
        except UnreadableDocument as error:
            yield Unread(path, str(error), vector=Vector.METADATA)
            continue
        if root is None:
            continue
        if local(root.tag) == "DataMashup":
            yield from _mashup(root.text or "", number, zf.budget)
            continue
        values = [t.strip() for t in root.itertext() if t.strip()]
        if values:
            yield Text("\n".join(values), Vector.METADATA, f"custom XML part {number}")


def _mashup(encoded: str, number: int, budget: Budget) -> Iterator[Item]:
    """Power Query: a base64 binary whose first part is a zip holding the M formulas, opened
    with the same bomb limits as the workbook itself."""
    where = f"Power Query (custom XML part {number})"
    try:
        blob = base64.b64decode("".join(encoded.split()), validate=False)
        size = int.from_bytes(blob[4:8], "little")
        with open_zip(blob[8 : 8 + size], budget) as package:
            formulas = [n for n in package.names if n.startswith("Formulas/")]
            code = "\n".join(package.read(n).decode("utf-8", "replace") for n in formulas[:20])
    except DocumentTooLarge as refused:
        yield Unread(where, str(refused), limit=True, vector=Vector.QUERY_TABLE)
        return
    except (binascii.Error, UnreadableDocument, ValueError):
        yield Unread(where, "Power Query data that could not be decoded", vector=Vector.QUERY_TABLE)
        return
    yield Structure(Vector.QUERY_TABLE, where, f"{code.count('shared '):,} queries")
    if code.strip():
        yield Text(code, Vector.QUERY_TABLE, f"{where} formulas")
    for index, (header, rows) in enumerate(entered_tables(code), start=1):
        yield Table(
            where=f"{where} entered table {index}",
            vector=Vector.QUERY_TABLE,
            header=header,
            rows=rows,
            first_row=1,
            columns=header,
        )


_ENTERED = re.compile(r'Binary\.FromText\("([A-Za-z0-9+/=]+)"')
_COLUMNS = re.compile(r"type table \[([^\]]*)\]")


def entered_tables(code: str) -> Iterator[tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """Tables typed in with "Enter data": M stores them as deflated JSON in base64."""
    headers = [
        tuple(part.split("=")[0].strip().strip('#"').strip('"') for part in match.split(","))
        for match in _COLUMNS.findall(code)
    ]
    for index, encoded in enumerate(_ENTERED.findall(code)):
        try:
            raw = zlib.decompressobj(-15).decompress(base64.b64decode(encoded), 64 * _MB)
            data = json.loads(raw)
        except (binascii.Error, zlib.error, ValueError):
            continue
        if not isinstance(data, list):
            continue
        rows = [
            tuple("" if v is None else str(v) for v in row) for row in data if isinstance(row, list)
        ]
        width = max((len(r) for r in rows), default=0)
        header = headers[index] if index < len(headers) else ()
        if len(header) != width:
            header = tuple(f"Column{i + 1}" for i in range(width))
        yield header, rows
