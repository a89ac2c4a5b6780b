"""Damaged PDFs read as far as they go: a malformed XMP packet is recovered, and a file whose
cross-reference table qpdf will not take is repaired so its annotations, forms and metadata
are read with its pages."""

from __future__ import annotations

import io

import pikepdf
import pytest
from _inspect_helpers import found
from _pdf_helpers import EMAIL, NAME, SECRET
from _pdf_helpers import one_page as _one

from detectors.formats.pdf import inspect_pdf
from detectors.formats.pdf._repair import padded
from detectors.formats.pdf._xmp import inspect_xmp
from detectors.limits import Budget
from detectors.model import Severity, Status, Text, Unread, Vector
from detectors.scan import scan

RDF = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="{about}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
    f"<pdf:Keywords>contact {EMAIL}</pdf:Keywords>"
    f"<dc:creator><rdf:Seq><rdf:li>{NAME}</rdf:li></rdf:Seq></dc:creator>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)
PACKET = "<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n{}\n<?xpacket end='w'?>"
MALFORMED = [
    # (case, packet, where the name is read)
    ("control character reference", PACKET.format(RDF.format(about="uuid:a&#1;&#8;b")).encode(),
     "XMP metadata 'creator'"),
    ("byte of another encoding", PACKET.format(RDF.format(about="")).encode().replace(
        "\ufeff".encode(), b"\xef\xbb?"), "XMP metadata 'creator'"),
    ("cut short", PACKET.format(RDF.format(about="")).encode()[:-60], "XMP metadata 'creator'"),
    ("tags crossed", RDF.format(about="").replace("</rdf:li></rdf:Seq>", "</rdf:Seq></rdf:li>")
     .encode(), "XMP metadata"),
    ("no element at all", f"creator: {NAME}\nkeywords: contact {EMAIL} & more".encode(),
     "XMP metadata (text between damaged tags)"),
]  # fmt: skip


def _with_xmp(packet: bytes) -> bytes:
    """A one-page reply whose XMP metadata stream holds `packet` byte for byte."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(_one())) as pdf:
        stream = pdf.make_stream(packet)
        stream.Type, stream.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
        pdf.Root.Metadata = stream
        pdf.save(out, fix_metadata_version=False)
    return out.getvalue()


@pytest.mark.parametrize(
    ("packet", "where"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_a_malformed_xmp_packet_is_recovered_and_read_as_metadata(
    packet: bytes, where: str
) -> None:
    items = list(inspect_xmp(packet))
    text = [i for i in items if isinstance(i, Text)]
    assert not [i for i in items if isinstance(i, Unread)]
    assert found(text, Vector.METADATA, where, NAME), text
    assert found(text, Vector.METADATA, "XMP metadata", EMAIL), text


@pytest.mark.parametrize(
    ("packet", "where"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_a_pdf_whose_xmp_is_malformed_is_fully_read(packet: bytes, where: str) -> None:
    verdict = scan(_with_xmp(packet), "reply.pdf")
    assert verdict.status is Status.SCANNED and not verdict.unread
    entities = {f.entity for f in verdict.findings if f.vector is Vector.METADATA}
    assert {"PERSON", "EMAIL_ADDRESS"} <= entities
    assert all(f.where.startswith("XMP metadata") for f in verdict.findings)


@pytest.mark.parametrize(
    "packet",
    [bytes(range(256)) * 8, b"\x00\x01\x02<\x03\x04>\xff\xfe" * 40],
    ids=["binary", "noise"],
)
def test_a_packet_with_nothing_recoverable_is_unread(packet: bytes) -> None:
    items = list(inspect_xmp(packet))
    assert items == [
        Unread("XMP metadata", "malformed XML: no text could be recovered", vector=Vector.METADATA)
    ]
    verdict = scan(_with_xmp(packet), "reply.pdf")
    assert [u.where for u in verdict.unread] == ["XMP metadata"]


def test_an_empty_packet_holds_nothing_and_is_read() -> None:
    assert list(inspect_xmp(b"  \n ")) == []


def _fragment(first: int, *, broken_offsets: bool = False) -> bytes:
    """A one-page PDF with an annotation, its objects numbered from `first` on as in a page
    cut out of a much larger file; `broken_offsets` also shifts every xref offset."""
    body = b"BT /F1 12 Tf 72 720 Td (Response to request 123) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages %d 0 R >>" % (first + 1),
        b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (first + 2),
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Annots [%d 0 R] >>"
        % (first + 1, first + 3, first + 4, first + 5),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Annot /Subtype /Text /Rect [0 0 20 20] /Contents (Call %s on %s) >>"
        % (NAME.encode(), EMAIL.encode()),
    ]
    data = b"%PDF-1.6\n"
    offsets = []
    for number, body_ in enumerate(objects, start=first):
        offsets.append(len(data) + (7 if broken_offsets else 0))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body_)
    xref = len(data)
    data += b"xref\n0 1\n0000000000 65535 f \n%d %d\n" % (first, len(objects))
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (first + len(objects), first)
    return data + b"startxref\n%d\n%%%%EOF\n" % xref


DAMAGED = [
    ("object numbers past qpdf's bound", _fragment(9001)),
    ("those and shifted offsets", _fragment(9001, broken_offsets=True)),
    ("shifted offsets alone", _fragment(1, broken_offsets=True)),
]


@pytest.mark.parametrize("data", [c[1] for c in DAMAGED], ids=[c[0] for c in DAMAGED])
def test_a_damaged_file_is_repaired_and_its_annotations_read(data: bytes) -> None:
    items = list(inspect_pdf(data, "fragment.pdf", Budget()))
    text = [i for i in items if isinstance(i, Text)]
    assert found(text, Vector.ANNOTATION, "annotation 1 on page 1", NAME), text
    assert found(text, Vector.PAGE_TEXT, "page 1", "Response to request 123")
    assert not [i for i in items if isinstance(i, Unread)]
    verdict = scan(data, "fragment.pdf")
    assert verdict.status is Status.SCANNED and not verdict.unread
    assert any(f.vector is Vector.ANNOTATION and f.entity == "PERSON" for f in verdict.findings)


def test_a_file_whose_numbers_need_too_long_a_comment_keeps_an_honest_status() -> None:
    data = _fragment(2_000_000_000)
    assert padded(data) is None
    verdict = scan(data, "fragment.pdf")
    assert verdict.unread or verdict.status is Status.UNREADABLE
    assert verdict.severity.rank >= Severity.MEDIUM.rank


def test_padding_keeps_every_object_where_it_was() -> None:
    data = _fragment(9001)
    repaired = padded(data)
    assert repaired is not None and len(repaired) > 3 * 9007
    cut = data.rindex(b"startxref")
    assert repaired.startswith(data[:cut]) and repaired.endswith(data[cut:])
    assert padded(_one()) is None  # numbers that already fit: not this damage


@pytest.mark.parametrize("alternate", [None, "/DeviceGray"], ids=["no alternate", "gray"])
def test_a_page_whose_colour_profile_lacks_its_component_count_is_still_read(
    alternate: str | None,
) -> None:
    pdf = pikepdf.open(io.BytesIO(_one(SECRET)))
    profile = pikepdf.Stream(pdf, b"not a profile")
    if alternate is not None:
        profile.Alternate = pikepdf.Name(alternate)
    page = pdf.pages[0]
    page.Resources.ColorSpace = pikepdf.Dictionary(
        CS0=pikepdf.Array([pikepdf.Name.ICCBased, profile])
    )
    out = io.BytesIO()
    pdf.save(out)
    items = list(inspect_pdf(out.getvalue(), "r.pdf", Budget()))
    assert not [i for i in items if isinstance(i, Unread)]
    assert found([i for i in items if isinstance(i, Text)], Vector.PAGE_TEXT, "page 1", NAME)
