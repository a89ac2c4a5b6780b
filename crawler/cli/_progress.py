"""Terminal display of a crawl: live counts while it runs, a table when it ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.live import Live
from rich.table import Table

from crawler.summary import CrawlSummary
from detectors.model import Severity

_LEVELS = [s for s in Severity if s is not Severity.NONE]


def describe_progress(counts: CrawlSummary) -> str:
    return (
        f"[bold]{counts.site}[/]: {counts.requests:,} requests · {counts.pages:,} pages · "
        f"{counts.documents:,} documents · {counts.not_modified:,} unchanged (304) · "
        f"{counts.scanned:,} scanned · {counts.errors:,} errors"
    )


@contextmanager
def live_progress(console: Console) -> Iterator[Callable[[CrawlSummary], None]]:
    """A callback for crawl_site's on_progress that redraws one status line (terminals only)."""
    if not console.is_terminal:
        yield lambda counts: None
        return
    with Live("starting…", console=console, transient=True, refresh_per_second=4) as live:
        yield lambda counts: live.update(describe_progress(counts))


def print_summary(console: Console, summary: CrawlSummary) -> None:
    table = Table(title=f"leaksweep crawl: {summary.site}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("requests", summary.requests),
        ("pages", summary.pages),
        ("documents", summary.documents),
        ("conditional requests", summary.conditional),
        ("not modified (304)", summary.not_modified),
        ("scanned", summary.scanned),
        ("rescans skipped (same content)", summary.unchanged),
        ("gone (404/410)", summary.gone),
        ("too large", summary.too_large),
        ("broken links", summary.broken_links),
        ("trap links not followed", summary.traps),
        ("rendered in a browser", summary.rendered),
        ("refused: outside the site or internal", summary.out_of_scope),
        ("errors", summary.errors),
    ]
    for name, count in rows:
        table.add_row(name, f"{count:,}")
    for level in reversed(_LEVELS):
        count = summary.severities.get(str(level), 0)
        if count:
            table.add_row(f"[bold]{level}[/] documents", f"{count:,}")
    console.print(table)
    if summary.failure:
        console.print(f"[bold red]crawl failed:[/] {summary.failure}")
