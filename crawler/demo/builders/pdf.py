"""Small PDFs written object by object, with failed redactions, hidden text and revisions.

Text uses the standard Helvetica font (no embedding needed); pages are US-letter sized in
points with the origin at the bottom left, as PDF has it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

Colour = tuple[float, float, float]
BLACK: Colour = (0.0, 0.0, 0.0)
WHITE: Colour = (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class Line:
    """A line of text; `render` 3 makes it invisible (as an OCR layer is)."""

    text: str
    x: float = 72
    y: float = 720
    size: float = 12
    colour: Colour = BLACK
    render: int = 0


@dataclass(frozen=True)
class Box:
    """A filled rectangle, drawn in page order with the lines."""

    x: float
    y: float
    width: float
    height: float
    colour: Colour = BLACK


@dataclass(frozen=True)
class Note:
    """An annotation: 'Text' (a sticky note), 'Redact' (marked, never applied) or 'FreeText'."""

    subtype: str
    rect: tuple[float, float, float, float]
    contents: str = ""
    author: str = ""


@dataclass(frozen=True)
class Page:
    items: tuple[Line | Box, ...] = ()
    notes: tuple[Note, ...] = ()
    crop: tuple[float, float, float, float] | None = None


@dataclass
class _Writer:
    objects: list[bytes] = field(default_factory=list)

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body


def literal(text: str) -> bytes:
    """A PDF literal string in Latin-1 with its delimiters escaped."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("latin-1", errors="replace") + b")"


def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def content(items: tuple[Line | Box, ...]) -> bytes:
    """A page content stream drawing the items in order."""
    ops: list[bytes] = []
    for item in items:
        r, g, b = item.colour
        if isinstance(item, Box):
            ops.append(
                b"%.3f %.3f %.3f rg %.2f %.2f %.2f %.2f re f"
                % (r, g, b, item.x, item.y, item.width, item.height)
            )
        else:
            ops.append(
                b"BT /F1 %.1f Tf %d Tr %.3f %.3f %.3f rg %.2f %.2f Td %s Tj ET"
                % (item.size, item.render, r, g, b, item.x, item.y, literal(item.text))
            )
    return b"\n".join(ops)


def build_pdf(
    pages: list[Page],
    *,
    info: dict[str, str] | None = None,
    fields: dict[str, str] | None = None,
    attachments: dict[str, bytes] | None = None,
    xmp: str | None = None,
) -> bytes:
    """A PDF of the given pages with optional Info entries, form values, attachments and XMP."""
    writer = _Writer()
    catalog, tree, font = writer.reserve(), writer.reserve(), writer.reserve()
    writer.set(
        font, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        contents = writer.add(stream(content(page.items)))
        annots = [writer.add(_note(note)) for note in page.notes]
        crop = b"/CropBox [%.2f %.2f %.2f %.2f] " % page.crop if page.crop else b""
        annot_refs = b" ".join(b"%d 0 R" % a for a in annots)
        kids.append(
            writer.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] %s"
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R /Annots [%s] >>"
                % (tree, crop, font, contents, annot_refs)
            )
        )
    writer.set(
        tree,
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)),
    )
    extra = b""
    if fields:
        refs = [
            writer.add(b"<< /FT /Tx /T %s /V %s >>" % (literal(k), literal(v)))
            for k, v in fields.items()
        ]
        extra += b"/AcroForm << /Fields [%s] >> " % b" ".join(b"%d 0 R" % r for r in refs)
    if attachments:
        names = []
        for filename, data in attachments.items():
            file_stream = writer.add(stream(data, b"/Type /EmbeddedFile "))
            spec = writer.add(
                b"<< /Type /Filespec /F %s /UF %s /EF << /F %d 0 R >> >>"
                % (literal(filename), literal(filename), file_stream)
            )
            names.append(b"%s %d 0 R" % (literal(filename), spec))
        extra += b"/Names << /EmbeddedFiles << /Names [%s] >> >> " % b" ".join(names)
    if xmp:
        metadata = writer.add(stream(xmp.encode("utf-8"), b"/Type /Metadata /Subtype /XML "))
        extra += b"/Metadata %d 0 R " % metadata
    writer.set(catalog, b"<< /Type /Catalog /Pages %d 0 R %s>>" % (tree, extra))
    info_ref = (
        writer.add(
            b"<< %s >>"
            % b" ".join(b"/%s %s" % (k.encode("ascii"), literal(v)) for k, v in info.items())
        )
        if info
        else 0
    )
    return _serialise(writer.objects, catalog, info_ref)


def _note(note: Note) -> bytes:
    parts = [
        b"/Type /Annot /Subtype /%s /Rect [%.2f %.2f %.2f %.2f]"
        % (note.subtype.encode("ascii"), *note.rect)
    ]
    if note.contents:
        parts.append(b"/Contents " + literal(note.contents))
    if note.author:
        parts.append(b"/T " + literal(note.author))
    return b"<< " + b" ".join(parts) + b" >>"


def _serialise(objects: list[bytes], root: int, info: int) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    info_entry = b" /Info %d 0 R" % info if info else b""
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, root, info_entry, xref)
    )
    return out.getvalue()


def append_revision(data: bytes, page_number: int, page: Page) -> bytes:
    """An incremental update replacing one page's content, as "Save" does in an editor.

    The earlier revision stays in the file, readable by anyone who cuts the bytes at its
    %%EOF. Works on files written by `build_pdf`.
    """
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    root = int(re.findall(rb"/Root (\d+) 0 R", data)[-1])
    info = re.findall(rb"/Info (\d+) 0 R", data)
    info_entry = b" /Info %s 0 R" % info[-1] if info else b""
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    kids = re.search(rb"/Kids \[([^\]]*)\]", data)
    assert kids is not None
    page_ref = int(kids.group(1).split(b" 0 R")[page_number - 1].strip())
    font = int(re.search(rb"/Font << /F1 (\d+) 0 R", data).group(1))  # type: ignore[union-attr]
    tree = int(re.search(rb"/Parent (\d+) 0 R", data).group(1))  # type: ignore[union-attr]
    out = io.BytesIO(data)
    out.seek(0, io.SEEK_END)
    contents = size
    offsets = {contents: out.tell()}
    out.write(b"%d 0 obj\n" % contents + stream(content(page.items)) + b"\nendobj\n")
    offsets[page_ref] = out.tell()
    out.write(
        b"%d 0 obj\n<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>\nendobj\n"
        % (page_ref, tree, font, contents)
    )
    xref = out.tell()
    out.write(b"xref\n")
    for number in sorted(offsets):
        out.write(b"%d 1\n%010d 00000 n \n" % (number, offsets[number]))
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R%s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (size + 1, root, info_entry, previous, xref)
    )
    return out.getvalue()


def encrypt_pdf(data: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    """The same PDF saved with AES-256 encryption (an empty user password opens freely)."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=user_password, owner=owner_password))
    return out.getvalue()


def ruled_table(
    rows: list[list[str]], x: float = 72, top: float = 600, width: float = 150, height: float = 20
) -> tuple[Line | Box, ...]:
    """A table drawn as a word processor exports one: hairline rules and a line per cell."""
    columns = len(rows[0])
    items: list[Line | Box] = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            items.append(Line(text, x + c * width + 4, top - (r + 1) * height + 6, size=10))
    for r in range(len(rows) + 1):
        items.append(Box(x, top - r * height, columns * width, 0.5))
    for c in range(columns + 1):
        items.append(Box(x + c * width, top - len(rows) * height, 0.5, len(rows) * height))
    return tuple(items)
