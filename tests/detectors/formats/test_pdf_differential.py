"""The fast PDF page reader against the reference (pdfminer alone): the same items, in the same
order, on every PDF the PDF tests build, and on pages written to test the tokeniser's edges."""

from __future__ import annotations

import io
import types
from collections.abc import Iterator
from typing import Any

import pikepdf
import pytest
import test_pdf
import test_pdf_covers
import test_pdf_paint
from _pdf_helpers import EMAIL, NAME, OTHER, OVER, SECRET
from _pdf_helpers import one_page as _one
from test_pdf_covers import TEXT, page

from crawler.demo.builders.pdf import Box, Line, Page, append_revision, build_pdf, ruled_table
from detectors.formats.pdf import _fast, inspect_pdf
from detectors.formats.pdf._fast import NotTokenised, reference_reader
from detectors.limits import Budget
from detectors.model import Vector
from detectors.scan import scan


def _pdfs(value: Any, seen: set[int]) -> Iterator[bytes]:
    """Every PDF held in a value: bytes, or tuples, lists and marks holding them."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, bytes) and value.startswith(b"%PDF"):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _pdfs(item, seen)
    elif isinstance(value, types.FunctionType):
        for mark in getattr(value, "pytestmark", ()):
            yield from _pdfs(list(mark.args), seen)
    elif hasattr(value, "values") and hasattr(value, "args"):  # a pytest.param
        yield from _pdfs(list(value.values), seen)


def _corpus() -> list[bytes]:
    """The PDFs the other PDF test modules build at import: their tables and parameters."""
    seen: set[int] = set()
    found: dict[bytes, None] = {}
    for module in (test_pdf, test_pdf_covers, test_pdf_paint):
        for value in vars(module).values():
            found.update(dict.fromkeys(_pdfs(value, seen)))
    return list(found)


def _dense(pages: int) -> bytes:
    """Pages of a staff list, a third of each behind boxes, with a ruled table on each."""
    built = []
    for number in range(pages):
        lines = [Line(f"{NAME} {number}-{row} {EMAIL}", y=760 - row * 14) for row in range(40)]
        boxes = [Box(68, 760 - row * 14 - 3, 300, 13) for row in range(0, 40, 3)]
        table = ruled_table([["Rank", "Name"], ["PC", OTHER]], top=180)
        built.append(Page((*lines, *boxes, *table)))
    return build_pdf(built)


def _contents(*streams: bytes, resources: dict[str, Any] | None = None) -> bytes:
    """A one-page PDF whose content is an array of these streams, read as one."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(page(b""))) as pdf:
        first = pdf.pages[0]
        first.Contents = pikepdf.Array([pdf.make_stream(s) for s in streams])
        for key, value in (resources or {}).items():
            first.Resources[key] = value
        pdf.save(out)
    return out.getvalue()


def _self_painting_form() -> bytes:
    """A form XObject that paints itself: each reader skips the repeat."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(page(TEXT))) as pdf:
        form = pdf.make_stream(b"0 g 68 694 200 20 re f /X1 Do")
        form.Type, form.Subtype, form.BBox = (
            pikepdf.Name.XObject,
            pikepdf.Name.Form,
            [0, 0, 612, 792],
        )
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X1=form))
        first = pdf.pages[0]
        first.Resources.XObject = pikepdf.Dictionary(X1=form)
        first.contents_add(pdf.make_stream(b"/X1 Do"))
        pdf.save(out)
    return out.getvalue()


TRANSLUCENT = pikepdf.Dictionary(ExtGState=pikepdf.Dictionary(GS=pikepdf.Dictionary(ca=0.3)))
EDGES = [
    ("dense pages", _dense(12)),
    (
        "revised",
        append_revision(_one(Line(f"{NAME} {EMAIL}", y=700), OVER), 1, Page((Line("Response"),))),
    ),
    ("token split across streams", _contents(TEXT[:20], TEXT[20:] + b"0 g 68 694 200 20 re f")),
    ("operator split across streams", _contents(TEXT + b"0 g 68 694 200 20 r", b"e f")),
    ("escaped name of no state", page(TEXT + b"/G#53 gs 0 g 68 694 200 20 re f\n")),
    (
        "translucent by escaped name",
        _contents(TEXT + b"/G#53 gs 0 g 68 694 200 20 re f", resources=TRANSLUCENT),
    ),
    ("unknown operator's operands", page(TEXT.replace(b"0 g", b"9 9 9 zz 0 g") + b"1 2 re f\n")),
    ("operands left over", page(b"5 " + TEXT + b"0 g 7 68 694 200 20 re f\n")),
    ("operands missing", page(TEXT + b"0 g 694 200 20 re f 0 g 68 694 200 20 re f\n")),
    (
        "inline image over text",
        page(TEXT + b"q 200 0 0 20 68 694 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q\n"),
    ),
    ("unterminated string", page(TEXT + b"BT /F1 12 Tf 72 650 Td (open Tj ET\n")),
    ("unbalanced array", page(TEXT + b"BT /F1 12 Tf 72 650 Td [(a) 2 (b) TJ ] ET\n")),
    ("stray closers", page(b">> ] } " + TEXT + b"0 g 68 694 200 20 re f\n")),
    ("binary junk", page(TEXT + b"\x80\xff\x00 Tj 0 g 68 694 200 20 re f\n")),
    (
        "hex string and dict operand",
        page(b"/Span <</ActualText <FEFF0041> /N /x#41>> BDC " + TEXT + b"EMC\n"),
    ),
    ("form painting itself", _self_painting_form()),
    (
        "spacing, scaling and rise",
        page(
            b"BT /F1 12 Tf 2 Tc 5 Tw 80 Tz 3 Ts 72 700 Td [("
            + NAME.encode()
            + b") -300 (x y) 120 ( z)] TJ 0 -14 TD 1.5 Tc (a b) ' 4 1 (c d) \" ET\n"
            + b"0 g 68 694 100 20 re f\n"
        ),
    ),
    (
        "turned and slanted text",
        page(
            b"BT /F1 12 Tf 0 1 -1 0 300 300 Tm (" + NAME.encode() + b") Tj "
            b"1 0.3 0 1 72 500 Tm (slanted) Tj -1 0 0 -1 400 400 Tm (upside) Tj ET\n"
            b"0 g 290 290 30 200 re f\n"
        ),
    ),
    ("stroked and clipped text", page(b"1 0 0 RG 0 g 2 Tr " + TEXT + b"7 Tr " + TEXT)),
]


def _read(data: bytes) -> tuple[str, Any]:
    try:
        return "items", list(inspect_pdf(data, "reply.pdf", Budget()))
    except Exception as error:  # the same failure is as much a result as the same items
        return "error", (type(error).__name__, str(error))


@pytest.mark.parametrize("data", _corpus())
def test_the_fast_reader_reads_every_test_pdf_as_the_reference_does(data: bytes) -> None:
    with reference_reader():
        expected = _read(data)
    assert _read(data) == expected


@pytest.mark.parametrize(("case", "data"), EDGES, ids=[c[0] for c in EDGES])
def test_the_fast_reader_reads_edge_cases_as_the_reference_does(case: str, data: bytes) -> None:
    with reference_reader():
        expected = _read(data)
    assert _read(data) == expected
    assert expected[0] == "items"


def test_the_corpus_holds_every_hiding_place() -> None:
    """The comparison above is only as good as its files: each vector read from pages is there."""
    read = [_read(data) for data in _corpus()]
    vectors = {getattr(i, "vector", None) for kind, items in read if kind == "items" for i in items}
    pages = {Vector.PAGE_TEXT, Vector.UNDER_REDACTION, Vector.INVISIBLE_TEXT}
    assert pages | {Vector.CONCEALED_FORMAT, Vector.PRIOR_REVISION} <= vectors


@pytest.mark.parametrize(
    ("case", "vector"),
    [("dense pages", Vector.UNDER_REDACTION), ("revised", Vector.PRIOR_REVISION)],
)
def test_scan_findings_are_the_same_with_either_reader(case: str, vector: Vector) -> None:
    data = dict(EDGES)[case]
    with reference_reader():
        expected = scan(data, "reply.pdf")
    verdict = scan(data, "reply.pdf")
    assert verdict.findings == expected.findings
    assert verdict.structures == expected.structures
    found = [f for f in verdict.findings if f.vector is vector]
    assert found and all(bool(f.covers) == (vector is Vector.UNDER_REDACTION) for f in found)


def test_pages_are_tokenised_without_pdfminer_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast reader does not fall back quietly: with pdfminer's content parser broken, the
    fast reader still finds the covered name, and the reference reader no longer can."""
    import pdfminer.pdfinterp

    def broken(*_args: object) -> None:
        raise RuntimeError("content parser used")

    monkeypatch.setattr(pdfminer.pdfinterp, "PDFContentParser", broken)
    data = _one(SECRET, OVER)
    read = list(inspect_pdf(data, "r.pdf", Budget()))
    covered = [
        getattr(i, "text", "") for i in read if getattr(i, "vector", None) is Vector.UNDER_REDACTION
    ]
    assert any(NAME in text for text in covered)
    with reference_reader():
        read = list(inspect_pdf(data, "r.pdf", Budget()))
    assert not any(NAME in getattr(i, "text", "") for i in read)


@pytest.mark.parametrize(
    ("content", "tokenised"),
    [
        (b"BT /F1 12 Tf 72 700 Td (a\\)b) Tj [(c) -250 (d)] TJ ET", True),
        (b"/A#20B 1.50 -.5 <4142> true null d0", True),
        (b"q 1 0 0 1 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q", False),
        (b"/N\xe9 gs", False),
        (b"BT (open Tj ET", False),
        (b"", True),
    ],
)
def test_content_qpdf_cannot_stand_for_is_left_to_pdfminer(content: bytes, tokenised: bool) -> None:
    if tokenised:
        program = _fast._program(content)
        assert [operator for _, operator in program] == [
            token.decode() for token in content.split() if token in _OPERATORS
        ]
    else:
        with pytest.raises(NotTokenised):
            _fast._program(content)


_OPERATORS = {b"BT", b"Tf", b"Td", b"Tj", b"TJ", b"ET", b"d0"}


def test_operands_come_as_pdfminer_gives_them() -> None:
    from pdfminer.psparser import LIT

    ((operands, operator),) = _fast._program(b"/A#20B 1.50 -.5 7 <4142> (x) [1 /N] true null d0")
    assert operator == "d0"
    assert operands == [LIT("A B"), 1.5, -0.5, 7, b"AB", b"x", [1, LIT("N")], True, None]
    assert [type(o) for o in operands[1:4]] == [float, float, int]


def test_content_over_the_size_cap_streams_through_pdfminer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _one(SECRET, OVER)
    with reference_reader():
        expected = _read(data)
    tokenised: list[bytes] = []
    monkeypatch.setattr(_fast, "_program", lambda content: tokenised.append(content) or [])
    monkeypatch.setattr(_fast, "MAX_CONTENT_BYTES", 10)
    assert _read(data) == expected
    assert tokenised == []
