"""Leaky held-out files: hidden staff lists, case extracts, failed redactions, named victims."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from crawler.demo.builders import docx as wdoc
from crawler.demo.builders import html as web
from crawler.demo.builders import pdf
from crawler.demo.builders.xlsx import SheetSpec, build_pivot_workbook, build_raw_xlsx, build_xlsx
from holdout.model import (
    DEPARTMENTS,
    MONTHS,
    OFFENCES,
    RANKS,
    ROLES,
    SPECIAL_OFFENCES,
    STATIONS,
    WARDS,
    HoldoutDoc,
    docx_bytes,
    to_csv,
)
from holdout.people import Cast, Person, render

Cell = str | int | float | None
_STAFF_HEADERS = (
    ("Officer", "Warrant No", "Rank", "Base"),
    ("Employee Name", "Post Title", "Department", "Employee Number"),
    ("Name", "Collar", "Post Title", "Base"),
    ("Staff Member", "Payroll Ref", "Grade", "Location"),
    ("Officer Name", "Rank", "Collar No.", "Station"),
)


def _staff_row(cast: Cast, who: Person, header: tuple[str, ...], style: str) -> list[Cell]:
    values = {
        "Rank": cast.rng.choice(RANKS),
        "Grade": cast.rng.choice(("Scale 4", "SO1", "PO2", "Scale 6")),
        "Post Title": cast.rng.choice(ROLES),
        "Department": cast.rng.choice(DEPARTMENTS),
        "Base": cast.rng.choice(STATIONS),
        "Station": cast.rng.choice(STATIONS),
        "Location": cast.rng.choice(STATIONS),
    }
    row: list[Cell] = []
    for column in header:
        if column in values:
            row.append(values[column])
        elif column in ("Warrant No", "Collar", "Collar No."):
            row.append(int(cast.number(4)))
        elif column in ("Employee Number", "Payroll Ref"):
            row.append(cast.number(6))
        else:
            row.append(render(who, style))
    return row


def _rank_summary(cast: Cast) -> list[list[Cell]]:
    rows: list[list[Cell]] = [["Rank", "Headcount", "FTE"]]
    rows += [[r, cast.rng.randint(5, 400), cast.rng.randint(5, 380)] for r in RANKS[:6]]
    return rows


def hidden_staff(cast: Cast, i: int) -> HoldoutDoc:
    """An establishment reply whose hidden sheet keeps the source HR extract."""
    n = cast.rng.choice((6, 12, 18, 40, 150, 320))
    header = cast.rng.choice(_STAFF_HEADERS)
    style = cast.style()
    rows: list[list[Cell]] = []
    if cast.rng.random() < 0.5:
        rows += [["Nominal roll as at 31 March 2024 - OFFICIAL SENSITIVE"], []]
    rows.append(list(header))
    rows += [_staff_row(cast, p, header, style) for p in cast.people(n)]
    state = cast.rng.choice(("hidden", "veryHidden"))
    sheets = [SheetSpec("Headcount", _rank_summary(cast)), SheetSpec("Data", rows, state=state)]
    raw = cast.rng.random() < 0.3
    data = build_raw_xlsx(sheets) if raw else build_xlsx(sheets)
    return HoldoutDoc(f"staff-hidden-{i}.xlsx", data, True, "staff_list", n)


def headerless_staff(cast: Cast, i: int) -> HoldoutDoc:
    """A staff list pasted with no header row: in a hidden sheet, or as a bare CSV."""
    n = cast.rng.choice((12, 25, 60))
    style = cast.style()
    header = ("Name", "Rank", "Collar", "Base")
    rows = [_staff_row(cast, p, header, style) for p in cast.people(n)]
    if cast.rng.random() < 0.5:
        return HoldoutDoc(f"staff-bare-{i}.csv", to_csv(rows), True, "staff_list", n)
    sheets = [SheetSpec("Answer", _rank_summary(cast)), SheetSpec("Sheet3", rows, state="hidden")]
    return HoldoutDoc(f"staff-bare-{i}.xlsx", build_xlsx(sheets), True, "staff_list", n)


def _case_rows(cast: Cast, n: int, special: bool) -> tuple[list[str], list[list[Cell]]]:
    header = cast.rng.choice(
        (
            ["Crime Reference", "Offence", "Role", "Surname", "Forename", "DOB", "Address"],
            ["URN", "Offence Type", "Involvement", "Person", "Date of Birth", "Home Address"],
            ["Occurrence", "Crime Type", "Victim", "Victim Age", "Postcode", "Ward"],
        )
    )
    offences = SPECIAL_OFFENCES if special else OFFENCES
    rows: list[list[Cell]] = []
    for p in cast.people(n):
        street, postcode = cast.address()
        values = {
            "Offence": cast.rng.choice(offences),
            "Offence Type": cast.rng.choice(offences),
            "Crime Type": cast.rng.choice(offences),
            "Role": cast.rng.choice(("Victim", "Witness", "Suspect")),
            "Involvement": cast.rng.choice(("Victim", "Witness", "Suspect")),
            "Surname": p.surname.upper(),
            "Forename": p.forename,
            "Person": render(p, cast.rng.choice(("caps_comma", "plain", "surname_comma"))),
            "Victim": render(p, "plain"),
            "DOB": cast.dob(),
            "Date of Birth": cast.dob(),
            "Victim Age": cast.rng.randint(19, 80),
            "Address": f"{street}, {postcode}",
            "Home Address": street,
            "Postcode": postcode,
            "Ward": cast.rng.choice(WARDS),
        }
        ref = cast.crime_ref()
        rows.append([values.get(h, ref) for h in header])
    return header, rows


def pivot_cases(cast: Cast, i: int) -> HoldoutDoc:
    """A crime count by offence whose pivot cache keeps every victim, witness and suspect."""
    n = cast.rng.choice((10, 25, 60))
    header, rows = _case_rows(cast, n, special=cast.rng.random() < 0.5)
    offence = next(h for h in header if "ffence" in h or "Type" in h)
    data = build_pivot_workbook(header, rows, row_field=offence, data_field=header[0])
    return HoldoutDoc(f"crime-pivot-{i}.xlsx", data, True, "case_records", n)


def hidden_column_cases(cast: Cast, i: int) -> HoldoutDoc:
    """A visible offence extract with the victim's name, DOB and address in hidden columns."""
    n = cast.rng.choice((8, 15, 30))
    rows: list[list[Cell]] = [["Month", "Offence", "Ward", "Outcome", "Victim", "DOB", "Address"]]
    for p in cast.people(n):
        street, postcode = cast.address()
        rows.append(
            [cast.rng.choice(MONTHS), cast.rng.choice(OFFENCES), cast.rng.choice(WARDS),
             "Under investigation", render(p, cast.style()), cast.dob(), f"{street} {postcode}"]
        )  # fmt: skip
    spec = SheetSpec("Offences", rows, hidden_columns=("E", "F", "G"))
    return HoldoutDoc(f"offences-cols-{i}.xlsx", build_xlsx([spec]), True, "case_records", n)


def complainants_docx(cast: Cast, i: int) -> HoldoutDoc:
    """A Word reply with a pasted table of complainants."""
    n = cast.rng.randint(5, 20)
    table = [["Complainant", "Date received", "Allegation", "Outcome"]]
    for p in cast.people(n):
        table.append(
            [render(p, cast.rng.choice(("plain", "surname_comma"))), "12/03/2024",
             cast.rng.choice(("Incivility", "Excessive force", "Discriminatory behaviour")),
             cast.rng.choice(("Not upheld", "Upheld", "Local resolution"))]
        )  # fmt: skip
    intro = [
        "Freedom of Information Request Reference No: FOI 000412/24",
        "Please find below the information held regarding complaints made in 2023.",
    ]
    data = docx_bytes(intro, table)
    return HoldoutDoc(f"complaints-reply-{i}.docx", data, True, "case_records", n)


def redacted_pdf(cast: Cast, i: int) -> HoldoutDoc:
    """A PDF whose names and addresses sit under black boxes drawn over the text."""
    n = cast.rng.randint(5, 12)
    items: list[pdf.Line | pdf.Box] = [pdf.Line("Witness list - Operation Kestrel", y=740)]
    for k, p in enumerate(cast.people(n)):
        street, postcode = cast.address()
        y = 700 - 24 * k
        line = f"{k + 1}. {render(p, 'plain')}, {street}, {postcode}"
        items.append(pdf.Line(_winansi(line), y=y))
        items.append(pdf.Box(84, y - 3, 400, 15))
    data = pdf.build_pdf([pdf.Page(tuple(items))])
    return HoldoutDoc(f"witnesses-{i}.pdf", data, True, "", n)


def _winansi(text: str) -> str:
    """What the builder's standard font can show: letters outside Windows-1252 lose accents."""
    folded = text.translate(str.maketrans("łŁ", "lL"))
    return "".join(
        c if c.encode("cp1252", "ignore") else unicodedata.normalize("NFKD", c)[0] for c in folded
    )


def asb_page(cast: Cast, i: int) -> HoldoutDoc:
    """A web page listing anti-social behaviour cases by resident and address."""
    n = cast.rng.randint(10, 61)
    cases = []
    for k, p in enumerate(cast.people(n)):
        street, postcode = cast.address()
        issue = cast.rng.choice(("noise nuisance", "youths gathering", "vehicle nuisance"))
        cases.append((f"ASB/{k + 100}", render(p, "plain"), f"{street}, {postcode}", issue))
    if cast.rng.random() < 0.5:
        table = [["Case", "Resident", "Address", "Nature of complaint"]]
        body = [
            web.paragraph("Open ASB cases - Stevenage"),
            web.table(table + list(map(list, cases))),
        ]
        kind = "case_records"
    else:
        body = [web.paragraph("Open anti-social behaviour cases this month.")]
        body += [web.paragraph(f"Case {c}: {who} of {where} reported {what}.")
                 for c, who, where, what in cases]  # fmt: skip
        kind = ""
    data = web.build_html("ASB case update", body)
    return HoldoutDoc(f"asb-cases-{i}.html", data, True, kind, n)


def contact_list(cast: Cast, i: int) -> HoldoutDoc:
    """Staff e-mail addresses and mobile numbers."""
    n = cast.rng.randint(10, 40)
    rows: list[list[Cell]] = [["Name", "Job Title", "Email", "Mobile"]]
    for p in cast.people(n):
        local = f"{p.forename}.{p.surname}".lower().replace("'", "").replace(" ", "")
        rows.append([render(p, "plain"), cast.rng.choice(ROLES),
                     f"{local}@norfolk.pnn.police.uk", cast.mobile()])  # fmt: skip
    if cast.rng.random() < 0.5:
        return HoldoutDoc(f"contacts-{i}.csv", to_csv(rows), True, "contact_list", n)
    data = build_xlsx([SheetSpec("Contacts", rows)])
    return HoldoutDoc(f"contacts-{i}.xlsx", data, True, "contact_list", n)


def commented_docx(cast: Cast, i: int) -> HoldoutDoc:
    """A reply whose comments and tracked deletions name the victims behind the figures."""
    people = cast.people(cast.rng.randint(3, 8))
    body = [
        wdoc.paragraph(
            "Thank you for your request about hate crime in Thetford.", wdoc.comment_mark(0)
        ),
        wdoc.paragraph("There were 14 recorded offences in the period."),
    ]
    comments = [("Disclosure Officer", "Check figures before release.")]
    for k, p in enumerate(people):
        street, _ = cast.address()
        note = f"Victim {render(p, 'plain')} of {street} should not be identifiable."
        if k % 2:
            body.append(wdoc.paragraph(wdoc.deleted(note, "Disclosure Officer")))
        else:
            comments.append(("Analyst", note))
            body.append(wdoc.paragraph("Offence recorded.", wdoc.comment_mark(len(comments) - 1)))
    data = wdoc.build_docx(body, comments=comments)
    return HoldoutDoc(f"reply-comments-{i}.docx", data, True, "", len(people))


LEAKY: tuple[tuple[Callable[[Cast, int], HoldoutDoc], int], ...] = (
    (hidden_staff, 14),
    (headerless_staff, 8),
    (pivot_cases, 10),
    (hidden_column_cases, 8),
    (complainants_docx, 8),
    (redacted_pdf, 8),
    (asb_page, 8),
    (contact_list, 8),
    (commented_docx, 8),
)
"""Each generator with how many files it makes in the full held-out set."""
