"""Clean held-out files: statistics, budgets, fleets, policies, letters and public records."""

from __future__ import annotations

from collections.abc import Callable

from crawler.demo.builders import html as web
from crawler.demo.builders import pdf
from crawler.demo.builders.xlsx import SheetSpec, build_xlsx
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
from holdout.people import Cast, render

Cell = str | int | float | None
SUPPLIERS = (
    "Smith & Sons Ltd", "Marshall Fleet Services", "Jarrold and Sons Limited", "Taylor Wimpey plc",
    "Barnes Construction Ltd", "Hughes Electrical Ltd", "Anglian Water Services", "Palmer & Harvey",
    "Morgan Sindall Group", "Cooper Forensic Supplies Ltd", "Watson Fuels", "Howard Tenens",
)  # fmt: skip
COURSES = (
    "Public Order Level 2",
    "Officer Safety Training",
    "Initial Investigators Course",
    "Taser Refresher",
    "Standard Driving",
    "Mental Health Awareness",
    "First Aid",
)


def _book(name: str, rows: list[list[Cell]], i: int, csv_ok: bool, cast: Cast) -> HoldoutDoc:
    if csv_ok and cast.rng.random() < 0.4:
        return HoldoutDoc(f"{name}-{i}.csv", to_csv(rows), False)
    sheets = [SheetSpec("Data", rows)]
    if cast.rng.random() < 0.3:  # a lookup list left in a hidden sheet: nothing personal
        sheets.append(SheetSpec("Lists", [["Ward"], *([w] for w in WARDS)], state="hidden"))
    return HoldoutDoc(f"{name}-{i}.xlsx", build_xlsx(sheets), False)


def crime_counts(cast: Cast, i: int) -> HoldoutDoc:
    by = cast.rng.choice(("Ward", "Offence", "Station"))
    labels = {"Ward": WARDS, "Offence": OFFENCES + SPECIAL_OFFENCES, "Station": STATIONS}[by]
    rows: list[list[Cell]] = []
    if cast.rng.random() < 0.5:
        rows += [["Recorded crime by month, 2023/24"], []]
    rows.append([by, *MONTHS, "Total"])
    for label in labels:
        counts = [cast.rng.choice(("<5", "*", str(cast.rng.randint(5, 90)))) for _ in MONTHS]
        rows.append([label, *counts, str(cast.rng.randint(40, 600))])
    return _book("crime-counts", rows, i, True, cast)


def supplier_payments(cast: Cast, i: int) -> HoldoutDoc:
    head = cast.rng.choice(
        (
            ["Supplier", "Expense Type", "Amount", "Date"],
            ["Payee Name", "Cost Centre", "Net Amount", "Payment Date"],
        )
    )
    rows: list[list[Cell]] = [[*head]]
    for _ in range(cast.rng.randint(20, 60)):
        rows.append([cast.rng.choice(SUPPLIERS), cast.rng.choice(DEPARTMENTS),
                     f"£{cast.rng.randint(500, 90000):,}.00", "14/02/2024"])  # fmt: skip
    return _book("payments-over-500", rows, i, True, cast)


def fleet(cast: Cast, i: int) -> HoldoutDoc:
    rows: list[list[Cell]] = [["Make", "Model", "Registration", "Year", "Base", "Role"]]
    for _ in range(cast.rng.randint(15, 50)):
        letters = "".join(cast.rng.choice("ABCDEFGHJKLMNPRSTVWXY") for _ in range(5))
        rows.append([cast.rng.choice(("Ford", "Vauxhall", "BMW", "Volvo")), "Estate",
                     f"{letters[:2]}{cast.rng.randint(15, 24)} {letters[2:]}",
                     cast.rng.randint(2015, 2024), cast.rng.choice(STATIONS),
                     cast.rng.choice(("Response", "Roads Policing", "Dog Unit"))])  # fmt: skip
    return _book("fleet", rows, i, True, cast)


def rank_headcount(cast: Cast, i: int) -> HoldoutDoc:
    rows: list[list[Cell]] = [["Rank", "Male", "Female", "Headcount", "FTE"]]
    rows += [[r, cast.rng.randint(0, 300), cast.rng.randint(0, 200), "<5", 3.6] for r in RANKS]
    return _book("rank-headcount", rows, i, True, cast)


def job_titles(cast: Cast, i: int) -> HoldoutDoc:
    rows: list[list[Cell]] = [["Post Title", "Grade", "Department", "Base", "FTE"]]
    for _ in range(cast.rng.randint(15, 40)):
        rows.append([cast.rng.choice(ROLES), cast.rng.choice(("Scale 4", "SO1", "PO2")),
                     cast.rng.choice(DEPARTMENTS), cast.rng.choice(STATIONS), 1.0])  # fmt: skip
    return _book("vacancies", rows, i, True, cast)


def training(cast: Cast, i: int) -> HoldoutDoc:
    rows: list[list[Cell]] = [["Course", "Provider", "Duration (days)", "Places", "Attended"]]
    for course in COURSES:
        provider = cast.rng.choice(("College of Policing", "In-house", "St John Ambulance"))
        places = cast.rng.randint(10, 90)
        rows.append([course, provider, cast.rng.randint(1, 10), places, places - 3])
    return _book("training", rows, i, False, cast)


def stations(cast: Cast, i: int) -> HoldoutDoc:
    rows = [["Station", "Address", "Postcode", "Front counter hours"]]
    for station in STATIONS:
        street, postcode = cast.address()
        rows.append([f"{station} Police Station", street, postcode, "09:00-17:00"])
    if cast.rng.random() < 0.5:
        data = web.build_html("Find a police station", [web.table(rows)])
        return HoldoutDoc(f"stations-{i}.html", data, False)
    return _book("stations", [list(r) for r in rows], i, True, cast)


def _leaders(cast: Cast) -> list[tuple[str, str]]:
    titles = ("Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
              "Assistant Chief Officer", "Chief Superintendent")  # fmt: skip
    return [(t, render(p, "plain")) for t, p in zip(titles, cast.people(len(titles)), strict=True)]


def leadership_page(cast: Cast, i: int) -> HoldoutDoc:
    leaders = _leaders(cast)
    body = [web.paragraph("Our chief officer team leads the force.")]
    for title, name in leaders:
        body.append(web.paragraph(f"{name}, {title}. {name.split()[0]} joined the force in 1998 "
                                  f"and has served in {cast.rng.choice(STATIONS)}."))  # fmt: skip
    data = web.build_html("Chief officer team", body)
    allow = frozenset(name for _, name in leaders)
    return HoldoutDoc(f"leadership-{i}.html", data, False, allow=allow)


_POLICY = (
    "This policy sets out how Norfolk Constabulary manages the retention of custody records. "
    "Operation Bluebird and Operation Moonshot are referred to for illustration only. "
    "Officers based at Kings Lynn, Sheringham and Great Yarmouth must follow the procedure. "
    "The policy owner is the Head of Criminal Justice. Review date: March 2025."
)


def policy(cast: Cast, i: int) -> HoldoutDoc:
    paragraphs = [
        _POLICY,
        f"Section {cast.rng.randint(2, 9)}: Responsibilities of the "
        f"{cast.rng.choice(DEPARTMENTS)} team.",
    ]
    if cast.rng.random() < 0.5:
        return HoldoutDoc(f"policy-{i}.docx", docx_bytes(paragraphs), False)
    lines = tuple(pdf.Line(text[:95], y=720 - 18 * k) for k, text in enumerate(_POLICY.split(". ")))
    return HoldoutDoc(f"policy-{i}.pdf", pdf.build_pdf([pdf.Page(lines)]), False)


def foi_letter(cast: Cast, i: int) -> HoldoutDoc:
    officer = render(cast.person(), "plain")
    paragraphs = [
        "Freedom of Information Request Reference No: FOI 000913/24",
        "I write in connection with your request for information received on 3 January 2024.",
        "The information requested is provided in the attached table. Some figures below five "
        "have been suppressed under section 40(2) to avoid identifying individuals.",
        "If you are dissatisfied you may ask for an internal review by writing to the Freedom of "
        "Information Unit, Norfolk Constabulary, Jubilee House, Falconers Chase, Wymondham, "
        "NR18 0WW, or email foi@norfolk.police.uk, telephone 101.",
        "Yours sincerely,",
        officer,
        "Information Management Officer",
    ]
    return HoldoutDoc(f"foi-reply-{i}.docx", docx_bytes(paragraphs), False)


def court_release(cast: Cast, i: int) -> HoldoutDoc:
    offender = cast.person()
    street, _ = cast.address()
    offence = cast.rng.choice(("rape", "sexual assault", "controlling and coercive behaviour",
                               "burglary", "racially aggravated assault"))  # fmt: skip
    officer = render(cast.person(), "plain")
    text = [
        f"{render(offender, 'plain')}, aged {cast.rng.randint(20, 60)}, of {street}, Norwich, "
        f"was jailed for {cast.rng.randint(2, 12)} years at Norwich Crown Court on Friday after "
        f"being convicted of {offence}.",
        f'Detective Constable {officer} said: "I would like to thank the victim for her courage '
        'in coming forward and supporting the prosecution."',
        "Anyone with information about crime can contact police on 101.",
    ]
    if cast.rng.random() < 0.5:
        return HoldoutDoc(f"news-sentenced-{i}.docx", docx_bytes(text), False)
    body = [web.paragraph(t) for t in text]
    return HoldoutDoc(f"news-sentenced-{i}.html", web.build_html("Man jailed", body), False)


CLEAN: tuple[tuple[Callable[[Cast, int], HoldoutDoc], int], ...] = (
    (crime_counts, 10),
    (supplier_payments, 8),
    (fleet, 6),
    (rank_headcount, 6),
    (job_titles, 6),
    (training, 4),
    (stations, 6),
    (leadership_page, 6),
    (policy, 6),
    (foi_letter, 6),
    (court_release, 8),
)
"""Each generator with how many files it makes in the full held-out set."""
