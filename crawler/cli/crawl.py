"""`leaksweep crawl`: crawl one site now (or one page and its section) and scan what changed."""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.markup import escape

from crawler.cli._context import AppContext
from crawler.cli._options import fail_on_option
from crawler.cli._progress import live_progress, print_summary
from crawler.config import Config, Site
from crawler.run import CrawlBusy, CrawlConfigError, crawl_site
from crawler.scope import Scope
from crawler.summary import CrawlSummary
from detectors.model import Severity


@click.command()
@click.option("--site", "site_name", metavar="NAME", help="Site from the configuration.")
@click.option("--url", metavar="URL", help="Crawl only this page and the section below it, now.")
@click.option("--force", is_flag=True, help="Fetch and rescan even content that has not changed.")
@fail_on_option("Exit 1 when a document seen in this crawl is at or above this severity.")
@click.option(
    "--scan-workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Documents scanned at once (each extra one is a process); for a first, big crawl.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Also fetch from this host, whatever its address (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
@click.pass_obj
def crawl(
    app: AppContext,
    site_name: str | None,
    url: str | None,
    force: bool,
    fail_on: str,
    scan_workers: int,
    allow_hosts: tuple[str, ...],
    as_json: bool,
) -> None:
    """Crawl a site now: its pages, sitemaps, FOI disclosure log and WhatDoTheyKnow replies.

    Only new or changed pages and attachments are scanned (conditional requests, content
    hashes). Only the site's hosts (and --allow-host ones) are fetched, by the crawler and
    by the browser, and none on an internal address unless the site sets allow_private.
    The crawl runs in a child process; progress is shown while it runs. Exit status: 0
    nothing at or above --fail-on, 1 something at or above it, 2 the crawl could not run
    or failed: the site unreachable (refused, DNS, TLS, robots.txt forbids everything, no
    page fetched), a start URL without http://, the site already being crawled, or --url
    (or a start URL) outside the scope.
    """
    site = choose_site(app.config, site_name, url)
    console = Console(stderr=True)
    scope = Scope.of_sites([site], allow_hosts)
    for start in [url] if url else site.start_urls:
        reason = scope.refusal(start)
        if reason:
            what = "--url" if url else f"site {site.name!r}"
            console.print(f"[bold red]not crawling {what}: {escape(reason)}[/]", highlight=False)
            sys.exit(2)
    try:
        with live_progress(console) as on_progress:
            summary = crawl_site(
                app.config,
                site,
                url=url,
                force=force,
                settings={
                    "LEAKSWEEP_SCAN_WORKERS": scan_workers,
                    "LEAKSWEEP_ALLOW_HOSTS": list(allow_hosts),
                },
                on_progress=on_progress,
            )
    except (CrawlBusy, CrawlConfigError) as error:
        console.print(f"[bold red]{error}[/]", highlight=False, soft_wrap=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), indent=1))
        if summary.failure:
            console.print(f"[bold red]crawl failed:[/] {summary.failure}", highlight=False)
    else:
        print_summary(Console(), summary)
    sys.exit(exit_status(summary, Severity(fail_on)))


def exit_status(summary: CrawlSummary, fail_on: Severity) -> int:
    if summary.at_or_above(fail_on):
        return 1
    return 0 if summary.finished else 2


def choose_site(config: Config, name: str | None, url: str | None) -> Site:
    """The named site; else the one whose domain the URL is on; else the only site configured."""
    if name:
        try:
            return config.site(name)
        except Exception as error:
            raise click.UsageError(str(error)) from error
    if url:
        host = urlsplit(url).hostname or ""
        for site in config.sites:
            hosts = set(site.allowed_domains) | {urlsplit(u).hostname for u in site.start_urls}
            if any(host == h or host.endswith(f".{h}") for h in hosts if h):
                return site
    if len(config.sites) == 1:
        return config.sites[0]
    if not config.sites:
        raise click.UsageError("no sites configured: add [[sites]] to the configuration file")
    raise click.UsageError("several sites configured: choose one with --site NAME")
