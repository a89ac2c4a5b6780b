"""Hidden name columns are judged with the shown columns of the same rows.

Hiding the Surname and Forename columns of a roster leaves a table of ranks and departments
on view and a table of names in the hidden columns: the names are the officers of those rows,
so the hidden table is a staff list.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from detectors.model import Severity, Vector
from detectors.names import looks_like_name
from detectors.scan import scan
from tests.holdout.people import Cast

_RANKS = ("Police Constable", "Sergeant", "Inspector", "Detective Constable")
_DEPARTMENTS = ("Response", "Roads Policing Unit", "Force Control Room", "CID")


def _workbook(shown: tuple[str, ...], size: int) -> bytes:
    cast = Cast(89)
    people = [p for p in cast.people(size * 3) if looks_like_name(f"{p.forename} {p.surname}")]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Establishment"
    sheet.append((*shown, "Surname", "Forename"))
    for i, p in enumerate(people[:size]):
        values = {
            "Rank": _RANKS[i % 4],
            "Collar number": cast.number(4),
            "Department": _DEPARTMENTS[i % 4],
            "Month": ("Jan", "Feb", "Mar")[i % 3],
            "Count": str(i % 7),
        }
        sheet.append((*(values[h] for h in shown), p.surname, p.forename))
    for column in ("D", "E") if len(shown) == 3 else ("C", "D"):
        sheet.column_dimensions[column].hidden = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("shown", "kinds", "severity"),
    [
        (("Rank", "Collar number", "Department"), {"staff_list"}, Severity.CRITICAL),
        (("Month", "Count"), set(), Severity.MEDIUM),
    ],
    ids=["beside ranks and departments", "beside months and counts"],
)
def test_hidden_names_take_their_kind_from_the_shown_columns(
    shown: tuple[str, ...], kinds: set[str], severity: Severity
) -> None:
    verdict = scan(_workbook(shown, 120), "establishment.xlsx")
    assert verdict.people == 120
    assert set(verdict.kinds) == kinds
    assert verdict.severity.rank >= severity.rank
    assert {f.vector for f in verdict.findings if f.entity == "PERSON"} == {Vector.HIDDEN_COLUMN}
