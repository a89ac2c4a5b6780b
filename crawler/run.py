"""Crawl one site now, in a child process, reporting progress; the CLI, monitor and demo call this.

summary = crawl_site(config, config.site("north-yorkshire"), on_progress=print)
"""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from alerts.outages import note_outcome
from alerts.private import private_dir
from alerts.store import Store
from crawler.config import Config, Site
from crawler.quarantine import Quarantine
from crawler.summary import CrawlSummary

LOCAL = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}
"""Settings for a site served from this machine (demo, tests): no politeness delays."""

STOP_GRACE_S = 20.0
"""How long a cancelled crawl may take to close its spider before it is killed."""


@dataclass(frozen=True)
class CrawlJob:
    """Everything the child needs; crosses the process boundary by pickling.

    It lives here, not in the child module, so starting a crawl never imports Scrapy.
    """

    config: Config
    site: Site
    url: str | None = None
    force: bool = False
    settings: dict[str, Any] = field(default_factory=dict)
    """Overrides of Scrapy settings (benchmarks turn politeness off; tests shrink limits)."""


class CrawlBusy(Exception):
    """Another crawl of the same site is running (in this or another process)."""


class CrawlConfigError(Exception):
    """The site's configuration cannot be crawled (a start URL without http:// or https://)."""


def crawl_site(
    config: Config,
    site: Site,
    *,
    url: str | None = None,
    force: bool = False,
    settings: dict[str, Any] | None = None,
    on_progress: Callable[[CrawlSummary], None] | None = None,
    cancel: threading.Event | None = None,
) -> CrawlSummary:
    """Crawl every source of `site` (site pages, disclosure log, WhatDoTheyKnow) and scan changes.

    `url` crawls only that page and the section below it, now. `force` fetches and rescans
    unchanged content too. Raises CrawlBusy when the site is already being crawled (the
    lock is held by the crawl's child process, so it outlives a killed parent) and
    CrawlConfigError for a start URL that cannot be fetched.

    A full crawl's outcome is recorded per site; a site unreachable two nights in a row
    queues a "site unreachable" email to its recipients.
    """
    check_urls(site, url)
    for folder in (
        config.data_dir,
        config.outbox_dir,
        config.quarantine_dir,
        config.data_dir / "logs",
    ):
        private_dir(folder)
    with _site_lock(private_dir(config.data_dir / "locks") / f"{site.name}.lock") as lock:
        Quarantine(config.quarantine_dir, config.quarantine_days).purge()
        job = CrawlJob(config=config, site=site, url=url, force=force, settings=settings or {})
        summary = _run_child(job, lock, on_progress, cancel or threading.Event())
        if url is None and (summary.finished or summary.unreachable):
            store = Store(config.database)
            if summary.finished:
                store.record_crawl(site.name)
            note_outcome(store, site, reached=not summary.unreachable, failure=summary.failure)
        return summary


def check_urls(site: Site, url: str | None) -> None:
    """Every URL the crawl starts from has a scheme and a host, or the crawl does not run."""
    for start in [url] if url else [*site.start_urls, site.disclosure_log or ""]:
        if not start:
            continue
        parts = urlsplit(start)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CrawlConfigError(
                f"site {site.name!r}: start URL {start!r} needs http:// or https:// and a host"
            )


def _run_child(
    job: CrawlJob,
    lock: int,
    on_progress: Callable[[CrawlSummary], None] | None,
    cancel: threading.Event,
) -> CrawlSummary:
    read_end, write_end = os.pipe()
    child = subprocess.Popen(
        [sys.executable, "-m", "crawler.child", str(write_end), str(lock), str(os.getpid())],
        stdin=subprocess.PIPE,
        pass_fds=(write_end, lock),
    )
    os.close(write_end)
    assert child.stdin is not None
    with child.stdin:
        child.stdin.write(pickle.dumps(job))
    try:
        final = _follow(child, read_end, on_progress, cancel)
    except BaseException:  # Ctrl-C or a failing callback: do not leave the crawl behind
        child.terminate()
        try:
            child.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            child.kill()
        raise
    code = child.wait()
    if final is None:
        return CrawlSummary(
            site=job.site.name, failure=f"crawl process ended with exit code {code}"
        )
    if on_progress is not None:
        on_progress(final)
    return final if code == 0 else replace(final, finished=False)


def _follow(
    child: subprocess.Popen[bytes],
    read_end: int,
    on_progress: Callable[[CrawlSummary], None] | None,
    cancel: threading.Event,
) -> CrawlSummary | None:
    """Relay the child's counts until it closes the pipe; stop it when `cancel` is set."""
    final: CrawlSummary | None = None
    stop_sent: float | None = None
    with os.fdopen(read_end, "rb") as reader, selectors.DefaultSelector() as selector:
        selector.register(reader, selectors.EVENT_READ)
        buffer = b""
        while True:
            if selector.select(timeout=0.25):
                chunk = os.read(read_end, 65536)
                if not chunk:
                    return final  # the child closed its end: it has finished or died
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                for line in lines:
                    kind, counts = _decode(line)
                    if kind == "done":
                        final = counts
                    elif on_progress is not None:
                        on_progress(counts)
            if cancel.is_set() and stop_sent is None:
                child.terminate()  # SIGTERM: the child closes its spider cleanly
                stop_sent = time.monotonic()
            if stop_sent is not None and time.monotonic() - stop_sent > STOP_GRACE_S:
                child.kill()


def _decode(line: bytes) -> tuple[str, CrawlSummary]:
    message = json.loads(line)
    return str(message["kind"]), CrawlSummary(**message["counts"])


@contextmanager
def _site_lock(path: Path) -> Iterator[int]:
    """Never two crawls of one site at once, even from separate `leaksweep` processes.

    Yields the locked descriptor; the child inherits it, and an flock lasts while any
    process holds the descriptor, so the lock lives exactly as long as the crawl does.
    """
    handle = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise CrawlBusy(
                f"site {path.stem!r} is already being crawled by another leaksweep process; "
                "not starting a second crawl"
            ) from error
        yield handle
    finally:
        os.close(handle)
