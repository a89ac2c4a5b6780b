"""The labelled held-out document and the police vocabulary its generators share."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class HoldoutDoc:
    """One real file and what a good detector should conclude about it."""

    name: str
    data: bytes
    leaky: bool
    """Worth an alert: severity medium or above."""
    kind: str = ""
    """The kind of exposure expected among the verdict's kinds ("" for prose or clean)."""
    people: int = 0
    allow: frozenset[str] = frozenset()


RANKS = ("PC", "DC", "PS", "DS", "Insp", "DI", "Ch Insp", "PCSO", "Police Staff", "Sgt")
STATIONS = (
    "Kings Lynn", "Sheringham", "Wymondham", "Great Yarmouth", "Thetford", "Aylsham",
    "Swaffham", "Dereham", "Cromer", "Hunstanton", "Downham Market", "Fakenham",
)  # fmt: skip
ROLES = (
    "Response Officer", "Call Handler", "Intelligence Analyst", "Neighbourhood Officer",
    "Custody Detention Officer", "Investigator", "Enquiry Office Clerk", "Safeguarding Officer",
)  # fmt: skip
DEPARTMENTS = (
    "Contact and Control",
    "Local Policing",
    "Protecting Vulnerable People",
    "Criminal Justice",
    "Joint Performance",
    "Estates",
    "Professional Standards",
)
OFFENCES = (
    "Theft from motor vehicle", "Burglary - residential", "Common assault", "Criminal damage",
    "Harassment", "Shoplifting", "Assault occasioning ABH", "Public order",
)  # fmt: skip
SPECIAL_OFFENCES = (
    "Sexual assault on a female",
    "Domestic abuse - ABH",
    "Racially aggravated public order",
    "Rape of a female aged 16 or over",
)
WARDS = (
    "Mile Cross", "Thorpe Hamlet", "Lakenham", "Bowthorpe", "Nelson", "Mancroft", "Wensum",
    "Crome", "Catton Grove", "Sewell", "University", "Town Close", "Eaton", "Sheringham North",
)  # fmt: skip
MONTHS = ("Apr-23", "May-23", "Jun-23", "Jul-23", "Aug-23", "Sep-23", "Oct-23", "Nov-23")


def to_csv(rows: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def docx_bytes(paragraphs: Sequence[str], table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word file saved by python-docx: paragraphs, then an optional table."""
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
