"""Spreadsheet inspection speed and memory: MB/s of sheet XML and peak RSS, one process per case.

Cases:
  psni     a headcount reply with a hidden sheet of 10,000 staff x 10 columns (openpyxl)
  pivot    a pivot-table reply whose cache holds 50,000 records (raw pivot parts)
  big      ~100 MB of uncompressed sheet XML, shared strings, some hidden rows and columns
  million  1,000,000 rows on a hidden sheet (memory must stay flat whatever the row count)

Each workbook is built by this process and written to a temporary file; a fresh Python
process then reads it, consumes every item (every Table's rows included) and reports its
own peak resident set (VmHWM), so the figures exclude the building and the one-time
imports a crawl pays once (the baseline includes them). MB/s is sheet (and pivot
cache) XML per CPU second of the measuring process, which other work on the machine disturbs
less than wall time. Targets: >= 50 MB/s of sheet XML, peak RSS < 300 MB.

    python bench/inspection.py [case ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import json  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402

MB = 1024 * 1024
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RANKS = ("Constable", "Sergeant", "Inspector", "Chief Inspector", "Police Staff", "PCSO")
STATIONS = ("Northgate", "Riverside", "Eastfield", "Millbrook", "Headquarters", "Westcliffe")


def build_psni(path: Path) -> None:
    from faker import Faker

    from crawler.demo.builders.xlsx import SheetSpec, build_xlsx

    fake = Faker("en_GB")
    fake.seed_instance(1)
    header = ["Surname", "Initial", "Rank", "Role", "Department", "Location", "Service No",
              "Start date", "Grade", "Email"]  # fmt: skip
    staff = [
        [
            fake.last_name(),
            fake.first_name()[0],
            RANKS[n % 6],
            "Response officer",
            "Response",
            STATIONS[n % 6],
            f"{10000 + n}",
            f"20{n % 24:02d}-04-01",
            f"G{n % 9}",
            f"staff{n}@force.police.uk",
        ]
        for n in range(10_000)
    ]
    summary = [["Rank", "Headcount"], *([r, 1000] for r in RANKS)]
    path.write_bytes(
        build_xlsx(
            [SheetSpec("Headcount", summary), SheetSpec("Sheet2", [header, *staff], state="hidden")]
        )
    )


def build_pivot(path: Path) -> None:
    from faker import Faker

    from crawler.demo.builders.xlsx import build_pivot_workbook

    fake = Faker("en_GB")
    fake.seed_instance(2)
    offences = ("Stalking", "Sexual assault", "ABH (domestic)", "Harassment", "Burglary")
    forenames = [fake.first_name() for _ in range(2_000)]
    surnames = [fake.last_name() for _ in range(5_000)]
    header = ["Crime ref", "Offence", "Role", "Forename", "Surname", "DOB", "Postcode", "Month"]
    rows = [
        [
            f"CR/{n:06d}/24",
            offences[n % 5],
            ("Victim", "Witness", "Suspect")[n % 3],
            forenames[n % 2_000],
            surnames[(n * 7) % 5_000],
            f"{1 + n % 28:02d}/0{1 + n % 9}/19{50 + n % 50}",
            f"NG{n % 30} {n % 9}AB",
            ("Apr 2021", "May 2021", "Jun 2021")[n % 3],
        ]
        for n in range(50_000)
    ]
    path.write_bytes(
        build_pivot_workbook(header, rows, row_field="Offence", data_field="Crime ref")
    )


def build_streamed(path: Path, rows: int, hidden_sheet: bool) -> None:
    """A workbook written row by row straight into the zip (no DOM, no openpyxl)."""
    words = [f"Surname{n}" for n in range(20_000)]
    strings = words + list(RANKS) + list(STATIONS)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types())
        archive.writestr("_rels/.rels", _rels([("officeDocument", "xl/workbook.xml")]))
        state = ' state="hidden"' if hidden_sheet else ""
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{_R}"><sheets>'
            '<sheet name="Summary" sheetId="1" r:id="rId1"/>'
            f'<sheet name="Raw" sheetId="2"{state} r:id="rId2"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _rels(
                [
                    ("worksheet", "worksheets/sheet1.xml"),
                    ("worksheet", "worksheets/sheet2.xml"),
                    ("sharedStrings", "sharedStrings.xml"),
                ]
            ),
        )
        items = "".join(f"<si><t>{s}</t></si>" for s in strings)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{items}</sst>')
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
            "</sheetData></worksheet>",
        )
        with archive.open("xl/worksheets/sheet2.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                f'<worksheet xmlns="{MAIN}"><dimension ref="A1:J{rows}"/><cols>'
                '<col min="4" max="4" width="9" hidden="1" customWidth="1"/></cols>'
                "<sheetData>".encode()
            )
            chunk: list[str] = []
            for r in range(1, rows + 1):
                hidden = ' hidden="1"' if r % 50 == 0 else ""
                chunk.append(
                    f'<row r="{r}" spans="1:10"{hidden}>'
                    f'<c r="A{r}" t="s"><v>{r % 20_000}</v></c>'
                    f'<c r="B{r}" t="s"><v>{(r * 7) % 20_000}</v></c>'
                    f'<c r="C{r}" t="s"><v>{20_000 + r % 6}</v></c>'
                    f'<c r="D{r}" t="s"><v>{20_006 + r % 6}</v></c>'
                    f'<c r="E{r}"><v>{100000 + r}</v></c>'
                    f'<c r="F{r}" s="1"><v>{40000 + r % 9000}</v></c>'
                    f'<c r="G{r}"><v>{r * 1.5}</v></c>'
                    f'<c r="H{r}" t="inlineStr"><is><t>Note {r}</t></is></c>'
                    f'<c r="I{r}"><v>{r % 97}</v></c>'
                    f'<c r="J{r}" t="s"><v>{(r * 13) % 20_000}</v></c></row>'
                )
                if len(chunk) == 2_000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write(("".join(chunk) + "</sheetData></worksheet>").encode())


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels(targets: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="rId{n}" Type="{_R}/{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    )
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{items}</Relationships>"
    )


def _content_types() -> str:
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}sheet.main+xml"/></Types>'
    )


CASES = {
    "psni": build_psni,
    "pivot": build_pivot,
    "big": lambda path: build_streamed(path, 250_000, hidden_sheet=False),
    "million": lambda path: build_streamed(path, 1_000_000, hidden_sheet=True),
}


def measure(path: str) -> dict[str, float]:
    """Run in a fresh process: inspect the file, consume everything, report time and VmHWM."""
    from detectors.formats.xlsx import inspect_xlsx
    from detectors.limits import Budget, Limits
    from detectors.model import Table
    from detectors.recognizers import values  # noqa: F401  (loaded once per crawl, not per file)

    data = Path(path).read_bytes()
    with zipfile.ZipFile(path) as archive:
        sheet_bytes = sum(
            i.file_size for i in archive.infolist() if i.filename.startswith("xl/worksheets/")
        )
        cache_bytes = sum(
            i.file_size for i in archive.infolist() if i.filename.startswith("xl/pivotCache/")
        )
    baseline = _peak_rss()
    started, cpu = time.perf_counter(), time.process_time()
    rows = 0
    limits = Limits(time_budget_s=3600)
    for item in inspect_xlsx(data, Path(path).name, Budget(limits)):
        if isinstance(item, Table):
            for _ in item.rows:
                rows += 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "sheet_mb": sheet_bytes / MB,
        "cache_mb": cache_bytes / MB,
        "rows": rows,
        "baseline_rss_mb": baseline,
        "peak_rss_mb": _peak_rss(),
    }


def _peak_rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(names: list[str]) -> None:
    print(f"{'case':<8} {'file MB':>8} {'XML MB':>8} {'rows':>10} {'wall s':>7} {'cpu s':>7} "
          f"{'MB/s cpu':>8} {'base RSS':>9} {'peak RSS':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for name in names or list(CASES):
            path = Path(folder) / f"{name}.xlsx"
            CASES[name](path)
            output = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(output)
            xml = result["sheet_mb"] + result["cache_mb"]
            print(
                f"{name:<8} {path.stat().st_size / MB:>8.1f} {xml:>8.1f} {result['rows']:>10,} "
                f"{result['seconds']:>7.2f} {result['cpu_seconds']:>7.2f} "
                f"{xml / result['cpu_seconds']:>8.1f} "
                f"{result['baseline_rss_mb']:>8.0f}M {result['peak_rss_mb']:>8.0f}M",
                flush=True,
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2])))
    else:
        main(sys.argv[1:])
