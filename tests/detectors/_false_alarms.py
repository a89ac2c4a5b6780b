"""Builders shared by the false-alarm tests: workbooks, election results, a roster of
officers, ISBNs that pass the NHS number's check."""

from __future__ import annotations

import io
from collections.abc import Sequence

from tests.detectors._tables import fake_names


def workbook(
    sheets: Sequence[tuple[str, Sequence[Sequence[str]], bool]], footer: str = ""
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows, hidden in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
        if hidden:
            sheet.sheet_state = "hidden"
        if footer:
            sheet.oddFooter.center.text = footer
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


PARTIES = ["Labour", "Conservative", "Liberal Democrat", "Green Party", "Independent"]
WARDS = ["Ferndale", "Ashby", "Clifton", "Beeston", "Shelton", "Stanley", "Hartley"]


def election_rows(count: int) -> list[list[str]]:
    return [
        [
            WARDS[n % len(WARDS)],
            name,
            PARTIES[n % len(PARTIES)],
            str(300 + 17 * n),
            "Elected" if n % 3 == 0 else "",
        ]
        for n, name in enumerate(fake_names(count))
    ]


ELECTION_HEADER = ["Ward", "Candidate", "Party", "Votes", "Elected"]


STAFF_HEADER = ("Surname", "Forename", "Rank", "Department", "Collar Number")


def roster(count: int) -> list[tuple[str, ...]]:
    ranks = ["Constable", "Sergeant", "Constable", "Inspector"]
    return [
        (name.split()[-1].upper(), name.split()[0], ranks[n % 4], "Response", f"{4000 + n}")
        for n, name in enumerate(fake_names(count, seed=3))
    ]


def isbn10(stem: str) -> str:
    total = sum(int(d) * w for d, w in zip(stem, range(10, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return stem + ("X" if check == 10 else str(check))


ISBNS = [
    i
    for i in (isbn10(s) for s in ("349915340", "014044913", "185326041", "019953556"))
    if i[-1] != "X"
]
"""ISBN-10s that pass the NHS number's check: the first in England's range, the others (English
books, 0 and 1) in Scotland's, where most fail for not beginning with a birth date."""
