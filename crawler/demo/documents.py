"""The demo's FOI attachments: mostly clean statistics, three planted the way real leaks were."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter

from docx import Document
from openpyxl import Workbook

from crawler.demo.people import STATIONS, CaseRecord, Officer

MONTHS = ("Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar")
FOI_FOOTER = (
    "Freedom of Information Unit, Demo Constabulary Headquarters, Northgate NG1 1AA. "
    "Email foi@demo-constabulary.police.uk or call 101."
)


def statistics_xlsx(title: str, categories: list[str], seed: int) -> bytes:
    """A clean reply: counts by month and category, small numbers suppressed."""
    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Response"
    sheet.append([title])
    sheet.append(["Category", *MONTHS, "Total"])
    for category in categories:
        counts = [rng.randint(0, 60) for _ in MONTHS]
        cells: list[object] = [c if c >= 5 else "<5" for c in counts]
        sheet.append([category, *cells, sum(counts)])
    sheet.append([])
    sheet.append(["Figures below 5 are suppressed to protect individuals."])
    return _save(book)


def statistics_csv(categories: list[str], seed: int) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Area", *categories])
    for area in STATIONS:
        writer.writerow([area, *(rng.randint(0, 400) for _ in categories)])
    return out.getvalue().encode()


def reply_letter_docx(reference: str, question: str, answer: str) -> bytes:
    document = Document()
    document.add_heading(f"Freedom of Information Request {reference}", level=1)
    document.add_paragraph(f"Your request: {question}")
    document.add_paragraph(answer)
    document.add_paragraph(
        "Under section 40(2) of the Act, personal information about individuals is exempt "
        "and has not been provided."
    )
    document.add_paragraph(FOI_FOOTER)
    document.core_properties.author = "Information Rights Team"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def headcount_with_hidden_staff_xlsx(officers: list[Officer]) -> bytes:
    """PSNI-style: a headcount by rank, with the HR extract it was made from left hidden."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Headcount by rank"
    summary.append(["Rank", "Headcount"])
    for rank, count in sorted(Counter(o.rank for o in officers).items()):
        summary.append([rank, count])
    raw = book.create_sheet("Sheet2")
    raw.append(["Surname", "Initial", "Rank", "Role", "Department", "Location", "Service No"])
    for o in officers:
        raw.append(
            [o.surname, o.forename[0], o.rank, o.role, o.department, o.station, o.service_number]
        )
    raw.sheet_state = "hidden"
    return _save(book)


def offences_with_pivot_cache_xlsx(records: list[CaseRecord]) -> bytes:
    """Norfolk-style: a pivot of offences by month whose cache keeps every victim's record."""
    from crawler.demo.builders.xlsx import build_pivot_workbook

    header = ["Crime ref", "Offence", "Role", "Forename", "Surname", "DOB", "Postcode", "Month"]
    rows = [
        [
            r.crime_reference,
            r.offence,
            r.role,
            r.forename,
            r.surname,
            r.date_of_birth.strftime("%d/%m/%Y"),
            r.postcode,
            r.recorded.strftime("%b %Y"),
        ]
        for r in records
    ]
    return build_pivot_workbook(header, rows, row_field="Offence", data_field="Crime ref")


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
