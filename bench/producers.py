"""Other producers: workbooks re-saved by LibreOffice still report every planted hiding place.

Each case is built with the fixture builders (openpyxl underneath), converted by a headless
LibreOffice to xlsx, ods and xls, and scanned; the table shows, per producer, whether the
planted vector and the people behind it were reported. Needs `soffice` (Debian's
libreoffice-calc-nogui); without it the script says so and exits 2.

    python bench/producers.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from crawler.demo.builders.xlsx import SheetSpec, build_pivot_workbook, build_xlsx
from detectors.model import Verdict
from detectors.scan import scan

TARGETS = ("xlsx", "ods", "xls")


@dataclass(frozen=True)
class Case:
    name: str
    vector: str
    build: Callable[[list[list[str]]], bytes]


def staff(rows: int, seed: int = 3) -> list[list[str]]:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return [["Surname", "Forename", "Rank", "Station"]] + [
        [fake.last_name(), fake.first_name(), "Constable", "Northgate"] for _ in range(rows)
    ]


def counts() -> list[list[str | int]]:
    return [["Month", "Burglary", "Robbery"], ["April", 12, 3], ["May", 15, 4], ["June", 9, 5]]


CASES = (
    Case(
        "hidden sheet",
        "hidden_sheet",
        lambda people: build_xlsx(
            [SheetSpec("Summary", counts()), SheetSpec("Staff", people, state="hidden")]
        ),
    ),
    Case(
        "hidden rows",
        "hidden_row",
        lambda people: build_xlsx(
            [SheetSpec("Data", people, hidden_rows=tuple(range(2, len(people) + 1)))]
        ),
    ),
    Case(
        "hidden columns",
        "hidden_column",
        lambda people: build_xlsx(
            [
                SheetSpec(
                    "Data",
                    [[f"Total {i}", *row] for i, row in enumerate(people)],
                    hidden_columns=("B", "C"),
                )
            ]
        ),
    ),
    Case(
        "comments",
        "comment",
        lambda people: build_xlsx(
            [
                SheetSpec(
                    "Data",
                    counts(),
                    comments=tuple(
                        (f"B{i + 2}", "Analyst", f"Victim: {row[1]} {row[0]}")
                        for i, row in enumerate(people[1:4])
                    ),
                )
            ]
        ),
    ),
    Case(
        "pivot cache",
        "pivot_cache",
        lambda people: build_pivot_workbook(
            [*people[0], "Offence"],
            [[*row, "Sexual assault"] for row in people[1:]],
            row_field="Offence",
            data_field="Surname",
        ),
    ),
)


def convert(data: bytes, target: str, folder: Path) -> bytes | None:
    source = folder / "source.xlsx"
    source.write_bytes(data)
    out = folder / target
    out.mkdir(exist_ok=True)
    filters = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "ods": "ods", "xls": "xls:MS Excel 97"}
    command = ["soffice", "--headless", "--norestore", "--convert-to", filters[target]]
    subprocess.run(
        [*command, "--outdir", str(out), str(source)],
        check=False,
        capture_output=True,
        timeout=180,
        env={"HOME": str(folder), "PATH": "/usr/bin:/bin"},
    )
    converted = out / f"source.{target}"
    return converted.read_bytes() if converted.exists() else None


def describe(verdict: Verdict, vector: str) -> str:
    vectors = {str(f.vector) for f in verdict.findings} | {
        str(s.vector) for s in verdict.structures
    }
    seen = "yes" if vector in vectors else "NO"
    return f"{seen:>3} {verdict.severity:<8} {verdict.people:>3}p"


def main() -> int:
    if shutil.which("soffice") is None:
        print("soffice not found: install Debian's libreoffice-calc-nogui to run this check")
        return 2
    people = staff(40)
    print(f"{'case':<15} {'vector':<14} " + " ".join(f"{p:<18}" for p in ("openpyxl", *TARGETS)))
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for case in CASES:
            original = case.build(people)
            cells = [describe(scan(original, "case.xlsx"), case.vector)]
            for target in TARGETS:
                data = convert(original, target, folder)
                if data is None:
                    cells.append("conversion failed")
                    continue
                cells.append(describe(scan(data, f"case.{target}"), case.vector))
            missed += sum(cell.startswith(" NO") for cell in cells)
            print(f"{case.name:<15} {case.vector:<14} " + " ".join(f"{c:<18}" for c in cells))
    print(f"planted vectors not reported: {missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
