"""Shapes first met in public documents nobody here wrote: rosters of names a GB gazetteer does
not know, tables of MPs with their departments, lists of venues with their mailboxes, election
notices, census categories in code, approvers' signatures."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from faker import Faker

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Table, Text, Vector
from detectors.scan import scan
from tests.detectors._tables import csv_bytes as _csv


def _faker(locale: str, seed: int) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


_SYLLABLES = ("ak", "zo", "vru", "ten", "ish", "mar", "dek", "uba", "olo", "yen", "rik", "sza")


def _roster(count: int, seed: int) -> list[tuple[str, str]]:
    """(forename, surname): GB forenames, surnames mostly made up (none in any gazetteer),
    one in six a GB surname, as on a US or Polish force's roster."""
    fake = _faker("en_GB", seed)
    rng = random.Random(seed)
    people = []
    for i in range(count):
        made_up = "".join(rng.choice(_SYLLABLES) for _ in range(3)).title()
        people.append((fake.first_name(), fake.last_name() if i % 6 == 0 else made_up))
    return people


@pytest.mark.parametrize(
    "header",
    [
        ("id", "last_name", "first_name", "gender", "employment_date", "department_name"),
        ("FIRST NAME", "LAST NAME", "YEAR OF BIRTH", "STAR NUMBER", "APPOINTED DATE", "UNIT"),
        ("Surname", "Forename", "Rank", "Collar number", "Station", "Start date"),
        ("LAST_NME", "FIRST_NME", "EMPLOYEE_POS", "APPOINTED_DATE", "SEX_CODE_CD", "STAR_NO"),
        ("LNAME", "FNAME", "RANK", "BADGE NO", "APPOINTED DATE", "UNIT"),
    ],
)
def test_a_roster_under_name_headers_is_found_whoever_the_names_are(
    header: tuple[str, ...],
) -> None:
    people = _roster(120, seed=len(header[1]))
    rows = []
    for n, (first, last) in enumerate(people):
        cells = {"first": first, "last": last}
        row = []
        for h in header:
            low = h.lower()
            if "first" in low or "fore" in low or low == "fname":
                row.append(cells["first"])
            elif "last" in low or "surname" in low or low == "lname":
                row.append(cells["last"])
            elif "date" in low or "year" in low:
                row.append(f"20{10 + n % 12}-0{1 + n % 9}-1{n % 10}")
            elif "number" in low or low.endswith(("_no", " no")) or low == "id":
                row.append(str(4000 + n))
            else:
                row.append(["M", "F"][n % 2] if "gender" in low else "Northshire Police")
        rows.append(row)
    verdict = scan(_csv(header, rows), "roster.csv")
    assert verdict.severity.rank >= Severity.HIGH.rank
    assert verdict.people >= 110
    assert "staff_list" in verdict.kinds


def test_mps_with_their_constituency_department_and_debate_titles_are_a_public_list() -> None:
    fake = _faker("en_GB", 3)
    parties = ["Conservative Party", "Labour Party", "Liberal Democrats", "Scottish National Party"]
    rows = [
        (
            "Adjournment debates",
            f"{fake.last_name()}, {fake.first_name()}",
            parties[n % 4],
            "Department of Health and Social Care",
            f"Mental health services in {fake.city()}",
            fake.city(),
        )
        for n in range(40)
    ]
    header = ("type", "lead_member", "lead_members_party", "department", "title", "constituency")
    verdict = scan(_csv(header, rows), "debates.csv")
    assert verdict.severity.rank <= Severity.LOW.rank
    assert verdict.findings and all(f.public_role for f in verdict.findings if f.entity == "PERSON")
    assert not verdict.special_categories and not verdict.kinds


def test_the_same_columns_holding_officers_with_collar_numbers_stay_a_staff_list() -> None:
    people = _roster(60, seed=9)
    rows = [(f"{last}, {first}", "PC", f"{1000 + n}", "Ashford") for n, (first, last) in
            enumerate(people)]  # fmt: skip
    verdict = scan(_csv(("Name", "Rank", "Collar number", "Constituency"), rows), "staff.csv")
    assert verdict.severity.rank >= Severity.MEDIUM.rank and "staff_list" in verdict.kinds


def test_a_list_of_libraries_with_their_mailboxes_and_postcodes_names_nobody() -> None:
    towns = ["Barking", "Dagenham", "Dewsbury", "Batley", "Boscombe", "Kinson", "Winton", "Hayes"]
    rows = []
    for n in range(80):
        town = towns[n % len(towns)]
        mailbox = [
            f"{town.lower()}.lic@kirklees.gov.uk",
            f"{town.lower()}@bournemouthlibraries.org.uk",
            f"{town.lower()}lib{n}@hotmail.co.uk",
        ][n % 3]
        rows.append((f"{town}", f"{n} High Street, {town}", f"LS{n % 9} {n % 9}AB", mailbox))
    verdict = scan(_csv(("Library", "Address", "Postcode", "Email"), rows), "libraries.csv")
    assert verdict.severity.rank <= Severity.LOW.rank and verdict.people == 0


def test_bodies_named_by_their_slugs_with_their_request_mailboxes_name_nobody() -> None:
    """A data file of public bodies keyed by slug, each with the mailbox requests go to (an
    officer's own work address among the role ones): a directory of bodies, not of people."""
    fake = _faker("en_GB", 6)
    kinds = ["police", "police_and_crime_commissioner", "police_and_crime_panel", "council"]
    rows = []
    for n in range(40):
        body = f"{fake.city().lower().replace(' ', '_')}_{kinds[n % 4]}"
        person = f"{fake.first_name()}.{fake.last_name()}".lower()
        local = ["foi", "pcc", person, "information.officer"][n % 4]
        rows.append((body, f"{local}@{body.replace('_', '')[:12]}.gov.uk"))
    verdict = scan(_csv(("authority", "request_email"), rows), "authorities.csv")
    assert verdict.people == 0 and verdict.severity.rank <= Severity.LOW.rank


def test_a_named_contact_in_each_library_still_counts() -> None:
    fake = _faker("en_GB", 4)
    rows = []
    for _ in range(30):
        first, last = fake.first_name(), fake.last_name()
        rows.append(("Dewsbury", f"{first} {last}", f"{first}.{last}@gmail.com".lower()))
    verdict = scan(_csv(("Library", "Contact", "Email"), rows), "contacts.csv")
    assert verdict.people >= 25 and verdict.severity.rank >= Severity.MEDIUM.rank


@pytest.mark.parametrize(
    ("heading", "gap"),
    [
        ("STATEMENT OF PERSONS NOMINATED AND NOTICE OF POLL", "  "),  # prose lines
        ("STATEMENT AS TO PERSONS NOMINATED", "   "),  # lines read as a table
    ],
)
def test_an_election_notice_names_its_candidates_in_public(heading: str, gap: str) -> None:
    fake = _faker("en_GB", len(heading))
    lines = [heading, "Election of a Councillor for Appleton Ward"]
    for n in range(8):
        lines.append(
            f"{fake.last_name().upper()} {fake.first_name()}{gap}{n + 4} {fake.street_name()}, "
            f"Appleton NS{n} 4AB{gap}Labour Party{gap}{fake.name()}{gap}{fake.name()}"
        )
    verdict = scan("\n".join(lines).encode(), "sopn.txt")
    assert verdict.severity.rank <= Severity.LOW.rank
    assert all(f.public_role for f in verdict.findings if f.entity == "PERSON")


def test_council_minutes_naming_a_resident_are_not_an_election_notice() -> None:
    text = (
        "Minutes of the licensing committee. The committee heard that Jane Whitfield of "
        "14 Elm Grove, Northshire NS1 4AB, reported repeated anti-social behaviour; her mobile "
        "is 07700 900123."
    )
    verdict = scan(text.encode(), "minutes.txt")
    assert verdict.severity.rank >= Severity.MEDIUM.rank
    assert not any(f.public_role for f in verdict.findings if f.entity == "PERSON")


def test_census_categories_in_an_analysis_script_are_not_people() -> None:
    code = (
        "clean <- data %>% filter(`Asian, Asian British or Asian Welsh: Bangladeshi` != '-',\n"
        "  `Black, Black British, Black Welsh, Caribbean or African: African` != '-')\n"
        "# Share of each ethnic group by local authority\n"
    )
    verdict = scan(code.encode(), "analysis.R.txt")
    assert verdict.people == 0 and not verdict.special_categories


def test_a_statistics_note_approved_by_its_director_names_them_in_role() -> None:
    text = (
        "Police District Population, City of Northshire\n"
        "Approved: Kathleen Marsh, Director, Research and Development Division\n"
        "Note 1: includes persons classified under the Census race categories and persons who "
        "identified two or more ethnic groups.\n"
    )
    verdict = scan(text.encode(), "population.txt")
    assert verdict.severity.rank <= Severity.LOW.rank


def test_a_roster_in_hidden_rows_under_a_visible_headcount_is_its_own_table() -> None:
    import io as _io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rank", "Headcount (FTE)"])
    for rank, count in (("Inspector", 16), ("Sergeant", 60), ("Constable", 124)):
        sheet.append([rank, count])
    sheet.append([])
    sheet.append(["Surname", "Forename", "Rank", "Collar number", "Department"])
    first = sheet.max_row
    for n, (forename, surname) in enumerate(_roster(200, seed=21)):
        sheet.append([surname, forename, "Constable", str(3000 + n), "Response"])
    for row in range(first, sheet.max_row + 1):
        sheet.row_dimensions[row].hidden = True
    out = _io.BytesIO()
    book.save(out)
    verdict = scan(out.getvalue(), "headcount.xlsx")
    assert verdict.severity is Severity.CRITICAL
    assert "staff_list" in verdict.kinds and 195 <= verdict.people <= 200


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        (["Watson, Susan   Police Constable   6829   Firearms"] * 6, 6),
        (["Month\tStops\tArrests", *[f"Jan {n}\t{n * 7}\t{n}" for n in range(1, 9)]], 9),
        (["Only two  fields"] * 8, None),
        (["Smith, Jo   PC   123   Response"] * 4, None),  # too few lines
        (["A heading", "prose line one", *["a  b  c"] * 5, *["more prose"] * 5], None),
    ],
)
def test_lines_spaced_into_columns_are_read_as_rows(lines: list[str], rows: int | None) -> None:
    from detectors.prose_columns import columns_in

    found = columns_in("\n".join(lines))
    assert (None if found is None else len(found.rows)) == rows


def test_a_nominal_roll_printed_on_hidden_slides_is_a_staff_list() -> None:
    from detectors.detect import Detector
    from detectors.model import Text, Vector

    fake = _faker("en_GB", 31)
    text = "\n".join(
        f"{fake.last_name()}, {fake.first_name()}   Police Constable   {4000 + n}   Response North"
        for n in range(300)
    )
    detector = Detector()
    detector.feed(Text("Nominal roll (do not present)", Vector.HIDDEN_SLIDE, "slide 2, shape 1"))
    detector.feed(Text(text, Vector.HIDDEN_SLIDE, "slide 2, shape 2"))
    evidence = detector.finish()
    assert evidence.people >= 290 and "staff_list" in evidence.kinds


def test_a_council_departments_name_run_on_with_a_hyphen_is_not_a_person() -> None:
    areas = [
        "Children and Young People's Services-Childrens Services Unit",
        "Children and Young People's Services-Childrens Care Services",
        "Adults Health and Social Care-Commissioning",
        "Place-Highways and Transport",
    ]
    rows = [
        ("Northshire Council", f"2024-0{1 + n % 9}-1{n % 10}", f"{120 + n}.00", areas[n % 4])
        for n in range(40)
    ]
    verdict = scan(_csv(("Body", "Date", "Net Amount", "Expense Area"), rows), "spend.csv")
    assert not [f for f in verdict.findings if f.entity == "PERSON"]
    assert verdict.severity.rank <= Severity.LOW.rank


def test_a_mobile_library_timetable_names_its_stops_not_people() -> None:
    stops = ["George Inn", "Royal Oak Hotel", "Rose Cottage", "Village Shop", "Mill Garage"]
    rows = [
        ("Taunton", "A", stop, f"{stop}, Brompton Regis, TA22 9N{chr(65 + n % 20)}", "Tuesday")
        for n, stop in enumerate(stops * 4)
    ]
    header = ("Mobile", "Route", "Stop", "Address", "Day")
    verdict = scan(_csv(header, rows), "timetable.csv")
    assert verdict.people == 0 and verdict.severity.rank <= Severity.LOW.rank


@pytest.mark.parametrize(
    "head", ["LAST NAME FIRST NAME", "FIRST NAME LAST NAME", "Surname Forename"]
)
def test_a_roster_printed_across_pages_under_a_name_header_is_one_list(head: str) -> None:
    people = _roster(240, seed=9)
    surname_first = head.lower().startswith(("last", "surname"))
    detector = Detector()
    for page in range(6):
        lines = ["Date Run: Aug 19, 2016", "Module = Crisis Intervention Certification"]
        lines.append(f"{head} STAR/BADGE DATE OF APPOINTMENT GENDER SESSION END DATE")
        for n, (first, last) in enumerate(people[page * 40 : page * 40 + 40]):
            names = f"{last.upper()} {first.upper()}" if surname_first else f"{first} {last}"
            lines.append(f"{names} {4000 + n} {1 + n % 12}/2/1999 Male 10/29/2004 16:00")
        detector.feed(Text("\n".join(lines), Vector.PAGE_TEXT, f"page {page + 1}"))
    evidence = detector.finish()
    assert evidence.people >= 230
    assert assess(evidence, ()).severity in (Severity.HIGH, Severity.CRITICAL)


_OUTCOMES = ["Final written warning", "Written warning", "Dismissed without notice"]
_OUTCOMES += ["Management advice", "No case to answer", "Reflective practice"]
_ROLES = ["Police Constable", "Sergeant", "Detective Constable", "Inspector", "PCSO", "Analyst"]


@pytest.mark.parametrize(
    ("first", "values", "second", "people"),
    [
        ("Collar Number", lambda n: str(1000 + 37 * n), "Outcome", 40),
        ("Warrant No", lambda n: str(200_000 + 91 * n), "Outcome", 40),
        ("Staff ID", lambda n: f"E{400_000 + 13 * n}", "Sanction", 40),
        ("Tax ID", lambda n: str(870_000 + 37 * n), "Penalty", 40),
        ("Collar Number", lambda n: str(1000 + 37 * n), "Job Title", 0),
        ("Tax ID", lambda n: str(870_000 + 37 * n), "Job Title", 0),
        ("Service Code", lambda n: str(100 + n % 9), "Outcome", 0),
        ("Force Code", lambda n: f"E230000{10 + n % 40}", "Outcome", 0),
        ("Hearing", lambda n: f"Panel {1 + n % 3}", "Outcome", 0),
    ],
    ids=["collar numbers", "warrant numbers", "staff ids", "a US force's tax registry numbers",
         "a roster of numbers", "a roster of tax registry numbers", "budget codes", "force codes",
         "panels"],
)  # fmt: skip
def test_misconduct_outcomes_listed_by_officers_numbers_name_those_officers(
    first: str, values: Callable[[int], str], second: str, people: int
) -> None:
    """Collar, warrant and staff numbers (and a US force's tax registry numbers, its payroll
    numbers) point at one officer each: outcomes listed by them
    are those officers' records, with no name beside them. Numbers beside job titles say no
    more than a duty roster; outcomes by budget code or panel name no one."""
    roster = second == "Job Title"
    column, middle = (_ROLES, "Station") if roster else (_OUTCOMES, "Allegation")
    said = "Eastford" if roster else "Discreditable conduct"
    rows = [[values(n), said, column[n % 6], f"0{1 + n % 9}/03/2023"] for n in range(40)]
    verdict = scan(_csv([first, middle, second, "Date"], rows), "outcomes.csv")
    assert verdict.people == people
    if people:
        assert verdict.severity in ("medium", "high", "critical")
    else:
        assert verdict.severity in ("none", "low")


def test_suppliers_tax_ids_name_no_officer() -> None:
    """A firm's tax id beside what it was paid is a business's, not an officer's number."""
    rows = [[f"Acme {n} Ltd", str(870_000 + 37 * n), f"{1200 + 3 * n}.50", "Highways"]
            for n in range(30)]  # fmt: skip
    verdict = scan(_csv(["Supplier", "Tax ID", "Amount", "Service"], rows), "payments.csv")
    assert verdict.people == 0
    assert verdict.severity in ("none", "low")


def test_arrests_listed_by_warrant_number_name_no_officer() -> None:
    """Beside offences, a "Warrant #" is the arrest warrant's number, not an officer's."""
    offences = ["FAILURE TO APPEAR", "THEFT", "PUBLIC INTOXICATION"]
    rows = [[str(8_080_000 + 7 * n), offences[n % 3], "PAPD", f"2005-01-0{1 + n % 9}"]
            for n in range(40)]  # fmt: skip
    verdict = scan(_csv(["WARRANT #", "OFFENSE", "FILED BY", "ARREST DT"], rows), "arrests.csv")
    assert verdict.people == 0
    assert verdict.severity in ("none", "low")


def test_officers_named_with_us_rank_prefixes_and_agencies_are_found() -> None:
    """A shootings table naming each officer as "Ofc. Will Ray" or "Dep. Jo Cole (TCSO)"."""
    fake = _faker("en_US", 12)
    prefixes = ["Ofc.", "Dep.", "Agt.", "Cpl.", "Lt.", "Sgt."]
    rows = []
    for n in range(40):
        name = f"{prefixes[n % 6]} {fake.first_name()} {fake.last_name()}"
        name += " (TCSO)" if n % 5 == 0 else ""
        rows.append(
            (f"08-{5_059_600 + n}", name, ["White", "Black", "Hispanic"][n % 3], str(25 + n % 30))
        )
    verdict = scan(_csv(("case", "officer_name", "officer_race", "officer_age"), rows), "ois.csv")
    assert verdict.people >= 38
    assert verdict.severity.rank >= Severity.MEDIUM.rank


@pytest.mark.parametrize(
    ("casing", "people"),
    [(str.lower, 40), (str.title, 40), (str.upper, 40)],
    ids=["lower case", "title case", "capitals"],
)
def test_people_killed_are_found_however_the_export_cases_their_names(
    casing: Callable[[str], str], people: int
) -> None:
    """A table of people killed in police pursuits, each named with age, race and role, the
    agency involved and a news link: a list of victims, however its names are cased, and no
    directory of agencies for having a link on every row."""
    fake = _faker("en_US", 15)
    agencies = [f"{fake.city()} Police Department" for _ in range(40)]
    rows = [
        (casing(fake.name()), str(18 + n % 60), ["white", "black", "hispanic"][n % 3],
         ["bystander", "passenger", "driver"][n % 3], agencies[n],
         f"https://news.example.com/story/{9_000 + n}")
        for n in range(40)
    ]  # fmt: skip
    header = ("name", "age", "race", "person_role", "main_agency", "news_urls")
    verdict = scan(_csv(header, rows), "fatalities.csv")
    assert verdict.people >= people - 2
    assert verdict.severity.rank >= Severity.HIGH.rank


def test_a_lower_case_name_column_of_things_names_nobody() -> None:
    things = ["theft from vehicle", "burglary dwelling", "criminal damage", "shoplifting"]
    rows = [(things[n % 4], str(n)) for n in range(40)]
    verdict = scan(_csv(("name", "count"), rows), "crimes.csv")
    assert verdict.people == 0 and verdict.severity.rank <= Severity.LOW.rank


def test_transport_operators_with_their_complaint_mailboxes_name_nobody() -> None:
    """Coach, bus and taxi firms with the mailbox complaints go to (an owner's own address
    among them): a list of businesses, not a contact list of people."""
    fake = _faker("en_GB", 21)
    trades = ["Coaches", "Buses", "Travel", "Taxis", "Motors", "Cabs"]
    rows = []
    for n in range(40):
        operator = f"{fake.last_name()} {trades[n % 6]}"
        slug = operator.lower().replace(" ", "")
        owner = f"{fake.first_name()}.{fake.last_name()}".lower()
        mailbox = [f"enquiries@{slug}.co.uk", f"{owner}@{slug}.co.uk", f"{slug}@btconnect.com"]
        rows.append((str(2_500 + n), operator, mailbox[n % 3], f"0{n % 9}{n:06d}"))
    verdict = scan(_csv(("ID", "Operator", "Contact email", "Company Number"), rows), "ops.csv")
    assert verdict.people == 0 and verdict.severity.rank <= Severity.LOW.rank


def test_a_lower_case_name_column_with_empty_and_numeric_cells_is_read() -> None:
    """A spreadsheet hands over numbers and empty cells as they are, not as text."""
    rows = [("joe william gold", 34), (None, 51), ("duane levi quigg", None), (1234, 2)] * 10
    detector = Detector()
    detector.feed(Table("sheet 'Killed'", Vector.CELL, ("name", "age"), iter(rows)))  # type: ignore[arg-type]
    assert detector.finish().people == 2
