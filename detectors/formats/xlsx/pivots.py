"""Pivot caches: the full copy of a pivot table's source rows that Excel saves with the file.

`pivotCacheDefinition*.xml` names the source (`cacheSource/worksheetSource`) and each field
with every distinct value it took (`sharedItems`); `pivotCacheRecords*.xml` holds one `<r>`
per source row, each value inline or as `<x v="i"/>`, an index into that field's items.
Deleting the source sheet does not delete either part: this is how Norfolk & Suffolk
published 1,230 victims and witnesses. Items no record uses (kept from earlier source rows)
are yielded too.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._sheet import column_letter, split_ref
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import relationships, stream
from detectors.formats.xlsx.pivotrecords import Fallback, fast_records
from detectors.formats.xlsx.workbook import Workbook
from detectors.limits import Budget
from detectors.model import Item, Structure, Table, Text, Unread, Vector


@dataclass
class _Field:
    name: str
    items: list[str] = field(default_factory=list)
    in_records: bool = True
    used: bytearray = field(default_factory=bytearray)


@dataclass
class _Source:
    sheet: str = ""
    ref: str = ""
    name: str = ""
    kind: str = ""
    refreshed_by: str = ""

    def describe(self) -> str:
        if self.sheet and self.ref:
            return f"source '{self.sheet}'!{self.ref}"
        if self.name:
            return f"source name '{self.name}'"
        if self.sheet:
            return f"source sheet '{self.sheet}'"
        return f"{self.kind or 'unknown'} source"


def inspect_pivots(zf: SafeZip, book: Workbook, budget: Budget) -> Iterator[Item]:
    """Every pivot cache: the records as a Table, then items no record uses, then a Structure."""
    listed = list(book.pivot_caches.values())
    others = [p for p in zf.matching("xl/pivotCache/pivotCacheDefinition", ".xml")]
    for number, path in enumerate(dict.fromkeys(listed + others), start=1):
        if not zf.has(path):
            continue
        try:
            yield from _cache(zf, path, number, budget)
        except UnreadableDocument as error:
            yield Unread(f"pivot cache {number}", str(error), vector=Vector.PIVOT_CACHE)


def _cache(zf: SafeZip, path: str, number: int, budget: Budget) -> Iterator[Item]:
    source, fields, declared = _definition(zf, path, budget)
    where = f"pivot cache {number} ({source.describe()})"
    if source.refreshed_by.strip():
        yield Text(source.refreshed_by.strip(), Vector.METADATA, f"{where} refreshed by")
    records = _records_path(zf, path)
    database = [f for f in fields if f.in_records]
    first_row, columns = _placement(source, database)
    count = [0]
    if records:
        rows = _rows(zf, records, database, budget, count)
        yield Table(
            where=where,
            vector=Vector.PIVOT_CACHE,
            header=tuple(f.name for f in database),
            rows=rows,
            first_row=first_row,
            columns=columns,
        )
        for _ in rows:  # count what the consumer left
            pass
    leftover = [_unused(f) if records else f.items for f in fields]
    if any(leftover):
        kept = [(f.name, items) for f, items in zip(fields, leftover, strict=True) if items]
        yield Table(
            where=f"{where} items {'no record uses' if records else '(no records part)'}",
            vector=Vector.PIVOT_CACHE,
            header=tuple(name for name, _ in kept),
            rows=itertools.zip_longest(*(items for _, items in kept), fillvalue=""),
            first_row=1,
            columns=tuple(name for name, _ in kept),
        )
    distinct = sum(len(f.items) for f in fields)
    detail = (
        f"{count[0]:,} records of {len(database):,} fields"
        if records
        else f"no records part; {len(fields):,} fields with {distinct:,} distinct values"
        + (f" (definition says {declared:,} records)" if declared else "")
    )
    yield Structure(Vector.PIVOT_CACHE, where, detail)


def _definition(zf: SafeZip, path: str, budget: Budget) -> tuple[_Source, list[_Field], int]:
    """The source, the fields with their items, and the record count the definition states."""
    source = _Source()
    fields: list[_Field] = []
    declared = 0
    events = stream(
        zf,
        path,
        ("{*}pivotCacheDefinition", "{*}cacheSource", "{*}worksheetSource", "{*}cacheField"),
        events=("start", "end"),
    )
    for event, element in events:
        name = local(element.tag)
        if event == "start":
            if name == "pivotCacheDefinition":
                count = element.get("recordCount") or ""
                declared = int(count) if count.isdigit() else 0
                source.refreshed_by = element.get("refreshedBy") or ""
            elif name == "cacheSource":
                source.kind = element.get("type") or ""
            continue
        if name == "worksheetSource":
            source.sheet = element.get("sheet") or ""
            source.ref = element.get("ref") or ""
            source.name = element.get("name") or ""
        elif name == "cacheField":
            budget.check()
            fields.append(_field(element))
            free(element)
    return source, fields, declared


def _field(element: object) -> _Field:
    get = element.get  # type: ignore[attr-defined]
    result = _Field(
        get("name") or "", in_records=(get("databaseField") or "1") not in ("0", "false")
    )
    for child in element:  # type: ignore[attr-defined]
        if local(child.tag) == "sharedItems":
            result.items = [_value(item) for item in child]
    result.used = bytearray(len(result.items))
    return result


def _value(item: object) -> str:
    name = local(item.tag)  # type: ignore[attr-defined]
    if name == "m":
        return ""
    value = item.get("v") or ""  # type: ignore[attr-defined]
    if name == "b":
        return "TRUE" if value in ("1", "true") else "FALSE"
    return value


def _records_path(zf: SafeZip, definition: str) -> str | None:
    for rel in relationships(zf, definition).values():
        if rel.kind == "pivotCacheRecords" and not rel.external and zf.has(rel.target):
            return rel.target
    folder, name = posixpath.split(definition)
    guess = posixpath.join(folder, name.replace("Definition", "Records"))
    return guess if guess != definition and zf.has(guess) else None


def _placement(source: _Source, fields: list[_Field]) -> tuple[int, tuple[str, ...]]:
    """First data row and column letters of the source range, or field names as labels."""
    if source.ref:
        try:
            column, row = split_ref(source.ref.partition(":")[0])
        except ValueError:
            column, row = -1, -1
        if column >= 0 and row > 0:
            return row + 1, tuple(column_letter(column + i) for i in range(len(fields)))
    return 2, tuple(f.name for f in fields)


def _rows(
    zf: SafeZip, path: str, fields: list[_Field], budget: Budget, count: list[int]
) -> Iterator[tuple[str, ...]]:
    """The records, read from the bytes where they have the plain shapes producers write.

    When the fast reader (`pivotrecords`) meets anything it cannot read exactly as the XML
    parser would, the parser reads the part and gives the records after those already given.
    """
    given = 0
    try:
        for batch in fast_records(
            zf, path, [f.items for f in fields], [f.used for f in fields], budget
        ):
            yield from batch
            given += len(batch)
        count[0] = given
        return
    except Fallback:
        pass
    yield from itertools.islice(_records(zf, path, fields, budget, count), given, None)


def _records(
    zf: SafeZip, path: str, fields: list[_Field], budget: Budget, count: list[int]
) -> Iterator[tuple[str, ...]]:
    """The records through the hardened XML parser."""
    width = len(fields)
    items = [f.items for f in fields]
    used = [f.used for f in fields]
    x_tag = b_tag = ""
    for number, (_, record) in enumerate(stream(zf, path, "{*}r"), start=1):
        if not x_tag:
            tag = str(record.tag)
            namespace = tag[: tag.index("}") + 1] if "}" in tag else ""
            x_tag, b_tag = namespace + "x", namespace + "b"
        if not number % 1024:
            budget.check()
            parent = record.getparent()
            if parent is not None:
                del parent[:-1]  # the records already yielded
        values: list[str] = []
        for position, child in enumerate(record):
            raw = child.get("v")
            if child.tag == x_tag and position < width:
                try:
                    index = int(raw or "")
                    values.append(items[position][index])
                    used[position][index] = 1
                except (ValueError, IndexError):
                    values.append("")
            elif raw is None:
                values.append("")  # <m/>: missing
            elif child.tag == b_tag:
                values.append("TRUE" if raw in ("1", "true") else "FALSE")
            else:
                values.append(raw)
        count[0] = number
        yield tuple(values)


def _unused(f: _Field) -> list[str]:
    return [item for item, used in zip(f.items, f.used, strict=True) if not used and item]
