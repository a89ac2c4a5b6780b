from __future__ import annotations

import pytest

from detectors.columns import Cue, judge_column
from detectors.names import NameForm

SURNAMES = ["SMITH", "JONES", "WILSON", "O'NEILL", "MCCANN", "BROWN", "TAYLOR", "CAMPBELL"]
FULL = ["John Smith", "Sarah Jones", "Ahmed Khan", "Mary Wilson", "Peter Brown", "Claire Hughes"]
AREAS = ["Norwich", "Breckland", "Broadland", "Great Yarmouth", "North Norfolk", "Ipswich"]
COUNTS = ["12", "*", "<5", "1,234", "0", "87"]


@pytest.mark.parametrize(
    ("header", "values", "cue", "entity", "form"),
    [
        ("Surname", SURNAMES, Cue.NAME, "PERSON", NameForm.SURNAME),
        ("Initial", ["J", "A", "M", "K"], Cue.NAME, "PERSON", NameForm.INITIALS),
        ("Forename", ["John", "Sarah", "Ahmed"], Cue.NAME, "PERSON", NameForm.FORENAME),
        ("Name", FULL, Cue.NAME, "PERSON", NameForm.FULL),
        ("Victim name", ["Smith, John", "Jones, Mary"], Cue.NAME, "PERSON", NameForm.FULL),
        ("Officer", ["PC 1234 Smith", "DC Jones", "Sgt Brown"], Cue.NAME, "PERSON", NameForm.FULL),
        ("", FULL, Cue.NAME, "PERSON", NameForm.FULL),
        ("Column1", SURNAMES, Cue.NAME, "PERSON", NameForm.SURNAME),
        ("Service Number", ["12345", "23456", "34567"], Cue.IDENTIFIER, "POLICE_IDENTIFIER", None),
        ("Email", ["j.smith@norfolk.police.uk"], Cue.IDENTIFIER, "EMAIL_ADDRESS", None),
        ("DOB", ["12/03/1985", "01/01/1990"], Cue.IDENTIFIER, "DATE_OF_BIRTH", None),
        ("Basic Salary", ["£32,451", "£41,000"], Cue.IDENTIFIER, "SALARY", None),
        ("Crime reference", ["36/12345/21"], Cue.INCIDENT, "CRIME_REFERENCE", None),
        ("NI Number", ["AB123456C", "JK654321D"], Cue.IDENTIFIER, "UK_NINO", None),
        ("Rank", ["Constable", "Sergeant"], Cue.RANK, None, None),
        ("", ["Constable", "Sergeant", "Inspector"], Cue.RANK, None, None),
        ("Involvement", ["Victim", "Witness", "Suspect"], Cue.PARTY, None, None),
        ("", ["Victim", "Witness", "Suspect"], Cue.PARTY, None, None),
        ("Role", ["Victim", "Witness", "Victim", "Suspect"], Cue.PARTY, None, None),
        ("Role", ["Response Officer", "Analyst", "Detective"], Cue.JOB_ROLE, None, None),
        ("Offence", ["Burglary", "Theft"], Cue.OFFENCE, None, None),
        ("Ethnicity", ["White British", "Asian British"], Cue.ETHNICITY, None, None),
        ("Rank", ["48", "54", "#N/A", "136", "#N/A", "186"], Cue.COUNT, None, None),
        ("Position", ["1", "2", "3", "4"], Cue.COUNT, None, None),
        ("Rank", ["PC", "#N/A", "Sgt", "PC"], Cue.RANK, None, None),
        ("Grade", ["6", "7", "7", "6"], Cue.RANK, None, None),
    ],
)
def test_personal_and_cue_columns(
    header: str, values: list[str], cue: Cue, entity: str | None, form: NameForm | None
) -> None:
    judged = judge_column(header, values)
    assert (judged.cue, judged.entity, judged.form) == (cue, entity, form)


@pytest.mark.parametrize(
    ("header", "values"),
    [
        ("Month", ["January", "February", "March", "April", "May", "June"]),
        ("", ["January", "February", "March", "April", "May", "June"]),
        ("Area", AREAS),
        ("", AREAS),
        ("Count", COUNTS),
        ("Apr-21", COUNTS),
        ("Total", ["1,234", "9,999"]),
        ("Station name", ["Musgrave Street", "Lisburn Road"]),
        ("Team name", ["Response Team A", "Response Team B"]),
        ("Offence", ["Violence against the person", "Sexual offences", "Total"]),
        ("", ["Burglary", "Theft from the person", "Criminal damage", "Robbery", "Total"]),
        ("Budget £", ["£1,234,567", "£99,000"]),
        ("Name", ["Norfolk Constabulary", "Suffolk Constabulary"]),
        ("Name", ["Operation Bluebird", "Operation Sceptre"]),
        ("Date", ["12/03/2021", "01/04/2021"]),
        ("", ["White", "Black", "Asian", "Mixed", "Other"]),
    ],
)
def test_statistics_and_labels_are_never_personal(header: str, values: list[str]) -> None:
    judged = judge_column(header, values)
    assert judged.cue not in (Cue.NAME, Cue.IDENTIFIER), judged
    assert judged.entity is None


def test_empty_column_is_other() -> None:
    assert judge_column("Surname", ["", " "]).cue is Cue.OTHER


FIRMS = [
    "Smith & Jones LLP",
    "Eastern Daily Press Ltd",
    "Acme Holdings plc",
    "Norwich City Council",
]


@pytest.mark.parametrize(
    ("header", "values", "names"),
    [
        # A disclosure log's requesters: people, with firms and newspapers among them.
        ("Requester", FULL + FIRMS[:3], True),
        ("Requested by", FULL + FIRMS[:3], True),
        ("Requester", FIRMS * 2, False),  # bodies only
        ("Supplier", FULL + FIRMS[:3], False),  # a supplier's column is no requester's
        ("Name", FULL + FIRMS[:3], False),  # without a requester header, bodies rule it out
    ],
)
def test_a_requester_column_is_read_for_the_people_among_its_firms(
    header: str, values: list[str], names: bool
) -> None:
    column = judge_column(header, values)
    assert (column.entity == "PERSON") is names


@pytest.mark.parametrize(
    ("header", "names"),
    [
        ("EMPLOYER_NAME", False),  # a visa or licence applicant: a business, even a sole trader
        ("AGENT_ATTORNEY_NAME", False),  # who files for it, in their professional role
        ("Firm name", False),
        ("Employee name", True),
        ("Officer name", True),
    ],
)
def test_an_employer_s_or_its_agent_s_name_column_names_no_private_person(
    header: str, names: bool
) -> None:
    assert (judge_column(header, FULL).entity == "PERSON") is names
