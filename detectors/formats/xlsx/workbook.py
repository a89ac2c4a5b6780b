"""The workbook part: sheets and their states, defined names, pivot caches, file-level names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import local
from detectors.formats.xlsx.parts import (
    Rel,
    main_part,
    read_relationships,
    read_small,
    rel_id,
    relationships,
)
from detectors.model import Structure, Text, Unread, Vector

_STATES = {"hidden": Vector.HIDDEN_SHEET, "veryHidden": Vector.VERY_HIDDEN_SHEET}


@dataclass
class Sheet:
    """One sheet as the workbook lists it."""

    name: str
    state: Vector
    path: str | None
    kind: str
    """worksheet, chartsheet, dialogsheet or macrosheet (its relationship kind)."""
    _rels: dict[str, Rel] | None = None

    def rels(self, zf: SafeZip) -> dict[str, Rel]:
        if self._rels is None:
            self._rels = relationships(zf, self.path) if self.path else {}
        return self._rels


@dataclass(frozen=True)
class Name:
    name: str
    value: str
    hidden: bool
    scope: str | None


@dataclass
class Workbook:
    path: str
    sheets: list[Sheet]
    names: list[Name]
    rels: dict[str, Rel]
    pivot_caches: dict[str, str] = field(default_factory=dict)
    """cacheId -> pivotCacheDefinition part."""
    people: list[tuple[str, str]] = field(default_factory=list)
    """(where, value) of names the workbook part itself stores: reservation user, save path."""
    unread: list[Unread] = field(default_factory=list)
    """Damaged parts of the workbook's own (its relationships), read around where possible."""

    def part(self, kind: str) -> str | None:
        """The target of the workbook's first relationship of `kind` (sharedStrings, styles)."""
        for rel in self.rels.values():
            if rel.kind == kind and not rel.external:
                return rel.target
        return None

    def sheet_of(self, part: str) -> Sheet | None:
        return next((sheet for sheet in self.sheets if sheet.path == part), None)


def read_workbook(zf: SafeZip) -> Workbook:
    path = main_part(zf, "xl/workbook.xml")
    root = read_small(zf, path)
    if root is None:
        raise UnreadableDocument("the workbook part is missing")
    rels, damage = read_relationships(zf, path)
    book = Workbook(path, [], [], rels)
    if damage:
        book.rels = rels = _guessed_rels(zf, root)
        book.unread.append(
            Unread(
                "workbook relationships",
                f"{damage}; sheets and parts found by their usual names instead",
            )
        )
    for element in root:
        name = local(element.tag)
        if name == "sheets":
            for sheet in element:
                rel = rels.get(rel_id(sheet) or "")
                book.sheets.append(
                    Sheet(
                        name=sheet.get("name") or "?",
                        state=_STATES.get(sheet.get("state") or "", Vector.CELL),
                        path=rel.target if rel and not rel.external else None,
                        kind=rel.kind if rel else "worksheet",
                    )
                )
        elif name == "definedNames":
            for defined in element:
                scope = defined.get("localSheetId")
                book.names.append(
                    Name(
                        name=defined.get("name") or "?",
                        value=(defined.text or "").strip(),
                        hidden=(defined.get("hidden") or "") in ("1", "true"),
                        scope=_sheet_name(book, scope),
                    )
                )
        elif name == "pivotCaches":
            for cache in element:
                rel = rels.get(rel_id(cache) or "")
                if rel and not rel.external:
                    book.pivot_caches[cache.get("cacheId") or str(len(book.pivot_caches))] = (
                        rel.target
                    )
        elif name == "fileSharing" and element.get("userName"):
            book.people.append(("workbook reserved by", element.get("userName") or ""))
    for element in root.iter("{*}absPath"):
        if element.get("url"):
            book.people.append(("folder the workbook was last saved in", element.get("url") or ""))
    return book


_NUMBER = re.compile(r"(\d+)\.xml$")
_USUAL_PARTS = {"sharedStrings": "xl/sharedStrings.xml", "styles": "xl/styles.xml"}


def _guessed_rels(zf: SafeZip, root: etree._Element) -> dict[str, Rel]:
    """Relationships rebuilt without the damaged rels part: each sheet entry is given the
    worksheet part of its sheetId (sheet3.xml for sheetId 3, as Excel names them), else the
    next worksheet part no entry has claimed; shared strings and styles their usual parts."""
    parts = sorted(
        zf.matching("xl/worksheets/", ".xml"),
        key=lambda p: (int(m.group(1)) if (m := _NUMBER.search(p)) else 0, p),
    )
    parts = [p for p in parts if p.count("/") == 2]
    entries = [e for sheets in root if local(sheets.tag) == "sheets" for e in sheets]
    claimed: dict[str, str] = {}
    for entry in entries:
        usual = f"xl/worksheets/sheet{entry.get('sheetId') or ''}.xml"
        if zf.has(usual) and usual not in claimed.values():
            claimed[rel_id(entry) or ""] = usual
    free = [p for p in parts if p not in claimed.values()]
    for entry in entries:
        key = rel_id(entry) or ""
        if key not in claimed and free:
            claimed[key] = free.pop(0)
    rels = {key: Rel(key, "worksheet", target, False) for key, target in claimed.items()}
    for kind, target in _USUAL_PARTS.items():
        if zf.has(target):
            rels[f"usual {kind}"] = Rel(f"usual {kind}", kind, target, False)
    return rels


def _sheet_name(book: Workbook, index: str | None) -> str | None:
    if index is None or not index.isdigit():
        return None
    position = int(index)
    return book.sheets[position].name if position < len(book.sheets) else None


def workbook_items(book: Workbook) -> Iterator[Text | Structure | Unread]:
    """Defined names (their formulas and constants) and the names the workbook part holds."""
    for name in book.names:
        scope = f" (sheet '{name.scope}')" if name.scope else ""
        hidden = " hidden" if name.hidden else ""
        if name.value:
            yield Text(
                name.value,
                Vector.DEFINED_NAME,
                f"{hidden.strip() or 'defined'} name '{name.name}'{scope}",
            )
    if book.names:
        hidden_count = sum(1 for name in book.names if name.hidden)
        yield Structure(
            Vector.DEFINED_NAME,
            "defined names",
            f"{len(book.names):,} defined names, {hidden_count:,} of them hidden",
        )
    for where, value in book.people:
        yield Text(value, Vector.METADATA, where)
    # A sheet named for a person ("J Smith 4471", one sheet an officer) names them wherever
    # the sheet is listed; the names are read as one list.
    names = "\n".join(sheet.name for sheet in book.sheets if sheet.name.strip())
    if names:
        yield Text(names, Vector.METADATA, "sheet names")
    yield from book.unread
