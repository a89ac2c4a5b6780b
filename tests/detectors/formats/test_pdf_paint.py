"""What a box hides depends on how it is painted: opacity, blend modes, forms and images,
rotated pages."""

from __future__ import annotations

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from _pdf_helpers import EMAIL, NAME, OTHER, OVER, SECRET
from _pdf_helpers import one_page as _one

from crawler.demo.builders.pdf import (
    WHITE,
    Box,
    Line,
    Note,
    Page,
    build_pdf,
    ruled_table,
)
from detectors.formats.pdf import inspect_pdf
from detectors.model import Status, Vector
from detectors.scan import scan


def _reworked(data: bytes, rotate: int = 0, upright: bool = False, **state: object) -> bytes:
    """The PDF with /Rotate set on every page and, with `state` (`ca`, `BM`, and `op`, the
    painting operator), the page's last `op` painted in an ExtGState holding those entries.

    `upright` draws the content turned a quarter anticlockwise first, as programs that
    rotate a landscape page do, so that a viewer applying /Rotate 90 shows it upright.
    """
    import io

    import pikepdf

    operator = str(state.pop("op", "f"))
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            instructions = list(pikepdf.parse_content_stream(page))
            if state:
                page.Resources.ExtGState = pikepdf.Dictionary(
                    GS1=pikepdf.Dictionary({f"/{k}": _pdf_value(v) for k, v in state.items()}),
                    GS0=pikepdf.Dictionary(ca=1, BM=pikepdf.Name.Normal),
                )
                last = max(i for i, (_, op) in enumerate(instructions) if str(op) == operator)
                instructions = [
                    *instructions[:last],
                    ([pikepdf.Name.GS1], pikepdf.Operator("gs")),
                    instructions[last],
                    ([pikepdf.Name.GS0], pikepdf.Operator("gs")),
                    *instructions[last + 1 :],
                ]
            if upright:
                turn = [0, 1, -1, 0, 612, 0]
                instructions = [
                    ([], pikepdf.Operator("q")),
                    (turn, pikepdf.Operator("cm")),
                    *instructions,
                    ([], pikepdf.Operator("Q")),
                ]
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            if rotate:
                page.Rotate = rotate
        pdf.save(out)
    return out.getvalue()


def _pdf_value(value: object) -> object:
    import pikepdf

    return pikepdf.Name("/" + value) if isinstance(value, str) else value


YELLOW = (1.0, 1.0, 0.0)
HIGHLIGHT = Box(68, 694, 200, 20, YELLOW)
LOW = (Line("Response to request 123", y=500), Line(NAME, y=450))
LOW_OVER = Box(68, 444, 200, 20)

PAINT_CASES = [
    ("translucent box", _reworked(_one(SECRET, OVER), ca=0.4), Vector.PAGE_TEXT),
    ("box just under the threshold", _reworked(_one(SECRET, OVER), ca=0.85), Vector.PAGE_TEXT),
    ("box at the threshold", _reworked(_one(SECRET, OVER), ca=0.9), Vector.UNDER_REDACTION),
    ("opaque through a state", _reworked(_one(SECRET, OVER), ca=1.0), Vector.UNDER_REDACTION),
    ("multiply highlighter", _reworked(_one(SECRET, HIGHLIGHT), BM="Multiply"), Vector.PAGE_TEXT),
    (
        "translucent highlighter",
        _reworked(_one(SECRET, HIGHLIGHT), ca=0.35),
        Vector.PAGE_TEXT,
    ),
    ("black box multiplied", _reworked(_one(SECRET, OVER), BM="Multiply"), Vector.UNDER_REDACTION),
    (
        "white-out screened",
        _reworked(_one(SECRET, Box(68, 694, 200, 20, WHITE)), BM="Screen"),
        Vector.UNDER_REDACTION,
    ),
    ("box in difference mode", _reworked(_one(SECRET, OVER), BM="Difference"), Vector.PAGE_TEXT),
    (
        "pale box behind black text",
        _reworked(_one(OVER, SECRET), ca=0.2),
        Vector.PAGE_TEXT,
    ),
    ("text at zero opacity", _reworked(_one(SECRET), ca=0.0, op="Tj"), Vector.INVISIBLE_TEXT),
]
PAINT_CASES += [
    (f"box over text, /Rotate {angle}", _reworked(_one(SECRET, OVER), rotate=angle), vector)
    for angle in (90, 180, 270)
    for vector in (Vector.UNDER_REDACTION,)
]
PAINT_CASES += [
    (
        "box over upright text, /Rotate 90",
        _reworked(build_pdf([Page((*LOW, LOW_OVER))]), rotate=90, upright=True),
        Vector.UNDER_REDACTION,
    ),
    (
        "redact annotation, /Rotate 90",
        _reworked(_one(SECRET, notes=(Note("Redact", (68, 694, 268, 714)),)), rotate=90),
        Vector.UNDER_REDACTION,
    ),
    (
        "translucent box, /Rotate 270",
        _reworked(_one(SECRET, OVER), rotate=270, ca=0.5),
        Vector.PAGE_TEXT,
    ),
]


@pytest.mark.parametrize(("case", "data", "vector"), PAINT_CASES, ids=[c[0] for c in PAINT_CASES])
def test_what_a_box_hides_depends_on_how_it_is_painted(
    case: str, data: bytes, vector: Vector
) -> None:
    items = texts(inspect_pdf, data, "reply.pdf")
    assert vectors_of(items, NAME) == {vector}, items
    assert found(items, Vector.PAGE_TEXT, "page 1", "Response to request 123"), items


@pytest.mark.parametrize(
    ("rotate", "upright"),
    [(90, False), (180, False), (270, False), (90, True)],
    ids=["90", "180", "270", "90 drawn upright"],
)
def test_tables_on_rotated_pages_are_read_as_tables(rotate: int, upright: bool) -> None:
    rows = [["Name", "Rank"], [NAME, "PC"], [OTHER, "DS"]]
    page = Page((Line("Staff", y=540), *ruled_table(rows, top=500)))
    data = _reworked(build_pdf([page]), rotate=rotate, upright=upright)
    [(table, found_rows)] = tables(inspect_pdf, data, "r.pdf")
    assert (table.where, table.header) == ("page 1, table 1", ("Name", "Rank"))
    assert found_rows == [(NAME, "PC"), (OTHER, "DS")]


@pytest.mark.parametrize(
    ("data", "vector"),
    [
        (_reworked(_one(Line(EMAIL, y=700), OVER), rotate=90), Vector.UNDER_REDACTION),
        (_reworked(_one(Line(EMAIL, y=700), HIGHLIGHT), BM="Multiply"), Vector.PAGE_TEXT),
    ],
    ids=["redaction on a rotated page", "highlighted"],
)
def test_scan_judges_boxes_by_how_they_are_painted(data: bytes, vector: Vector) -> None:
    verdict = scan(data, "reply.pdf")
    assert verdict.status is Status.SCANNED
    emails = [f for f in verdict.findings if f.entity == "EMAIL_ADDRESS"]
    assert emails and {(f.vector, f.hidden) for f in emails} == {(vector, vector.hidden)}


def _xobject_over(data: bytes, image: bool, outer: float | None, inner: float | None) -> bytes:
    """The PDF with a black box (a form XObject) or a black image painted over the name
    line, at fill opacity `outer` set before painting it or `inner` set inside the form."""
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        states = pikepdf.Dictionary(GS1=pikepdf.Dictionary(ca=outer if outer else inner))
        if image:
            thing = pdf.make_stream(b"\x00")
            thing.Subtype = pikepdf.Name.Image
            thing.Width, thing.Height, thing.BitsPerComponent = 1, 1, 8
            thing.ColorSpace = pikepdf.Name.DeviceGray
            placed = b"200 0 0 20 68 694 cm /X1 Do"
        else:
            thing = pdf.make_stream((b"/GS1 gs " if inner else b"") + b"68 694 200 20 re f")
            thing.Subtype = pikepdf.Name.Form
            thing.BBox = [0, 0, 612, 792]
            if inner:
                thing.Resources = pikepdf.Dictionary(ExtGState=states)
            placed = b"/X1 Do"
        thing.Type = pikepdf.Name.XObject
        page.Resources.XObject = pikepdf.Dictionary(X1=thing)
        page.Resources.ExtGState = states
        state = b"/GS1 gs " if outer else b""
        page.contents_add(pdf.make_stream(b"q 0 g " + state + placed + b" Q"))
        pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("image", "outer", "inner", "vector"),
    [
        (False, None, None, Vector.UNDER_REDACTION),
        (False, 0.3, None, Vector.PAGE_TEXT),
        (False, None, 0.3, Vector.PAGE_TEXT),
        (False, 0.95, None, Vector.UNDER_REDACTION),
        (True, None, None, Vector.INVISIBLE_TEXT),
        (True, 0.3, None, Vector.PAGE_TEXT),
    ],
    ids=[
        "form",
        "translucent form",
        "translucent inside the form",
        "nearly opaque form",
        "image",
        "translucent image",
    ],
)
def test_opacity_reaches_forms_and_images(
    image: bool, outer: float | None, inner: float | None, vector: Vector
) -> None:
    data = _xobject_over(_one(SECRET), image, outer, inner)
    assert vectors_of(texts(inspect_pdf, data, "reply.pdf"), NAME) == {vector}
