"""Lists printed one person per line are read as records, each line counted once."""

from __future__ import annotations

import pytest

from crawler.demo.builders.pdf import Line, Page, build_pdf
from detectors.model import Severity
from detectors.names import looks_like_name
from detectors.prose_records import records_in
from detectors.scan import scan
from tests.detectors._tables import winansi
from tests.holdout.people import Cast

_OFFENCES = (
    "Sexual assault on a female over 13",
    "Rape of a woman",
    "Making indecent photographs of a child",
    "Voyeurism",
)


def _offender_lines(size: int) -> list[str]:
    cast = Cast(41)
    # The test PDF's font is WinAnsi-encoded: "Kamiński" would print as "KAMI?SKI".
    people = [
        p
        for p in cast.people(size * 3)
        if looks_like_name(f"{p.forename} {p.surname}") and winansi(p.forename + p.surname)
    ]
    lines = []
    for i, person in enumerate(people[:size]):
        street, postcode = cast.address()
        lines.append(
            f"{person.surname.upper()}, {person.forename} DOB {cast.dob()} {street} {postcode} "
            f"Offence: {_OFFENCES[i % len(_OFFENCES)]}"
        )
    return lines


def _pdf(lines: list[str]) -> bytes:
    heading = [Line("Registered sex offenders living in the Broadland area", y=760)]
    body = [Line(line, x=40, y=740 - 14 * i, size=7) for i, line in enumerate(lines)]
    return build_pdf([Page(tuple(heading + body))])


def test_a_pdf_list_of_offenders_is_critical_case_records_counted_per_line() -> None:
    lines = _offender_lines(25)
    verdict = scan(_pdf(lines), "offenders.pdf")
    assert verdict.people == 25
    assert "case_records" in verdict.kinds
    assert "sexual_offence" in verdict.special_categories
    assert verdict.severity is Severity.CRITICAL
    assert all("*" in f.example for f in verdict.findings if f.example)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("WALSH, Michael DOB 12/03/1971 14 Elm Grove, Norwich NR2 3AB Offence: Rape\n" * 3, 3),
        (
            "BROWN, Paul 01/02/1980 3 Mill Lane\nAylsham NR11 6DQ\nOffence: Burglary\n"
            "GREEN, Sarah 02/03/1981 5 Mill Lane\nTURNER, Gary 03/04/1982 7 Mill Lane\nPage 1",
            3,
        ),
        ("Minutes of 12/03/2024\nSMITH, John said the meeting would start\nThanks, Ann", 0),
        ("WALSH, Michael DOB 12/03/1971\nTURNER, Gary 01/11/1985\n", 0),
        (
            "BROWN, Paul 01/02/2024 asked about speed cameras\n"
            "GREEN, Sarah 02/03/2024 asked about drones\n"
            "TURNER, Gary 03/04/2024 asked about stop and search",
            3,
        ),
    ],
    ids=["one line each", "records over several lines", "minutes", "too few", "dated list"],
)
def test_record_lines_are_told_apart_from_prose(text: str, rows: int) -> None:
    records = records_in(text)
    assert (len(records.rows) if records else 0) == rows
    if records:
        assert all(row[1] for row in records.rows)  # every record has its date
        births = "2024" not in text
        assert (records.header[1] == "Date of birth") is births
        assert "Page 1" not in " ".join(row[4] for row in records.rows)
