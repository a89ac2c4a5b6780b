"""Builders of the clean look-alikes: election results, counts by ward, role mailboxes,
footers, aggregates and the rest a perfect scanner leaves below medium."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import calc
from built import Built
from impress import Deck
from leaky import asb_rows
from people import (
    RANK_ORDER,
    WARDS,
    People,
)
from writer import Page

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
    calc.put(sheet, asb_rows(src.rng), row=2)
    calc.comment(sheet, 0, 3, 5, "Figures checked by the analysis team; counts rounded to 5.")
    return Built(doc, 0)


def comment_clean_text(office: Any, seed: int) -> Built:
    src = People(seed)
    page = Page(office)
    page.para("Anti-social behaviour in Northcote ward", bold=True)
    page.table(asb_rows(src.rng))
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
