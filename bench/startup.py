"""Whole-command time and memory of a pre-publication check: `leaksweep scan` of a small CSV
and a small workbook, beside `python -c 'import openpyxl, lxml'` measured in the same run.

Each command runs RUNS times as its own process; the median wall time and the largest peak
RSS are printed, with the ratio to the baseline and the targets (3 times, 100 MB). This script
imports nothing heavy itself: a child's peak RSS starts from its parent's size at fork.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 10
RATIO_TARGET = 3.0
PEAK_TARGET_MB = 100.0
ROOT = Path(os.environ.get("LEAKSWEEP_ROOT", Path(__file__).resolve().parent.parent))
"""The checkout whose code is timed (another one for a before/after comparison)."""


def measure(argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run of argv as a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{argv} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return wall, usage.ru_maxrss / 1024


_WORKBOOK = """
import sys, openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Response"
sheet.append(["Rank", "Headcount"])
for rank, count in (("Constable", 1204), ("Sergeant", 310), ("Inspector", 92)):
    sheet.append([rank, count])
book.save(sys.argv[1])
"""


def small_files(folder: Path) -> dict[str, Path]:
    csv = folder / "reply.csv"
    csv.write_text("Month,Stop and search\nJanuary,118\nFebruary,97\n", encoding="utf-8")
    xlsx = folder / "reply.xlsx"
    subprocess.run([sys.executable, "-c", _WORKBOOK, str(xlsx)], check=True)
    return {"csv": csv, "xlsx": xlsx}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = small_files(Path(tmp))
        commands = {
            "python -c 'import openpyxl, lxml'": [sys.executable, "-c", "import openpyxl, lxml"],
            **{
                f"leaksweep scan reply.{kind}": [
                    sys.executable,
                    "-m",
                    "crawler",
                    "scan",
                    str(path),
                    "--json",
                ]
                for kind, path in files.items()
            },
        }
        results: dict[str, tuple[float, float]] = {}
        walls: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, float] = {name: 0.0 for name in commands}
        for _ in range(RUNS):  # interleaved, so a busy moment hits every command alike
            for name, argv in commands.items():
                wall, peak = measure(argv)
                walls[name].append(wall)
                peaks[name] = max(peaks[name], peak)
        for name in commands:
            results[name] = (statistics.median(walls[name]), peaks[name])
    baseline = results["python -c 'import openpyxl, lxml'"][0]
    print(f"{'command':38} {'median s':>9} {'x base':>7} {'peak MB':>8}  verdict")
    for name, (wall, peak) in results.items():
        ratio = wall / baseline
        verdict = ""
        if name.startswith("leaksweep"):
            ok = ratio <= RATIO_TARGET and peak <= PEAK_TARGET_MB
            verdict = "PASS" if ok else "FAIL"
        print(f"{name:38} {wall:9.3f} {ratio:7.2f} {peak:8.1f}  {verdict}")
    print(f"targets: at most {RATIO_TARGET:g} times the baseline and {PEAK_TARGET_MB:g} MB peak")


if __name__ == "__main__":
    main()
