"""Run a job on every file in watched worker processes, for the benchmarks on real documents.

A segfault, a MemoryError or a hard hang of one document is caught and reported, and does not
stop the run: a worker that dies is replaced, and a worker still busy with one file after the
watchdog delay is killed and replaced. Each worker loads every format module and the detection
models (warm-up scans of made-up prose and a made-up staff table) before its first file, so
per-file times exclude the one-time imports a crawl pays once.

The job is a module-level function (workers are spawned, so it must be importable) taking a
file's path and returning a picklable answer; it runs inside the worker and should catch what
it wants to measure. Whatever still escapes it comes back as `("exception", <type name>)`.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

WARM_UP_TABLE = [
    ["Name", "Email", "Rank"],
    ["Alex Morgan", "alex.morgan@example.org", "Sergeant"],
    ["Sam Patel", "sam.patel@example.org", "Constable"],
]
WARM_UP = b"Dear Alex Morgan, please call 01632 960123 about the Leeds meeting on Monday.\n" * 3

Job = Callable[[str], Any]
OnAnswer = Callable[[Path, Any], None]
OnFailure = Callable[[Path, str, str, float], None]
"""(path, "crash" or "killed", a one-line reason, seconds spent)."""


def warm_up() -> None:
    """Load every format module and the detection models, as a long-running crawl has them."""
    from crawler.demo.builders.xlsx import SheetSpec, build_xlsx
    from detectors.formats import INSPECTORS, inspector_for
    from detectors.scan import scan

    for fmt in INSPECTORS:
        inspector_for(fmt)
    scan(WARM_UP, "warm-up.txt")
    scan(build_xlsx([SheetSpec("Staff", WARM_UP_TABLE)]), "warm-up.xlsx")


def _work(conn: Connection, job: Job) -> None:
    """Worker loop: receive a path, run the job on it, send back its answer."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    warm_up()
    conn.send("ready")
    while True:
        path = conn.recv()
        if path is None:
            return
        try:
            answer = job(path)
        except BaseException as failure:  # what must never happen is reported, not raised
            answer = ("exception", type(failure).__name__)
        conn.send(answer)


class Worker:
    """One worker process: starting (loading the models), idle, or busy with one file."""

    def __init__(self, context: multiprocessing.context.SpawnContext, job: Job) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(target=_work, args=(child, job), daemon=True)
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


def run_watched(
    files: list[Path],
    workers: int,
    watchdog: float,
    job: Job,
    on_answer: OnAnswer,
    on_failure: OnFailure,
) -> None:
    """Run `job` on every file; each answer or failure is handed over as soon as it is known."""
    context = multiprocessing.get_context("spawn")
    pool = [Worker(context, job) for _ in range(min(workers, len(files)) or 1)]
    pending = list(reversed(files))
    failed_starts = 0
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
                    answer = worker.conn.recv()
                except (EOFError, OSError):
                    worker.process.join()
                    if path is None:
                        failed_starts += 1
                        if failed_starts > 3:
                            raise RuntimeError(
                                f"workers die while starting (exit code {worker.process.exitcode})"
                            ) from None
                    else:
                        on_failure(path, "crash", f"worker exit code {worker.process.exitcode}",
                                   time.monotonic() - worker.started)  # fmt: skip
                    worker.stop()
                    pool[index] = Worker(context, job)
                    continue
                if answer == "ready" and path is None:
                    worker.ready = True
                elif path is not None:
                    on_answer(path, answer)
                worker.path = None
                if pending:
                    worker.give(pending.pop())
            now = time.monotonic()
            for index, worker in enumerate(pool):
                if worker.path and now - worker.started > watchdog:
                    on_failure(worker.path, "killed", f"no answer after {watchdog:g} s",
                               now - worker.started)  # fmt: skip
                    worker.stop()
                    pool[index] = Worker(context, job)
    finally:
        for worker in pool:
            if worker.process.is_alive() and worker.ready and not worker.path:
                worker.conn.send(None)
            worker.stop()
