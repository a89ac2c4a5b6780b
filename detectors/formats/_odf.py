"""Parts shared by the OpenDocument formats: namespaces, metadata, annotations, tracked
changes, chart objects, embedded objects and the manifest's encryption flag."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats import sniff
from detectors.formats._archive import SafeZip
from detectors.formats._ooxml import embedded_part
from detectors.formats._text import mail_address
from detectors.formats._xml import free, local
from detectors.formats.xlsx.parts import read_small, stream
from detectors.limits import Budget
from detectors.model import Embedded, Item, Structure, Table, Text, Unread, Vector

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
XLINK = "http://www.w3.org/1999/xlink"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
DC = "http://purl.org/dc/elements/1.1/"

_UNPERSONAL_META = {
    "creation-date", "date", "editing-cycles", "editing-duration", "generator", "print-date",
    "document-statistic",
}  # fmt: skip
_PACKAGE_PARTS = {
    "mimetype", "content.xml", "styles.xml", "meta.xml", "settings.xml", "manifest.rdf",
    "layout-cache",
}  # fmt: skip
_PACKAGE_FOLDERS = (
    "META-INF/",
    "Thumbnails/",
    "Pictures/",
    "Configurations2/",
    "ObjectReplacements/",
    "Basic/",
    "Dialogs/",
    "Scripts/",
)
"""Package furniture and images: nothing here is a document of its own to scan."""
_SUBDOCUMENTS = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def repeat_count(value: str | None) -> int:
    """A `number-*-repeated` attribute as a count of at least 1."""
    if not value or not value.isdigit():
        return 1
    return max(int(value), 1)


def same_colour(colour: str, background: str) -> bool:
    """True when text of `colour` cannot be read on `background` (none or transparent: white)."""
    if not colour:
        return False
    background = "#ffffff" if background in ("", "transparent") else background
    return colour == background


def refuse_encrypted(zf: SafeZip) -> None:
    """Raise `EncryptedDocument` when the manifest says members are encrypted."""
    try:
        root = read_small(zf, "META-INF/manifest.xml")
    except UnreadableDocument:
        return  # the parts themselves will say whether they can be read
    if root is not None and next(root.iter(f"{{{MANIFEST}}}encryption-data"), None) is not None:
        raise EncryptedDocument("the file is password-protected (encrypted OpenDocument package)")


def meta(zf: SafeZip) -> Iterator[Item]:
    """meta.xml: title, subject, creator, keywords and user-defined properties."""
    try:
        root = read_small(zf, "meta.xml")
    except UnreadableDocument as error:  # its creator and editors are unread
        yield Unread("meta.xml", str(error), vector=Vector.METADATA)
        return
    if root is None:
        return
    for element in root.iter():
        if not isinstance(element.tag, str) or not (element.text or "").strip():
            continue
        name = local(element.tag)
        if name in _UNPERSONAL_META:
            continue
        if name == "user-defined":
            name = element.get(f"{{{META}}}name") or name
        yield Text(element.text.strip(), Vector.METADATA, f"document property '{name}'")


def annotation_text(annotation: etree._Element) -> tuple[str, str]:
    """(text, author) of an `office:annotation`; either may be empty."""
    text = "\n".join("".join(p.itertext()) for p in annotation if local(p.tag) == "p").strip()
    author = ""
    for child in annotation:
        if local(child.tag) == "creator" and (child.text or "").strip():
            author = child.text.strip()
    return text, author


def paragraph_text(paragraph: etree._Element) -> str:
    """The text of a paragraph with its spaces (`text:s`, "c" of them), tabs and line breaks:
    columns set apart by runs of spaces stay apart."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        name = local(child.tag) if isinstance(child.tag, str) else ""
        if name == "s":
            parts.append(" " * min(repeat_count(child.get(f"{{{TEXT}}}c")), 100))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name:
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def tracked_changes(element: etree._Element) -> Iterator[Item]:
    """The text and authors of every change under `table:` or `text:tracked-changes`."""
    changes = 0
    for change in element:
        if not isinstance(change.tag, str):
            continue
        changes += 1
        kind = local(change.tag)
        if kind == "changed-region":  # text documents wrap each change in a region
            inner = next((c for c in change if isinstance(c.tag, str)), None)
            kind = local(inner.tag) if inner is not None else kind
        texts = [
            text
            for p in change.iter(f"{{{TEXT}}}p", f"{{{TEXT}}}h")
            if (text := paragraph_text(p).strip())
        ]
        for text in texts:
            yield Text(text, Vector.TRACKED_CHANGE, f"tracked change {changes} ({kind})")
        for creator in change.iter(f"{{{DC}}}creator"):
            if (creator.text or "").strip():
                yield Text(creator.text.strip(), Vector.METADATA, "author of a tracked change")
    yield Structure(Vector.TRACKED_CHANGE, "tracked changes", f"{changes:,} tracked changes")


def chart_object(zf: SafeZip, part: str, number: int, budget: Budget) -> Iterator[Item]:
    """A chart object keeps its own copy of the plotted cells in a local table."""
    rows: list[tuple[str, ...]] = []
    try:
        for _, row in stream(zf, part, f"{{{TABLE}}}table-row"):
            budget.check()
            rows.append(tuple("".join(c.itertext()).strip() for c in row))
            free(row)
    except UnreadableDocument as error:
        yield Unread(part, str(error), vector=Vector.CHART_CACHE)
        return
    rows = [r for r in rows if any(r)]
    if rows:
        where = f"chart object {number} data table"
        yield Table(where, Vector.CHART_CACHE, rows[0], rows[1:], first_row=2)
        yield Structure(Vector.CHART_CACHE, where, f"{len(rows) - 1:,} cached rows")


def embedded_objects(zf: SafeZip, budget: Budget) -> Iterator[Item]:
    """Every object and file inside the package, to be scanned in turn.

    An `Object N/` folder is a sub-document: a chart gives its data table, a spreadsheet,
    text or presentation is repacked as a file of its own. Any other member that is not
    package furniture or an image (an OLE object, a file dropped in) is handed back as it is.
    """
    types = _manifest_types(zf)
    folders = sorted({n.split("/", 1)[0] for n in zf.names if "/" in n and n.startswith("Object ")})
    for number, folder in enumerate(folders, start=1):
        budget.check()
        kind = types.get(folder + "/", "")
        if kind.endswith(".chart") or (not kind and zf.has(f"{folder}/content.xml")):
            yield from chart_object(zf, f"{folder}/content.xml", number, budget)
        else:
            extension = _SUBDOCUMENTS.get(kind, "zip")
            data = _repack(zf, folder + "/", kind)
            yield Embedded(f"object{number}.{extension}", data, f"embedded object {number}")
    files = [
        part
        for part in zf.names
        if not (part.endswith("/") or part in _PACKAGE_PARTS or part.startswith(_PACKAGE_FOLDERS))
        and not ("/" in part and part.split("/", 1)[0] in folders)
    ]
    pictures = _placed_pictures(zf) if files else set()
    for number, part in enumerate(files, start=1):
        budget.check()
        data = zf.read(part)
        if part in pictures and sniff(data, part) in ("image", "binary"):
            continue  # a picture kept outside `Pictures/`; a document placed as one is read
        yield from embedded_part(part, data, number)


def _placed_pictures(zf: SafeZip) -> set[str]:
    """Members the document places as pictures (`draw:image`), wherever the program that wrote
    it kept them: some keep theirs in `media/`, not `Pictures/`. A picture is not a file of its
    own, as a picture in `Pictures/` is not."""
    placed: set[str] = set()
    for part in ("content.xml", "styles.xml"):
        if not zf.has(part):
            continue
        try:
            for _, image in stream(zf, part, f"{{{DRAW}}}image"):
                href = (image.get(f"{{{XLINK}}}href") or "").removeprefix("./")
                if href and ":" not in href:
                    placed.add(href)
        except UnreadableDocument:
            continue  # the part's own reader says it is damaged
    return placed


def _manifest_types(zf: SafeZip) -> dict[str, str]:
    try:
        root = read_small(zf, "META-INF/manifest.xml")
    except UnreadableDocument:
        return {}
    if root is None:
        return {}
    return {
        entry.get(f"{{{MANIFEST}}}full-path") or "": entry.get(f"{{{MANIFEST}}}media-type") or ""
        for entry in root.iter(f"{{{MANIFEST}}}file-entry")
    }


def _repack(zf: SafeZip, folder: str, media_type: str) -> bytes:
    """The members under `folder` as a package of their own, led by its mimetype."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if media_type:
            archive.writestr("mimetype", media_type, compress_type=zipfile.ZIP_STORED)
        for name in zf.matching(folder):
            if not name.endswith("/") and name != folder + "mimetype":
                archive.writestr(name[len(folder) :], zf.read(name))
    return buffer.getvalue()


FIELD_VALUES = {"variable-set", "user-field-input", "variable-input", "conditional-text"}
"""Fields whose value may be kept only in the file: a value set with display "none", the
branch of a conditional text its condition does not show."""


def field_values(field: etree._Element) -> list[tuple[bool, str]]:
    """The texts of a field, each with whether it is hidden from the reader."""
    shown = "".join(field.itertext())
    if local(field.tag) != "conditional-text":
        value = field.get(f"{{{OFFICE}}}string-value") or shown
        return [(field.get(f"{{{TEXT}}}display") == "none", value)]
    values = [(False, shown)]
    for branch in ("string-value-if-true", "string-value-if-false"):
        other = field.get(f"{{{TEXT}}}{branch}") or ""
        if other.strip() and other != shown:
            values.append((True, f" {other} "))
    return values


def mail_link(link: etree._Element, where: str) -> list[Item]:
    """The address a link's words open ("contact us" over mailto:jane.smith@…)."""
    address = mail_address((link.get(f"{{{XLINK}}}href") or "").strip())
    return [Text(address, Vector.METADATA, f"mail link in {where}")] if address else []
