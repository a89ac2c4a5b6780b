"""The crawl of one site in a child process (`python -m crawler.child FD LOCK PARENT`).

Scrapy's reactor cannot restart within a process, so every crawl gets a fresh one; the job
comes pickled on stdin and counts go back to the parent as JSON lines on descriptor FD.
The child holds the site's lock (descriptor LOCK, inherited) for as long as it lives, and
dies with its parent (PARENT's pid): a crawl is never left running with nobody to report
to, and a second crawl of the site is refused while this one lives.
"""

from __future__ import annotations

import asyncio
import ctypes
import fcntl
import json
import logging
import os
import pickle
import signal
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from scrapy.crawler import AsyncCrawlerProcess, Crawler
from scrapy.settings import Settings
from scrapy.utils.defer import deferred_from_coro

from alerts.private import private_dir
from crawler.http import user_agent
from crawler.run import STOP_GRACE_S, CrawlJob
from crawler.spiders._base import LeakSpider
from crawler.spiders.disclosure_log import DisclosureLogSpider
from crawler.spiders.site import SiteSpider
from crawler.spiders.whatdotheyknow import WhatDoTheyKnowSpider
from crawler.summary import CrawlSummary, summarize, unreachable_because

PROGRESS_EVERY_S = 0.5
WATCH_PARENT_S = 0.5
PR_SET_PDEATHSIG = 1


def plan(job: CrawlJob) -> list[type[LeakSpider]]:
    """The spiders to run, in order: the specialised ones first, so the site spider reuses them."""
    if job.url:
        return [SiteSpider]
    spiders: list[type[LeakSpider]] = []
    if job.site.disclosure_log:
        spiders.append(DisclosureLogSpider)
    if job.site.whatdotheyknow:
        spiders.append(WhatDoTheyKnowSpider)
    spiders.append(SiteSpider)
    return spiders


def crawl_settings(job: CrawlJob) -> Settings:
    config, site = job.config, job.site
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    log_dir = private_dir(config.data_dir / "logs")
    log_file = log_dir / f"crawl-{site.name}.log"
    os.close(os.open(log_file, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    os.chmod(log_file, 0o600)
    settings.setdict(
        {
            "USER_AGENT": user_agent(config.contact),
            "LEAKSWEEP_DATABASE": str(config.database),
            "LEAKSWEEP_QUARANTINE_DIR": str(config.quarantine_dir),
            "LEAKSWEEP_QUARANTINE_DAYS": config.quarantine_days,
            "LEAKSWEEP_SITE": site.name,
            "LEAKSWEEP_ALLOW_LIST": list(site.allow_list),
            "LEAKSWEEP_RECIPIENTS": list(site.recipients),
            "LEAKSWEEP_FORCE": job.force,
            "LEAKSWEEP_RUN_ID": uuid.uuid4().hex,
            "LEAKSWEEP_JAVASCRIPT": "always" if site.javascript else "auto",
            "DEPTH_LIMIT": 3 if job.url else site.max_depth,
            "LOG_FILE": str(log_file),
        },
        priority="project",
    )
    if Path(settings["CHROMIUM"]).is_file():
        settings.set("DOWNLOAD_HANDLERS", settings.getdict("PLAYWRIGHT_DOWNLOAD_HANDLERS"))
        proxy = browser_proxy(urllib.request.getproxies())
        if proxy:
            # Scrapy's own requests take the proxy variables by themselves; Chromium must be told.
            launch = {**settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS"), "proxy": proxy}
            settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", launch, priority="project")
    settings.setdict(job.settings, priority="cmdline")
    return settings


def browser_proxy(proxies: dict[str, str]) -> dict[str, str] | None:
    """Playwright's proxy option from HTTPS_PROXY / HTTP_PROXY and NO_PROXY, or None."""
    server = proxies.get("https") or proxies.get("http")
    if not server:
        return None
    proxy = {"server": server}
    if proxies.get("no"):
        proxy["bypass"] = proxies["no"]
    return proxy


Emit = Callable[[str, CrawlSummary], None]
"""Receives ("progress" | "done", counts so far)."""


def main(job: CrawlJob, emit: Emit) -> None:
    """Child process entry: run the site's spiders one after another, reporting counts."""
    settings = crawl_settings(job)
    process = AsyncCrawlerProcess(settings)
    from twisted.internet import reactor, task

    crawlers: list[Crawler] = []
    failure: list[str] = []
    stopping: list[int] = []

    def report(kind: str) -> None:
        stats = [c.stats.get_stats() for c in crawlers if c.stats]
        counts = summarize(job.site.name, stats)
        if kind == "done":
            ended = not failure and not stopping
            counts = replace(counts, finished=ended, failure="; ".join(failure) or None)
            cause = None if stopping else unreachable_because(stats)
            if cause is not None:
                where = ", ".join(job.site.start_urls) if job.url is None else job.url
                counts = replace(
                    counts,
                    finished=False,
                    unreachable=True,
                    failure="; ".join([f"site unreachable: {cause} ({where})", *failure]),
                )
            if stopping:
                counts = replace(counts, failure=f"stopped by signal {stopping[0]}")
        emit(kind, counts)

    async def sequence() -> None:
        for spider in plan(job):
            if stopping:
                break
            crawler = process.create_crawler(spider)
            crawlers.append(crawler)
            try:
                await process.crawl(crawler, site=job.site, url=job.url)
            except Exception as error:  # one spider failing still lets the others run
                logging.getLogger(__name__).exception("spider %s failed", spider.name)
                failure.append(f"{spider.name}: {type(error).__name__}: {error}")

    halted: set[int] = set()

    def halt() -> None:
        # A crawler still starting up ignores a stop request, so ask again once its engine runs.
        for crawler in crawlers:
            engine = crawler.engine
            if stopping and id(crawler) not in halted and engine is not None and engine.running:
                halted.add(id(crawler))
                deferred_from_coro(engine.stop_async())

    def tick() -> None:
        halt()
        report("progress")

    ticker = task.LoopingCall(tick)

    def begin() -> None:
        ticker.start(PROGRESS_EVERY_S, now=False)
        deferred_from_coro(asyncio.ensure_future(sequence())).addBoth(lambda _: finish())

    def finish() -> None:
        if ticker.running:
            ticker.stop()
        report("done")
        reactor.stop()  # type: ignore[misc]

    def shut_down(signum: int, _frame: object) -> None:
        # Stop after the current requests; the remaining spiders are not started.
        stopping.append(signum)
        reactor.callFromThread(halt)

    reactor.callWhenRunning(begin)
    reactor.callWhenRunning(signal.signal, signal.SIGTERM, shut_down)
    reactor.callWhenRunning(signal.signal, signal.SIGINT, shut_down)
    process.start(stop_after_crawl=False, install_signal_handlers=False)


def _emitter(fd: int) -> Emit:
    out = os.fdopen(fd, "w", buffering=1, encoding="utf-8")
    broken: list[bool] = []

    def emit(kind: str, counts: CrawlSummary) -> None:
        if broken:
            return
        try:
            out.write(json.dumps({"kind": kind, "counts": counts.as_dict()}) + "\n")
        except OSError:  # broken pipe: the parent is gone, nobody will read the results
            broken.append(True)
            _orphaned("the parent stopped reading")

    return emit


def _orphaned(why: str) -> None:
    """Stop the crawl cleanly (SIGTERM to ourselves), and for good if that takes too long."""
    logging.getLogger(__name__).warning("%s: stopping the crawl", why)
    os.kill(os.getpid(), signal.SIGTERM)
    deadline = threading.Timer(STOP_GRACE_S, os._exit, args=(3,))
    deadline.daemon = True
    deadline.start()


def die_with_parent(parent: int) -> None:
    """SIGTERM when the parent dies (Linux prctl), and a watchdog where that is unavailable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watchdog below still notices
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(3)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_PARENT_S)
        _orphaned("the parent process died")

    threading.Thread(target=watch, name="leaksweep-parent-watch", daemon=True).start()


def hold_lock(fd: int) -> None:
    """The site lock the parent took, inherited: held (and checked) here until we exit."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        sys.stderr.write("leaksweep: the site's crawl lock is held by another crawl\n")
        os._exit(2)


if __name__ == "__main__":
    die_with_parent(int(sys.argv[3]))
    hold_lock(int(sys.argv[2]))
    main(pickle.load(sys.stdin.buffer), _emitter(int(sys.argv[1])))
