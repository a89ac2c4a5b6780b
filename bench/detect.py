"""Time to verdict on a PSNI-shaped staff list: leaksweep's column judgement vs presidio per cell.

A hidden worksheet of 10,000 officers and staff (surname, initial, rank, role, department,
location, service number). Prints both timings, the speed-up and the people count vs truth:
in-process, and for the whole `leaksweep scan` command on the same workbook re-saved by
LibreOffice (Debian's `libreoffice-calc-nogui`; skipped, saying so, where it is missing).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The repository first: tests/ holds folders named like the packages (tests/detectors...).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus.vocab import DEPARTMENTS, RANKS, ROLES, STATIONS
from faker import Faker

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Table, Vector

ROWS = 10_000
HEADER = ("Surname", "Initial", "Rank", "Role", "Department", "Location", "Service Number")


def staff(n: int, seed: int = 1) -> list[tuple[str, ...]]:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    numbers = rng.sample(range(10_000, 99_999), n)
    return [
        (
            str(fake.last_name()).upper(),
            str(fake.first_name())[0],
            rng.choice(RANKS),
            rng.choice(ROLES),
            rng.choice(DEPARTMENTS),
            rng.choice(STATIONS),
            str(number),
        )
        for number in numbers
    ]


def leaksweep(rows: list[tuple[str, ...]]) -> tuple[float, int, str]:
    started = time.perf_counter()
    detector = Detector()
    detector.feed(Table("sheet 'Raw'", Vector.HIDDEN_SHEET, HEADER, iter(rows)))
    evidence = detector.finish()
    severity = assess(evidence, ()).severity
    return time.perf_counter() - started, evidence.people, str(severity)


def presidio(rows: list[tuple[str, ...]]) -> tuple[float, float, int]:
    from presidio_analyzer import BatchAnalyzerEngine

    from detectors.engine import ENTITIES, LANGUAGE, analyzer

    engine = analyzer()
    engine.analyze("warm up John Smith", language=LANGUAGE)
    cells = [cell for row in rows for cell in row]
    started, cpu = time.perf_counter(), time.process_time()
    batch = BatchAnalyzerEngine(analyzer_engine=engine)
    results = list(
        batch.analyze_iterator(cells, language=LANGUAGE, batch_size=256, entities=list(ENTITIES))
    )
    people = sum(1 for found in results[::7] if any(r.entity_type == "PERSON" for r in found))
    return time.perf_counter() - started, time.process_time() - cpu, people


COMMAND_TARGET = 50.0
"""The whole command must beat presidio on every cell by at least this factor."""


def libreoffice_workbook(rows: list[tuple[str, ...]], folder: Path) -> Path | None:
    """The PSNI shape, written by openpyxl and re-saved by LibreOffice; None without it."""
    import openpyxl

    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    book = openpyxl.Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Headcount"
    summary.append(["Rank", "Headcount"])
    for rank in sorted({row[2] for row in rows}):
        summary.append([rank, sum(1 for row in rows if row[2] == rank)])
    raw = book.create_sheet("Raw")
    raw.append(list(HEADER))
    for row in rows:
        raw.append(list(row))
    raw.sheet_state = "hidden"
    source = folder / "source" / "headcount-by-rank.xlsx"
    source.parent.mkdir()
    book.save(source)
    out = folder / "libreoffice"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / source.name


def whole_command(path: Path, runs: int = 3) -> tuple[float, float, int, str]:
    """Median wall and CPU seconds of `leaksweep scan PATH --json` as a user runs it (CPU
    counts on a busy machine too), and its verdict."""
    root = Path(__file__).resolve().parent.parent
    walls: list[float] = []
    cpus: list[float] = []
    document: dict[str, object] = {}
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "crawler", "scan", str(path), "--json"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        output = child.stdout.read()
        _, _, usage = os.wait4(child.pid, 0)
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
        [document] = json.loads(output)["documents"]
    people, severity = int(str(document["people"])), str(document["severity"])
    return statistics.median(walls), statistics.median(cpus), people, severity


def main() -> None:
    rows = staff(ROWS)
    truth = len({row[-1] for row in rows})
    leaksweep(rows[:100])  # load the gazetteer once, as a long-running crawler would have
    ours, people, severity = leaksweep(rows)
    print(f"{ROWS:,} rows x {len(HEADER)} columns ({ROWS * len(HEADER):,} cells), hidden sheet")
    print(
        f"leaksweep  time to verdict {ours:8.3f} s   people {people:,} (truth {truth:,}, "
        f"error {abs(people - truth) / truth:.2%})   severity {severity}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        workbook = libreoffice_workbook(rows, Path(tmp))
        if workbook is None:
            print("whole command: skipped (LibreOffice's soffice is not installed)")
        else:
            command, command_cpu, command_people, command_severity = whole_command(workbook)
            print(
                f"leaksweep  whole command   {command:8.3f} s ({command_cpu:.3f} s CPU)   "
                f"people {command_people:,} (truth {truth:,})   severity {command_severity}   "
                "(LibreOffice-made xlsx)"
            )
    theirs, theirs_cpu, named = presidio(rows)
    print(
        f"presidio   every cell      {theirs:8.3f} s ({theirs_cpu:.3f} s CPU)   "
        f"surname cells tagged PERSON {named:,}"
    )
    print(f"speed-up   {theirs / ours:,.0f}x in-process")
    if workbook is not None:
        ratio, cpu_ratio = theirs / command, theirs_cpu / command_cpu
        exact = command_people == truth
        verdict = "PASS" if min(ratio, cpu_ratio) >= COMMAND_TARGET and exact else "FAIL"
        print(
            f"speed-up   {ratio:,.0f}x wall, {cpu_ratio:,.0f}x CPU, whole command "
            f"(target {COMMAND_TARGET:g}x, people exact): {verdict}"
        )


if __name__ == "__main__":
    main()
