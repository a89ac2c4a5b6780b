"""Clean documents: statistics, budgets, reply letters, public officer lists, metadata."""

from __future__ import annotations

from corpus.model import Doc, Maker
from corpus.vocab import AREAS, MONTHS, RANKS, STAT_OFFENCES, STATIONS, count
from detectors.model import Table, Text, Vector

_SENIOR = (
    "Chief Constable",
    "Deputy Chief Constable",
    "Assistant Chief Constable",
    "Assistant Chief Officer",
)


def crime_counts(m: Maker, i: int) -> Doc:
    """Counts by month, offence and area, long or wide, some in a pivot cache."""
    rng = m.rng
    if i % 2:
        header = ("Month", "Offence", "Area", "Count")
        rows = tuple(
            (month, offence, area, count(rng))
            for month in MONTHS
            for offence in STAT_OFFENCES[:5]
            for area in AREAS[:4]
        )
    else:
        header = ("Offence", *(f"{mo[:3]}-21" for mo in MONTHS), "Total")
        rows = tuple((o, *(count(rng) for _ in MONTHS), count(rng)) for o in STAT_OFFENCES)
        rows += (("Total", *(str(rng.randint(500, 900)) for _ in MONTHS), "9,999"),)
    vector = (Vector.CELL, Vector.PIVOT_CACHE, Vector.HIDDEN_SHEET)[i % 3]
    return Doc(f"stats-{i}.xlsx", (Table("sheet 'Data'", vector, header, rows),), False)


def area_counts(m: Maker, i: int) -> Doc:
    """Counts by district and ward, with no header cue on the place column."""
    rng = m.rng
    header = ("", "2021/22", "2022/23", "% change")
    rows = tuple((a, count(rng), count(rng), f"{rng.randint(-40, 40)}%") for a in AREAS)
    tables = [Table("sheet 'Areas'", Vector.CELL, header, rows)]
    tables.append(
        Table(
            "sheet 'Lists'",
            Vector.HIDDEN_SHEET,
            ("Offences", "Stations", "Months"),
            tuple(zip(STAT_OFFENCES, STATIONS, MONTHS, strict=False)),
        )
    )
    return Doc(f"areas-{i}.xlsx", tuple(tables), False)


def budget(m: Maker, i: int) -> Doc:
    rng = m.rng
    header = ("Cost Centre", "Budget £", "Actual £", "Variance £")
    rows = tuple(
        (c, f"£{b:,}", f"£{b + d:,}", f"{d:,}")
        for c in ("Response", "Custody", "Roads Policing", "Estates", "ICT", "Fleet", "Training")
        for b, d in [(rng.randint(10_000, 9_000_000), rng.randint(-50_000, 50_000))]
    )
    return Doc(f"budget-{i}.xlsx", (Table("sheet 'Budget'", Vector.CELL, header, rows),), False)


def headcount(m: Maker, i: int) -> Doc:
    rng = m.rng
    header = ("Rank", "Male", "Female", "Total")
    rows = tuple((r, str(rng.randint(1, 900)), str(rng.randint(1, 900)), "") for r in RANKS)
    return Doc(f"headcount-{i}.xlsx", (Table("sheet 'Sheet1'", Vector.CELL, header, rows),), False)


def station_directory(m: Maker, i: int) -> Doc:
    rng = m.rng
    header = ("Station", "Address", "Postcode", "Telephone")
    rows = tuple(
        (s, f"{rng.randint(1, 99)} {s.split()[0]} Road", m.fake.postcode(), "101") for s in STATIONS
    )
    return Doc(f"stations-{i}.xlsx", (Table("sheet 'Stations'", Vector.CELL, header, rows),), False)


def senior_team(m: Maker, i: int) -> Doc:
    """The chief officer team: names meant to be public, on the site's allow-list."""
    people = m.people(len(_SENIOR))
    rows = tuple(
        (f"{f} {s}", rank, "Force portfolio") for (f, s), rank in zip(people, _SENIOR, strict=True)
    )
    allow = frozenset(f"{f} {s}" for f, s in people)
    table = Table("sheet 'Chief officers'", Vector.CELL, ("Name", "Rank", "Portfolio"), rows)
    return Doc(f"chief-officers-{i}.xlsx", (table,), False, allow=allow)


def metadata_author(m: Maker, i: int) -> Doc:
    f, s = m.people(1)[0]
    author = (f"{f} {s}", f"{s}, {f}", f"{s.upper()} {f}")[i % 3]
    items = (
        Text(author, Vector.METADATA, "docProps/core.xml dc:creator"),
        Text("Crime statistics 2021-22", Vector.METADATA, "docProps/core.xml dc:title"),
        Table(
            "sheet 'Data'",
            Vector.CELL,
            ("Month", "Burglary"),
            tuple((mo, count(m.rng)) for mo in MONTHS),
        ),
    )
    return Doc(f"authored-{i}.xlsx", items, False, entities=(("PERSON", 1),), people=1)


def reply_letter(m: Maker, i: int) -> Doc:
    """An FOI reply quoting the force's own mailbox, switchboard and address."""
    f, s = m.people(1)[0]
    signed = i % 2 == 0
    text = (
        "Freedom of Information Request Reference No: FOI 000123-22\n\n"
        "Dear Requester,\n\nThank you for your request for information about sexual offences "
        "and domestic abuse recorded in Norfolk between April 2021 and March 2022. "
        "Norfolk Constabulary holds the information and the figures are attached. Numbers "
        "under five have been suppressed to protect the identity of victims.\n\n"
        "If you are unhappy with the response you may ask for an internal review by writing to "
        "foi@norfolk.police.uk or to Freedom of Information, Norfolk Constabulary, Jubilee "
        "House, Falconers Chase, Wymondham, Norfolk NR18 0WW. In an emergency call 999; "
        "otherwise call 101.\n\nYours sincerely,\n\n"
        + (f"{f} {s}\nFreedom of Information Officer\n" if signed else "Information Team\n")
    )
    entities = (("PERSON", 1),) if signed else ()
    return Doc(
        f"reply-{i}.docx",
        (Text(text, Vector.PAGE_TEXT, "page 1"),),
        False,
        entities=entities,
        people=int(signed),
        prose=True,
    )


CLEAN = (
    crime_counts,
    area_counts,
    budget,
    headcount,
    station_directory,
    senior_team,
    metadata_author,
    reply_letter,
)
