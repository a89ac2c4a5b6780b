"""Cells LibreOffice saves with their text in `office:string-value` and a blank paragraph.

A column formatted ";;;" as a whole names its style on the column, not on each cell, and
LibreOffice then writes each cell's text as `office:string-value` with an empty `<text:p/>`:
the value is there, shown as nothing.
"""

from __future__ import annotations

import pytest
from _odf_helpers import package
from _sheet_helpers import inspect

from detectors.formats.ods import inspect_ods
from detectors.model import Severity, Vector
from detectors.names import looks_like_name
from detectors.scan import scan
from tests.holdout.people import Cast

SPREADSHEET_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_NUMBER = 'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
_SILENT = (
    f'<number:number-style {_NUMBER} style:name="N9"/>'
    '<style:style style:name="ce9" style:family="table-cell" style:data-style-name="N9"/>'
)


def _people(size: int) -> list[str]:
    cast = Cast(29)
    people = [p for p in cast.people(size * 3) if looks_like_name(f"{p.forename} {p.surname}")]
    return [f"{p.forename} {p.surname}, {cast.dob()}" for p in people[:size]]


def _cell(value: str, how: str) -> str:
    if how == "string-value":  # LibreOffice's way when the shown text differs
        return (
            f'<table:table-cell office:value-type="string" office:string-value="{value}">'
            "<text:p/></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def _sheet(values: list[str], how: str, column_style: str) -> bytes:
    column = f' table:default-cell-style-name="{column_style}"' if column_style else ""
    rows = [
        "<table:table-row>"
        + _cell("Month", "plain")
        + _cell("Reports", "plain")
        + _cell(values[0], how)
        + "</table:table-row>"
    ]
    for i, value in enumerate(values[1:]):
        rows.append(
            "<table:table-row>"
            + _cell(f"M{i}", "plain")
            + f'<table:table-cell office:value-type="float" office:value="{i}"><text:p>{i}'
            "</text:p></table:table-cell>" + _cell(value, how) + "</table:table-row>"
        )
    body = (
        '<office:spreadsheet><table:table table:name="Missing">'
        '<table:table-column table:number-columns-repeated="2"/>'
        f"<table:table-column{column}/>{''.join(rows)}</table:table></office:spreadsheet>"
    )
    return package(SPREADSHEET_MIME, body, automatic=_SILENT)


CASES = [
    # (how the cell is written, the column's default style, concealed?)
    ("string-value, blank paragraph, silent column", "string-value", "ce9", True),
    ("string-value, blank paragraph", "string-value", "", True),
    ("shown text, silent column", "plain", "ce9", True),
    ("shown text", "plain", "", False),
]


@pytest.mark.parametrize(("how", "column_style", "concealed"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_names_with_birth_dates_are_read_and_their_concealment_seen(
    how: str, column_style: str, concealed: bool
) -> None:
    values = _people(30)
    data = _sheet(values, how, column_style)
    seen = inspect(inspect_ods, data, "missing.ods")
    vector = Vector.CONCEALED_FORMAT if concealed else Vector.CELL
    assert seen.has(vector, "sheet 'Missing'", values[5]), seen.places(values[5])
    verdict = scan(data, "missing.ods")
    assert verdict.people == 30
    assert {f.entity for f in verdict.findings} >= {"PERSON", "DATE_OF_BIRTH"}
    assert verdict.severity.rank >= Severity.HIGH.rank
    assert all(f.vector is vector for f in verdict.findings)
