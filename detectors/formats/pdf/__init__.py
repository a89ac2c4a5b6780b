"""PDF: page text, failed redactions, invisible text, annotations, forms, attachments,
metadata and the earlier revisions an incremental save leaves in the file.

pikepdf opens the file (and says whether it is encrypted or beyond repair); pdfminer paints
each page so every character can be judged against what is drawn over it.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator

import pikepdf

from detectors.errors import EncryptedDocument, UnreadableDocument
from detectors.formats._tally import tallied
from detectors.formats.pdf._layout import (
    Box,
    Glyph,
    PageDrawing,
    covering_boxes,
    off_page,
    sort_glyphs,
    text_of,
)
from detectors.formats.pdf._objects import (
    Annotations,
    inspect_annotations,
    inspect_attachments,
    inspect_form,
    inspect_layers,
    inspect_metadata,
    page_objects,
    unshown_links,
)
from detectors.formats.pdf._ocr import Scans, is_scanned
from detectors.formats.pdf._pages import PageFailure, PagesUnreadable, drawings, signatures
from detectors.formats.pdf._printed import printed_from_web
from detectors.formats.pdf._repair import padded, sized_past_bound
from detectors.formats.pdf._spreads import Spreads
from detectors.formats.pdf._tables import MIN_RULES, Grid, continues, fill, grids, word_starts
from detectors.formats.pdf._text_layer import is_layer, split
from detectors.limits import Budget
from detectors.model import Cover, Item, Structure, Table, Text, Unread, Vector

MAX_REVISIONS = 5
"""Earlier revisions re-read, newest first; each costs a pass over the pages it changed (a page
whose drawing instructions match one of the final revision byte for byte is not read again)."""
_SOURCE = re.compile(r"^(?:stream|file)?\s*<[^<>]*>\s*(?:\(object \d+ \d+\))?\s*:?\s*")
"""qpdf starts a message with the stream it read, a repr holding a memory address."""
_REPR = re.compile(r"<[^<>]*\bat 0x[0-9a-fA-F]+>|0x[0-9a-fA-F]{6,}")
_EOF = re.compile(rb"%%EOF[ \t]*\r?\n?")
_WHY = {
    Vector.UNDER_REDACTION: "characters under filled boxes",
    Vector.INVISIBLE_TEXT: "characters hidden from a viewer (render mode 3, off the page, "
    "or under an image)",
    Vector.CONCEALED_FORMAT: "light characters on a light background",
}


def inspect_pdf(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    """Yield the text of every page sorted by visibility, then everything else the file holds."""
    return tallied(_inspect_pdf(data, name, budget), skip=frozenset(_WHY))


def _inspect_pdf(data: bytes, name: str, budget: Budget) -> Iterator[Item]:
    try:
        pdf = _open(data)
    except UnreadableDocument as failure:
        yield from _pages_only(data, budget, failure)
        return
    with pdf:
        readable = data
        if pdf.is_encrypted:
            readable = _decrypted(pdf)  # opened with an empty password: read it plainly
        try:
            pages, looped = page_objects(pdf)
        except (pikepdf.PdfError, TypeError, ValueError):
            pages, looped = [], False
        if looped:
            yield Structure(
                Vector.PAGE_TEXT, "document", "the page tree loops: each page read once"
            )
        found = Annotations()
        yield from _tolerant(inspect_annotations(pages, budget, found), Vector.ANNOTATION)
        yield from _tolerant(inspect_form(pdf, budget), Vector.FORM_FIELD)
        yield from _tolerant(inspect_attachments(pdf, budget), Vector.EMBEDDED_FILE)
        yield from _tolerant(inspect_metadata(pdf, budget.limits), Vector.METADATA)
        yield from _tolerant(inspect_layers(pdf), Vector.INVISIBLE_TEXT)
        final: set[str] = set()
        shown: list[str] = []
        try:
            for item in _pages(readable, pdf, budget, found, final):
                if found.links and isinstance(item, Text) and item.vector is Vector.PAGE_TEXT:
                    shown.append(item.text.casefold())
                yield item
        except Exception:
            yield from found.links  # the pages were not all read: every target counts
            raise
        yield from unshown_links(found.links, "\n".join(shown))
        most = budget.limits.max_pages
        if len(pages) > most:
            yield Unread(
                f"pages {most + 1:,} to {len(pages):,}",
                f"over the {most:,}-page limit: only the first {most:,} pages read",
                limit=True,
            )
    yield from _prior_revisions(data, budget, final)


def _pages_only(data: bytes, budget: Budget, failure: UnreadableDocument) -> Iterator[Item]:
    """A file whose object structure qpdf cannot rebuild may still have pages pdfminer can
    render: read those, and say that nothing else was."""
    waiting: list[Item] | None = []
    items = _page_items(data, budget, Annotations())
    try:
        for item in items:
            if waiting is not None:
                waiting.append(item)
                if not isinstance(item, Text | Table):
                    continue
                why = "damaged file: only the page text read (not its annotations, forms, "
                yield Unread("document", why + "attachments or metadata)")
                yield from waiting
                waiting = None
            else:
                yield item
    except PagesUnreadable:
        raise failure from None
    if waiting is not None:
        raise failure


def _tolerant(items: Iterator[Item], vector: Vector) -> Iterator[Item]:
    """Objects of the wrong type in a damaged file end that part, not the whole document."""
    try:
        yield from items
    except (pikepdf.PdfError, TypeError, ValueError, KeyError, AttributeError, IndexError):
        yield Unread(f"{vector.replace('_', ' ')} objects", "damaged objects: not all read")


def _open(data: bytes) -> pikepdf.Pdf:
    try:
        return _open_repaired(data)
    except pikepdf.PasswordError as error:
        raise EncryptedDocument("the PDF is password-protected") from error
    except (pikepdf.PdfError, ValueError, RuntimeError) as error:
        raise UnreadableDocument(f"not a readable PDF: {_short(error)}") from error


def _open_repaired(data: bytes) -> pikepdf.Pdf:
    """The file as qpdf opens it, or as lengthened for qpdf to take its object numbers: at
    once when its trailer counts more objects than qpdf allows it (qpdf would open it without
    them, its pages and annotations silently gone), or after the plain file failed to open."""
    repaired = padded(data) if sized_past_bound(data) else None
    if repaired is not None:
        try:
            return _opened(repaired)
        except (pikepdf.PdfError, ValueError, RuntimeError):
            repaired = None
    try:
        return _opened(data)
    except (pikepdf.PdfError, ValueError, RuntimeError) as error:
        repaired = padded(data)
        if repaired is None:
            raise
        try:
            return _opened(repaired)
        except (pikepdf.PdfError, ValueError, RuntimeError):
            raise error from None


def _opened(data: bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError:
        # Pushing inherited page attributes walks the page tree, which fails on a loop;
        # pdfminer inherits them itself, so the file is opened without.
        return pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)


def _decrypted(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    try:
        pdf.save(out, encryption=False)
    except pikepdf.PdfError as error:
        raise UnreadableDocument(f"the encrypted PDF cannot be decoded: {_short(error)}") from error
    return out.getvalue()


def _pages(
    data: bytes, pdf: pikepdf.Pdf, budget: Budget, found: Annotations, final: set[str]
) -> Iterator[Item]:
    """Page items as each page is read, so that a spent budget keeps the pages already read."""
    read: list[int] = []
    web = printed_from_web(pdf)
    try:
        yield from _noted(_page_items(data, budget, found, read, web), final)
        if read or not _has_pages(pdf):
            return
    except PagesUnreadable:
        pass
    # pdfminer could not parse the file, or found none of the pages qpdf did: pikepdf repairs
    # what pdfminer cannot parse, so the repaired copy is read instead.
    out = io.BytesIO()
    try:
        pdf.save(out)
    except pikepdf.PdfError as error:
        raise UnreadableDocument(f"the pages cannot be read: {_short(error)}") from error
    try:
        yield from _noted(_page_items(out.getvalue(), budget, found, read, web), final)
    except PagesUnreadable as error:
        raise UnreadableDocument(f"the pages cannot be read: {_short(error)}") from error
    if not read:
        yield Unread("pages", "the pages cannot be read, even from a repaired copy")


def _has_pages(pdf: pikepdf.Pdf) -> bool:
    try:
        return len(pdf.pages) > 0
    except (pikepdf.PdfError, RuntimeError, ValueError):  # a page tree qpdf cannot walk
        return False


def _noted(items: Iterator[Item], final: set[str]) -> Iterator[Item]:
    """`items`, noting the lines of the final revision for comparing earlier ones."""
    for item in items:
        if isinstance(item, Text):
            final.update(_lines(item.text))
        elif isinstance(item, Table):
            final.update(cell for row in item.rows for cell in _lines("\n".join(row)))
            final.update(_lines("\n".join(item.header)))
        yield item


def _page_items(
    data: bytes,
    budget: Budget,
    found: Annotations,
    read: list[int] | None = None,
    web: bool = False,
) -> Iterator[Item]:
    """The items of each page; `read` collects the index of each page pdfminer reached."""
    scans = Scans(data, budget)
    try:
        yield from _drawn_items(data, budget, found, scans, read, web)
    finally:
        scans.close()


def _drawn_items(
    data: bytes,
    budget: Budget,
    found: Annotations,
    scans: Scans,
    read: list[int] | None,
    web: bool,
) -> Iterator[Item]:
    # The time between pages is a page's whole cost, its detection included (items are
    # consumed as they come): each page read to its end gives that time back, within limits.
    started = time.monotonic()
    spreads = Spreads()  # text off each page, given back once every page's shown lines are known
    try:
        yield from _each_page(data, budget, found, scans, read, started, spreads, web)
    except Exception:
        yield from spreads.release()  # what was held is read before the failure goes on
        raise
    yield from spreads.release()


def _each_page(
    data: bytes,
    budget: Budget,
    found: Annotations,
    scans: Scans,
    read: list[int] | None,
    started: float,
    spreads: Spreads,
    web: bool,
) -> Iterator[Item]:
    above: tuple[str, ...] | None = None  # the header of the last table on the page before
    for index, drawing in drawings(data, budget, found.redactions, budget.limits.max_pages):
        started = budget.page_read(started)
        if read is not None:
            read.append(index)
        where = f"page {index + 1}"
        if isinstance(drawing, PageFailure):
            yield Unread(where, drawing.reason, limit=drawing.limit)
            above = None
            continue
        if is_scanned(drawing):
            scanned = scans.page(index)
            if scanned is not None:
                yield scanned
        groups = sort_glyphs(drawing)
        yield from _layer_shown(drawing, groups, scans, index)
        tables: list[Table] = []
        if drawing.rules >= MIN_RULES and groups.get(Vector.PAGE_TEXT):
            groups[Vector.PAGE_TEXT], tables = _tables(
                grids(drawing.edges, budget.check), index, groups[Vector.PAGE_TEXT], above
            )
            for table in tables:
                spreads.show("\n".join(c for row in (table.header, *table.rows) for c in row))
        above = tables[-1].header if tables else None
        for vector, glyphs in groups.items():
            if vector is Vector.INVISIBLE_TEXT:
                off = [g for g in glyphs if off_page(g, drawing)]
                if off:
                    spreads.hold(where, text_of(off))
                    glyphs = [g for g in glyphs if not off_page(g, drawing)]
            text = text_of(glyphs)
            if vector is Vector.PAGE_TEXT:
                spreads.show(text)
            if not text:
                continue
            if vector is Vector.UNDER_REDACTION:
                yield from _covered(drawing, glyphs, index, web)
            else:
                yield Text(text, vector, where)
            if vector in _WHY:
                count = sum(1 for g in glyphs if not g.text.isspace())
                yield Structure(vector, where, f"{count:,} {_WHY[vector]}")
        # After the page's text: its title says what kind of document the tables are in
        # (a meeting's attendance table under its minutes' heading).
        yield from tables


def _layer_shown(
    drawing: PageDrawing, groups: dict[Vector, list[Glyph]], scans: Scans, index: int
) -> Iterator[Item]:
    """The words of a scan's OCR layer that its picture shows, as page text, taken out of the
    page's invisible text (`_text_layer`); nothing when OCR cannot read the page."""
    hidden = groups.get(Vector.INVISIBLE_TEXT)
    if not hidden or not is_layer(drawing, hidden):
        return
    seen = scans.seen(index)
    if not isinstance(seen, str):
        return  # not compared: the whole layer stays invisible text
    layer = split(drawing, hidden, seen, scans.dark(index, drawing.crop))
    if layer.hidden:
        groups[Vector.INVISIBLE_TEXT] = layer.hidden
    else:
        del groups[Vector.INVISIBLE_TEXT]
    where = f"page {index + 1}"
    text = text_of(layer.shown)
    if text:
        yield Text(text, Vector.PAGE_TEXT, f"{where}, text layer matching its scanned image")
        count = len(text.split())
        detail = f"an OCR text layer: {count:,} of its words shown in the page's scanned image"
        yield Structure(Vector.INVISIBLE_TEXT, where, detail)
    text = text_of(layer.blacked)
    if text:
        covers = tuple(_cover(drawing, box, index) for box in layer.boxes)
        yield Text(text, Vector.UNDER_REDACTION, f"{where}, text layer", covers)
        count = sum(1 for g in layer.blacked if not g.text.isspace())
        detail = f"{count:,} characters of an OCR text layer under boxes in the scanned image"
        yield Structure(Vector.UNDER_REDACTION, where, detail)


def _covered(drawing: PageDrawing, glyphs: list[Glyph], index: int, web: bool) -> Iterator[Text]:
    """The page's covered text with the boxes hiding it, from the top left of the page: the
    words under marks drawn over them apart from those under a layout's panels (`Cover.panel`),
    which are hidden text but no failed redaction. On a page printed from the web every light
    box is layout (`_printed`)."""
    parts: dict[bool, tuple[list[Glyph], dict[Cover, None]]] = {}
    made: dict[Box, Cover] = {}
    for glyph, box in zip(glyphs, covering_boxes(drawing, glyphs), strict=True):
        cover = None
        if box is not None:
            cover = made.get(box) or made.setdefault(box, _cover(drawing, box, index, web))
        part = parts.setdefault(cover is not None and cover.panel, ([], {}))
        part[0].append(glyph)
        if cover is not None and not glyph.text.isspace():
            part[1][cover] = None
    for covered, covers in parts.values():
        text = text_of(covered)
        if text:
            yield Text(text, Vector.UNDER_REDACTION, f"page {index + 1}", tuple(covers))


def _cover(drawing: PageDrawing, box: Box, index: int, web: bool = False) -> Cover:
    """A box of the page as a cover, cut to the crop box, from the top left of the page."""
    cx0, cy0, cx1, cy1 = drawing.crop
    x0, x1 = max(box[0], cx0), min(box[2], cx1)
    y0, y1 = max(box[1], cy0), min(box[3], cy1)
    page = max(cx1 - cx0, 0.0) * max(cy1 - cy0, 0.0)
    share = max(x1 - x0, 0.0) * max(y1 - y0, 0.0) / page if page else 0.0
    colours = [shape.colour for shape in drawing.covers if shape.box == box]
    light = bool(colours) and all(c is not None and min(c) >= PANEL_LIGHT for c in colours)
    return Cover(
        index + 1,
        (round(x0 - cx0, 1), round(cy1 - y1, 1), round(x1 - cx0, 1), round(cy1 - y0, 1)),
        panel=light and (web or share >= PANEL_SHARE),
    )


PANEL_SHARE = 0.2
"""Share of the page a light box must cover to be a layout's panel (a column's background):
a redaction mark covers words, a line or a block, and a withheld page is blacked out."""
PANEL_LIGHT = 0.8
"""Least of its colour's components for a box to be light (white, a pale tint)."""


def _tables(
    grids: list[Grid], index: int, glyphs: list[Glyph], above: tuple[str, ...] | None
) -> tuple[list[Glyph], list[Table]]:
    """Ruled tables of a page as tables; their glyphs leave the page's prose. The page's first
    table takes `above`, the header of the last table of the page before, when it carries
    that table on."""
    tables: list[Table] = []
    used: set[int] = set()
    starts = word_starts(glyphs)
    for number, grid in enumerate(grids, start=1):
        rows, placed = fill(grid, [g for g in glyphs if g.order not in used], starts)
        where = f"page {index + 1}, table {number}"
        if not tables and above is not None and rows and continues(above, rows[0]):
            tables.append(Table(where, Vector.PAGE_TEXT, above, rows, first_row=1))
        elif len(rows) >= 2:
            tables.append(Table(where, Vector.PAGE_TEXT, rows[0], rows[1:]))
        else:
            continue  # a grid of one row (a frame round a column): its words stay page text
        used |= placed
    return [g for g in glyphs if g.order not in used], tables


def _prior_revisions(data: bytes, budget: Budget, final: set[str]) -> Iterator[Item]:
    """Text of earlier saves that the final revision no longer shows."""
    ends = [match.end() for match in _EOF.finditer(data)]
    if b"/Linearized" in data[:1024]:
        ends = ends[1:]  # a linearised file's first section is its first page, not a save
    earlier = [end for end in ends[:-1] if data[end:].strip()]
    if not earlier:
        return
    yield Structure(Vector.PRIOR_REVISION, "document", f"{len(earlier) + 1} saved revisions")
    # Pages an earlier save shares with the final one, byte for byte, are not read again.
    shown = signatures(data, budget, budget.limits.max_pages)
    for revision, end in reversed(list(enumerate(earlier, start=1))[-MAX_REVISIONS:]):
        budget.check()
        where = f"revision {revision} of {len(earlier) + 1}"
        if budget.deadline - time.monotonic() < budget.limits.time_budget_s / 2:
            # Each revision is a full re-read; stop while the current text is still reported.
            yield Unread(where, "not compared: time budget spent", limit=True)
            return
        try:
            pages = list(drawings(data[:end], budget, {}, budget.limits.max_pages, shown))
        except PagesUnreadable:
            continue  # cut at a damaged point: nothing to compare
        for index, drawing in pages:
            if isinstance(drawing, PageFailure):
                continue
            glyphs = [g for group in sort_glyphs(drawing).values() for g in group]
            glyphs.sort(key=lambda g: g.order)
            gone = [line for line in _lines(text_of(glyphs)) if line not in final]
            if gone:
                yield Text("\n".join(gone), Vector.PRIOR_REVISION, f"{where}, page {index + 1}")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _short(error: Exception) -> str:
    """A library's error as a clean clause: no object reprs, no memory addresses."""
    text = _REPR.sub("", _SOURCE.sub("", " ".join(str(error).split()))).strip(" :")
    return text[:120] or type(error).__name__
