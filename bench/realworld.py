"""Robustness on a folder of real-world documents: statuses, escaped exceptions, crashes, time.

Runs `detectors.scan.scan(data, name)` on every file under FOLDER (recursively), each in one
of a few worker processes, so that a segfault, a MemoryError or a hard hang of one document
is caught, recorded and does not stop the run: a worker that dies is replaced, and a worker
still busy with one file after the watchdog delay is killed and replaced. Each worker loads
every format module and the detection models (warm-up scans of made-up prose and a made-up
staff table) before its first file, so per-file times exclude the one-time imports a crawl
pays once.

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
import multiprocessing  # noqa: E402
import signal  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from multiprocessing.connection import Connection, wait  # noqa: E402
from multiprocessing.process import BaseProcess  # noqa: E402
from typing import TextIO  # noqa: E402

STATUSES = ("scanned", "encrypted", "unreadable", "too_large", "unsupported")
FAILURES = ("exception", "crash", "killed")
WARM_UP_TABLE = [
    ["Name", "Email", "Rank"],
    ["Alex Morgan", "alex.morgan@example.org", "Sergeant"],
    ["Sam Patel", "sam.patel@example.org", "Constable"],
]
WARM_UP = b"Dear Alex Morgan, please call 01632 960123 about the Leeds meeting on Monday.\n" * 3


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


def _work(conn: Connection) -> None:
    """Worker loop: receive a path, scan it, send back (status, format, error, wall, cpu, rss)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    from crawler.demo.builders.xlsx import SheetSpec, build_xlsx
    from detectors.formats import INSPECTORS, inspector_for
    from detectors.scan import scan

    for fmt in INSPECTORS:
        inspector_for(fmt)
    scan(WARM_UP, "warm-up.txt")
    scan(build_xlsx([SheetSpec("Staff", WARM_UP_TABLE)]), "warm-up.xlsx")
    conn.send("ready")
    while True:
        path = conn.recv()
        if path is None:
            return
        data = Path(path).read_bytes()
        started, cpu = time.perf_counter(), time.process_time()
        try:
            verdict = scan(data, Path(path).name)
        except BaseException as failure:  # what must never happen is measured, not raised
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            conn.send(("exception", "", type(failure).__name__, wall, cpu, _peak_rss_mb()))
            continue
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        conn.send((str(verdict.status), verdict.format, verdict.error, wall, cpu, _peak_rss_mb()))


class Worker:
    """One worker process: starting (loading the models), idle, or busy with one file."""

    def __init__(self, context: multiprocessing.context.SpawnContext) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_work, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.path: Path | None = None
        self.started = 0.0

    def give(self, path: Path) -> None:
        self.path, self.started = path, time.monotonic()
        self.conn.send(str(path))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


Answer = tuple[str, str, str | None, float, float, float]


def run(
    files: list[Path], root: Path, workers: int, watchdog: float, out: TextIO | None = None
) -> list[Outcome]:
    """Scan every file in a worker; `out` receives one JSON line per file as it completes."""
    from detectors.formats import sniff

    context = multiprocessing.get_context("spawn")
    pool = [Worker(context) for _ in range(min(workers, len(files)) or 1)]
    pending = list(reversed(files))
    outcomes: list[Outcome] = []
    failed_starts = 0

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

    try:
        # A starting worker is waited on like a busy one, so replacing a worker (which takes
        # seconds to load the models) never holds up the others or their watchdog.
        while pending or any(worker.path for worker in pool):
            awaited = [worker.conn for worker in pool if worker.path or not worker.ready]
            answered = wait(awaited, timeout=1.0)
            for index, worker in enumerate(pool):
                if worker.conn not in answered:
                    continue
                path = worker.path
                try:
                    answer: Answer | str = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join()
                    if path is None:
                        failed_starts += 1
                        if failed_starts > 3:
                            raise RuntimeError(
                                f"workers die while starting (exit code {worker.process.exitcode})"
                            ) from None
                        worker.stop()
                        pool[index] = Worker(context)
                        continue
                    record(path, "crash", error=f"worker exit code {worker.process.exitcode}",
                           wall=time.monotonic() - worker.started)  # fmt: skip
                    worker.stop()
                    pool[index] = Worker(context)
                    continue
                if isinstance(answer, str):
                    worker.ready = True
                elif path is not None:
                    record(path, *answer)
                worker.path = None
                if pending:
                    worker.give(pending.pop())
            now = time.monotonic()
            for index, worker in enumerate(pool):
                if worker.path and now - worker.started > watchdog:
                    record(worker.path, "killed", error=f"no answer after {watchdog:g} s",
                           wall=now - worker.started)  # fmt: skip
                    worker.stop()
                    pool[index] = Worker(context)
    finally:
        for worker in pool:
            if worker.process.is_alive() and worker.ready and not worker.path:
                worker.conn.send(None)
            worker.stop()
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
