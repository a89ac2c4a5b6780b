"""Verdicts on tables laid out as people publish them: one roll in four row orders, with and
without a header row; a list under a title with marked headers; a list of offenders printed
one per line in a PDF; names and dates of birth concealed by a ';;;' format; a pivot cache
beside the deleted source sheet's leftover shared strings. Prints severity, people and findings.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import openpyxl
from holdout.people import Cast
from openpyxl.styles import Font

from crawler.demo.builders.pdf import Line, Page, build_pdf
from crawler.demo.builders.xlsx import build_pivot_workbook
from detectors.model import Verdict
from detectors.names import looks_like_name
from detectors.scan import scan

RANKS = {"Chief Superintendent": 0, "Superintendent": 1, "Chief Inspector": 2, "Inspector": 3}
RANKS |= {"Sergeant": 4, "Constable": 5}
ROLL_HEADER = (
    "Surname",
    "First name",
    "Initial",
    "Race",
    "Gender",
    "Appointed",
    "Rank",
    "District",
)


def _csv(rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _named(cast: Cast, size: int) -> list[tuple[str, str]]:
    people = [p for p in cast.people(size * 3) if looks_like_name(f"{p.forename} {p.surname}")]
    return [(p.forename, p.surname) for p in people[:size]]


def _show(label: str, verdict: Verdict) -> None:
    print(
        f"{label:42} {verdict.severity.value:9} people {verdict.people:6,}  "
        f"findings {len(verdict.findings):5,}  kinds {','.join(verdict.kinds) or '-'}"
    )


def roll(size: int = 1500) -> None:
    cast, rng = Cast(11), random.Random(11)
    pool = cast.people(700)
    weights = [1 / (i + 1) ** 0.7 for i in range(len(pool))]
    ranks = [rank for rank, order in RANKS.items() for _ in range(1 + order * order)]
    rows = []
    for _ in range(size):
        surname, forename = rng.choices(pool, weights)[0].surname, rng.choice(pool).forename
        appointed = f"0{rng.randint(1, 9)}/0{rng.randint(1, 9)}/2001"
        race, gender = rng.choice(("White", "Black", "Asian", "Mixed")), rng.choice(("M", "F"))
        district = rng.choice(("Belfast", "Armagh", "Newry", "Lisburn"))
        rows.append(
            (surname, forename, forename[0], race, gender, appointed, rng.choice(ranks), district)
        )
    by_name = sorted(rows, key=lambda r: (r[0].casefold(), r[1].casefold()))
    orders = {
        "A to Z": by_name,
        "Z to A": by_name[::-1],
        "by rank": sorted(rows, key=lambda r: (RANKS[r[6]], r[0])),
        "shuffled": random.Random(5).sample(rows, len(rows)),
    }
    for header in (True, False):
        for order, ordered in orders.items():
            data = _csv([ROLL_HEADER, *ordered] if header else ordered)
            label = f"roll of {size:,}, {order}, {'header' if header else 'no header'}"
            _show(label, scan(data, "roll.csv"))


def titled_list(size: int = 777) -> None:
    cast = Cast(23)
    rows = [
        (str(i + 1), s, f, cast.dob(), "Released") for i, (f, s) in enumerate(_named(cast, size))
    ]
    above = [
        ("Persons of interest - March 2024",),
        ("#", "Surname", "Forename", "Date of Birth **"),
    ]
    _show(f"{size} with DOB under a title, '#' header", scan(_csv([*above, *rows]), "list.csv"))


def offenders_pdf(size: int = 25) -> None:
    cast = Cast(41)
    offences = ("Sexual assault", "Rape", "Making indecent photographs of a child", "Voyeurism")
    lines = []
    for i, (forename, surname) in enumerate(_named(cast, size * 2)):
        if len(lines) == size:
            break
        if not (forename + surname).isascii():
            continue  # the PDF's standard font is WinAnsi
        street, postcode = cast.address()
        lines.append(
            f"{surname.upper()}, {forename} DOB {cast.dob()} {street} {postcode} "
            f"Offence: {offences[i % len(offences)]}"
        )
    items = [Line("Registered sex offenders, Broadland", y=760)]
    items += [Line(line, x=40, y=740 - 14 * i, size=7) for i, line in enumerate(lines)]
    _show(f"PDF of {size} offenders, one per line", scan(build_pdf([Page(tuple(items))]), "o.pdf"))


def concealed(size: int = 30) -> None:
    cast = Cast(53)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(("Visit ref", "Area", "Outcome", ""))
    for i, (forename, surname) in enumerate(_named(cast, size)):
        sheet.append(
            (f"V{i}", "Norwich", "No further action", f"{forename} {surname}, {cast.dob()}")
        )
        sheet.cell(row=i + 2, column=4).number_format = ";;;"
        sheet.cell(row=i + 2, column=4).font = Font(color="FFFFFF")
    out = io.BytesIO()
    book.save(out)
    _show(f"';;;' column of {size} 'Name, dd/mm/yyyy'", scan(out.getvalue(), "visits.xlsx"))


def pivot_and_strings(size: int = 1230) -> None:
    cast = Cast(99)
    offences = ("Burglary", "Theft", "Assault", "Criminal damage")
    rows = [
        (f"{f} {s}", cast.dob(), offences[i % 4]) for i, (f, s) in enumerate(_named(cast, size))
    ]
    data = build_pivot_workbook(
        ("Victim name", "Date of birth", "Offence"), rows, row_field="Offence", data_field="Offence"
    )
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            body = source.read(name).decode()
            if name == "xl/_rels/workbook.xml.rels":
                body = body.replace(
                    "</Relationships>",
                    f'<Relationship Id="rIdSS" Type="{rel}" Target="sharedStrings.xml"/>'
                    "</Relationships>",
                )
            elif name == "[Content_Types].xml":
                body = body.replace(
                    "</Types>",
                    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}"/></Types>',
                )
            target.writestr(name, body)
        items = "".join(f"<si><t>{escape(v)}</t></si>" for row in rows for v in row[:2])
        target.writestr(
            "xl/sharedStrings.xml",
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>',
        )
    _show(f"pivot of {size} + leftover shared strings", scan(out.getvalue(), "reply.xlsx"))


def main() -> None:
    roll()
    titled_list()
    offenders_pdf()
    concealed()
    pivot_and_strings()


if __name__ == "__main__":
    main()
