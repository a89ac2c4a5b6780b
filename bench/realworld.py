"""Robustness on a folder of real-world documents: statuses, escaped exceptions, crashes, time.

Runs `detectors.scan.scan(data, name)` on every file under FOLDER (recursively), each in one
of a few watched worker processes (`bench/watched.py`), so that a segfault, a MemoryError or a
hard hang of one document is caught, recorded and does not stop the run.

The target: no exception escapes scan(), no worker crashes, no document takes over 30 s.
Progress goes to stderr. Only figures and file names are printed, never document contents
or findings' examples.

    python bench/realworld.py FOLDER [--workers 2] [--watchdog 120] [--slow 30] [--out FILE]

--out writes one JSON line per file as it completes (file, extension, format, status, the
verdict's masked one-line error, wall and CPU seconds, worker peak RSS after it), for
following up a status.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from typing import TextIO  # noqa: E402

from bench.watched import run_watched  # noqa: E402

STATUSES = ("scanned", "encrypted", "unreadable", "too_large", "unsupported")
FAILURES = ("exception", "crash", "killed")


@dataclass(frozen=True)
class Outcome:
    """What happened to one file; `status` is a verdict status or one of FAILURES."""

    file: str
    extension: str
    format: str
    status: str
    error: str | None = None
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


Answer = tuple[str, str, str | None, float, float, float]


def scan_timed(path: str) -> Answer:
    """In a worker: scan one file; (status, format, error, wall, cpu, worker peak RSS)."""
    from detectors.scan import scan

    data = Path(path).read_bytes()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        verdict = scan(data, Path(path).name)
    except BaseException as failure:  # what must never happen is measured, not raised
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return ("exception", "", type(failure).__name__, wall, cpu, _peak_rss_mb())
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return (str(verdict.status), verdict.format, verdict.error, wall, cpu, _peak_rss_mb())


def run(
    files: list[Path], root: Path, workers: int, watchdog: float, out: TextIO | None = None
) -> list[Outcome]:
    """Scan every file in a worker; `out` receives one JSON line per file as it completes."""
    from detectors.formats import sniff

    outcomes: list[Outcome] = []

    def record(path: Path, status: str, fmt: str = "", error: str | None = None,
               wall: float = 0.0, cpu: float = 0.0, rss: float = 0.0) -> None:  # fmt: skip
        if not fmt:
            fmt = sniff(path.read_bytes(), path.name)
        extension = path.suffix.lower().lstrip(".")
        name = str(path.relative_to(root))
        outcomes.append(Outcome(name, extension, fmt, status, error, wall, cpu, rss))
        if out is not None:
            out.write(json.dumps(asdict(outcomes[-1])) + "\n")
            out.flush()
        if len(outcomes) % 100 == 0:
            print(f"  {len(outcomes):,} / {len(files):,} files", file=sys.stderr, flush=True)

    def answered(path: Path, answer: Answer) -> None:
        if answer[0] == "exception" and len(answer) == 2:  # escaped even scan_timed
            record(path, "exception", error=str(answer[1]))
        else:
            record(path, *answer)

    def failed(path: Path, status: str, error: str, wall: float) -> None:
        record(path, status, error=error, wall=wall)

    run_watched(files, workers, watchdog, scan_timed, answered, failed)
    return outcomes


def _quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def report(outcomes: list[Outcome], slow: float) -> None:
    by_format: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_format[outcome.format].append(outcome)
    columns = (*STATUSES, *FAILURES)
    heads = ("scanned", "encrypt", "unread", "too_lrg", "unsupp", "except", "crash", "killed")
    print(
        f"{'format':<8} {'files':>6} "
        + " ".join(f"{head:>7}" for head in heads)
        + f" {'>' + format(slow, 'g') + 's':>5} {'max s':>7} {'p50 s':>6} {'p99 s':>7}"
    )
    total: Counter[str] = Counter()
    for fmt in sorted(by_format, key=lambda f: (-len(by_format[f]), f)):
        group = by_format[fmt]
        counts = Counter(outcome.status for outcome in group)
        total.update(counts)
        times = sorted(outcome.wall_s for outcome in group if outcome.status not in FAILURES)
        slow_count = sum(1 for o in group if max(o.wall_s, o.cpu_s) > slow)
        total["slow"] += slow_count
        print(
            f"{fmt:<8} {len(group):>6} "
            + " ".join(f"{counts[column]:>7}" for column in columns)
            + f" {slow_count:>5} {max(times, default=0):>7.2f} {_quantile(times, 0.5):>6.2f}"
            f" {_quantile(times, 0.99):>7.2f}"
        )
    times = sorted(outcome.wall_s for outcome in outcomes if outcome.status not in FAILURES)
    print(
        f"{'all':<8} {len(outcomes):>6} "
        + " ".join(f"{total[column]:>7}" for column in columns)
        + f" {total['slow']:>5} {max(times, default=0):>7.2f} {_quantile(times, 0.5):>6.2f}"
        f" {_quantile(times, 0.99):>7.2f}"
    )
    for outcome in outcomes:
        if outcome.status in FAILURES:
            print(f"{outcome.status}: {outcome.file} ({outcome.error})")
    for outcome in sorted(outcomes, key=lambda o: -o.wall_s):
        if max(outcome.wall_s, outcome.cpu_s) > slow and outcome.status not in FAILURES:
            print(
                f"over {slow:g} s: {outcome.file} ({outcome.format}, {outcome.status}) "
                f"wall {outcome.wall_s:.1f} s, cpu {outcome.cpu_s:.1f} s"
            )
    if outcomes:
        top = max(outcomes, key=lambda o: o.peak_rss_mb)
        cpu = sum(outcome.cpu_s for outcome in outcomes)
        print(
            f"worker peak RSS {top.peak_rss_mb:,.0f} MB (reached on {top.file}); "
            f"scan CPU total {cpu:,.0f} s"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--watchdog", type=float, default=120.0, help="seconds per file")
    parser.add_argument("--slow", type=float, default=30.0, help="report files over this")
    parser.add_argument("--out", type=Path, help="write one JSON line per file here")
    args = parser.parse_args(argv)
    root = args.folder.resolve()
    files = sorted(path for path in root.rglob("*") if path.is_file())
    if not files:
        parser.error(f"no files under {args.folder}")
    started = time.monotonic()
    if args.out:
        with args.out.open("w") as out:
            outcomes = run(files, root, args.workers, args.watchdog, out)
    else:
        outcomes = run(files, root, args.workers, args.watchdog)
    report(outcomes, args.slow)
    print(f"{len(outcomes):,} files in {time.monotonic() - started:,.0f} s wall, "
          f"{args.workers} workers")  # fmt: skip
    failed = sum(1 for outcome in outcomes if outcome.status in FAILURES)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
