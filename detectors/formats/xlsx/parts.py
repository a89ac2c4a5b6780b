"""Reading a workbook package: typed relationships, small parts whole, big ones streamed."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats._archive import SafeZip
from detectors.formats._xml import iterparse, local, parse

MAX_SMALL_PART = 32 * 1024 * 1024
"""Parts parsed whole (workbook, styles, properties, rels) must be smaller than this."""


class Rel(NamedTuple):
    """One relationship of a part: its kind (last word of the Type URI) and resolved target."""

    id: str
    kind: str
    target: str
    external: bool


def rels_path(part: str) -> str:
    """'xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels'."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(part: str, target: str) -> str:
    """A relationship target made into a member name, relative to the part that holds it."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def relationships(zf: SafeZip, part: str) -> dict[str, Rel]:
    """The relationships of `part` by id; {} when it has none or they cannot be read."""
    return read_relationships(zf, part)[0]


def read_relationships(zf: SafeZip, part: str) -> tuple[dict[str, Rel], str | None]:
    """The relationships of `part` by id, and why its relationships part cannot be read when
    it is present but damaged (None when it is absent or read)."""
    path = rels_path(part)
    if not zf.has(path):
        return {}, None
    if zf.size(path) > MAX_SMALL_PART:
        return {}, f"part {path!r} is implausibly large for its kind"
    try:
        root = parse(zf.read(path))
    except UnreadableDocument as error:
        return {}, f"part {path!r}: {error}"
    rels: dict[str, Rel] = {}
    for element in root:
        if local(element.tag) != "Relationship":
            continue
        target = element.get("Target") or ""
        external = (element.get("TargetMode") or "").lower() == "external"
        kind = (element.get("Type") or "").rsplit("/", 1)[-1]
        rels[element.get("Id") or ""] = Rel(
            element.get("Id") or "", kind, target if external else resolve(part, target), external
        )
    return rels, None


def rel_id(element: etree._Element) -> str | None:
    """The r:id of an element whatever the relationships namespace (transitional or strict)."""
    for key, value in element.attrib.items():
        if str(key).endswith("}id"):
            return str(value)
    return None


def read_small(zf: SafeZip, path: str) -> etree._Element | None:
    """Parse a small part whole; None when it is absent. Oversized parts are refused."""
    if not zf.has(path):
        return None
    if zf.size(path) > MAX_SMALL_PART:
        raise UnreadableDocument(f"part {path!r} is implausibly large for its kind")
    return parse(zf.read(path))


def stream(
    zf: SafeZip, path: str, tags: tuple[str, ...] | str | None, events: tuple[str, ...] = ("end",)
) -> Iterator[tuple[str, etree._Element]]:
    """iterparse over one member; a member that is corrupt mid-stream becomes unreadable."""
    with zf.open(path) as member:
        try:
            yield from iterparse(member, tags, events)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
            raise UnreadableDocument(f"member {path!r} is corrupt: {error}") from error


def main_part(zf: SafeZip, default: str) -> str:
    """The package's main part from `_rels/.rels` (officeDocument), else `default`."""
    for rel in relationships(zf, "").values():
        if rel.kind == "officeDocument" and zf.has(rel.target):
            return rel.target
    return default
