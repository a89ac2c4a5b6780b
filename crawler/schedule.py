"""Nightly crawls: one cron job per site, never two runs of a site at once, missed runs caught up.

Last-run times live in the Store (sites.last_crawl), so a monitor restarted after a missed
night runs the missed crawl at start when it is still within the grace period.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from alerts.store import Store
from crawler.config import Config, Site
from crawler.run import CrawlBusy, CrawlConfigError, crawl_site
from crawler.summary import CrawlSummary

log = logging.getLogger(__name__)

MISFIRE_GRACE = timedelta(hours=6)
"""A crawl missed by less than this (machine asleep, monitor restarted) still runs."""

Runner = Callable[[Site, threading.Event], CrawlSummary]
Deliver = Callable[[], None]


def missed(schedule: str, last: datetime | None, now: datetime, grace: timedelta) -> bool:
    """Whether a run due since `last` did not happen and is recent enough to run now."""
    if last is None:
        return False  # never crawled: the first crawl is an explicit `leaksweep crawl`
    trigger = CronTrigger.from_crontab(schedule, timezone=now.tzinfo or UTC)
    due = trigger.get_next_fire_time(None, last + timedelta(seconds=1))
    return due is not None and due <= now and now - due <= grace


class Monitor:
    """Runs every site's crawl on its cron schedule until SIGTERM or SIGINT."""

    def __init__(
        self,
        config: Config,
        runner: Runner | None = None,
        grace: timedelta = MISFIRE_GRACE,
        deliver: Deliver | None = None,
        digest: Deliver | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.config = config
        self.zone = ZoneInfo(config.timezone)
        self.clock = clock or (lambda: datetime.now(self.zone))
        self._last_minute: dict[str, datetime] = {}
        self.runner = runner or self._crawl
        self.deliver = deliver or self._check_and_send
        self.digest = digest or self._send_digest
        self.grace = grace
        self.stopping = threading.Event()
        self.results: list[CrawlSummary] = []
        self.scheduler = BlockingScheduler(
            executors={"default": ThreadPoolExecutor(max(1, len(config.sites)))},
        )

    def plan(self, now: datetime | None = None) -> None:
        """One job per site; a site whose last run was missed is also due straight away."""
        # A named zone, not a fixed offset, so 02:00 stays 02:00 across BST changes.
        now = now or self.clock()
        store = Store(self.config.database)
        for site in self.config.sites:
            trigger = CronTrigger.from_crontab(site.schedule, timezone=now.tzinfo)
            late = missed(site.schedule, store.last_crawl(site.name), now, self.grace)
            extra = {"next_run_time": now} if late else {}
            self.scheduler.add_job(
                self.run_scheduled,
                trigger,
                args=[site],
                id=site.name,
                name=site.name,
                max_instances=1,  # never two crawls of one site at once
                coalesce=True,  # several missed runs make one
                misfire_grace_time=int(self.grace.total_seconds()),
                **extra,
            )
            if late:
                log.warning("site %s missed its last scheduled crawl: running it now", site.name)
        self.scheduler.add_job(
            self._quietly(self.digest, "digest"),
            CronTrigger.from_crontab(self.config.alerts.digest_schedule, timezone=now.tzinfo),
            id="digest",
            name="nightly digest of medium and low alerts",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=int(self.grace.total_seconds()),
        )

    def run_scheduled(self, site: Site) -> CrawlSummary | None:
        """A run fired by the schedule. A wall-clock minute that happens twice (01:30 on the
        last Sunday of October) fires twice; the second firing is skipped, so that night
        still gets one crawl."""
        minute = self.clock().replace(tzinfo=None, second=0, microsecond=0)
        if self._last_minute.get(site.name) == minute:
            log.info("site %s: %s already crawled before the clock went back", site.name, minute)
            return None
        self._last_minute[site.name] = minute
        return self.run_site(site)

    def next_runs(self) -> list[tuple[str, datetime | None]]:
        """Each planned job's name and next run time, in the configured zone."""
        now = self.clock()
        return [
            (job.name, job.trigger.get_next_fire_time(None, now))
            for job in self.scheduler.get_jobs()
        ]

    def run_site(self, site: Site) -> CrawlSummary | None:
        if self.stopping.is_set():
            return None
        try:
            summary = self.runner(site, self.stopping)
        except CrawlBusy as error:
            log.warning("%s", error)
            return None
        except CrawlConfigError as error:
            log.error("%s", error)
            return None
        except Exception:  # the next night must still happen
            log.exception("crawl of %s failed", site.name)
            return None
        self.results.append(summary)
        log.info(
            "crawl of %s: %d scanned, %d unchanged, %d gone, %d errors%s",
            site.name,
            summary.scanned,
            summary.unchanged + summary.not_modified,
            summary.gone,
            summary.errors,
            f" (failed: {summary.failure})" if summary.failure else "",
        )
        # New alerts go out, taken-down files are confirmed, late ones escalate: every night.
        self._quietly(self.deliver, "alert delivery")()
        return summary

    @staticmethod
    def _quietly(step: Deliver, name: str) -> Deliver:
        """A step whose failure is logged, so one bad night never stops the monitor."""

        def run() -> None:
            try:
                step()
            except Exception:
                log.exception("%s failed", name)

        return run

    def _check_and_send(self) -> None:
        from crawler.alerting import check_and_send

        verified, delivery = check_and_send(Store(self.config.database), self.config)
        log.info(
            "alerts: %s; %d sent, %d still queued", verified, delivery.sent, delivery.remaining
        )

    def _send_digest(self) -> None:
        from alerts.digest import queue_digests
        from crawler.alerting import send_outbox

        store = Store(self.config.database)
        queued = queue_digests(store)
        delivery = send_outbox(store, self.config)
        log.info("digest: %d queued, %d sent", len(queued), delivery.sent)

    def run_once(self) -> list[CrawlSummary]:
        """Every site once, one after another (for cron)."""
        done = [self.run_site(site) for site in self.config.sites]
        return [summary for summary in done if summary is not None]

    def run_forever(self, on_ready: Callable[[], None] | None = None) -> None:
        """Plan, then block running jobs until SIGTERM or SIGINT; `on_ready` runs just before."""
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.plan()
        if on_ready is not None:
            on_ready()
        if not self.stopping.is_set():
            self.scheduler.start()  # blocks until shutdown

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        log.warning("signal %d: stopping crawls and the scheduler", signum)
        self.stopping.set()  # running crawls terminate their child processes
        threading.Thread(target=self._shut_down, daemon=True).start()

    def _shut_down(self) -> None:
        # A signal can land between planning and start(): wait for the scheduler to run, for
        # as long as starting it takes on a busy machine. Had run_forever seen the flag first
        # it never starts it, and this daemon thread ends with the process.
        while not self.scheduler.running:
            time.sleep(0.05)
        with contextlib.suppress(SchedulerNotRunningError):
            self.scheduler.shutdown(wait=True)

    def _crawl(self, site: Site, cancel: threading.Event) -> CrawlSummary:
        return crawl_site(self.config, site, cancel=cancel)
