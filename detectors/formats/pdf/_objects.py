"""The parts of a PDF beyond its page content: annotations, form values, attachments, metadata."""

from __future__ import annotations

import posixpath
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

from detectors.errors import DocumentTooLarge
from detectors.formats._ooxml import label
from detectors.formats._xml import parse
from detectors.formats.archive import safe_name
from detectors.formats.pdf._streams import stream_bytes
from detectors.formats.pdf._xmp import WHERE as XMP
from detectors.formats.pdf._xmp import inspect_xmp
from detectors.limits import Budget, Limits
from detectors.model import Embedded, Item, Structure, Text, Unread, Vector

MAX_FIELDS = 20_000
MAX_PAGE_NODES = 200_000
"""Nodes of a damaged page tree walked before giving up on the rest."""
_SKIPPED_ANNOTATIONS = {"/Popup", "/Widget"}
_NOT_SHOWN = 0x02 | 0x20
"""Annotation flags Hidden and NoView: the annotation is not painted on screen."""
_OPAQUE = 0.9
"""Constant opacity (`CA`) from which an annotation's box hides what is under it."""


@dataclass
class Annotations:
    """Boxes annotations lay over each page (0-based index -> rectangles), found while reading
    them: Redact marks never applied, and Square annotations with an opaque interior, which
    viewers paint over the page's text as a box drawn over it would."""

    redactions: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict)
    links: list[Text] = field(default_factory=list)
    """Link targets, held back until the pages are read: a target the page shows as its text
    ("jane@example.org" over its mailto: link) is not hidden."""


def string(value: Any) -> str:
    """A PDF text string as str; names, numbers and other objects give ''."""
    if isinstance(value, pikepdf.String):
        return str(value).replace("\x00", "").strip()
    return ""


def page_objects(pdf: pikepdf.Pdf) -> tuple[list[pikepdf.Dictionary], bool]:
    """The page dictionaries in page order, and whether the page tree loops.

    qpdf refuses a page tree that leads back to one of its own nodes; walked here instead,
    each node is read once, depth first, in the order pdfminer renders the pages.
    """
    try:
        return [page.obj for page in pdf.pages], False
    except pikepdf.PdfError:
        pass
    pages: list[pikepdf.Dictionary] = []
    seen: set[tuple[int, int]] = set()
    looped = False
    stack: list[Any] = [pdf.Root.get("/Pages")]
    while stack and len(seen) < MAX_PAGE_NODES:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                looped = True
                continue
            seen.add(node.objgen)
        kind = node.get("/Type")
        kids = node.get("/Kids")
        if kind == pikepdf.Name.Pages and isinstance(kids, pikepdf.Array):
            stack.extend(reversed(list(kids)))
        elif kind == pikepdf.Name.Page:
            pages.append(node)
    return pages, looped


def inspect_annotations(
    pages: list[pikepdf.Dictionary], budget: Budget, found: Annotations
) -> Iterator[Item]:
    attachments = 0
    for index, page in enumerate(pages):
        budget.check()
        annots = page.get("/Annots")
        if not isinstance(annots, pikepdf.Array):
            continue
        number = 0
        for annot in annots:
            if not isinstance(annot, pikepdf.Dictionary):
                continue
            subtype = str(annot.get("/Subtype", ""))
            if subtype in _SKIPPED_ANNOTATIONS:
                continue
            number += 1
            where = f"annotation {number} on page {index + 1}"
            if subtype == "/Redact":
                rect = _rect(annot.get("/Rect"))
                if rect:
                    found.redactions.setdefault(index, []).append(rect)
                yield Structure(Vector.ANNOTATION, where, "redaction marked but never applied")
            elif subtype == "/Square" and _opaque_box(annot):
                rect = _rect(annot.get("/Rect"))
                if rect:
                    found.redactions.setdefault(index, []).append(rect)
            for key in ("/Contents", "/Subj", "/OverlayText"):
                text = string(annot.get(key))
                if text:
                    yield Text(text, Vector.ANNOTATION, where)
            author = string(annot.get("/T"))
            if author:
                yield Text(author, Vector.ANNOTATION, f"author of {where}")
            uri = _uri(annot)
            if uri:
                found.links.append(Text(uri, Vector.ANNOTATION, f"link target of {where}"))
            if subtype == "/FileAttachment":
                attachments += 1
                yield from _file(
                    annot.get("/FS"), f"file attached to {where}", attachments, budget.limits
                )


def inspect_form(pdf: pikepdf.Pdf, budget: Budget) -> Iterator[Item]:
    form = pdf.Root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary):
        return
    fields = form.get("/Fields")
    stack: list[tuple[Any, str]] = (
        [(f, "") for f in fields] if isinstance(fields, pikepdf.Array) else []
    )
    seen: set[tuple[int, int]] = set()
    number = 0
    while stack and number < MAX_FIELDS:
        node, parent = stack.pop(0)
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            if node.objgen in seen:
                continue  # a loop in the field tree
            seen.add(node.objgen)
        name = ".".join(p for p in (parent, string(node.get("/T"))) if p)
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array):
            stack.extend((kid, name) for kid in kids)
        value = string(node.get("/V"))
        if value:
            number += 1
            budget.check()
            yield Text(value, Vector.FORM_FIELD, f"form field {number} ('{label(name)}')")
    yield from _xfa(form.get("/XFA"))


def _xfa(xfa: Any) -> Iterator[Item]:
    """The datasets packet of an XFA form holds the values typed into it."""
    packets: list[Any] = []
    if isinstance(xfa, pikepdf.Array):
        items = list(xfa)
        packets = [items[i + 1] for i in range(0, len(items) - 1, 2) if "datasets" in str(items[i])]
    elif isinstance(xfa, pikepdf.Stream):
        packets = [xfa]
    for number, packet in enumerate(packets, start=1):
        if not isinstance(packet, pikepdf.Stream):
            continue
        root = parse(packet.read_bytes())
        values = [t.strip() for t in root.itertext() if t.strip()]
        if values:
            yield Text("\n".join(values), Vector.FORM_FIELD, f"XFA form data {number}")


def inspect_attachments(pdf: pikepdf.Pdf, budget: Budget) -> Iterator[Item]:
    names = pdf.Root.get("/Names")
    tree = names.get("/EmbeddedFiles") if isinstance(names, pikepdf.Dictionary) else None
    if not isinstance(tree, pikepdf.Dictionary):
        return
    specs: list[Any] = []
    stack = [tree]
    while stack and len(specs) < MAX_FIELDS:
        node = stack.pop()
        pairs = node.get("/Names")
        if isinstance(pairs, pikepdf.Array):
            specs.extend(pairs[i] for i in range(1, len(pairs), 2))
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array):
            stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
    for number, spec in enumerate(specs, start=1):
        budget.check()
        yield from _file(spec, f"attachment {number}", number, budget.limits)


def _file(spec: Any, where: str, number: int, limits: Limits) -> Iterator[Item]:
    if not isinstance(spec, pikepdf.Dictionary):
        return
    filename = string(spec.get("/UF")) or string(spec.get("/F"))
    if filename:
        yield Text(posixpath.basename(filename), Vector.METADATA, f"file name of {where}")
    files = spec.get("/EF")
    stream = files.get("/F") or files.get("/UF") if isinstance(files, pikepdf.Dictionary) else None
    if not isinstance(stream, pikepdf.Stream):
        yield Structure(Vector.EMBEDDED_FILE, where, "attachment without its data")
        return
    data = _decoded(stream, limits, where, Vector.EMBEDDED_FILE, "attachment data")
    if isinstance(data, Unread):
        yield data
        return
    yield Embedded(safe_name(filename or "attachment", number), data, where)


def _decoded(
    stream: pikepdf.Stream, limits: Limits, where: str, vector: Vector, what: str
) -> bytes | Unread:
    """A stream's decoded bytes, or the unread part it is when over a limit or undecodable."""
    try:
        return stream_bytes(stream, limits)
    except DocumentTooLarge as refused:
        return Unread(where, str(refused), limit=True, vector=vector)
    except (pikepdf.PdfError, zlib.error):
        return Unread(where, f"{what} cannot be decoded", vector=vector)


def inspect_layers(pdf: pikepdf.Pdf) -> Iterator[Item]:
    """Optional content switched off by default: its text is read as page text regardless."""
    properties = pdf.Root.get("/OCProperties")
    default = properties.get("/D") if isinstance(properties, pikepdf.Dictionary) else None
    off = default.get("/OFF") if isinstance(default, pikepdf.Dictionary) else None
    if isinstance(off, pikepdf.Array) and len(off):
        detail = f"{len(off)} layers hidden by default (their text is reported as page text)"
        yield Structure(Vector.INVISIBLE_TEXT, "document", detail)


def inspect_metadata(pdf: pikepdf.Pdf, limits: Limits) -> Iterator[Item]:
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for key in info.keys():  # noqa: SIM118 - iterating a Dictionary gives objects
            value = string(info.get(str(key)))
            if value:
                yield Text(value, Vector.METADATA, f"document information '{label(str(key)[1:])}'")
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        return
    packet = _decoded(metadata, limits, XMP, Vector.METADATA, "the packet")
    if isinstance(packet, Unread):
        yield packet
        return
    try:
        yield from inspect_xmp(packet)
    except DocumentTooLarge as refused:  # a packet too large to parse whole
        yield Unread(XMP, str(refused), limit=True, vector=Vector.METADATA)


def _rect(value: Any) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    return (x0, y0, x1, y1)


def _opaque_box(annot: pikepdf.Dictionary) -> bool:
    """A shown annotation with an interior colour, painted at (nearly) full opacity."""
    interior = annot.get("/IC")
    if not isinstance(interior, pikepdf.Array) or len(interior) == 0:
        return False  # no interior colour: only the border is drawn
    try:
        flags = int(annot.get("/F", 0))
        opacity = float(annot.get("/CA", 1))
    except (TypeError, ValueError):
        return False
    return not flags & _NOT_SHOWN and opacity >= _OPAQUE


_SCHEME = re.compile(r"^(?:mailto|tel|callto):(?://)?", re.IGNORECASE)


def unshown_links(links: list[Text], shown: str) -> Iterator[Text]:
    """The link targets the pages' visible text does not show (`shown`, casefolded): a
    "mailto:" target whose address the page prints is no hidden contact."""
    for link in links:
        target = _SCHEME.sub("", link.text).split("?", 1)[0].strip().casefold()
        if not target or target not in shown:
            yield link


def _uri(annot: pikepdf.Dictionary) -> str:
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary):
        return string(action.get("/URI"))
    return ""
