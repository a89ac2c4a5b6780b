"""Crawl speed: a local site of 5,000 pages and 1,000 attachments, crawled twice.

The first run fetches and scans everything with politeness off (no delay, no AutoThrottle);
the second must send conditional requests, get 304s and rescan nothing. A third run after
changing 10 attachments must rescan exactly those.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from crawler.config import Config, Site
from crawler.run import crawl_site
from crawler.summary import CrawlSummary
from crawler.testsite import LocalSite

SECTIONS = 50
PAGES_PER_SECTION = 100
ATTACHMENT_EVERY = 5
IMPOLITE = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "LEAKSWEEP_JAVASCRIPT": "off",
    "LOG_LEVEL": "WARNING",
}


def attachment(section: int, page: int) -> str:
    return f"/SysSiteAssets/foi/s{section}/reply-{page}.csv"


def build(site: LocalSite) -> int:
    site.put("/robots.txt", "User-agent: *\nDisallow: /admin/\n", "text/plain")
    sections = "".join(f'<li><a href="/s{k}/">Section {k}</a></li>' for k in range(SECTIONS))
    site.page("/", "Home", f"<ul>{sections}</ul>")
    attachments = 0
    for k in range(SECTIONS):
        pages = "".join(f'<a href="/s{k}/p{i}">Page {i}</a> ' for i in range(PAGES_PER_SECTION))
        site.page(f"/s{k}/", f"Section {k}", f"<p>Section {k} of the site.</p>{pages}")
        for i in range(PAGES_PER_SECTION):
            body = f"<p>Advice on local policing, page {i} of section {k}.</p>"
            body += f'<a href="/s{k}/p{(i + 1) % PAGES_PER_SECTION}">Next</a> <a href="/">Home</a>'
            if i % ATTACHMENT_EVERY == 0:
                body += f' <a href="{attachment(k, i)}">FOI reply</a>'
                rows = "".join(f"REF-{k}-{i}-{r},burglary,{r * 3 % 11}\n" for r in range(20))
                site.put(attachment(k, i), "reference,category,count\n" + rows, "text/csv")
                attachments += 1
            site.page(f"/s{k}/p{i}", f"Page {i}", body)
    return attachments


def report(label: str, summary: CrawlSummary, seconds: float) -> None:
    fetched = summary.pages + summary.documents
    print(
        f"{label}: {seconds:6.1f} s  {summary.requests:,} requests  {summary.pages:,} pages  "
        f"{summary.documents:,} documents  {fetched / seconds:,.0f} pages+documents/s"
    )
    print(
        f"    conditional {summary.conditional:,}  304 {summary.not_modified:,}  "
        f"scanned {summary.scanned:,}  rescans skipped {summary.unchanged:,}  "
        f"errors {summary.errors:,}  detectors busy {summary.scan_seconds:,.1f} s  "
        f"finished {summary.finished}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scan-workers", type=int, default=1, help="LEAKSWEEP_SCAN_WORKERS")
    settings = {**IMPOLITE, "LEAKSWEEP_SCAN_WORKERS": parser.parse_args().scan_workers}
    with LocalSite() as site, tempfile.TemporaryDirectory() as data:
        attachments = build(site)
        pages = 1 + SECTIONS * (1 + PAGES_PER_SECTION)
        print(
            f"local site: {pages:,} pages, {attachments:,} attachments, scan workers "
            f"{settings['LEAKSWEEP_SCAN_WORKERS']}"
        )
        target = Site(
            name="bench",
            start_urls=(site.url("/"),),
            max_pages=10_000,
            max_depth=10,
            allow_private=True,
        )
        config = Config(data_dir=Path(data), sites=(target,))
        for label in ("first run", "second run"):
            started = time.perf_counter()
            summary = crawl_site(config, target, settings=settings)
            report(label, summary, time.perf_counter() - started)
        for k in range(10):
            site.put(attachment(k, 0), f"reference,category,count\nNEW-{k},theft,1\n", "text/csv")
        started = time.perf_counter()
        summary = crawl_site(config, target, settings=settings)
        report("third run (10 attachments changed)", summary, time.perf_counter() - started)


if __name__ == "__main__":
    main()
