"""The benchmark's catalogue: each case builds one document through UNO and says what a
perfect scanner should conclude about it."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import calc
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

SHEETS = ("xlsx", "ods", "xls")
TEXTS = ("docx", "odt")


@dataclass(frozen=True)
class Built:
    """A document open in LibreOffice, and planted strings a copy must still contain."""

    doc: Any
    people: int
    probes: tuple[str, ...] = ()
    special: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    cls: str
    variant: str
    leaky: bool
    formats: tuple[str, ...]
    build: Callable[[Any, int], Built]
    kind: str = ""
    floor: str = "none"
    """The severity the design table gives this exposure (leaky cases); recall counts medium."""
    shown_in: tuple[str, ...] = ()
    """Formats that cannot keep this hiding place (Word has no hidden sections): there the
    data shows, and the expected severity is `shown_floor`."""
    shown_floor: str = "high"
    absent_is_clean: bool = False
    """LibreOffice may drop the data in some formats (no pivot cache in ods/xls): such a copy
    is then a clean look-alike, and labelled so."""
    notes: tuple[str, ...] = field(default=())


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


def _asb_rows(rng: random.Random) -> list[list[str | int]]:
    months = ("April", "May", "June", "July", "August", "September")
    return [["Month", *WARDS[:5]]] + [[m, *(rng.randint(3, 60) for _ in range(5))] for m in months]


def comment_sheet(office: Any, seed: int) -> Built:
    src = People(seed)
    person = src.person()
    doc = calc.workbook(office, "ASB", framed=True)  # unframed, the comment is saved empty
    sheet = doc.Sheets.getByIndex(0)
    calc.put(sheet, [["Anti-social behaviour incidents by month and ward"], []])
    calc.put(sheet, _asb_rows(src.rng), row=2)
    calc.comment(sheet, 0, 3, 5, calc.contact_note(person))
    return Built(doc, 1, (person.surname, person.mobile))


def comment_text(office: Any, seed: int) -> Built:
    src = People(seed)
    person = src.person()
    page = Page(office)
    page.para("Anti-social behaviour in Northcote ward", bold=True)
    page.table(_asb_rows(src.rng))
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


# --- clean look-alikes --------------------------------------------------------------------


def election(framed: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        candidates = src.candidates(36)
        doc = calc.workbook(office, "Results", framed=framed)
        sheet = doc.Sheets.getByIndex(0)
        rows: list[list[str | int]] = [["Ward", "Candidate", "Party", "Votes"]]
        rows += [[ward, name, party, votes] for name, party, ward, votes in candidates]
        block = calc.put(sheet, rows)
        if not framed:
            by_party = calc.add_sheet(doc, "By party")
            calc.put(by_party, [["Votes by party, borough council elections"]])
            calc.pivot(doc, by_party, block, rows=2, data=3, count=False)
        return Built(doc, 0)

    return build


def _ward_rows(rng: random.Random) -> list[list[str | int]]:
    heads = ["Ward", "Violence", "Sexual offences", "Burglary", "Vehicle crime", "Total"]
    rows: list[list[str | int]] = [heads]
    for ward in WARDS:
        counts = [rng.randint(0, 120) for _ in range(4)]
        rows.append([ward, *counts, sum(counts)])
    return rows


def ward_counts(framed: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        doc = calc.workbook(office, "By ward", framed=framed)
        sheet = doc.Sheets.getByIndex(0)
        calc.put(sheet, [["Recorded crime by ward, 2024/25"], []])
        calc.put(sheet, _ward_rows(src.rng), row=2)
        return Built(doc, 0)

    return build


_MAILBOXES = (
    ("Freedom of Information", "foi@northmere.police.uk", "101"),
    ("Data protection and subject access", "dataprotection@northmere.police.uk", "101"),
    ("Press office", "press.office@northmere.police.uk", "0300 123 4567"),
    ("Professional Standards", "professional.standards@northmere.police.uk", "0300 123 4590"),
    ("Victim and witness care hub", "victimcare@northmere.police.uk", "0800 555 111"),
    ("Recruitment", "recruitment@northmere.police.uk", "0300 123 4512"),
    ("Firearms licensing", "firearms.licensing@northmere.police.uk", "0300 123 4577"),
    ("Lost and found property", "enquiries@northmere.police.uk", "101"),
    ("Library and records", "library@northmere.police.uk", "0300 123 4533"),
    ("Payroll", "payroll@northmere.police.uk", "0300 123 4545"),
)


def mailbox_sheet(office: Any, seed: int) -> Built:
    doc = calc.workbook(office, "Contacts")
    calc.put(doc.Sheets.getByIndex(0), [["Service", "Mailbox", "Telephone"], *_MAILBOXES])
    return Built(doc, 0)


def mailbox_text(office: Any, seed: int) -> Built:
    page = Page(office)
    page.para("How to contact us", bold=True)
    page.para("Our library and information services answer these shared mailboxes.")
    page.table([["Service", "Mailbox", "Telephone"], *_MAILBOXES])
    page.para("In an emergency always call 999.")
    return Built(page.doc, 0)


def footer_sheet(office: Any, seed: int) -> Built:
    """LibreOffice's default page style: header with the sheet name, footer "Page &P"."""
    src = People(seed)
    doc = calc.workbook(office, "Budget")
    lines = ("Police officer pay", "Police staff pay", "Premises", "Transport", "Supplies")
    rows: list[list[str | int]] = [["Budget line", "2023/24 (£000)", "2024/25 (£000)"]]
    rows += [[line, src.rng.randint(900, 90000), src.rng.randint(900, 90000)] for line in lines]
    calc.put(doc.Sheets.getByIndex(0), rows)
    return Built(doc, 0)


def headcount_lookup(office: Any, seed: int) -> Built:
    """A roster look-alike: headcount by rank, with a hidden sheet of drop-down lists."""
    src = People(seed)
    doc = calc.workbook(office, "Headcount")
    officers = src.officers(400)
    calc.put(doc.Sheets.getByIndex(0), calc.headcount_rows(officers))
    lists = calc.add_sheet(doc, "Lists")
    ranks = sorted({o.rank for o in officers}, key=RANK_ORDER.__getitem__)
    depts = sorted({o.department for o in officers})
    calc.put(
        lists,
        [["Rank", "Department"]] + [[r, d] for r, d in zip(ranks + [""] * 20, depts, strict=False)],
    )
    lists.IsVisible = False
    return Built(doc, 0)


def pivot_anonymous(office: Any, seed: int) -> Built:
    """A case-records look-alike: a pivot over a hidden sheet of crimes without people."""
    src = People(seed)
    crimes = src.crimes(220)
    doc = calc.workbook(office, "Summary")
    summary = doc.Sheets.getByIndex(0)
    calc.put(summary, [["Outcomes by offence, 2024/25"]])
    data = calc.add_sheet(doc, "Data")
    block = calc.put(data, calc.anonymous_crime_rows(crimes))
    calc.pivot(doc, summary, block, rows=2, cols=4, data=5, count=False)
    data.IsVisible = False
    return Built(doc, 0)


def stats_report(framed: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        author = src.person()
        page = Page(office, framed=framed)
        page.para("Quarterly crime statistics: October to December 2024", bold=True, size=14)
        page.para(
            f"Prepared by {author.forename} {author.surname}, Performance Analyst, "
            "Corporate Development Department"
        )
        page.para("Recorded crime fell by 3% compared with the same quarter last year.")
        page.table(_ward_rows(src.rng))
        page.para("All figures are provisional and may change as crimes are reclassified.")
        return Built(page.doc, 0)

    return build


def aggregate_text(framed: bool) -> Callable[[Any, int], Built]:
    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        page = Page(office, framed=framed)
        page.para("Stop and search by self-defined ethnicity and outcome, 2024", bold=True)
        groups = ("White", "Black", "Asian", "Mixed", "Other", "Not stated")
        page.table(
            [["Ethnicity", "Searches", "Arrest", "No further action"]]
            + [
                [g, src.rng.randint(50, 900), src.rng.randint(5, 90), src.rng.randint(40, 700)]
                for g in groups
            ]
        )
        page.para("Counts of fewer than five are shown as such.")
        return Built(page.doc, 0)

    return build


def slides_clean(office: Any, seed: int) -> Built:
    deck = Deck(office)
    deck.slide("Performance summary", ["Burglary down 12%", "Response times within target"])
    deck.slide("Backup figures", ["Burglary: 412 (was 468)", "Robbery: 51 (was 49)"], hidden=True)
    deck.slide("Questions", [], notes="Mention the 12% fall in burglary and thank the teams.")
    return Built(deck.doc, 0)


def comment_clean_sheet(office: Any, seed: int) -> Built:
    src = People(seed)
    doc = calc.workbook(office, "ASB", framed=True)
    sheet = doc.Sheets.getByIndex(0)
    calc.put(sheet, [["Anti-social behaviour incidents by month and ward"], []])
    calc.put(sheet, _asb_rows(src.rng), row=2)
    calc.comment(sheet, 0, 3, 5, "Figures checked by the analysis team; counts rounded to 5.")
    return Built(doc, 0)


def comment_clean_text(office: Any, seed: int) -> Built:
    src = People(seed)
    page = Page(office)
    page.para("Anti-social behaviour in Northcote ward", bold=True)
    page.table(_asb_rows(src.rng))
    page.para("Incidents are counted once, in the month they were reported.")
    page.comment("Analysis team", "Check the June figure against the crime system before release.")
    return Built(page.doc, 0)


def concealed_dates(how: str) -> Callable[[Any, int], Built]:
    """A helper column of "Week ending, dd/mm/yyyy" labels concealed like the leaky cells."""

    def build(office: Any, seed: int) -> Built:
        src = People(seed)
        doc = calc.workbook(office, "Missing")
        sheet = doc.Sheets.getByIndex(0)
        calc.put(sheet, [["Missing person reports by week"], []])
        calc.put(
            sheet,
            [["Week", "Reports"]] + [[w, src.rng.randint(5, 30)] for w in range(1, 27)],
            row=2,
        )
        day = src.fake.date_between(start_date="-1y", end_date="-200d")
        labels = []
        for _week in range(26):
            labels.append([f"Week ending, {day.strftime('%d/%m/%Y')}"])
            day = day.fromordinal(day.toordinal() + 7)
        calc.conceal(doc, calc.put(sheet, labels, row=3, col=7), how)
        return Built(doc, 0)

    return build


def register_clean(office: Any, seed: int) -> Built:
    src = People(seed)
    page = Page(office, framed=True)
    page.para("Management of registered sex offenders: annual figures", bold=True)
    page.para("Registered sex offenders per 100,000 population, by policing area, 31 March.")
    for ward in WARDS:
        page.para(
            f"{ward.upper()}, area total {src.rng.randint(5, 60)}; per 100,000 "
            f"{src.rng.randint(40, 190)}; MAPPA level 2 or 3: {src.rng.randint(0, 4)}",
            size=9.0,
        )
    return Built(page.doc, 0)


def _c(
    cls: str, variant: str, formats: tuple[str, ...], build: Callable[[Any, int], Built], **kw: Any
) -> Case:
    return Case(cls, variant, kw.pop("leaky", True), formats, build, **kw)


def catalogue() -> list[Case]:
    roster = {"kind": "staff_list", "floor": "critical"}
    cases = [
        _c(
            "staff_roster",
            f"hidden sheet, {order}, {layout}",
            SHEETS,
            roster_sheet(order, layout),
            **roster,
        )
        for order, layout in (
            ("az", "plain"),
            ("za", "plain"),
            ("rank", "plain"),
            ("shuffled", "plain"),
            ("az", "title"),
            ("shuffled", "footnotes"),
        )
    ]
    cases += [
        _c("staff_roster", "hidden rows under a headcount", SHEETS, roster_rows_hidden, **roster),
        _c("staff_roster", "name columns hidden", SHEETS, roster_columns_hidden, **roster),
        _c(
            "staff_roster",
            "printed to PDF, visible",
            ("calc.pdf",),
            roster_pdf,
            kind="staff_list",
            floor="high",
        ),
        _c(
            "staff_roster",
            "hidden section with a table",
            TEXTS,
            roster_text,
            shown_in=("docx",),
            **roster,
        ),
        _c("staff_roster", "hidden slides", ("pptx",), roster_slides, **roster),
        _c(
            "case_records",
            "pivot, source sheet deleted",
            SHEETS,
            pivot_cases("deleted"),
            kind="case_records",
            floor="critical",
            absent_is_clean=True,
        ),
        _c(
            "case_records",
            "pivot, source sheet hidden",
            SHEETS,
            pivot_cases("hidden"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "tracked deletion",
            TEXTS,
            cases_text("tracked"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "white table",
            TEXTS,
            cases_text("white"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "hidden paragraphs",
            TEXTS,
            cases_text("hidden"),
            kind="case_records",
            floor="critical",
        ),
        _c(
            "case_records",
            "hidden slide",
            ("pptx",),
            cases_slides,
            kind="case_records",
            floor="critical",
        ),
        _c(
            "failed_redaction",
            "black boxes over text",
            ("writer.pdf",),
            redaction_text(True),
            kind="contact_list",
            floor="medium",
        ),
        _c(
            "failed_redaction",
            "black boxes over cells",
            ("calc.pdf",),
            redaction_sheet(True),
            kind="contact_list",
            floor="medium",
        ),
        _c("public_contact", "cell comment", SHEETS, comment_sheet, floor="medium"),
        _c("public_contact", "comment", TEXTS, comment_text, floor="medium"),
        _c("public_contact", "speaker notes", ("pptx",), comment_notes, floor="medium"),
        _c("name_dob_cells", "';;;' format", SHEETS, combined_sheet(";;;"), floor="high"),
        _c("name_dob_cells", "white font", SHEETS, combined_sheet("white"), floor="high"),
        _c("name_dob_cells", "white text", TEXTS, combined_text, floor="high"),
        _c(
            "sex_offender_list",
            "visible lines",
            ("writer.pdf", *TEXTS),
            register_text(False),
            kind="case_records",
            floor="high",
        ),
        _c(
            "sex_offender_list",
            "hidden lines",
            TEXTS,
            register_text(True),
            kind="case_records",
            floor="high",
        ),
    ]
    clean = {"leaky": False}
    cases += [
        _c("clean_election", "results with a pivot", SHEETS, election(False), **clean),
        _c("clean_election", "results printed", ("calc.pdf",), election(True), **clean),
        _c("clean_aggregate", "counts by ward", SHEETS, ward_counts(False), **clean),
        _c("clean_aggregate", "counts by ward printed", ("calc.pdf",), ward_counts(True), **clean),
        _c("clean_aggregate", "headcount, hidden lists sheet", SHEETS, headcount_lookup, **clean),
        _c(
            "clean_aggregate",
            "pivot over a hidden sheet without people",
            SHEETS,
            pivot_anonymous,
            **clean,
        ),
        _c(
            "clean_aggregate",
            "table in a report",
            (*TEXTS, "writer.pdf"),
            aggregate_text(True),
            **clean,
        ),
        _c(
            "clean_aggregate",
            "slides, hidden backup slide, notes",
            ("pptx",),
            slides_clean,
            **clean,
        ),
        _c("clean_mailboxes", "library mailbox list", SHEETS, mailbox_sheet, **clean),
        _c("clean_mailboxes", "library mailbox list", TEXTS, mailbox_text, **clean),
        _c(
            "clean_byline",
            "statistics report with author",
            (*TEXTS, "writer.pdf"),
            stats_report(True),
            **clean,
        ),
        _c("clean_comment", "comment without people", SHEETS, comment_clean_sheet, **clean),
        _c("clean_comment", "comment without people", TEXTS, comment_clean_text, **clean),
        _c("clean_concealed", "';;;' week-ending labels", SHEETS, concealed_dates(";;;"), **clean),
        _c(
            "clean_concealed", "white week-ending labels", SHEETS, concealed_dates("white"), **clean
        ),
        _c(
            "clean_register",
            "offender counts by area",
            ("writer.pdf", *TEXTS),
            register_clean,
            **clean,
        ),
        _c("clean_footer", "default 'Page &P' footer", SHEETS, footer_sheet, **clean),
        _c(
            "clean_redaction",
            "frame only, empty black bar",
            ("writer.pdf",),
            redaction_text(False),
            **clean,
        ),
        _c(
            "clean_redaction",
            "frame only, empty black bar",
            ("calc.pdf",),
            redaction_sheet(False),
            **clean,
        ),
    ]
    return cases
