"""What counts as a cover over PDF text: a box a reader takes for a redaction, not a frame, a
box clipped out of view or a banner the text is written on; and what a cover costs."""

from __future__ import annotations

import io
import json
import math

import pikepdf
import pytest
from _inspect_helpers import texts, vectors_of
from _pdf_helpers import NAME, OTHER

from crawler.demo.builders.pdf import Page, build_pdf, literal
from detectors.formats.pdf import inspect_pdf
from detectors.model import Cover, Severity, Status, Vector
from detectors.scan import scan
from detectors.serialize import verdict_json

TEXT = b"BT /F1 12 Tf 0 g 72 700 Td " + literal(NAME) + b" Tj ET\n"
"""The name at (72, 700) in black: its glyphs span about y 697 to 709."""
WHITE_TEXT = TEXT.replace(b"0 g", b"1 g")
BOX = b"0 g 68 694 200 20 re f\n"
"""A black box over the name."""
HATCH = (
    b"q 68 694 200 20 re W n 0.33 G 1 w "
    + b"".join(
        b"%d 694 m %d 714 l %d 714 m %d 694 l " % (x, x + 20, x, x + 20) for x in range(68, 268, 20)
    )
    + b"S Q\n"
)
"""Grey crosses stroked over a box, clipped to it: the cross-hatched redaction."""


def oval(rx: float, ry: float, points: int = 24, back: bool = False) -> bytes:
    """A closed polygon tracing an ellipse round the name's middle (160, 703), anticlockwise
    or, `back`, clockwise."""
    turns = [2 * math.pi * i / points * (-1 if back else 1) for i in range(points)]
    xy = [(160 + rx * math.cos(t), 703 + ry * math.sin(t)) for t in turns]
    return b"%.2f %.2f m " % xy[0] + b"".join(b"%.2f %.2f l " % p for p in xy[1:]) + b"h "


L_BORDER = b"570 780 m 24 780 l 24 24 l 26 24 l 26 778 l 570 778 l h "
"""A page border round the top and left edges drawn as one thin L-shaped outline, as a word
processor saves it: its box is the page."""
RING = oval(130, 35) + oval(110, 20)
"""An outer and an inner ellipse: the name lies in the hole between them."""
KEYHOLE = oval(130, 35, 400)[:-2] + oval(110, 20, 400, back=True).replace(b" m ", b" l ", 1)
"""A frame round the name drawn as one subpath of 800 points: the outer ellipse, then the
inner one the other way round, as a printer's logo box is saved."""


def page(content: bytes, *annotations: dict[str, object]) -> bytes:
    """A one-page PDF drawing `content` (Helvetica as /F1), with annotations added."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(build_pdf([Page(())]))) as pdf:
        first = pdf.pages[0]
        first.Contents = pdf.make_stream(content)
        first.Annots = pdf.make_indirect(
            pikepdf.Array(
                [
                    pdf.make_indirect(
                        pikepdf.Dictionary({f"/{k}": _value(v) for k, v in a.items()})
                    )
                    for a in annotations
                ]
            )
        )
        pdf.save(out)
    return out.getvalue()


def _value(value: object) -> object:
    if isinstance(value, str):
        return pikepdf.Name("/" + value)
    if isinstance(value, tuple):
        return pikepdf.Array(list(value))
    return value


def square(**entries: object) -> dict[str, object]:
    """A Square annotation over the name; `IC` gives it an interior colour."""
    return {"Type": "Annot", "Subtype": "Square", "Rect": (68, 694, 268, 714), **entries}


COVER_CASES = [
    ("filled box over", TEXT + BOX, Vector.UNDER_REDACTION),
    ("stroked frame", TEXT + b"0 G 2 w 68 694 200 20 re S\n", Vector.PAGE_TEXT),
    ("frame filled as a ring (nonzero)", TEXT + b"0 g 66 692 204 24 re 268 694 -200 20 re f\n",
     Vector.PAGE_TEXT),
    ("frame filled as a ring (even-odd)", TEXT + b"0 g 66 692 204 24 re 68 694 200 20 re f*\n",
     Vector.PAGE_TEXT),
    ("two boxes wound alike (nonzero)", TEXT + b"0 g 66 692 204 24 re 68 694 200 20 re f\n",
     Vector.UNDER_REDACTION),
    ("ring in the text colour behind it", b"0 g 66 692 204 24 re 68 694 200 20 re f*\n" + TEXT,
     Vector.PAGE_TEXT),
    ("box in the text colour behind it", BOX + TEXT, Vector.UNDER_REDACTION),
    ("box clipped out of view", TEXT + b"q 300 100 100 100 re W n 0 g 0 0 612 792 re f Q\n",
     Vector.PAGE_TEXT),
    ("box clipped to the text", TEXT + b"q 60 690 300 30 re W n 0 g 0 0 612 792 re f Q\n",
     Vector.UNDER_REDACTION),
    ("clip ended by Q", TEXT + b"q 300 100 100 100 re W n Q " + BOX, Vector.UNDER_REDACTION),
    ("clip set while painting", TEXT + b"q 300 100 100 100 re W f 0 g 68 694 200 20 re f Q\n",
     Vector.PAGE_TEXT),
    ("white text on a banner", b"0 0 1 rg 60 690 300 30 re f\n" + WHITE_TEXT, Vector.PAGE_TEXT),
    ("white text on a banner, page box clipped away",
     b"0 0 1 rg 0 680 612 112 re f q 0 0 612 680 re W n 1 g 0 0 612 792 re f Q\n" + WHITE_TEXT,
     Vector.PAGE_TEXT),
    ("white box on a white page", TEXT + b"1 g 68 694 200 20 re f\n", Vector.UNDER_REDACTION),
    ("cross-hatched box", TEXT + BOX + HATCH, Vector.UNDER_REDACTION),
    ("box filled through a ring (even-odd clip)",
     TEXT + b"q " + RING + b"W* n 0 g 0 0 612 792 re f Q\n", Vector.PAGE_TEXT),
    ("box filled through a ring (nonzero clip)",
     TEXT + b"q " + oval(130, 35) + oval(110, 20, back=True) + b"W n 0 g 0 0 612 792 re f Q\n",
     Vector.PAGE_TEXT),
    ("box filled through a ring of many points",
     TEXT + b"q " + oval(130, 35, 400) + oval(110, 20, 400) + b"W* n 0 g 0 0 612 792 re f Q\n",
     Vector.PAGE_TEXT),
    ("yellow name inside a yellow ring",
     b"q " + RING + b"W* n 1 1 0 rg 0 0 612 792 re f Q\n" + TEXT.replace(b"0 g", b"1 1 0 rg"),
     Vector.PAGE_TEXT),
    ("box filled through an oval over the text",
     TEXT + b"q " + oval(130, 35) + b"W n 0 g 0 0 612 792 re f Q\n", Vector.UNDER_REDACTION),
    ("ring wound alike (nonzero clip) over the text",
     TEXT + b"q " + RING + b"W n 0 g 0 0 612 792 re f Q\n", Vector.UNDER_REDACTION),
    ("page border as one L-shaped outline in the text colour, behind it",
     b"0 g " + L_BORDER + b"f*\n" + TEXT, Vector.PAGE_TEXT),
    ("L-shaped outline over the text, its box round it",
     TEXT + b"0 g 20 600 m 400 600 l 400 610 l 30 610 l 30 790 l 20 790 l h f\n",
     Vector.PAGE_TEXT),
    ("triangle over the text", TEXT + b"0 g 60 600 m 400 600 l 60 800 l h f\n",
     Vector.UNDER_REDACTION),
    ("disc over the text", TEXT + b"0 g " + oval(130, 35) + b"f\n", Vector.UNDER_REDACTION),
    ("frame of many points drawn as one subpath round the text",
     TEXT + b"0 g " + KEYHOLE + b"f\n", Vector.PAGE_TEXT),
    ("disc of many points over the text", TEXT + b"0 g " + oval(130, 35, 400) + b"f\n",
     Vector.UNDER_REDACTION),
    ("ring of many points filled even-odd round the text",
     TEXT + b"0 g " + oval(130, 35, 400) + oval(110, 20, 400) + b"f*\n", Vector.PAGE_TEXT),
    ("two ovals of many points wound alike over the text",
     TEXT + b"0 g " + oval(130, 35, 400) + oval(110, 20, 400) + b"f\n", Vector.UNDER_REDACTION),
]  # fmt: skip
ANNOTATION_CASES = [
    ("opaque Square annotation", square(IC=(1, 1, 1)), Vector.UNDER_REDACTION),
    ("Square annotation without interior", square(), Vector.PAGE_TEXT),
    ("translucent Square annotation", square(IC=(0, 0, 0), CA=0.3), Vector.PAGE_TEXT),
    ("hidden Square annotation", square(IC=(0, 0, 0), F=2), Vector.PAGE_TEXT),
    ("Square annotation with an empty interior", square(IC=()), Vector.PAGE_TEXT),
]


@pytest.mark.parametrize(
    ("content", "vector"), [c[1:] for c in COVER_CASES], ids=[c[0] for c in COVER_CASES]
)
def test_only_a_box_a_viewer_shows_over_the_text_covers_it(content: bytes, vector: Vector) -> None:
    assert vectors_of(texts(inspect_pdf, page(content), "r.pdf"), NAME) == {vector}


@pytest.mark.parametrize(
    ("annotation", "vector"),
    [c[1:] for c in ANNOTATION_CASES],
    ids=[c[0] for c in ANNOTATION_CASES],
)
def test_an_opaque_square_annotation_covers_the_text_under_it(
    annotation: dict[str, object], vector: Vector
) -> None:
    assert vectors_of(texts(inspect_pdf, page(TEXT, annotation), "r.pdf"), NAME) == {vector}


@pytest.mark.parametrize(
    ("content", "annotations", "covers"),
    [
        (TEXT + BOX, (), [Cover(1, (68.0, 78.0, 268.0, 98.0))]),
        (TEXT + BOX + HATCH, (), [Cover(1, (68.0, 78.0, 268.0, 98.0))]),
        (TEXT + b"0 g 68 694 200 20 re f 300 300 50 50 re f\n", (),
         [Cover(1, (68.0, 78.0, 268.0, 98.0))]),
        (TEXT + b"0 g 0 600 612 300 re f\n", (), [Cover(1, (0.0, 0.0, 612.0, 192.0))]),
        (TEXT + b"0 g 300 300 50 50 re 68 694 200 20 re f\n", (),
         [Cover(1, (68.0, 78.0, 268.0, 98.0))]),
        (TEXT, (square(IC=(0, 0, 0)),), [Cover(1, (68.0, 78.0, 268.0, 98.0))]),
    ],
    ids=["box", "cross-hatched box", "a second box over nothing", "box past the page edge",
         "two boxes in one path", "Square annotation"],
)  # fmt: skip
def test_covered_text_names_each_box_from_the_top_left_of_its_page(
    content: bytes, annotations: tuple[dict[str, object], ...], covers: list[Cover]
) -> None:
    [covered] = [
        t
        for t in texts(inspect_pdf, page(content, *annotations), "r.pdf")
        if t.vector is Vector.UNDER_REDACTION
    ]
    assert list(covered.covers) == covers


def test_names_under_a_cross_hatched_cover_rate_high_with_their_boxes_in_the_json() -> None:
    names = TEXT + b"BT /F1 12 Tf 0 g 72 650 Td " + literal(OTHER) + b" Tj ET\n"
    data = page(names + BOX + b"0 g 68 644 200 20 re f\n" + HATCH)
    verdict = scan(data, "reply.pdf")
    assert verdict.status is Status.SCANNED
    assert verdict.severity is Severity.HIGH
    record = json.loads(json.dumps(verdict_json(verdict)))
    [finding] = [f for f in record["findings"] if f["vector"] == "under_redaction"]
    assert finding["entity"] == "PERSON"
    assert finding["covers"] == [
        {"page": 1, "box": [68.0, 78.0, 268.0, 98.0]},
        {"page": 1, "box": [68.0, 128.0, 268.0, 148.0]},
    ]
    assert NAME not in json.dumps(record) and OTHER not in json.dumps(record)


@pytest.mark.parametrize(
    "content",
    [TEXT + b"0 G 2 w 68 694 200 20 re S\n", b"0 0 1 rg 60 690 300 30 re f\n" + WHITE_TEXT],
    ids=["framed", "banner"],
)
def test_visible_names_carry_no_covers_and_stay_low(content: bytes) -> None:
    verdict = scan(page(content), "reply.pdf")
    assert verdict.severity in (Severity.LOW, Severity.NONE)
    assert not any(f.covers for f in verdict.findings)
    assert all("covers" not in f for f in verdict_json(verdict)["findings"])


@pytest.mark.parametrize(
    ("fill", "panel", "severity"),
    [
        (b"1 g 20 300 300 480 re f\n", True, Severity.LOW),
        (b"0.95 0.95 1 rg 20 300 300 480 re f\n", True, Severity.LOW),
        (b"0 g 20 300 300 480 re f\n", False, Severity.HIGH),
        (b"1 g 68 694 200 20 re f\n", False, Severity.HIGH),
    ],
    ids=["a white column's panel", "a pale panel", "a black box as large", "white-out"],
)
def test_a_light_panel_over_earlier_text_is_hidden_text_not_a_failed_redaction(
    fill: bytes, panel: bool, severity: Severity
) -> None:
    """A newsletter's white column background painted over an article pasted beneath it
    hides the article, but no one drew it over a name: the name is rated as hidden text. A
    black box as large (a withheld block) or white-out over the words is a redaction."""
    verdict = scan(page(TEXT + fill), "newsletter.pdf")
    [finding] = [f for f in verdict.findings if f.vector is Vector.UNDER_REDACTION]
    assert finding.covers and all(c.panel for c in finding.covers) is panel
    assert verdict.severity is severity


def printed(data: bytes, producer: str, creator: str) -> bytes:
    """`data` with its document information naming the program that made it."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.docinfo["/Producer"] = producer
        pdf.docinfo["/Creator"] = creator
        pdf.save(out)
    return out.getvalue()


_BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142"


@pytest.mark.parametrize(
    ("producer", "creator", "fill", "severity"),
    [
        ("Skia/PDF m142", _BROWSER, b"1 g 68 694 200 20 re f\n", Severity.LOW),
        ("wkhtmltopdf 0.12.6", "", b"1 g 68 694 200 20 re f\n", Severity.LOW),
        ("Skia/PDF m142", _BROWSER, b"0 g 68 694 200 20 re f\n", Severity.HIGH),
        ("Microsoft: Print To PDF", "Microsoft Word", b"1 g 68 694 200 20 re f\n", Severity.HIGH),
    ],
    ids=["a browser's print", "an html renderer", "a black box on a web page", "a word processor"],
)
def test_a_white_box_on_a_page_printed_from_the_web_is_its_layout(
    producer: str, creator: str, fill: bytes, severity: Severity
) -> None:
    """A web page printed to PDF lays its carousel's next slide or its sticky header over text
    that runs on beneath: the words were sent to every visitor, and no one whited them out. A
    black box there, or white-out in a word processor's file, is still a redaction."""
    verdict = scan(printed(page(TEXT + fill), producer, creator), "news.pdf")
    assert any(f.vector is Vector.UNDER_REDACTION for f in verdict.findings)
    assert verdict.severity is severity
