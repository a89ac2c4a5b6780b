from __future__ import annotations

import pytest
from _inspect_helpers import found, tables, texts
from _odf_helpers import odp, p, style, table
from faker import Faker

from detectors.formats import sniff
from detectors.formats.odp import inspect_odp
from detectors.model import Status, Vector
from detectors.scan import scan

fake = Faker("en_GB")
Faker.seed(12)
NAME = fake.name()
OTHER = fake.name()

HIDDEN_PAGE = style(
    "dp2", "drawing-page", '<style:drawing-page-properties presentation:visibility="hidden"/>'
)


def frame(content: str) -> str:
    return (
        '<draw:frame presentation:class="outline">'
        f"<draw:text-box>{content}</draw:text-box></draw:frame>"
    )


def page(content: str, hidden: bool = False, notes: str = "") -> str:
    style_name = "dp2" if hidden else "dp1"
    notes_xml = (
        f'<presentation:notes><draw:page-thumbnail draw:page-number="1"/>{frame(notes)}'
        "</presentation:notes>"
        if notes
        else ""
    )
    return (
        f'<draw:page draw:name="page1" draw:style-name="{style_name}" '
        f'draw:master-page-name="Default">{content}{notes_xml}</draw:page>'
    )


ANNOTATION = (
    f"<office:annotation><dc:creator>{OTHER}</dc:creator>{p(f'Ask {NAME}')}</office:annotation>"
)

CASES = [
    ("slide text", odp(page(frame(p(NAME)))), Vector.PAGE_TEXT, "slide 1, paragraph 1", NAME),
    ("shape text", odp(page(f'<draw:custom-shape>{p(NAME)}</draw:custom-shape>')),
     Vector.PAGE_TEXT, "slide 1, paragraph 1", NAME),
    ("hidden slide", odp(page(frame(p("x"))) + page(frame(p(NAME)), hidden=True),
                         automatic=HIDDEN_PAGE), Vector.HIDDEN_SLIDE, "slide 2", NAME),
    ("speaker notes", odp(page(frame(p("x")), notes=p(NAME))), Vector.SPEAKER_NOTES,
     "slide 1 speaker notes", NAME),
    ("annotation", odp(page(frame(p("x")) + ANNOTATION)), Vector.COMMENT, "comment 1 on slide 1",
     NAME),
    ("annotation author", odp(page(ANNOTATION)), Vector.METADATA, "author of comment 1", OTHER),
    ("footer", odp(f'<presentation:footer-decl presentation:name="ftr1">{NAME}'
                   "</presentation:footer-decl>" + page(frame(p("x")))), Vector.PAGE_TEXT,
     "footer of slides", NAME),
    ("creator", odp(page(""), creator=NAME), Vector.METADATA, "document property 'creator'", NAME),
]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "vector", "where", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_hiding_place_is_found_with_its_location(
    data: bytes, vector: Vector, where: str, value: str
) -> None:
    assert sniff(data, "talk.odp") == "odp"
    items = texts(inspect_odp, data, "talk.odp")
    assert found(items, vector, where, value), items


def test_notes_of_a_hidden_slide_stay_speaker_notes() -> None:
    data = odp(page(frame(p("x")), hidden=True, notes=p(NAME)), automatic=HIDDEN_PAGE)
    items = texts(inspect_odp, data, "r.odp")
    assert {t.vector for t in items if NAME in t.text} == {Vector.SPEAKER_NOTES}


def test_table_on_a_hidden_slide_is_a_hidden_table() -> None:
    grid = f"<draw:frame>{table([['Name', 'Rank'], [NAME, 'PC']])}</draw:frame>"
    data = odp(page(grid, hidden=True), automatic=HIDDEN_PAGE)
    [(found_table, rows)] = tables(inspect_odp, data, "r.odp")
    assert (found_table.where, found_table.vector) == ("slide 1, table 1", Vector.HIDDEN_SLIDE)
    assert (found_table.header, rows) == (("Name", "Rank"), [(NAME, "PC")])


def test_hidden_slide_is_a_structure_in_the_verdict() -> None:
    data = odp(page(frame(p("Agenda"))) + page("", hidden=True), automatic=HIDDEN_PAGE)
    verdict = scan(data, "talk.odp")
    assert (verdict.format, verdict.status) == ("odp", Status.SCANNED)
    assert any(s.vector is Vector.HIDDEN_SLIDE and s.where == "slide 2" for s in verdict.structures)


def test_truncated_presentation_is_unreadable() -> None:
    data = odp(page(frame(p(NAME))))
    verdict = scan(data[: len(data) // 2], "talk.odp")
    assert verdict.status is Status.UNREADABLE
    assert verdict.error and "\n" not in verdict.error and NAME not in verdict.error
