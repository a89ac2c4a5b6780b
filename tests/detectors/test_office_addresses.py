"""Addresses and names that belong to an office or a street, not to a private person: the
contact a form is sent to when the instruction wraps over a line, the named person on an
office's "ATTN:" line, and the house a broken pavement is outside. Each beside the same words
without the mark, which still counts."""

from __future__ import annotations

import pytest

from detectors.model import Severity
from detectors.scan import scan

FORM = (
    "CAMPUS POLICE DEPARTMENT STATISTICS REPORT FORM\n\n"
    "If you do not want to complete the form online, please use this downloadable form. Send "
    "the\n{verb} form to the Campus Police via email to mgarcia@campus.edu or via mail to "
    "Captain Maria Garcia\nat 301 Vassar Street (W89), Cambridge MA, 02139.\n\n"
    "Date Incident Occurred:\n\nType of Offense (Check all that apply)\n"
)


@pytest.mark.parametrize(
    ("verb", "severity"), [("completed", Severity.LOW), ("stolen", Severity.MEDIUM)]
)
def test_the_contact_a_form_is_sent_to_over_a_line_break_is_its_office(
    verb: str, severity: Severity
) -> None:
    verdict = scan(FORM.format(verb=verb).encode(), "form.txt")
    assert verdict.severity == severity


LETTER = (
    "{label}Dolores Streeter\n155 Cottage Street\nSalem\nSA1 2BC\n\n"
    "RESOLUTION NO. 27\nWHEREAS, ORS 221.760 provides as follows: the city provides police "
    "protection, street lighting and storm sewers.\n"
)


@pytest.mark.parametrize(
    ("label", "severity"), [("ATTN: ", Severity.LOW), ("FAO ", Severity.LOW), ("", Severity.MEDIUM)]
)
def test_the_person_an_offices_address_is_marked_for_is_its_contact(
    label: str, severity: Severity
) -> None:
    verdict = scan(LETTER.format(label=label).encode(), "resolution.txt")
    assert verdict.severity == severity


REPORT = (
    "Councillor's report to the community council\n\n"
    "a. Bus shelter on Main Street – Lucy Morgan reported the damage to the bus company.\n"
    "b. Willows at the Common – Iain Barbour advised that these had been killed by weed killer "
    "but replanting would take place in November.\n"
    "c. {what} at No. 7 Nelson Street – Kevin Smith has advised that he will arrange for it "
    "to be inspected and will keep a check on the area.\n"
    "d. Litter picking – Janet Hughes, Robert Thomson, Peter Collins and Susan Wright joined "
    "the volunteers on Saturday.\n"
)


@pytest.mark.parametrize(
    ("what", "severity"), [("Pavement", Severity.LOW), ("The break-in", Severity.MEDIUM)]
)
def test_the_house_a_broken_pavement_is_outside_is_no_ones_home_address(
    what: str, severity: Severity
) -> None:
    verdict = scan(REPORT.format(what=what).encode(), "report.txt")
    assert verdict.severity == severity
