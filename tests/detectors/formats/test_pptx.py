from __future__ import annotations

import pytest
from _inspect_helpers import found, tables, texts, vectors_of
from faker import Faker

from crawler.demo.builders.pptx import Slide, build_pptx
from detectors.formats.pptx import inspect_pptx
from detectors.limits import Budget
from detectors.model import Embedded, Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(23)
NAME = fake.name()
OTHER = fake.name()
TITLE = Slide(("Quarterly figures",))

CASES = [
    ("slide text", [TITLE, Slide((f"Lead: {NAME}",))], Vector.PAGE_TEXT, "slide 2, shape 1"),
    ("hidden slide", [TITLE, Slide((NAME,), hidden=True)], Vector.HIDDEN_SLIDE, "slide 2"),
    ("notes", [Slide(("x",), notes=f"Ring {NAME}")], Vector.SPEAKER_NOTES, "notes of slide 1"),
    (
        "comment",
        [TITLE, Slide(("x",), comments=((OTHER, f"Ask {NAME}"),))],
        Vector.COMMENT,
        "comment 1 on slide 2",
    ),
    (
        "comment author",
        [Slide(("x",), comments=((NAME, "ok"),))],
        Vector.METADATA,
        "comment author 1",
    ),
    ("off the slide", [Slide(("x",), off_slide=NAME)], Vector.CONCEALED_FORMAT, "slide 1, shape 2"),
    (
        "alt text",
        [Slide(("x",), alt_text=f"Photo of {NAME}")],
        Vector.METADATA,
        "alt text of slide 1",
    ),
]


@pytest.mark.parametrize(("case", "slides", "vector", "where"), CASES, ids=[c[0] for c in CASES])
def test_each_hiding_place_is_found_with_its_location(
    case: str, slides: list[Slide], vector: Vector, where: str
) -> None:
    items = texts(inspect_pptx, build_pptx(slides), "deck.pptx")
    assert found(items, vector, where, NAME), items


def test_author_property_is_metadata() -> None:
    items = texts(inspect_pptx, build_pptx([TITLE], author=NAME), "deck.pptx")
    assert found(items, Vector.METADATA, "document property 'creator'", NAME)


@pytest.mark.parametrize(
    ("slide", "vector"),
    [
        (Slide(table=(("Name", "Rank"), (NAME, "PC"))), Vector.PAGE_TEXT),
        (Slide(table=(("Name", "Rank"), (NAME, "PC")), hidden=True), Vector.HIDDEN_SLIDE),
    ],
)
def test_tables_keep_their_slide_vector(slide: Slide, vector: Vector) -> None:
    [(table, rows)] = tables(inspect_pptx, build_pptx([slide]), "deck.pptx")
    assert (table.where, table.vector, table.header, rows) == (
        "slide 1, table 1",
        vector,
        ("Name", "Rank"),
        [(NAME, "PC")],
    )


def test_hidden_slide_text_is_not_page_text() -> None:
    items = texts(inspect_pptx, build_pptx([Slide((NAME,), hidden=True)]), "deck.pptx")
    assert vectors_of(items, NAME) == {Vector.HIDDEN_SLIDE}


def test_embedded_workbooks_are_handed_back() -> None:
    data = build_pptx([TITLE], embeddings={"Microsoft_Excel_Worksheet.xlsx": b"PK\x03\x04"})
    embedded = [i for i in inspect_pptx(data, "d.pptx", Budget()) if isinstance(i, Embedded)]
    assert [e.where for e in embedded] == [
        "embedded file ppt/embeddings/Microsoft_Excel_Worksheet.xlsx"
    ]


def test_broken_presentation_gets_a_status() -> None:
    data = build_pptx([Slide((NAME,))])
    verdict = scan(data[: len(data) // 2], "deck.pptx")
    assert verdict.status is Status.UNREADABLE
    assert verdict.error and NAME not in verdict.error


def test_a_comment_in_a_relationships_part_is_not_a_relationship() -> None:
    import io
    import zipfile

    from crawler.demo.builders.pptx import Slide, build_pptx
    from detectors.scan import scan

    original = build_pptx([Slide(texts=("Agenda",), notes="Speaker notes here")])
    source, buffer = zipfile.ZipFile(io.BytesIO(original)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ppt/slides/_rels/slide1.xml.rels":
                data = data.replace(b"<Relationship ", b"<!-- edited --><Relationship ", 1)
            copy.writestr(info, data)
    verdict = scan(buffer.getvalue(), "deck.pptx")
    assert verdict.status == "scanned", verdict.error
    assert any(s.vector == "speaker_notes" for s in verdict.structures)


def test_notes_page_header_and_footer_are_metadata_not_notes() -> None:
    import io
    import zipfile

    footer = (
        '<p:sp><p:nvSpPr><p:cNvPr id="90" name="Footer"/><p:cNvSpPr/><p:nvPr>'
        '<p:ph type="ftr" sz="quarter" idx="12"/></p:nvPr></p:nvSpPr><p:spPr/>'
        f"<p:txBody><a:bodyPr/><a:p><a:r><a:t>Prepared by {OTHER}</a:t></a:r></a:p></p:txBody>"
        "</p:sp>"
    )
    original = build_pptx([Slide(texts=("Agenda",), notes=f"Ring {NAME}")])
    source, buffer = zipfile.ZipFile(io.BytesIO(original)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "ppt/notesSlides/notesSlide1.xml":
                data = data.replace(b"</p:spTree>", footer.encode() + b"</p:spTree>", 1)
            copy.writestr(info, data)
    found_texts = texts(inspect_pptx, buffer.getvalue(), "deck.pptx")
    by_vector = {(t.vector, t.where): t.text for t in found_texts}
    assert by_vector[(Vector.METADATA, "notes page footer of slide 1")] == f"Prepared by {OTHER}"
    assert OTHER not in by_vector[(Vector.SPEAKER_NOTES, "notes of slide 1")]
    assert NAME in by_vector[(Vector.SPEAKER_NOTES, "notes of slide 1")]
