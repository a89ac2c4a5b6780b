"""`leaksweep monitor`: crawl every configured site on its schedule (or once, for cron)."""

from __future__ import annotations

import sys

import click
from rich.console import Console

from crawler.cli._context import AppContext
from crawler.cli._options import fail_on_option
from crawler.cli._progress import print_summary
from crawler.cli.crawl import exit_status
from crawler.schedule import Monitor
from detectors.model import Severity


@click.command()
@click.option("--once", is_flag=True, help="Crawl every site once now, then exit (for cron).")
@fail_on_option("With --once: exit 1 when a document seen is at or above this severity.")
@click.pass_obj
def monitor(app: AppContext, once: bool, fail_on: str) -> None:
    """Watch every configured site: a crawl per site on its cron `schedule` (default nightly).

    Never runs two crawls of one site at once; a run missed while the monitor was down is
    made up at start when it is less than six hours late. Each crawl runs in its own child
    process. After each crawl new alerts are sent, takedowns confirmed and leaks still
    online escalated; medium and low alerts go in a digest at `alerts.digest_schedule`.
    SIGTERM or Ctrl-C stops cleanly. With --once the exit status is that of `leaksweep
    crawl`, the worst over all sites: 2 when a site could not be reached (its web team is
    emailed from the second such night in a row).
    """
    config = app.config
    if not config.sites:
        raise click.UsageError("no sites configured: add [[sites]] to the configuration file")
    watcher = Monitor(config)
    if not once:
        watcher.run_forever(on_ready=lambda: _announce(watcher, config.timezone))
        return
    summaries = watcher.run_once()
    console = Console()
    for summary in summaries:
        print_summary(console, summary)
    statuses = [exit_status(s, Severity(fail_on)) for s in summaries]
    if len(summaries) < len(config.sites):
        statuses.append(2)
    sys.exit(1 if 1 in statuses else max(statuses, default=0))


def _announce(watcher: Monitor, zone: str) -> None:
    click.echo(
        f"monitoring {len(watcher.config.sites)} site(s), schedules read in {zone}; "
        "stop with SIGTERM or Ctrl-C",
        err=True,
    )
    for name, when in watcher.next_runs():
        shown = when.strftime("%Y-%m-%d %H:%M %Z") if when else "paused"
        click.echo(f"  {name}: next run {shown}", err=True)
