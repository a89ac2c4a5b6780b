from __future__ import annotations

import pytest

from detectors.assess import assess
from detectors.evidence import Evidence, Exposure
from detectors.model import Cover, Finding, Severity, Structure, Unread, Vector

C, H, M, L, N = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NONE


def _evidence(*exposures: Exposure) -> Evidence:
    finding = Finding("PERSON", Vector.CELL, "sheet", 1, 0.9, "J*** S****")
    return Evidence((finding,), sum(e.people for e in exposures), (), (), exposures)


@pytest.mark.parametrize(
    ("exposure", "severity"),
    [
        (Exposure("table", True, 1230, ("case_records",), ("sexual_offence",), True), C),
        (Exposure("table", False, 12, ("case_records",), ("domestic_abuse",), True), C),
        (Exposure("table", True, 40, ("case_records",)), C),
        (Exposure("table", False, 40, ("case_records",)), H),
        (Exposure("table", True, 9483, ("staff_list",)), C),
        (Exposure("table", False, 600, ("staff_list",), sensitive=True), C),
        (Exposure("table", False, 600, ("staff_list",)), H),
        (Exposure("table", False, 120, ("staff_list",), pay=True), C),
        (Exposure("table", False, 12, ("staff_list",), pay=True), M),
        (Exposure("table", True, 30, ("staff_list",)), H),
        (Exposure("table", True, 5, ("staff_list",)), M),
        (Exposure("table", False, 25, ("contact_list", "staff_list")), M),
        (Exposure("table", False, 3, ("contact_list",)), L),
        (Exposure("prose", True, 3, (), ("domestic_abuse",), True), H),
        (Exposure("prose", True, 4), M),
        (Exposure("prose", True, 1), L),
        (Exposure("prose", False, 1), L),
        (Exposure("metadata", True, 1), L),
        (Exposure("metadata", True, 2), L),
        (Exposure("table", False, 80), H),
        (Exposure("prose", True, 1, private=True), M),
        (Exposure("prose", False, 1, private=True), M),
        (Exposure("prose", False, 1, role=True), H),
        (Exposure("prose", False, 117, details=2), L),
        (Exposure("prose", False, 117, details=4), H),
        (Exposure("prose", False, 16, details=16), M),
        (Exposure("prose", False, 117, details=2, private=True), H),
        (Exposure("prose", True, 60, details=2), H),
        (Exposure("prose", False, 3, ("case_records",), offenders=True), C),
        (Exposure("table", False, 25, ("case_records",), offenders=True), C),
    ],
)
def test_severity_of_one_exposure(exposure: Exposure, severity: Severity) -> None:
    assert assess(_evidence(exposure), ()).severity is severity


@pytest.mark.parametrize("exposure", [Exposure("prose", False, 0), Exposure("table", True, 0)])
def test_nobody_in_it_is_nothing(exposure: Exposure) -> None:
    assert assess(Evidence((), 0, (), (), (exposure,)), ()).severity is N


def test_highest_exposure_wins() -> None:
    evidence = _evidence(
        Exposure("metadata", True, 1), Exposure("table", True, 200, ("staff_list",))
    )
    assert assess(evidence, ()).severity is C


@pytest.mark.parametrize(
    ("structures", "unread", "severity"),
    [
        ((), (), N),
        ((Structure(Vector.HIDDEN_SHEET, "sheet 'Lists'", "40 non-blank rows"),), (), L),
        ((), (Unread("word/embeddings/x.xlsx", "not a readable zip container"),), M),
        ((), (Unread("page 3", "content stream over the limit", limit=True),), M),
        # Wording is never a fact: a hiding place described with "cannot" or "error" is
        # still a place that was read.
        ((Structure(Vector.INVISIBLE_TEXT, "page 1", "12 characters a viewer cannot see"),), (), L),
        ((Structure(Vector.ANNOTATION, "page 2", "error: could not parse"),), (), L),
        ((Structure(Vector.EMBEDDED_FILE, "attachment 1", "password.txt"),), (), L),
    ],
)
def test_hiding_places_without_personal_data(
    structures: tuple[Structure, ...], unread: tuple[Unread, ...], severity: Severity
) -> None:
    assessment = assess(Evidence((), 0, (), ()), structures, unread)
    assert assessment.severity is severity
    if unread:
        assert assessment.reason.startswith("could not be fully read")
        assert unread[0].reason in assessment.reason


BOX = Cover(1, (68.0, 78.0, 268.0, 98.0))


@pytest.mark.parametrize(
    ("finding", "exposure", "severity"),
    [
        (Finding("PERSON", Vector.UNDER_REDACTION, "page 1", 1, 0.85, "J*** S****",
                 covers=(BOX,)), Exposure("prose", True, 1), H),
        (Finding("EMAIL_ADDRESS", Vector.EMBEDDED_FILE, "attachment 1 › page 1", 1, 1.0,
                 "j***@x.uk", Vector.UNDER_REDACTION, (BOX,)), Exposure("prose", True, 0), H),
        (Finding("PERSON", Vector.UNDER_REDACTION, "page 1", 1, 0.85, "J*** S****"),
         Exposure("prose", True, 1), L),
        (Finding("PERSON", Vector.INVISIBLE_TEXT, "page 1", 1, 0.85, "J*** S****"),
         Exposure("prose", True, 1), L),
    ],
)  # fmt: skip
def test_personal_data_under_a_cover_is_a_failed_redaction(
    finding: Finding, exposure: Exposure, severity: Severity
) -> None:
    assessment = assess(Evidence((finding,), exposure.people, (), (), (exposure,)), ())
    assert assessment.severity is severity
    if severity is H:
        assert "redaction" in assessment.reason
