"""Leaky documents: staff lists, pay lists, case records, contact lists, notes about people."""

from __future__ import annotations

from corpus.model import Doc, Maker
from corpus.vocab import (
    DEPARTMENTS,
    OFFENCES,
    RANKS,
    ROLES,
    STATIONS,
    STREET_TYPES,
    nino,
    phone,
    salary,
)
from detectors.model import Table, Text, Vector

_HIDDEN = (Vector.HIDDEN_SHEET, Vector.VERY_HIDDEN_SHEET, Vector.PIVOT_CACHE, Vector.HIDDEN_ROW)
_EMBED = "word/embeddings/Microsoft_Excel_Worksheet1.xlsx › "


def staff_list(m: Maker, i: int) -> Doc:
    """The PSNI shape: a hidden sheet of HR data behind a headcount-by-rank answer."""
    n = (40, 150, 600, 1200, 80, 300)[i % 6]
    people = m.people(n)
    rng = m.rng
    ids = rng.sample(range(10_000, 99_999), n)
    style = i % 4
    rows: list[tuple[str, ...]]
    has_id = style != 3
    if style == 0:
        header = ("Surname", "Initial", "Rank", "Role", "Department", "Location", "Service Number")
        rows = [
            (
                s.upper(),
                f[0],
                rng.choice(RANKS),
                rng.choice(ROLES),
                rng.choice(DEPARTMENTS),
                rng.choice(STATIONS),
                str(k),
            )
            for (f, s), k in zip(people, ids, strict=True)
        ]
    elif style == 1:
        header = ("SURNAME", "FORENAME", "RANK", "DEPT", "STATION", "COLLAR NO")
        rows = [
            (
                s.upper(),
                f,
                rng.choice(RANKS),
                rng.choice(DEPARTMENTS),
                rng.choice(STATIONS),
                str(k),
            )
            for (f, s), k in zip(people, ids, strict=True)
        ]
    elif style == 2:
        header = ("Name", "Rank", "Station", "Warrant No")
        rows = [
            (
                f"{s.upper()}, {f[0]}" if k % 2 else f"{s} {f[0]}",
                rng.choice(RANKS),
                rng.choice(STATIONS),
                str(k),
            )
            for (f, s), k in zip(people, ids, strict=True)
        ]
    else:
        header = ("Officer", "Grade", "Team")
        rows = [(f"{f[0]}. {s}", rng.choice(RANKS), rng.choice(DEPARTMENTS)) for f, s in people]
    vector = _HIDDEN[i % len(_HIDDEN)]
    items: list[Text | Table] = [
        Table(
            "sheet 'Answer'",
            Vector.CELL,
            ("Rank", "Headcount"),
            tuple((r, str(rng.randint(5, 900))) for r in RANKS[:6]),
        ),
        Table("sheet 'Raw'", vector, header, tuple(rows)),
    ]
    if i % 3 == 0:
        # The pivot cache repeats the source rows: the same officers, counted once.
        items.append(Table("pivot cache 1 (source 'Raw')", Vector.PIVOT_CACHE, header, tuple(rows)))
    copies = 2 if i % 3 == 0 else 1
    entities = [("PERSON", n * copies)] + ([("POLICE_IDENTIFIER", n * copies)] if has_id else [])
    return Doc(f"staff-{i}.xlsx", tuple(items), True, frozenset({"staff_list"}), tuple(entities), n)


def pay_list(m: Maker, i: int) -> Doc:
    """The Cumbria shape: names, ranks and pay of every officer, on a visible sheet."""
    n = (120, 250, 400, 60, 800, 150)[i % 6]
    rng = m.rng
    rows = tuple(
        (f"{f} {s}", rng.choice(RANKS), salary(rng, i), salary(rng, i, low=500, high=9000))
        for f, s in m.people(n)
    )
    header = ("Name", "Rank", "Basic Salary", "Allowances")
    table = Table("sheet 'Pay 2022-23'", Vector.CELL, header, rows)
    return Doc(
        f"pay-{i}.xlsx",
        (table,),
        True,
        frozenset({"staff_list"}),
        (("PERSON", n), ("SALARY", 2 * n)),
        n,
    )


def case_records(m: Maker, i: int) -> Doc:
    """The Norfolk & Suffolk shape: crime-report rows behind a statistics answer."""
    n = (15, 40, 120, 300, 25, 60)[i % 6]
    rng, fake = m.rng, m.fake
    people = m.people(n * 2)
    style = i % 3
    refs = [f"36/{rng.randint(10_000, 99_999)}/{rng.randint(19, 23)}" for _ in range(n)]
    offences = [rng.choice(OFFENCES) for _ in range(n)]
    categories = {category for _, labels in offences for category in labels}
    entities: list[tuple[str, int]]
    if style == 0:
        header = (
            "Crime Reference",
            "Offence",
            "Victim Surname",
            "Victim Forename",
            "DOB",
            "Address",
            "Postcode",
        )
        rows = [
            (
                ref,
                off,
                s,
                f,
                fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y"),
                f"{rng.randint(1, 200)} {m.surname()} {rng.choice(STREET_TYPES)}",
                fake.postcode(),
            )
            for ref, (off, _), (f, s) in zip(refs, offences, people, strict=False)
        ]
        entities = [
            ("PERSON", n),
            ("CRIME_REFERENCE", n),
            ("DATE_OF_BIRTH", n),
            ("STREET_ADDRESS", n),
            ("UK_POSTCODE", n),
        ]
        count = n
    elif style == 1:
        header = ("URN", "Offence Description", "Person Name", "Involvement", "Ethnicity")
        rows = [
            (
                ref,
                off,
                f"{s.upper()}, {f}",
                rng.choice(("Victim", "Witness", "Suspect")),
                rng.choice(("White British", "Asian British", "Black British", "Not stated")),
            )
            for ref, (off, _), (f, s) in zip(refs, offences, people, strict=False)
        ]
        categories.add("ethnicity")
        entities = [("PERSON", n), ("CRIME_REFERENCE", n)]
        count = n
    else:
        header = ("Crime No", "Offence", "Victim name", "Suspect name")
        rows = [
            (ref, off, f"{a[0]} {a[1]}", f"{b[0]} {b[1]}")
            for ref, (off, _), a, b in zip(refs, offences, people[:n], people[n:], strict=True)
        ]
        entities = [("PERSON", 2 * n), ("CRIME_REFERENCE", n)]
        count = 2 * n
    vector = (Vector.PIVOT_CACHE, Vector.HIDDEN_SHEET)[i % 2]
    items = (
        Table(
            "sheet 'Summary'",
            Vector.CELL,
            ("Offence group", "Count"),
            (("Sexual offences", str(n)), ("Total", str(n))),
        ),
        Table("pivot cache 1 (source 'Data'!A1:G500)", vector, header, tuple(rows)),
    )
    return Doc(
        f"crimes-{i}.xlsx",
        items,
        True,
        frozenset({"case_records"}),
        tuple(entities),
        count,
        embedded_in=_EMBED if i % 6 == 5 else None,
        special_categories=frozenset(categories),
    )


def contact_list(m: Maker, i: int) -> Doc:
    """Named staff with direct e-mails and phones; alert-worthy only when there are many."""
    n = (12, 25, 3, 40, 4, 15)[i % 6]
    rng = m.rng
    rows = [
        (f"{f} {s}", rng.choice(ROLES), f"{f.lower()}.{s.lower()}{k}@norfolk.police.uk", phone(rng))
        for k, (f, s) in enumerate(m.people(n))
    ]
    rows.append(("Freedom of Information Team", "", "foi@norfolk.police.uk", "101"))
    header = ("Name", "Job Title", "Email", "Telephone")
    table = Table("sheet 'Contacts'", Vector.CELL, header, tuple(rows))
    return Doc(
        f"contacts-{i}.xlsx",
        (table,),
        n >= 10,
        frozenset({"contact_list", "staff_list"}),
        (("PERSON", n), ("EMAIL_ADDRESS", n), ("PHONE_NUMBER", n)),
        n,
    )


def hr_identifiers(m: Maker, i: int) -> Doc:
    """A very hidden payroll extract with National Insurance numbers."""
    n = (30, 8, 90, 15, 45, 5)[i % 6]
    rng = m.rng
    rows = tuple(
        (f"{s}, {f}", nino(rng), f"P{rng.randint(100_000, 999_999)}") for f, s in m.people(n)
    )
    header = ("Employee Name", "NI Number", "Payroll No")
    table = Table("sheet 'HR'", Vector.VERY_HIDDEN_SHEET, header, rows)
    return Doc(
        f"payroll-{i}.xlsx",
        (table,),
        True,
        frozenset({"staff_list"}),
        (("PERSON", n), ("UK_NINO", n), ("POLICE_IDENTIFIER", n)),
        n,
    )


def case_note(m: Maker, i: int) -> Doc:
    """A reviewer's comment or a tracked deletion that names victims and a suspect."""
    (f1, s1), (f2, s2), (f3, s3) = m.people(3)
    dob = m.fake.date_of_birth(minimum_age=18, maximum_age=90).strftime("%d/%m/%Y")
    concern = (
        "disclosed domestic abuse by her partner",
        "reported a rape",
        "was the victim of a racially aggravated assault",
    )[i % 3]
    text = (
        f"Victim {f1} {s1} (DOB {dob}) {concern}, {f2} {s2}, on 3 May. "
        f"Her neighbour {f3} {s3} gave a statement. Please remove before publishing."
    )
    vector = (Vector.COMMENT, Vector.TRACKED_CHANGE, Vector.HIDDEN_TEXT)[i % 3]
    doc_text = Text(text, vector, "comment 1 on 'Summary'!B4")
    return Doc(
        f"note-{i}.docx",
        (doc_text,),
        True,
        frozenset(),
        (("PERSON", 3), ("DATE_OF_BIRTH", 1)),
        3,
        prose=True,
        special_categories=frozenset({("domestic_abuse", "sexual_offence", "hate_crime")[i % 3]}),
    )


LEAKY = (staff_list, pay_list, case_records, contact_list, hr_identifiers, case_note)
