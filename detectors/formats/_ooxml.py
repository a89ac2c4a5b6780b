"""Parts shared by the Office Open XML formats: relationships, document properties, embeddings."""

from __future__ import annotations

import io
import posixpath
import re
import struct
from collections.abc import Iterator, Mapping

from lxml import etree

from detectors.errors import UnreadableDocument
from detectors.formats import OLE_MAGIC
from detectors.formats._archive import SafeZip
from detectors.formats._ole import embedded_ole
from detectors.formats._text import mail_address
from detectors.formats._xml import local, parse
from detectors.formats.archive import safe_name
from detectors.model import Embedded, Item, Table, Text, Unread, Vector
from detectors.shown import shown_path

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_SAFE_LABEL = re.compile(r"[^\w .:-]")
_NOT_PERSONAL = re.compile(r"^([\d.:TZ+ -]*|true|false)$", re.IGNORECASE)
"""Counts, flags and timestamps: property values that cannot identify anyone."""


def rels_of(archive: SafeZip, part: str) -> dict[str, str]:
    """Relationship id -> target part path (resolved) of one part; {} when it has none."""
    folder, elements = _relationships(archive, part)
    targets: dict[str, str] = {}
    for element in elements:
        if local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        targets[element.get("Id", "")] = _target(folder, element)
    return targets


def rel_types_of(archive: SafeZip, part: str) -> dict[str, str]:
    """Target part path -> relationship type suffix ("notesSlide", "comments") of one part."""
    folder, elements = _relationships(archive, part)
    kinds: dict[str, str] = {}
    for element in elements:
        if local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        kinds[_target(folder, element)] = element.get("Type", "").rsplit("/", 1)[-1]
    return kinds


def _relationships(archive: SafeZip, part: str) -> tuple[str, list[etree._Element]]:
    """The folder of `part`, and the children of its relationships part ([] when it has none)."""
    folder, base = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    if not archive.has(rels_part):
        return folder, []
    return folder, list(parse(archive.read(rels_part)))


def _target(folder: str, element: etree._Element) -> str:
    """A relationship's target as a part path: absolute from the package root, or relative to
    the folder of the part it belongs to."""
    target = element.get("Target", "")
    resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(resolved)


def label(text: str, limit: int = 40) -> str:
    """A property or field name made safe to show in a location: short, no odd characters."""
    cleaned = _SAFE_LABEL.sub("", text).strip()
    return cleaned[:limit] or "?"


_SOFTWARE_PROPERTIES = frozenset(
    {
        "Application", "AppVersion", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc",
        "HyperlinksChanged", "TotalTime", "Pages", "Words", "Characters", "CharactersWithSpaces",
        "Lines", "Paragraphs", "Slides", "Notes", "HiddenSlides", "MMClips", "PresentationFormat",
    }
)  # fmt: skip
"""Extended properties that describe the software and counts, never a person: their version
numbers only wake the language model ("7.4.7.2" looks like an IP address)."""


def inspect_properties(archive: SafeZip) -> Iterator[Item]:
    """Core, extended and custom document properties as metadata texts."""
    for part, kind in (
        ("docProps/core.xml", "document property"),
        ("docProps/app.xml", "application property"),
    ):
        if not archive.has(part):
            continue
        for element in parse(archive.read(part)):
            if not isinstance(element.tag, str):
                continue  # an XML comment or processing instruction
            if local(element.tag) in _SOFTWARE_PROPERTIES:
                continue
            value = " ".join(t.strip() for t in element.itertext() if t.strip())
            if value and not _NOT_PERSONAL.match(value):
                yield Text(value, Vector.METADATA, f"{kind} '{label(local(element.tag))}'")
    if archive.has("docProps/custom.xml"):
        for number, element in enumerate(parse(archive.read("docProps/custom.xml")), start=1):
            if not isinstance(element.tag, str):
                continue
            value = " ".join(t.strip() for t in element.itertext() if t.strip())
            if value:
                name = element.get("name", "")
                yield Text(f"{name}: {value}", Vector.METADATA, f"custom property {number}")


def inspect_custom_xml(archive: SafeZip) -> Iterator[Item]:
    """customXml/item*.xml: data bound into the document (often server metadata with names)."""
    for number, part in enumerate(archive.matching("customXml/item", ".xml"), start=1):
        if "Props" in part:
            continue
        values = [t.strip() for t in parse(archive.read(part)).itertext() if t.strip()]
        if values:
            yield Text("\n".join(values), Vector.METADATA, f"custom XML part {number}")


def inspect_charts(archive: SafeZip, folder: str) -> Iterator[Item]:
    """The labels and values a chart keeps cached, which often include names."""
    for number, part in enumerate(archive.matching(folder + "chart", ".xml"), start=1):
        archive.budget.check()
        root = parse(archive.read(part))
        values = [
            (point.text or "").strip()
            for point in root.iter()
            if isinstance(point.tag, str)
            and local(point.tag) == "v"
            and point.getparent() is not None
            and local(point.getparent().tag) == "pt"
        ]
        text = "\n".join(dict.fromkeys(v for v in values if v and not _NOT_PERSONAL.match(v)))
        if text:
            yield Text(text, Vector.CHART_CACHE, f"chart {number}")


def external_targets(archive: SafeZip, part: str) -> list[str]:
    """Targets outside the package (templates, linked files) named in a part's relationships."""
    folder, base = posixpath.split(part)
    rels_part = posixpath.join(folder, "_rels", base + ".rels")
    if not archive.has(rels_part):
        return []
    return [
        element.get("Target", "")
        for element in parse(archive.read(rels_part))
        if element.get("TargetMode") == "External" and element.get("Target")
    ]


def inspect_mail_links(archive: SafeZip, folder: str) -> Iterator[Text | Unread]:
    """The addresses of mail links in the parts under `folder` ("mailto:jane.smith@…"
    behind a cell or words reading "contact us"): a reader sees the link's words, not the
    address it opens."""
    addresses: dict[str, None] = {}
    for part in archive.matching(folder, ".rels"):
        archive.budget.check()
        try:
            elements = parse(archive.read(part))
        except UnreadableDocument as error:
            yield Unread(part, str(error))
            continue
        for element in elements:
            if not isinstance(element.tag, str):
                continue  # a comment or processing instruction among the relationships
            address = mail_address(element.get("Target") or "")
            if element.get("TargetMode") == "External" and address:
                addresses[address] = None
    if addresses:
        yield Text("\n".join(addresses), Vector.METADATA, f"mail links in {folder.rstrip('/')}")


def inspect_diagrams(
    archive: SafeZip, folder: str, linked: Mapping[str, tuple[Vector, str]] | None = None
) -> Iterator[Item]:
    """The text of SmartArt diagrams (`diagrams/data*.xml`), drawn on the page but stored
    apart from its text. An organisation chart's boxes, each a name over a post, are the rows
    of a table ("Jane Smith | Inspector"), as a staff list would give them. `linked` gives a
    diagram's part the vector and place of the page that draws it (a hidden slide's diagram
    is hidden); a diagram no page links to counts as shown."""
    for number, part in enumerate(archive.matching(folder, ".xml"), start=1):
        if not posixpath.basename(part).lower().startswith("data"):
            continue  # the layout, colours, style and the drawing cached from the data
        archive.budget.check()
        try:
            root = parse(archive.read(part))
        except UnreadableDocument as error:
            yield Unread(f"diagram {number}", str(error))
            continue
        boxes = [lines for lines in map(_box_lines, root.iter(f"{{{_DGM}}}pt")) if lines]
        vector, page = (linked or {}).get(part, (Vector.PAGE_TEXT, ""))
        where = f"{page}, diagram {number}" if page else f"diagram {number}"
        if sum(1 for lines in boxes if len(lines) >= 2) >= 2:
            width = max(len(lines) for lines in boxes)
            rows = [tuple(lines + [""] * (width - len(lines))) for lines in boxes]
            yield Table(where, vector, (), iter(rows))
        elif boxes:
            yield Text("\n".join(line for lines in boxes for line in lines), vector, where)


def _box_lines(point: etree._Element) -> list[str]:
    """The lines of one box of a diagram: its paragraphs, and line breaks within them."""
    lines: list[str] = []
    for paragraph in point.iter(f"{{{_A}}}p"):
        text = "".join(
            "\n" if local(node.tag) == "br" else node.text or ""
            for node in paragraph.iter(f"{{{_A}}}t", f"{{{_A}}}br")
        )
        lines.extend(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return lines


def inspect_embeddings(archive: SafeZip, folder: str) -> Iterator[Item]:
    """Every file under an embeddings folder, to be scanned in turn.

    OLE objects (`oleObject1.bin`) are unwrapped: a "Package" stream holds an Office file,
    an "Ole10Native" stream any file dropped into the document, with its original name.
    """
    for number, part in enumerate(archive.matching(folder), start=1):
        if part.endswith("/"):
            continue
        archive.budget.check()
        data = archive.read_file(part, f"embedded file {shown_path(part)}")
        if isinstance(data, Unread):
            yield data
            continue
        yield from embedded_part(part, data, number)


def embedded_part(part: str, data: bytes, number: int) -> Iterator[Item]:
    """A file kept inside a package, unwrapped from its OLE wrapper (whose file name is
    metadata) when it has one."""
    where = f"embedded file {shown_path(part)}"
    unwrapped = unwrap_ole(data) if data.startswith(OLE_MAGIC) else None
    if unwrapped is None:
        yield from embedded_ole(posixpath.basename(part), data, where)
        return
    filename, inner = unwrapped
    if filename:
        yield Text(filename, Vector.METADATA, f"file name of {where}")
    yield Embedded(safe_name(filename or "package.zip", number), inner, where)


def unwrap_ole(data: bytes) -> tuple[str, bytes] | None:
    """(original file name or '', contents) of an OLE embedding, or None if none is found."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("Package"):
                return "", ole.openstream("Package").read()
            if ole.exists("\x01Ole10Native"):
                return _native(ole.openstream("\x01Ole10Native").read())
    except Exception:  # olefile raises many kinds on damaged objects: scan it as it is
        return None
    return None


def _native(stream: bytes) -> tuple[str, bytes] | None:
    """The Ole10Native layout: size, flags, label, source path, two longs, temp path, data."""
    position = 6
    strings = []
    for skip in (0, 0, 8):
        position += skip
        end = stream.find(b"\x00", position)
        if end < 0:
            return None
        strings.append(stream[position:end].decode("cp1252", errors="replace"))
        position = end + 1
    if position + 4 > len(stream):
        return None
    size = struct.unpack_from("<I", stream, position)[0]
    # The source path often names the author's own folders: it is reported, never a location.
    return strings[1] or strings[0], stream[position + 4 : position + 4 + size]
