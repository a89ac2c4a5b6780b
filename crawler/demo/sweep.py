"""One sweep of the demo site: every page and attachment fetched, scanned and stored."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.progress import Progress

from alerts.store import Store
from crawler.config import Config, Site
from crawler.fetch import FetchError, fetch_url
from detectors.scan import ScanOptions, scan


@dataclass(frozen=True)
class SweepResult:
    fetched: int
    errors: int

    @property
    def ok(self) -> bool:
        return self.errors == 0


def sweep(
    config: Config, site: Site, store: Store, console: Console, urls: list[str]
) -> SweepResult:
    options = ScanOptions(allow_list=frozenset(site.allow_list))
    fetched = errors = 0
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("sweeping", total=len(urls))
        for url in urls:
            try:
                document = fetch_url(url, max_bytes=options.limits.max_file_bytes)
            except FetchError:
                errors += 1
                continue
            fetched += 1
            verdict = scan(document.data, document.name, options)
            document_id = store.record_fetch(
                url, site=site.name, sha256=verdict.sha256, size=len(document.data)
            )
            store.record_verdict(document_id, verdict, site=site)
            progress.advance(task)
    return SweepResult(fetched, errors)
