"""Builders of the leaky cases: rosters, case records, one grave comment, combined cells,
an offender register in prose, failed redactions."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import calc
from built import Built
from impress import Deck
from people import (
    RANK_ORDER,
    REGISTER_OFFENCES,
    WARDS,
    Crime,
    Officer,
    People,
    Person,
    people_in_crimes,
)
from writer import WHITE, Page


def _probes(
    people: list[Person] | list[Officer], rng: random.Random, n: int = 6
) -> tuple[str, ...]:
    picked = rng.sample(people, min(n, len(people)))
    return tuple(p.surname for p in picked)


def _specials(crimes: list[Crime]) -> tuple[str, ...]:
    return tuple(sorted({c.category for c in crimes if c.category}))


# --- staff rosters ------------------------------------------------------------------------


def _ordered(officers: list[Officer], order: str) -> list[Officer]:
    if order == "az":
        return sorted(officers, key=lambda o: (o.surname, o.forename))
    if order == "za":
        return sorted(officers, key=lambda o: (o.surname, o.forename), reverse=True)
    if order == "rank":
        return sorted(officers, key=lambda o: (RANK_ORDER[o.rank], o.surname))
    return officers


def roster_sheet(order: str, layout: str) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        officers = _ordered(src.officers(src.rng.randint(1440, 1560)), order)
        doc = calc.workbook(office, "Headcount")
        summary = doc.Sheets.getByIndex(0)
        calc.put(summary, [["Officers and staff by rank, 31 March 2025"], []])
        calc.put(summary, calc.headcount_rows(officers), row=2)
        hidden = calc.add_sheet(doc, "Sheet2")
        top = 0
        if layout == "title":
            calc.put(hidden, [["Nominal roll extracted from HR system 31/03/2025"], []])
            top = 2
        rows = calc.roster_rows(officers, footnotes=layout == "footnotes")
        calc.put(hidden, rows, row=top)
        doc.NamedRanges.addNewByName(
            "Roll",
            f"$Sheet2.$A${top + 1}:$E${top + len(officers) + 1}",
            calc.address(1, 0, 0),
            0,
        )
        hidden.IsVisible = False
        return Built(doc, len(officers), _probes(officers, src.rng))

    return build


def roster_rows_hidden(office: Any, seed: int) -> Built:
    """The headcount on top, the roll below it in rows hidden from view."""
    src = People(seed)
    officers = _ordered(src.officers(src.rng.randint(1440, 1560)), "az")
    doc = calc.workbook(office, "Headcount")
    sheet = doc.Sheets.getByIndex(0)
    heads = calc.headcount_rows(officers)
    calc.put(sheet, heads)
    first = len(heads) + 2
    calc.put(sheet, calc.roster_rows(officers, footnotes=False), row=first)
    sheet.getRows().getByIndex(first).IsVisible = False
    block = sheet.getCellRangeByPosition(0, first, 0, first + len(officers))
    block.getRows().IsVisible = False
    return Built(doc, len(officers), _probes(officers, src.rng))


def roster_columns_hidden(office: Any, seed: int) -> Built:
    """Rank, collar number and department shown; surname and forename columns hidden."""
    src = People(seed)
    officers = _ordered(src.officers(src.rng.randint(1440, 1560)), "rank")
    doc = calc.workbook(office, "Establishment")
    sheet = doc.Sheets.getByIndex(0)
    rows = [["Rank", "Collar number", "Department", "Surname", "Forename"]]
    rows += [[o.rank, o.collar, o.department, o.surname, o.forename] for o in officers]
    calc.put(sheet, rows)
    sheet.getColumns().getByIndex(3).IsVisible = False
    sheet.getColumns().getByIndex(4).IsVisible = False
    return Built(doc, len(officers), _probes(officers, src.rng))


def roster_pdf(office: Any, seed: int) -> Built:
    src = People(seed)
    officers = _ordered(src.officers(src.rng.randint(1440, 1560)), "az")
    doc = calc.workbook(office, "Establishment", framed=True)
    calc.put(doc.Sheets.getByIndex(0), calc.roster_rows(officers, footnotes=False))
    return Built(doc, len(officers), _probes(officers, src.rng))


def roster_text(office: Any, seed: int) -> Built:
    src = People(seed)
    officers = _ordered(src.officers(src.rng.randint(1440, 1560)), "rank")
    page = Page(office)
    page.para("Freedom of Information request FOI/2025/0388", bold=True, size=14)
    page.para("You asked for the number of officers and staff by rank. The figures follow.")
    page.table(calc.headcount_rows(officers))
    page.para("Figures are headcount at 31 March 2025.")
    inside = page.hidden_section("NominalRoll")
    page.table(calc.roster_rows(officers, footnotes=False), where=inside)
    return Built(page.doc, len(officers), _probes(officers, src.rng))


def roster_slides(office: Any, seed: int) -> Built:
    src = People(seed)
    officers = _ordered(src.officers(src.rng.randint(1440, 1560)), "shuffled")
    deck = Deck(office)
    heads = calc.headcount_rows(officers)[1:]
    deck.slide("Workforce by rank", [f"{r}: {n}" for r, n in heads], size=14)
    chunk = 500
    for i in range(0, len(officers), chunk):
        lines = [
            f"{o.surname}, {o.forename}  {o.rank}  {o.collar}  {o.department}"
            for o in officers[i : i + chunk]
        ]
        deck.slide("Nominal roll (do not present)", lines, hidden=True, size=5)
    return Built(deck.doc, len(officers), _probes(officers, src.rng))


# --- case records -------------------------------------------------------------------------


def pivot_cases(source: str) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        crimes = src.crimes(src.rng.randint(180, 260))
        doc = calc.workbook(office, "Summary")
        summary = doc.Sheets.getByIndex(0)
        calc.put(summary, [["Recorded crime by offence and ward, 2023/24"]])
        data = calc.add_sheet(doc, "Data")
        rows = calc.crime_rows(crimes)
        block = calc.put(data, rows)
        calc.pivot(doc, summary, block, rows=2, cols=3, data=9, count=False)
        if source == "deleted":
            doc.Sheets.removeByName("Data")
        else:
            data.IsVisible = False
        victims = [c.victim for c in crimes]
        return Built(doc, people_in_crimes(crimes), _probes(victims, src.rng), _specials(crimes))

    return build


def _crime_line(c: Crime) -> str:
    witness = f"; witness {c.witness.name}" if c.witness else ""
    return (
        f"{c.reference}  {c.reported}  {c.offence}  {c.ward}  victim {c.victim.name} "
        f"(DOB {c.victim.dob}){witness}  {c.outcome}"
    )


def cases_text(how: str) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        crimes = src.crimes(30)
        page = Page(office)
        page.para("Request FOI/2025/1193: domestic and sexual offences by ward", bold=True)
        counts = [[w, sum(1 for c in crimes if c.ward == w)] for w in WARDS]
        page.table([["Ward", "Offences"], *counts])
        page.para("Source: crime recording system, extracted 02/04/2025.")
        if how == "white":
            page.table(
                [["Crime ref", "Offence", "Ward", "Victim", "DOB", "Witness"]]
                + [
                    [
                        c.reference,
                        c.offence,
                        c.ward,
                        c.victim.name,
                        c.victim.dob,
                        c.witness.name if c.witness else "",
                    ]
                    for c in crimes
                ],
                color=WHITE,
            )
        elif how == "hidden":
            page.para("Working list", hidden=True)
            for c in crimes:
                page.para(_crime_line(c), hidden=True)
        else:  # tracked: typed in, then deleted with changes recorded
            first = page.para("Working list")
            last = first
            for c in crimes:
                last = page.para(_crime_line(c))
            page.track_delete(first, last)
        page.para("If you are unhappy with this response you may ask for a review.")
        victims = [c.victim for c in crimes]
        return Built(
            page.doc, people_in_crimes(crimes), _probes(victims, src.rng), _specials(crimes)
        )

    return build


def cases_slides(office: Any, seed: int) -> Built:
    src = People(seed)
    crimes = src.crimes(20, witness_share=0.0)
    deck = Deck(office)
    deck.slide("Domestic abuse: quarter 3", ["Reports up 4%", "Arrest rate 38%"])
    deck.slide(
        "Case list (briefing only)",
        [f"{c.victim.name} ({c.victim.dob}) - {c.offence} - {c.ward}" for c in crimes],
        hidden=True,
        size=10,
    )
    deck.slide("Next steps", ["Partnership review in May"])
    victims = [c.victim for c in crimes]
    return Built(deck.doc, len(crimes), _probes(victims, src.rng), _specials(crimes))


# --- small but grave: one member of the public in a comment or the notes ------------------


def asb_rows(rng: random.Random) -> list[list[str | int]]:
    months = ("April", "May", "June", "July", "August", "September")
    return [["Month", *WARDS[:5]]] + [[m, *(rng.randint(3, 60) for _ in range(5))] for m in months]


def comment_sheet(office: Any, seed: int) -> Built:
    src = People(seed)
    person = src.person()
    doc = calc.workbook(office, "ASB", framed=True)  # unframed, the comment is saved empty
    sheet = doc.Sheets.getByIndex(0)
    calc.put(sheet, [["Anti-social behaviour incidents by month and ward"], []])
    calc.put(sheet, asb_rows(src.rng), row=2)
    calc.comment(sheet, 0, 3, 5, calc.contact_note(person))
    return Built(doc, 1, (person.surname, person.mobile))


def comment_text(office: Any, seed: int) -> Built:
    src = People(seed)
    person = src.person()
    page = Page(office)
    page.para("Anti-social behaviour in Northcote ward", bold=True)
    page.table(asb_rows(src.rng))
    page.para("Incidents are counted once, in the month they were reported.")
    page.comment("Call handler", calc.contact_note(person))
    return Built(page.doc, 1, (person.surname, person.mobile))


def comment_notes(office: Any, seed: int) -> Built:
    src = People(seed)
    person = src.person()
    deck = Deck(office)
    deck.slide("Neighbourhood priorities", ["Parking near schools", "Speeding on the A614"])
    deck.slide("Anti-social behaviour", ["Down 12% on last year"], notes=calc.contact_note(person))
    return Built(deck.doc, 1, (person.surname, person.mobile))


# --- "Name, dd/mm/yyyy" cells concealed in plain sight ------------------------------------


def combined_sheet(how: str) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        people = src.people(src.rng.randint(30, 50))
        doc = calc.workbook(office, "Missing")
        sheet = doc.Sheets.getByIndex(0)
        calc.put(sheet, [["Missing person reports by month"], []])
        calc.put(
            sheet,
            [["Month", "Reports", "Found within 48h"]]
            + [
                [m, src.rng.randint(20, 90), src.rng.randint(10, 20)]
                for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
            ],
            row=2,
        )
        cells = calc.put(sheet, [[f"{p.name}, {p.dob}"] for p in people], row=2, col=7)
        calc.conceal(doc, cells, how)
        return Built(doc, len(people), _probes(people, src.rng))

    return build


def combined_text(office: Any, seed: int) -> Built:
    src = People(seed)
    people = src.people(30)
    page = Page(office)
    page.para("Missing person reports: monthly summary", bold=True)
    page.table([["Month", "Reports"], ["January", 41], ["February", 37], ["March", 52]])
    for p in people:
        page.para(f"{p.name}, {p.dob}", color=WHITE)
    return Built(page.doc, len(people), _probes(people, src.rng))


# --- sex-offender list as lines of text ---------------------------------------------------


def _register_lines(src: People, people: list[Person]) -> list[str]:
    return [
        f"{p.surname.upper()}, {p.forename} DOB {p.dob} {p.address} "
        f"Offence: {src.rng.choice(REGISTER_OFFENCES)}"
        for p in people
    ]


def register_text(hidden: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        people = src.people(src.rng.randint(20, 30))
        page = Page(office, framed=not hidden)
        page.para("Management of registered sex offenders: Northcote area", bold=True)
        page.para(f"{len(people)} registered offenders were managed in the area in 2024/25.")
        if not hidden:
            page.para("MAPPA level 1 nominal list (restricted)", bold=True)
        for line in _register_lines(src, people):
            page.para(line, hidden=hidden, size=9.0)
        probes = tuple(s.upper() for s in _probes(people, src.rng))
        return Built(page.doc, len(people), probes, ("sexual_offence",))

    return build


# --- failed redactions (black boxes over text that is still there) ------------------------


def redaction_text(filled: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        people = src.people(6) if filled else []
        page = Page(office, framed=True)
        page.para("Complaint review: summary of findings", bold=True, size=14)
        page.para("The panel considered six complaints received between April and June.")
        if filled:
            for i, p in enumerate(people, 1):
                page.para(f"Complainant {i}:")
                line = page.para(f"{p.name}, {p.address}, {p.mobile}")
                page.box_over(line, len(line.getString()) + 2, filled=True)
        else:
            page.para("Summary")
            box = page.para("Five complaints were not upheld; one was upheld in part.")
            page.box_over(box, len(box.getString()) + 2, filled=False)
            bar = page.para("")
            page.box_over(bar, 60, filled=True)
        page.para("The panel's recommendations have been accepted by the force.")
        return Built(page.doc, len(people), _probes(people, src.rng))

    return build


def redaction_sheet(filled: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        people = src.people(8)
        doc = calc.workbook(office, "Complaints", framed=True)
        sheet = doc.Sheets.getByIndex(0)
        outcomes = ("Upheld", "Not upheld", "Withdrawn")
        if filled:
            rows: list[list[str | int]] = [
                ["Ref", "Complainant", "Home address", "Mobile", "Outcome"]
            ] + [
                [f"CO/{i:03d}", p.name, p.address, p.mobile, src.rng.choice(outcomes)]
                for i, p in enumerate(people, 1)
            ]
            calc.put(sheet, rows)
            for r in range(1, len(rows)):
                cells = sheet.getCellRangeByPosition(1, r, 3, r)
                calc.box_over(doc, sheet, cells, filled=True)
            return Built(doc, len(people), _probes(people, src.rng))
        rows = [["Ref", "Category", "Outcome"]] + [
            [
                f"CO/{i:03d}",
                src.rng.choice(("Incivility", "Delay", "Use of force")),
                src.rng.choice(outcomes),
            ]
            for i in range(1, 9)
        ]
        calc.put(sheet, rows, row=2)
        calc.box_over(doc, sheet, sheet.getCellRangeByPosition(0, 2, 2, 10), filled=False)
        calc.box_over(doc, sheet, sheet.getCellRangeByPosition(0, 0, 4, 0), filled=True)
        return Built(doc, 0)

    return build
