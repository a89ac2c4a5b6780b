"""Hostile documents: peak memory, time and verdict of scanning each, one fresh process per case.

Cases (each written by `bench/bomb_builders.py` into a temporary folder, none kept unless --keep):
  pdf_stream     a 1 MB PDF whose page content stream inflates to 1 GiB, beside a page of text
  pdf_pages      4 MB of such pages (four content streams of 1 GiB each)
  zip_member     a zip whose member inflates at about 120:1 to about 1.9 GiB, beside a staff list
  xlsx_rows      a ~210 MB workbook: 858,000 staff (names, ranks, NI numbers) on a hidden sheet
  pdf_5000       a 5,000-page PDF, a name on every page
  xlsx_nested    a workbook embedding a zip that holds a zip whose member is a 1 GiB bomb
  xlsx_laughs    a workbook whose sheet and shared strings declare a billion-laughs DTD
  xlsx_deep      a workbook whose hidden sheet nests elements 100,000 deep, beside a staff list
  docx_xml       a ~1 MB Word file whose body part is 250 MB of XML (a tree would take GBs)
  zip_deep       zips nested twelve deep around a staff list

Each case is scanned by `detectors.scan.scan` in a fresh child process; the parent collects
the child's own resource usage with os.wait4 (its peak RSS, what getrusage reports for a
child) and its wall time. The child also reports the scan's wall time (without the imports
and model loading a crawl pays once), the status, severity, people, findings and unread parts.
A watchdog kills a child over --ceiling-mb of RSS or --timeout seconds so a case that would
take the machine down is recorded as such. Target for every case: peak RSS <= 1 GB, scan
time <= 35 s, the people beside the bomb still found (the case's "need" column), and the
verdict saying it was not fully read (a status other than `scanned`, or unread parts).

    python bench/bombs.py [case ...] [--keep DIR] [--code DIR] [--ceiling-mb 6000] [--timeout 180]

--keep writes the documents to DIR and reuses those already there; --code scans with the
leaksweep source tree in DIR (an older checkout, to compare) instead of this one.

Only figures, statuses and reasons are printed, never document contents.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

from bench.bomb_builders import CASES, MB  # noqa: E402

TARGET_RSS_MB = 1024
TARGET_SECONDS = 35.0

# -- measuring ------------------------------------------------------------------------------------

CHILD = """
import json, sys, time
from detectors.scan import scan
scan(b"Dear Alex Morgan, please call 01632 960123 on Monday.", "warm.txt")
path = sys.argv[1]
data = open(path, "rb").read()
assert scan.__module__ == "detectors.scan"
start = time.monotonic()
verdict = scan(data, path.rsplit("/", 1)[-1])
seconds = time.monotonic() - start
print(json.dumps({
    "seconds": seconds, "status": str(verdict.status), "error": verdict.error,
    "severity": str(verdict.severity), "people": verdict.people,
    "findings": sum(f.count for f in verdict.findings),
    "unread": [f"{u.where}: {u.reason}" for u in getattr(verdict, "unread", ())],
}))
"""


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(path: Path, code: Path, ceiling_mb: float, timeout: float) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code))
    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=code,  # `python -c` puts the working folder first on the path
    )
    killed: list[str] = []
    done = threading.Event()

    def watch() -> None:
        # Never polls the child: os.wait4 below must be the one to reap it, for its usage.
        while not done.wait(0.05):
            if _rss_mb(child.pid) > ceiling_mb:
                killed.append(f"killed over {ceiling_mb:,.0f} MB")
            elif time.monotonic() - start > timeout:
                killed.append(f"killed after {timeout:,.0f} s")
            else:
                continue
            os.kill(child.pid, 9)
            return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    assert child.stdout is not None
    output = child.stdout.read()
    _, _, usage = os.wait4(child.pid, 0)
    done.set()
    child.returncode = 0
    wall = time.monotonic() - start
    watcher.join()
    result: dict[str, object] = {"peak_mb": usage.ru_maxrss / 1024, "wall": wall}
    if killed:
        result["status"] = killed[0]
        return result
    try:
        result.update(json.loads(output.decode().strip().splitlines()[-1]))
    except (ValueError, IndexError):
        result["status"] = "crashed"
    return result


def _verdict(result: dict[str, object], need: int) -> str:
    seconds = result.get("seconds")
    people = result.get("people")
    ok = (
        isinstance(seconds, float)
        and seconds <= TARGET_SECONDS
        and float(result["peak_mb"]) <= TARGET_RSS_MB  # type: ignore[arg-type]
        and isinstance(people, int)
        and people >= need
        and (result.get("status") != "scanned" or bool(result.get("unread")))
    )
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("cases", nargs="*", help=f"some of: {', '.join(CASES)} (default all)")
    parser.add_argument("--keep", type=Path, help="write the documents here and keep them")
    parser.add_argument("--code", type=Path, default=HERE.parent, help="source tree to scan with")
    parser.add_argument("--ceiling-mb", type=float, default=6000.0)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()
    names = args.cases or list(CASES)
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; cases: {', '.join(CASES)}")
    with tempfile.TemporaryDirectory(prefix="bombs-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rows = []
        for name in names:
            filename, build, need = CASES[name]
            path = folder / filename
            if not path.exists():
                print(f"building {name}...", file=sys.stderr, flush=True)
                build(path)
            print(f"scanning {name}...", file=sys.stderr, flush=True)
            result = measure(path, args.code, args.ceiling_mb, args.timeout)
            rows.append((name, need, result))
            _print_row(name, path.stat().st_size, need, result)
    failed = [name for name, need, result in rows if _verdict(result, need) == "FAIL"]
    print(f"\n{len(rows) - len(failed)}/{len(rows)} PASS (peak RSS <= {TARGET_RSS_MB} MB, scan "
          f"<= {TARGET_SECONDS:g} s, people found >= need, not fully read said)"
          + (f"; FAIL: {', '.join(failed)}" if failed else ""))  # fmt: skip


_HEADER_DONE: list[bool] = []


def _print_row(name: str, size: int, need: int, result: dict[str, object]) -> None:
    if not _HEADER_DONE:
        print(
            f"{'case':<12} {'file MB':>8} {'peak MB':>8} {'scan s':>7} {'wall s':>7}  "
            f"{'status':<10} {'severity':<9} {'people':>7} {'need':>5}  verdict"
        )
        _HEADER_DONE.append(True)
    seconds = result.get("seconds")
    scan_s = f"{seconds:7.1f}" if isinstance(seconds, float) else f"{'-':>7}"
    print(
        f"{name:<12} {size / MB:8.1f} {float(result['peak_mb']):8.0f} {scan_s} "  # type: ignore[arg-type]
        f"{float(result['wall']):7.1f}  {result.get('status', '?')!s:<10} "  # type: ignore[arg-type]
        f"{result.get('severity', '-')!s:<9} {result.get('people', '-')!s:>7} {need:>5}  "
        f"{_verdict(result, need)}",
        flush=True,
    )
    if result.get("error"):
        print(f"{'':<12} error: {result['error']}")
    for part in list(result.get("unread", []))[:3]:  # type: ignore[call-overload]
        print(f"{'':<12} unread: {part}")


if __name__ == "__main__":
    main()
