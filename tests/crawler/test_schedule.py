"""The monitor: cron jobs per site, missed runs, one crawl per site at a time, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import click
import pytest
from apscheduler.triggers.cron import CronTrigger

from alerts.intake import record_verdict
from alerts.store import Store
from crawler.cli.crawl import choose_site, exit_status
from crawler.config import Config, Site
from crawler.run import CrawlBusy, crawl_site
from crawler.schedule import Monitor, missed
from crawler.summary import CrawlSummary
from crawler.testsite import LocalSite, Resource
from detectors.model import Finding, Severity, Status, Vector, Verdict

NIGHTLY = "0 2 * * *"
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
HOURS = timedelta(hours=6)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (None, False),  # never crawled: not a missed run
        (datetime(2026, 3, 10, 2, 5, tzinfo=UTC), False),  # ran last night
        (
            datetime(2026, 3, 9, 2, 5, tzinfo=UTC),
            True,
        ),  # last night's 02:00 run missed
        (datetime(2026, 3, 1, 2, 5, tzinfo=UTC), False),  # missed long ago: wait for tonight
    ],
)
def test_missed(last: datetime | None, expected: bool) -> None:
    grace = timedelta(hours=8)
    assert missed(NIGHTLY, last, NOW, grace) is expected


def test_missed_respects_the_grace_period() -> None:
    last = datetime(2026, 3, 9, 2, 5, tzinfo=UTC)
    assert missed(NIGHTLY, last, NOW, timedelta(hours=8))
    assert not missed(NIGHTLY, last, NOW, timedelta(hours=6))  # 02:00 is 7 hours ago


def _config(tmp_path: Path, *names: str) -> Config:
    sites = tuple(
        Site(name=n, start_urls=(f"http://{n}.example/",), schedule=NIGHTLY) for n in names
    )
    return Config(data_dir=tmp_path, sites=sites)


def test_plan_makes_one_exclusive_coalescing_job_per_site(tmp_path: Path) -> None:
    config = _config(tmp_path, "north", "south")
    store = Store(config.database)
    store.record_crawl("north", (NOW - timedelta(days=1)).isoformat())
    store.record_crawl("south", NOW.replace(hour=2, minute=30).isoformat())
    monitor = Monitor(config, runner=lambda site, cancel: CrawlSummary(site.name), grace=HOURS * 2)
    monitor.plan(now=NOW)
    jobs = {job.id: job for job in monitor.scheduler.get_jobs()}
    assert set(jobs) == {"north", "south", "digest"}
    assert (
        str(jobs.pop("digest").trigger)
        == "cron[month='*', day='*', day_of_week='*', hour='7', minute='0']"
    )
    for job in jobs.values():
        assert (job.max_instances, job.coalesce) == (1, True)
        assert job.misfire_grace_time == int((HOURS * 2).total_seconds())
        assert str(job.trigger).startswith("cron[")
    assert jobs["north"].next_run_time == NOW  # missed last night: due straight away
    assert getattr(jobs["south"], "next_run_time", None) is None  # ran last night: no catch-up


def test_run_once_keeps_going_after_a_busy_or_failing_site(tmp_path: Path) -> None:
    config = _config(tmp_path, "busy", "broken", "fine")

    def runner(site: Site, cancel: threading.Event) -> CrawlSummary:
        if site.name == "busy":
            raise CrawlBusy("site 'busy' is already being crawled")
        if site.name == "broken":
            raise RuntimeError("child could not start")
        return CrawlSummary(site.name, scanned=3, finished=True)

    delivered: list[int] = []
    results = Monitor(config, runner=runner, deliver=lambda: delivered.append(1)).run_once()
    assert [(r.site, r.scanned) for r in results] == [("fine", 3)]
    assert delivered == [1]  # alerts go out after every finished crawl


def test_a_failing_delivery_does_not_stop_the_monitor(tmp_path: Path) -> None:
    config = _config(tmp_path, "north", "south")

    def deliver() -> None:
        raise OSError("disk full")

    monitor = Monitor(config, runner=lambda site, cancel: CrawlSummary(site.name), deliver=deliver)
    assert [r.site for r in monitor.run_once()] == ["north", "south"]


def test_crawls_are_followed_by_alert_emails(tmp_path: Path) -> None:
    config = _config(tmp_path, "north")
    store = Store(config.database)
    url = "http://127.0.0.1:9/SysSiteAssets/reply.xlsx"  # port 9 refuses: still online unknown
    document = store.record_fetch(url, site="north", sha256="cd" * 32)
    verdict = Verdict(
        source="reply.xlsx",
        sha256="cd" * 32,
        format="xlsx",
        status=Status.SCANNED,
        severity=Severity.CRITICAL,
        people=40,
        kinds=("staff_list",),
        findings=(Finding("PERSON", Vector.HIDDEN_SHEET, "sheet 'Raw'", 40, 0.9, "J*** S****"),),
    )
    record_verdict(store, document, verdict, site=config.sites[0])
    Monitor(config, runner=lambda site, cancel: CrawlSummary(site.name, finished=True)).run_once()
    emails = list(config.outbox_dir.glob("*.eml"))
    assert len(emails) == 1
    assert b"reply.xlsx" in emails[0].read_bytes()


def test_monitor_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    config = tmp_path / "leaksweep.toml"
    config.write_text(
        f'data_dir = "{tmp_path}"\n[[sites]]\nname = "north"\n'
        'start_urls = ["http://127.0.0.1:9/"]\nschedule = "0 2 * * *"\n'
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "crawler", "--config", str(config), "monitor"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stderr is not None
    assert "monitoring 1 site" in child.stderr.readline()
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 0


@pytest.mark.parametrize(
    ("summary", "fail_on", "code"),
    [
        (CrawlSummary("s", finished=True), Severity.MEDIUM, 0),
        (CrawlSummary("s", finished=True, severities={"low": 4}), Severity.MEDIUM, 0),
        (CrawlSummary("s", finished=True, severities={"high": 1}), Severity.MEDIUM, 1),
        (CrawlSummary("s", finished=True, severities={"high": 1}), Severity.CRITICAL, 0),
        (CrawlSummary("s", finished=False, failure="child died"), Severity.MEDIUM, 2),
        (CrawlSummary("s", finished=False, severities={"critical": 1}), Severity.MEDIUM, 1),
    ],
)
def test_exit_status(summary: CrawlSummary, fail_on: Severity, code: int) -> None:
    assert exit_status(summary, fail_on) == code


def test_choose_site(tmp_path: Path) -> None:
    config = _config(tmp_path, "north", "south")
    assert choose_site(config, "south", None).name == "south"
    assert choose_site(config, None, "http://www.north.example/foi/").name == "north"
    with pytest.raises(click.UsageError):
        choose_site(config, None, None)
    assert choose_site(_config(tmp_path, "only"), None, None).name == "only"


def test_cancelled_crawl_stops_its_child_cleanly(tmp_path: Path) -> None:
    with LocalSite() as site:
        site.put("/robots.txt", "User-agent: *\n", "text/plain")
        site.route("/n/", lambda path: _endless(path))
        config = Config(
            data_dir=tmp_path,
            sites=(
                Site(
                    name="endless",
                    start_urls=(site.url("/n/1"),),
                    max_depth=10_000,
                    allow_private=True,
                ),
            ),
        )
        cancel = threading.Event()
        summary = crawl_site(
            config,
            config.sites[0],
            settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0.1},
            on_progress=lambda counts: cancel.set(),
            cancel=cancel,
        )
    assert not summary.finished
    assert summary.failure == f"stopped by signal {signal.SIGTERM}"
    assert summary.pages < 1_000  # stopped long before the endless site ran out
    assert Store(config.database).last_crawl("endless") is None  # not a completed night


def _endless(path: str) -> Resource:
    number = int(path.rsplit("/", 1)[-1] or 0)
    return Resource(f'<html><body><a href="/n/{number + 1}">next</a></body></html>'.encode())


LONDON = ZoneInfo("Europe/London")


def _fires(schedule: str, start: datetime, days: int) -> list[datetime]:
    """The schedule's fire times over `days` days, as the scheduler computes them."""
    trigger = CronTrigger.from_crontab(schedule, timezone=LONDON)
    fires: list[datetime] = []
    previous, now = None, start
    while True:
        fire = trigger.get_next_fire_time(previous, now)
        if fire is None or fire > start + timedelta(days=days):
            return fires
        fires.append(fire)
        # Step past it in absolute time: aware arithmetic in one zone would step in wall time.
        previous, now = fire, (fire.astimezone(UTC) + timedelta(seconds=1)).astimezone(LONDON)


@pytest.mark.parametrize(
    ("schedule", "start"),
    [
        ("30 1 * * *", datetime(2026, 10, 24, 12, tzinfo=LONDON)),  # 01:30 happens twice
        ("0 2 * * *", datetime(2026, 10, 24, 12, tzinfo=LONDON)),
        ("30 1 * * *", datetime(2026, 3, 28, 12, tzinfo=LONDON)),  # 01:30 never happens
        ("0 2 * * *", datetime(2026, 3, 28, 12, tzinfo=LONDON)),
    ],
)
def test_a_night_across_the_clock_change_gets_one_crawl(
    tmp_path: Path, schedule: str, start: datetime
) -> None:
    site = Site(name="a", start_urls=("http://a.example/",), schedule=schedule)
    now = [start]
    crawled: list[datetime] = []

    def runner(site: Site, cancel: threading.Event) -> CrawlSummary:
        crawled.append(now[0])
        return CrawlSummary(site=site.name)

    watcher = Monitor(
        Config(data_dir=tmp_path, sites=(site,)),
        runner=runner,
        deliver=lambda: None,
        clock=lambda: now[0],
    )
    for fire in _fires(schedule, start, days=3):
        now[0] = fire
        watcher.run_scheduled(site)
    nights = [moment.astimezone(LONDON).date() for moment in crawled]
    assert nights == sorted(set(nights)) and len(nights) == 3


def test_schedules_are_read_in_the_configured_zone_not_the_hosts(tmp_path: Path) -> None:
    config = Config(
        data_dir=tmp_path,
        timezone="Europe/London",
        sites=(Site(name="a", start_urls=("http://a.example/",), schedule=NIGHTLY),),
    )
    summer = datetime(2026, 7, 1, 12, tzinfo=UTC)
    watcher = Monitor(config, clock=lambda: summer.astimezone(LONDON))
    watcher.plan()
    runs = dict(watcher.next_runs())
    # 02:00 in London in summer is 01:00 UTC.
    assert runs["a"] == datetime(2026, 7, 2, 1, 0, tzinfo=UTC)
    assert str(runs["a"].tzinfo) == "Europe/London"
