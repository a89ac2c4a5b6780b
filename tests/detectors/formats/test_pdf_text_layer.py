"""A scan's OCR text layer: the words its picture shows are page text, the rest stay hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from _scan_helpers import Picture, layered, needs_tesseract, searchable

from detectors.formats.pdf import _ocr, inspect_pdf
from detectors.formats.pdf._layout import Glyph, PageDrawing, text_of
from detectors.formats.pdf._text_layer import split
from detectors.limits import Budget, Limits
from detectors.model import Item, Severity, Structure, Text, Unread, Vector
from detectors.scan import scan

LETTER = (
    "Professional Standards Department",
    "Complainant: Jane Example, 12 Acacia Avenue, AB1 2CD",
    "Your complaint about the officer has been recorded.",
)
SHOWN_WHERE = "page 1, text layer matching its scanned image"


def _glyphs(line: str) -> list[Glyph]:
    """A line of 10-point characters, 6 points apart, in painting order."""
    return [
        Glyph(char, (6.0 * i, 700.0, 6.0 * i + 5.0, 710.0), (0.0, 0.0, 0.0), 3, i)
        for i, char in enumerate(line)
    ]


@pytest.mark.parametrize(
    ("layer", "seen", "shown", "hidden"),
    [
        pytest.param(
            "Chair: Rosie Gregory",
            "Chair: Rosie Gregory",
            "Chair: Rosie Gregory",
            "",
            id="every word read",
        ),
        pytest.param(
            "Co-Chair RosieGregory",
            "Co - Chair Rosie Gregory",
            "Co-Chair RosieGregory",
            "",
            id="words the layer runs together",
        ),
        pytest.param(
            "Ref 260B.171 of 07/11/07",
            "Ref 260B. 171 of 07/ 11/07",
            "Ref 260B.171 of 07/11/07",
            "",
            id="a reference read in parts",
        ),
        pytest.param(
            "Treasurer: Gregory",
            "Treasurer: Gregorv",
            "Treasurer: Gregory",
            "",
            id="one letter misread",
        ),
        pytest.param(
            "Complainant: Jane Example",
            "Complainant:",
            "Complainant:",
            "Jane Example",
            id="a name the picture does not show",
        ),
        pytest.param(
            "Smith met Smith", "Smith met", "Smith met", "Smith", id="each word read matches once"
        ),
        pytest.param("PC Al said", "PC A1 said", "PC said", "Al", id="short words exactly"),
        pytest.param(
            "Witness Johnson", "Witness Jonson Smith", "Witness Johnson", "", id="a letter dropped"
        ),
        pytest.param(
            "Witness Johnson", "Witness Smith", "Witness", "Johnson", id="another name is no match"
        ),
    ],
)
def test_each_word_of_the_layer_is_shown_only_when_the_picture_shows_it(
    layer: str, seen: str, shown: str, hidden: str
) -> None:
    glyphs = _glyphs(layer)
    drawing = PageDrawing(glyphs=glyphs, crop=(0.0, 0.0, 612.0, 792.0))
    layer = split(drawing, glyphs, seen)
    assert text_of(layer.shown) == shown
    assert text_of(layer.hidden) == hidden
    assert not layer.blacked


def test_a_word_under_a_redaction_mark_stays_hidden_even_when_read() -> None:
    glyphs = _glyphs("Complainant: Jane Example")
    mark = (6.0 * 13 - 1, 698.0, 6.0 * 25, 712.0)  # over "Jane Example"
    drawing = PageDrawing(glyphs=glyphs, crop=(0.0, 0.0, 612.0, 792.0), redactions=[mark])
    layer = split(drawing, glyphs, "Complainant: Jane Example", lambda box: True)
    assert text_of(layer.shown) == "Complainant:"
    assert text_of(layer.hidden) == "Jane Example"
    assert not layer.blacked


def test_a_word_not_read_where_the_page_is_solid_dark_is_blacked_out() -> None:
    glyphs = _glyphs("Complainant: Jane Example")
    boxed = (6.0 * 13, 6.0 * 25)  # "Jane Example" lies there

    def dark(box: tuple[float, float, float, float]) -> bool:
        return boxed[0] <= box[0] and box[2] <= boxed[1]

    drawing = PageDrawing(glyphs=glyphs, crop=(0.0, 0.0, 612.0, 792.0))
    layer = split(drawing, glyphs, "Complainant:", dark)
    assert text_of(layer.shown) == "Complainant:"
    assert text_of(layer.blacked) == "Jane Example"
    assert layer.boxes == [(78.0, 700.0, 101.0, 710.0), (108.0, 700.0, 149.0, 710.0)]
    assert not layer.hidden


def _items(data: bytes, limits: Limits | None = None) -> list[Item]:
    return list(inspect_pdf(data, "reply.pdf", Budget(limits or Limits())))


def _texts(items: list[Item], vector: Vector) -> str:
    return "\n".join(i.text for i in items if isinstance(i, Text) and i.vector is vector)


@needs_tesseract
def test_a_layer_the_picture_shows_is_page_text_and_rated_as_the_bare_scan() -> None:
    data = layered(Picture.of_lines(LETTER), LETTER)
    items = _items(data)
    shown = [i for i in items if isinstance(i, Text) and i.where == SHOWN_WHERE]
    assert len(shown) == 1 and shown[0].vector is Vector.PAGE_TEXT
    assert "Jane Example" in shown[0].text
    assert "Jane" not in _texts(items, Vector.INVISIBLE_TEXT)
    notes = [i.detail for i in items if isinstance(i, Structure)]
    assert any("OCR text layer" in note for note in notes)
    bare = scan(layered(Picture.of_lines(LETTER), ()), "bare.pdf")
    verdict = scan(data, "layered.pdf")
    assert verdict.severity is bare.severity
    assert verdict.people == bare.people
    assert {f.vector for f in verdict.findings if f.entity == "PERSON"} == {Vector.PAGE_TEXT}


@needs_tesseract
@pytest.mark.parametrize(
    ("picture", "box_over", "vector"),
    [
        pytest.param(
            Picture.of_lines(LETTER, blacked=("Jane Example",)),
            "",
            Vector.UNDER_REDACTION,
            id="layer made before the name was blacked out in the picture",
        ),
        pytest.param(
            Picture.of_lines(LETTER),
            "Jane Example",
            Vector.UNDER_REDACTION,
            id="a box painted over the picture after the layer",
        ),
        pytest.param(
            Picture.of_lines(LETTER[:1] + LETTER[2:]),
            "",
            Vector.INVISIBLE_TEXT,
            id="a line in the layer alone",
        ),
    ],
)
def test_a_name_the_page_does_not_show_stays_hidden(
    picture: Picture, box_over: str, vector: Vector
) -> None:
    data = layered(picture, LETTER, box_over=box_over)
    items = _items(data)
    assert "Jane Example" in _texts(items, vector)
    assert "Jane" not in _texts(items, Vector.PAGE_TEXT)
    assert "Professional Standards" in _texts(items, Vector.PAGE_TEXT)
    verdict = scan(data, "reply.pdf")
    hidden = [f for f in verdict.findings if f.vector is vector]
    assert "PERSON" in {f.entity for f in hidden}
    assert verdict.severity.rank >= Severity.MEDIUM.rank


@needs_tesseract
@pytest.mark.parametrize(
    ("shown", "vector"),
    [
        pytest.param(None, Vector.PAGE_TEXT, id="as Tesseract made it"),
        pytest.param(
            Picture.of_lines(LETTER, blacked=("Jane Example",)),
            Vector.UNDER_REDACTION,
            id="its picture blacked out afterwards",
        ),
    ],
)
def test_a_searchable_pdf_made_by_tesseract(shown: Picture | None, vector: Vector) -> None:
    # Another program's OCR layer: its own font, word placing and horizontal scaling.
    data = searchable(Picture.of_lines(LETTER), shown)
    items = _items(data)
    assert "Jane Example" in _texts(items, vector)
    assert "Jane" not in _texts(items, Vector.INVISIBLE_TEXT)
    verdict = scan(data, "reply.pdf")
    assert {f.vector for f in verdict.findings if f.entity == "PERSON"} == {vector}


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in OCR program that notes each call and reads nothing."""
    log = tmp_path / "calls"
    program = tmp_path / "tesseract"
    program.write_text(f"#!/bin/sh\ncat > /dev/null\necho call >> {log}\n")
    program.chmod(0o755)
    monkeypatch.setattr(_ocr, "TESSERACT", str(program))
    return log


@pytest.mark.parametrize(
    ("where", "limits", "compared"),
    [
        pytest.param((0.0, 0.0, 612.0, 792.0), Limits(), True, id="a scan: compared"),
        pytest.param((40.0, 700.0, 120.0, 60.0), Limits(), False, id="a logo: not compared"),
        pytest.param(
            (0.0, 0.0, 612.0, 792.0),
            Limits(max_ocr_pages=0),
            False,
            id="over the OCR page cap: not compared",
        ),
    ],
)
def test_a_layer_not_read_in_its_picture_stays_wholly_hidden_without_an_unread_part(
    calls: Path, where: tuple[float, float, float, float], limits: Limits, compared: bool
) -> None:
    items = _items(layered(Picture.of_lines(LETTER), LETTER, where=where), limits)
    assert calls.exists() is compared
    assert "Jane Example" in _texts(items, Vector.INVISIBLE_TEXT)
    assert not [i for i in items if isinstance(i, Text) and i.where == SHOWN_WHERE]
    assert not [i for i in items if isinstance(i, Unread)]


def test_without_tesseract_the_layer_stays_hidden_and_the_page_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_ocr, "TESSERACT", "leaksweep-test-no-such-ocr-program")
    items = _items(layered(Picture.of_lines(LETTER), LETTER))
    assert "Jane Example" in _texts(items, Vector.INVISIBLE_TEXT)
    assert not [i for i in items if isinstance(i, Unread)]
