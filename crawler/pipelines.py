"""The scan pipeline: quarantine the bytes, scan changed content, record fetch and verdict.

Crash safety: a fetch is recorded before its scan, but until the verdict is committed the
document has no shortcut (no conditional request, no same-hash skip), so a crawl killed
between the two fetches and scans it again next time.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from alerts.intake import note_online, record_verdict
from alerts.store import Store
from crawler import summary
from crawler.items import Fetched, Item, NotModified, TooLarge
from crawler.middlewares import open_quarantine, open_store
from crawler.quarantine import Quarantine
from detectors.limits import Limits
from detectors.model import Status, Verdict

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Route:
    """Where this site's alerts go (raised with the verdict by `alerts.intake`)."""

    name: str
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Options:
    max_bytes: int
    allow_list: frozenset[str]


def _scan(data: bytes, name: str, options: Options) -> tuple[Verdict, float]:
    """The verdict and the seconds it took (model loading included, the first time)."""
    started = time.perf_counter()
    # Imported by the worker at the first changed document: a night when nothing
    # changed never pays for loading the language models.
    from detectors.scan import ScanOptions, scan

    limits = Limits(max_file_bytes=options.max_bytes)
    verdict = scan(data, name, ScanOptions(limits=limits, allow_list=options.allow_list))
    return verdict, time.perf_counter() - started


class ScanPipeline:
    """Every fetched page and document ends up in the Store; one bad file never stops the crawl.

    Scanning runs on a worker thread so downloads carry on meanwhile (LEAKSWEEP_SCAN_WORKERS
    above 1: that many worker processes, for a first crawl of a big site on a machine with
    cores to spare). The Store is only touched from the crawl's own thread.
    """

    def __init__(
        self,
        store: Store,
        quarantine: Quarantine,
        stats: StatsCollector,
        site: Route,
        options: Options,
        force: bool = False,
        workers: int = 1,
    ) -> None:
        self.store = store
        self.quarantine = quarantine
        self.stats = stats
        self.site = site
        self.options = options
        self.force = force
        self.worker: Executor
        if workers > 1:
            spawn = multiprocessing.get_context("spawn")
            self.worker = ProcessPoolExecutor(max_workers=workers, mp_context=spawn)
        else:
            self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaksweep-scan")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScanPipeline:
        settings = crawler.settings
        assert crawler.stats is not None
        options = Options(
            max_bytes=settings.getint("DOWNLOAD_MAXSIZE") or Limits().max_file_bytes,
            allow_list=frozenset(settings.getlist("LEAKSWEEP_ALLOW_LIST")),
        )
        pipeline = cls(
            open_store(crawler),
            open_quarantine(crawler),
            crawler.stats,
            Route(
                settings.get("LEAKSWEEP_SITE", ""), tuple(settings.getlist("LEAKSWEEP_RECIPIENTS"))
            ),
            options,
            settings.getbool("LEAKSWEEP_FORCE"),
            max(1, settings.getint("LEAKSWEEP_SCAN_WORKERS", 1)),
        )
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def close(self) -> None:
        self.worker.shutdown(wait=True)

    async def process_item(self, item: Item) -> Item:
        try:
            if isinstance(item, Fetched):
                await self._fetched(item)
            elif isinstance(item, NotModified):
                self._not_modified(item)
            elif isinstance(item, TooLarge):
                self._too_large(item)
        except Exception as error:  # recorded and counted; the next file still gets its turn
            self.stats.inc_value(summary.ERRORS)
            log.error("recording %s failed: %s", item.url, type(error).__name__)
        return item

    async def _fetched(self, item: Fetched) -> None:
        sha256 = self.quarantine.keep(item.body)
        document_id = self.store.record_fetch(
            item.url,
            site=self.site.name,
            referrer=item.referrer,
            http_status=item.http_status,
            etag=item.etag,
            last_modified=item.last_modified,
            content_type=item.content_type or None,
            sha256=sha256,
            size=len(item.body),
        )
        previous = None if self.force else self.store.scanned_severity(document_id, sha256)
        if previous is not None:
            self.stats.inc_value(summary.UNCHANGED)
            self.stats.inc_value(summary.SEVERITY + previous)
            note_online(self.store, document_id, sha256, referrer=item.referrer)
            return
        loop = asyncio.get_running_loop()
        verdict, seconds = await loop.run_in_executor(
            self.worker, _scan, item.body, item.name, self.options
        )
        record_verdict(self.store, document_id, verdict, site=self.site, referrer=item.referrer)
        self.stats.inc_value(summary.SCANNED)
        if verdict.status is Status.TOO_LARGE:  # a bomb or the time budget cut the scan short
            self.stats.inc_value(summary.TOO_LARGE)
        busy = self.stats.get_value(summary.SCAN_SECONDS, 0.0)
        self.stats.set_value(summary.SCAN_SECONDS, busy + seconds)
        self.stats.inc_value(summary.SEVERITY + str(verdict.severity))

    def _not_modified(self, item: NotModified) -> None:
        document_id = self.store.record_fetch(
            item.url,
            site=self.site.name,
            referrer=item.referrer,
            http_status=304,
            etag=item.etag,
            last_modified=item.last_modified,
        )
        severity = self.store.document_severity(document_id)
        if severity:
            self.stats.inc_value(summary.SEVERITY + severity)
        record = self.store.document(item.url, self.site.name)
        if record is not None and record.sha256:
            note_online(self.store, document_id, record.sha256, referrer=item.referrer)

    def _too_large(self, item: TooLarge) -> None:
        document_id = self.store.record_fetch(
            item.url, site=self.site.name, referrer=item.referrer, http_status=200
        )
        if self.store.scanned_severity(document_id, "") is not None:
            return  # already recorded as too large; a new size would arrive with a new fetch
        verdict = Verdict(
            source=item.url, sha256="", format="unknown", status=Status.TOO_LARGE, error=item.reason
        )
        record_verdict(self.store, document_id, verdict, site=self.site, referrer=item.referrer)
        self.stats.inc_value(summary.SEVERITY + str(verdict.severity))
