from __future__ import annotations

import time

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from _pdf_helpers import EMAIL, NAME, OTHER, OVER, SECRET
from _pdf_helpers import one_page as _one

from crawler.demo.builders.pdf import (
    BLACK,
    WHITE,
    Box,
    Line,
    Note,
    Page,
    append_revision,
    build_pdf,
    encrypt_pdf,
    ruled_table,
)
from detectors.formats.pdf import inspect_pdf
from detectors.formats.pdf._pages import drawings, signatures
from detectors.limits import Budget, Limits
from detectors.model import Embedded, Status, Structure, Text, Unread, Vector
from detectors.scan import scan

XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{}</rdf:li>'
    "</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)
XMP_SHORT = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Author="{}"/></rdf:RDF></x:xmpmeta>'
)
CASES = [
    ("page text", _one(SECRET), Vector.PAGE_TEXT, "page 1"),
    ("second page", build_pdf([Page((Line("x"),)), Page((SECRET,))]), Vector.PAGE_TEXT, "page 2"),
    ("black box over", _one(SECRET, OVER), Vector.UNDER_REDACTION, "page 1"),
    (
        "white-out over",
        _one(SECRET, Box(68, 694, 200, 20, WHITE)),
        Vector.UNDER_REDACTION,
        "page 1",
    ),
    ("box behind in text colour", _one(OVER, SECRET), Vector.UNDER_REDACTION, "page 1"),
    ("render mode 3", _one(Line(NAME, y=700, render=3)), Vector.INVISIBLE_TEXT, "page 1"),
    ("off the page", _one(Line(NAME, x=650, y=700)), Vector.INVISIBLE_TEXT, "page 1"),
    ("white on white", _one(Line(NAME, y=700, colour=WHITE)), Vector.CONCEALED_FORMAT, "page 1"),
    (
        "annotation",
        _one(notes=(Note("Text", (0, 0, 20, 20), f"Call {NAME}"),)),
        Vector.ANNOTATION,
        "annotation 1 on page 1",
    ),
    (
        "annotation author",
        _one(notes=(Note("Text", (0, 0, 20, 20), "ok", author=NAME),)),
        Vector.ANNOTATION,
        "author of annotation 1 on page 1",
    ),
    (
        "unapplied redact annotation",
        _one(SECRET, notes=(Note("Redact", (68, 694, 268, 714)),)),
        Vector.UNDER_REDACTION,
        "page 1",
    ),
    (
        "form field",
        _one(fields={"applicant": NAME}),
        Vector.FORM_FIELD,
        "form field 1 ('applicant')",
    ),
    ("info", _one(info={"Author": NAME}), Vector.METADATA, "document information 'Author'"),
    ("xmp", _one(xmp=XMP.format(NAME)), Vector.METADATA, "XMP metadata 'creator'"),
    ("xmp short form", _one(xmp=XMP_SHORT.format(NAME)), Vector.METADATA, "XMP metadata 'Author'"),
    (
        "attachment name",
        _one(attachments={f"{NAME}.csv": b"a,b\n"}),
        Vector.METADATA,
        "file name of attachment 1",
    ),
    (
        "prior revision",
        append_revision(_one(SECRET), 1, Page((Line("Response to request 123"),))),
        Vector.PRIOR_REVISION,
        "revision 1 of 2, page 1",
    ),
    ("empty user password", encrypt_pdf(_one(SECRET), ""), Vector.PAGE_TEXT, "page 1"),
]


@pytest.mark.parametrize(("case", "data", "vector", "where"), CASES, ids=[c[0] for c in CASES])
def test_each_hiding_place_is_found_with_its_location(
    case: str, data: bytes, vector: Vector, where: str
) -> None:
    items = texts(inspect_pdf, data, "reply.pdf")
    assert found(items, vector, where, NAME), items


@pytest.mark.parametrize(
    "data",
    [_one(SECRET, OVER), _one(Line(NAME, y=700, render=3)), _one(Line(NAME, y=700, colour=WHITE))],
    ids=["redacted", "invisible", "white"],
)
def test_hidden_text_is_kept_out_of_the_page_text(data: bytes) -> None:
    items = texts(inspect_pdf, data, "reply.pdf")
    assert Vector.PAGE_TEXT not in vectors_of(items, NAME)
    assert found(items, Vector.PAGE_TEXT, "page 1", "Response to request 123")


def test_text_on_a_dark_band_in_a_light_colour_is_visible() -> None:
    data = _one(Box(60, 690, 300, 30, BLACK), Line(NAME, y=700, colour=WHITE))
    assert vectors_of(texts(inspect_pdf, data, "r.pdf"), NAME) == {Vector.PAGE_TEXT}


def test_a_failed_redaction_is_counted_without_values() -> None:
    items = list(inspect_pdf(_one(SECRET, OVER), "r.pdf", Budget()))
    structures = [i for i in items if isinstance(i, Structure)]
    expected = f"{len(NAME.replace(' ', ''))} characters under filled boxes"
    assert Structure(Vector.UNDER_REDACTION, "page 1", expected) in structures
    assert all(NAME not in s.detail for s in structures)


def test_pages_the_final_revision_shares_byte_for_byte_are_not_read_again() -> None:
    unchanged = _one(SECRET)
    changed = append_revision(unchanged, 1, Page((Line("Response to request 123"),)))
    known = signatures(changed, Budget(), 10)
    assert len(known) == 1
    assert [i for i, _ in drawings(unchanged, Budget(), {}, 10)] == [0]
    assert [i for i, _ in drawings(unchanged, Budget(), {}, 10, known)] == [0]
    assert list(drawings(changed, Budget(), {}, 10, known)) == []


def test_an_unchanged_revision_adds_no_text() -> None:
    data = append_revision(_one(SECRET), 1, Page((Line("Response to request 123"), SECRET)))
    items = list(inspect_pdf(data, "r.pdf", Budget()))
    assert Structure(Vector.PRIOR_REVISION, "document", "2 saved revisions") in items
    assert not [t for t in texts(inspect_pdf, data, "r.pdf") if t.vector is Vector.PRIOR_REVISION]


def test_attachments_are_handed_back_for_scanning() -> None:
    data = _one(attachments={f"{NAME}.csv": b"Name\nA\n"})
    [embedded] = [i for i in inspect_pdf(data, "r.pdf", Budget()) if isinstance(i, Embedded)]
    assert (embedded.name, embedded.data, embedded.where) == (
        "member1.csv",
        b"Name\nA\n",
        "attachment 1",
    )


def _garbage_body() -> bytes:
    data = _one(SECRET)
    return data[:200] + bytes(range(256)) * 4 + data[1200:]


@pytest.mark.parametrize(
    ("data", "statuses"),
    [
        (encrypt_pdf(_one(SECRET), "letmein"), {Status.ENCRYPTED}),
        (_one(SECRET)[:20], {Status.UNREADABLE}),
        (b"%PDF-1.7\n" + b"\x00garbage" * 50, {Status.UNREADABLE}),
        (_one(SECRET)[:400], {Status.SCANNED, Status.UNREADABLE}),
        (_garbage_body(), {Status.SCANNED, Status.UNREADABLE}),
    ],
    ids=["encrypted", "header only", "garbage", "truncated", "corrupt middle"],
)
def test_bad_pdfs_get_a_status_and_a_one_line_reason(data: bytes, statuses: set[Status]) -> None:
    verdict = scan(data, "bad.pdf")
    assert verdict.format == "pdf"
    assert verdict.status in statuses
    if verdict.status is not Status.SCANNED:
        assert verdict.error and "\n" not in verdict.error and NAME not in verdict.error


def test_scan_reports_the_failed_redaction_structure() -> None:
    verdict = scan(_one(SECRET, OVER), "r.pdf")
    assert verdict.status is Status.SCANNED
    assert any(s.vector is Vector.UNDER_REDACTION for s in verdict.structures)


def test_ruled_tables_become_tables_without_redacted_cells() -> None:
    rows = [["Name", "Rank"], [NAME, "PC"], [OTHER, "DS"]]
    over_other = Box(74, 600 - 3 * 20 + 2, 140, 16)  # covers the third row's first cell
    data = build_pdf([Page((Line("Staff", y=700), *ruled_table(rows), over_other))])
    [(table, found_rows)] = tables(inspect_pdf, data, "r.pdf")
    assert (table.where, table.vector, table.header) == (
        "page 1, table 1",
        Vector.PAGE_TEXT,
        ("Name", "Rank"),
    )
    assert found_rows == [(NAME, "PC"), ("", "DS")]
    items = texts(inspect_pdf, data, "r.pdf")
    assert vectors_of(items, OTHER) == {Vector.UNDER_REDACTION}
    assert NAME not in " ".join(t.text for t in items if t.vector is Vector.PAGE_TEXT)


def test_a_linearised_file_is_not_taken_for_a_revised_one() -> None:
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(build_pdf([Page((SECRET,)), Page((Line("x"),))]))) as pdf:
        pdf.save(out, linearize=True)
    items = list(inspect_pdf(out.getvalue(), "r.pdf", Budget()))
    assert not [i for i in items if getattr(i, "vector", None) is Vector.PRIOR_REVISION]
    assert found([i for i in items if isinstance(i, Text)], Vector.PAGE_TEXT, "page 1", NAME)


def _looped(data: bytes) -> bytes:
    """The PDF with its page tree's root listed again among its own kids."""
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = pdf.Root.Pages
        pages.Kids = pikepdf.Array([*pages.Kids, pages])
        pdf.save(out)
    return out.getvalue()


def test_a_page_tree_loop_is_reported_and_everything_else_read() -> None:
    note = Note("Text", (0, 0, 20, 20), f"Call {OTHER}")
    data = _looped(
        build_pdf([Page((SECRET,), notes=(note,)), Page((Line("x"),))], info={"Author": EMAIL})
    )
    items = list(inspect_pdf(data, "r.pdf", Budget()))
    text = [i for i in items if isinstance(i, Text)]
    assert Structure(Vector.PAGE_TEXT, "document", "the page tree loops: each page read once") in (
        items
    )
    assert found(text, Vector.PAGE_TEXT, "page 1", NAME)
    assert found(text, Vector.PAGE_TEXT, "page 2", "x")
    assert sum(1 for t in text if t.vector is Vector.PAGE_TEXT) == 2  # each page once
    assert found(text, Vector.ANNOTATION, "annotation 1 on page 1", OTHER)
    assert found(text, Vector.METADATA, "document information 'Author'", EMAIL)
    assert scan(data, "r.pdf").status is Status.SCANNED


def _catalog_zero(text: str) -> bytes:
    """A one-page PDF whose catalog is object 0, which qpdf refuses and pdfminer reads."""
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return (
        b"%PDF-1.4\n0 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
        + f"4 0 obj<</Length {len(body)}>>stream\n".encode()
        + body
        + b"\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
        b"trailer<</Root 0 0 R/Size 6>>\n%%EOF\n"
    )


def test_pages_of_a_file_qpdf_cannot_rebuild_are_still_read() -> None:
    items = list(inspect_pdf(_catalog_zero(NAME), "r.pdf", Budget()))
    assert found([i for i in items if isinstance(i, Text)], Vector.PAGE_TEXT, "page 1", NAME)
    [part] = [i for i in items if isinstance(i, Unread)]
    assert part.where == "document" and "only the page text read" in part.reason


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n",
        _one(SECRET).replace(b"/Root", b"/Roox"),
    ],
    ids=["pages without kids", "trailer without root"],
)
def test_unreadable_reasons_hold_no_object_reprs(data: bytes) -> None:
    verdict = scan(data, "bad.pdf")
    assert verdict.status is Status.UNREADABLE
    assert verdict.error and verdict.error.startswith("not a readable PDF: ")
    assert "0x" not in verdict.error and "<" not in verdict.error and "BytesIO" not in verdict.error


class _CountingBudget(Budget):
    """A budget that counts its checks and runs out after `allowed` of them."""

    def __init__(self, allowed: int = 10**9) -> None:
        super().__init__()
        self.allowed = allowed
        self.calls = 0

    def check(self, activity: str | None = None) -> None:
        self.calls += 1
        if self.calls > self.allowed:
            from detectors.errors import DocumentTooLarge

            raise DocumentTooLarge("inspection took longer than the budget")


CROWDED = Page(tuple(Line(f"{OTHER} {n}", y=760 - (n % 60) * 12) for n in range(500)))


def test_the_budget_is_checked_while_a_page_is_painted() -> None:
    short, long = _CountingBudget(), _CountingBudget()
    list(inspect_pdf(build_pdf([Page((SECRET,))]), "r.pdf", short))
    list(inspect_pdf(build_pdf([CROWDED]), "r.pdf", long))
    # One page either way: the extra checks are made inside the crowded page.
    assert long.calls - short.calls >= 20


def test_pages_read_before_the_budget_runs_out_are_kept() -> None:
    counted = _CountingBudget()
    list(inspect_pdf(build_pdf([Page((SECRET,))]), "r.pdf", counted))
    budget = _CountingBudget(allowed=counted.calls + 5)
    items: list[object] = []
    with pytest.raises(Exception, match="budget"):
        for item in inspect_pdf(build_pdf([Page((SECRET,)), CROWDED]), "r.pdf", budget):
            items.append(item)
    assert found([i for i in items if isinstance(i, Text)], Vector.PAGE_TEXT, "page 1", NAME)


class _PageCredits(Budget):
    def __init__(self) -> None:
        super().__init__()
        self.pages = 0

    def page_read(self, started: float) -> float:
        self.pages += 1
        return super().page_read(started)


def test_each_page_read_gives_its_time_back_to_the_budget() -> None:
    budget = _PageCredits()
    start = budget.deadline
    list(inspect_pdf(build_pdf([Page((SECRET,)), Page((SECRET,)), CROWDED]), "r.pdf", budget))
    assert budget.pages == 3
    assert budget.deadline > start
    assert budget.deadline - start == pytest.approx(budget.pages_spent)


def test_page_time_given_back_is_capped_per_page_and_per_document() -> None:
    budget = Budget(Limits(page_time_s=0.5, pages_time_s=1.5))
    start = budget.deadline
    budget.page_read(time.monotonic() - 0.2)
    first = budget.pages_spent
    assert 0.2 <= first <= 0.5
    budget.page_read(time.monotonic() - 10.0)  # a slow page earns no more than its share
    assert budget.pages_spent == pytest.approx(first + 0.5)
    budget.page_read(time.monotonic() - 10.0)
    budget.page_read(time.monotonic() - 10.0)
    assert budget.pages_spent == pytest.approx(1.5)
    assert budget.deadline - start == pytest.approx(1.5)


def test_a_page_of_countless_strokes_is_read_as_prose() -> None:
    rows = [["Name", "Rank"], [NAME, "PC"], [OTHER, "DS"]]
    specks = tuple(Box(300 + (n % 40) * 6, 100 + (n // 40) * 6, 3, 3) for n in range(1200))
    ruled = build_pdf([Page((*ruled_table(rows), *specks))])
    assert tables(inspect_pdf, build_pdf([Page(tuple(ruled_table(rows)))]), "r.pdf")
    assert not tables(inspect_pdf, ruled, "r.pdf")
    assert found(texts(inspect_pdf, ruled, "r.pdf"), Vector.PAGE_TEXT, "page 1", NAME)


@pytest.mark.parametrize(
    "message",
    [
        "stream <_io.BytesIO object at 0x7f9806d731f0> (object 39759 0): Loop detected",
        "stream <_io.BytesIO object at 0x7f9806d731f0>: Loop detected",
        "object <pikepdf.Object at 0x7f9806d731f0> Loop detected",
    ],
    ids=["with object number", "stream only", "inside"],
)
def test_library_messages_lose_their_object_reprs(message: str) -> None:
    from detectors.formats.pdf import _short

    reason = _short(ValueError(message))
    assert "Loop detected" in reason
    assert "0x" not in reason and "<" not in reason and "BytesIO" not in reason


@pytest.mark.parametrize(
    ("lines", "hidden"),
    [
        ((Line(NAME, y=700, colour=WHITE), Line(NAME, y=700)), False),
        ((Line(NAME, x=72.8, y=700.6, colour=WHITE), Line(NAME, y=700)), False),
        ((Line(NAME, y=700, colour=WHITE), Line(OTHER, y=700)), True),
        ((Line(NAME, y=700, colour=WHITE), Line(NAME, y=640)), True),
    ],
    ids=[
        "a white halo under the same label",
        "a halo a little off its label",
        "white text under other words",
        "white text with its words shown elsewhere",
    ],
)
def test_a_label_s_white_halo_hides_nothing(lines: tuple[Line, ...], hidden: bool) -> None:
    """Maps draw a place name twice, in white beneath and in ink above, so it stands out."""
    items = texts(inspect_pdf, build_pdf([Page(lines)]), "map.pdf")
    assert (Vector.CONCEALED_FORMAT in vectors_of(items, NAME)) is hidden
    assert Vector.PAGE_TEXT in vectors_of(items, lines[1].text)
