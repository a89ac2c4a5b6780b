"""The hidden cells of a Word or Writer table are read as a table of their own.

A case table whose every cell is white (or hidden text) shows an empty grid; its text must be
judged as the table it is (header, victims, dates of birth), not as a hundred short texts.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from _inspect_helpers import tables, texts
from _odf_helpers import odt, p, style
from _odf_helpers import table as odt_table

from crawler.demo.builders.docx import build_docx, paragraph, run
from crawler.demo.builders.docx import table as docx_table
from detectors.formats.docx import inspect_docx
from detectors.formats.odt import inspect_odt
from detectors.model import Severity, Vector
from detectors.names import looks_like_name
from detectors.scan import scan
from tests.holdout.people import Cast

HEADER = ["Crime ref", "Offence", "Victim", "DOB"]
_WHITE = style("T1", "text", '<style:text-properties fo:color="#ffffff"/>')


def _rows(size: int) -> list[list[str]]:
    cast = Cast(97)
    people = [p for p in cast.people(size * 3) if looks_like_name(f"{p.forename} {p.surname}")]
    offences = ("Sexual assault on a female", "Burglary - residential", "Common assault")
    return [
        [f"24/{10000 + i}/1", offences[i % 3], f"{p.forename} {p.surname}", cast.dob()]
        for i, p in enumerate(people[:size])
    ]


def _docx(rows: list[list[str]], how: str) -> bytes:
    def cell(text: str) -> str:
        return run(text, colour="FFFFFF") if how == "white" else run(text, hidden=True)

    grid = [[cell(c) for c in row] for row in [HEADER, *rows]]
    return build_docx([paragraph("Offences by ward"), docx_table(grid), paragraph("End")])


def _odt(rows: list[list[str]], how: str) -> bytes:
    grid = [[f'<text:span text:style-name="T1">{c}</text:span>' for c in row]
            for row in [HEADER, *rows]]  # fmt: skip
    return odt(p("Offences by ward") + odt_table(grid) + p("End"), automatic=_WHITE)


CASES: list[tuple[str, Callable[[list[list[str]], str], bytes], str, str, Vector]] = [
    ("docx white cells", _docx, "white", "r.docx", Vector.CONCEALED_FORMAT),
    ("docx hidden cells", _docx, "hidden", "r.docx", Vector.HIDDEN_TEXT),
    ("odt white cells", _odt, "white", "r.odt", Vector.CONCEALED_FORMAT),
]


@pytest.mark.parametrize(("build", "how", "name", "vector"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_table_of_hidden_cells_is_one_table_with_its_header(
    build: Callable[[list[list[str]], str], bytes], how: str, name: str, vector: Vector
) -> None:
    rows = _rows(24)
    data = build(rows, how)
    inspector = inspect_docx if name.endswith("docx") else inspect_odt
    hidden = [(t, r) for t, r in tables(inspector, data, name) if t.vector is vector]
    assert len(hidden) == 1
    table, got = hidden[0]
    assert table.header == tuple(HEADER)
    assert got == [tuple(row) for row in rows]
    verdict = scan(data, name)
    assert verdict.people == 24
    assert "case_records" in verdict.kinds
    assert "sexual_offence" in verdict.special_categories
    assert verdict.severity is Severity.CRITICAL


def test_a_few_hidden_cells_stay_texts_where_they_are() -> None:
    grid = [["Ward", "Count"], ["Castlegate", run("Jane Smith", colour="FFFFFF")], ["Deanery", "4"]]
    data = build_docx([docx_table(grid)])
    assert not [t for t, _ in tables(inspect_docx, data, "r.docx") if t.vector.hidden]
    white = [t for t in texts(inspect_docx, data, "r.docx") if t.vector is Vector.CONCEALED_FORMAT]
    assert [(t.text, t.where) for t in white] == [("Jane Smith", "table 1, row 2, column 2")]
