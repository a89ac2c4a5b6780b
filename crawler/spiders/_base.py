"""What every leaksweep spider shares: its site, following links, recording what came back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler import summary
from crawler.config import Site, load_config
from crawler.fetch import file_name
from crawler.items import Fetched, Item, NotModified, TooLarge
from crawler.middlewares import too_large
from crawler.spiders._links import QueryBudget, canonical, header, is_page, trap_reason


class LeakSpider(scrapy.Spider):
    """Base class: `site` is a Site (or its name in the configuration); `url` narrows the crawl."""

    site: Site
    allowed_domains: list[str]

    def __init__(self, site: Site | str | None = None, url: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.site_arg = site
        self.only = canonical(url) if url else None
        self.budget = QueryBudget()
        self.pages_parsed = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> LeakSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        site = spider.site_arg
        if not isinstance(site, Site):
            if not site:
                raise ValueError("give the spider a site: -a site=NAME")
            site = load_config(None).site(str(site))
        spider.site = site
        spider.allowed_domains = list(spider.domains())
        return spider

    def domains(self) -> Iterator[str]:
        """Hosts this spider may fetch from (Scrapy's offsite filter keeps to them)."""
        yield from self.site.allowed_domains
        if not self.site.allowed_domains:
            urls = [*self.site.start_urls, self.site.disclosure_log or ""]
            yield from {urlsplit(url).hostname or "" for url in urls} - {""}

    # Following links

    def follow_url(self, url: str, callback: Any, referrer: str, **meta: Any) -> Request | None:
        """A request for `url`, or None when it is a trap or past the page cap."""
        reason = trap_reason(url)
        if reason is None and not self.budget.allows(url):
            reason = "too many query variants for one path"
        if reason is not None:
            self.crawler.stats.inc_value(summary.TRAPS)
            self.logger.debug("not following %s: %s", url, reason)
            return None
        return Request(
            url,
            callback=callback,
            errback=self.failed,
            meta={"referrer": referrer, **meta},
        )

    def has_room(self) -> bool:
        """Whether more pages may be read (the site's max_pages cap)."""
        return self.pages_parsed < self.site.max_pages

    # Recording what came back

    def record(self, response: Response) -> Iterator[Item]:
        """The item for one response: a page or document fetched, or a 304."""
        page = is_page(response)
        stats = self.crawler.stats
        stats.inc_value(summary.PAGES if page else summary.DOCUMENTS)
        if page:
            self.pages_parsed += 1
        referrer = str(response.meta.get("referrer", ""))
        etag, modified = header(response, "ETag"), header(response, "Last-Modified")
        if response.status == 304:
            yield NotModified(response.url, referrer, etag, modified, page)
            return
        yield Fetched(
            url=response.url,
            referrer=referrer,
            http_status=response.status,
            name=file_name(response.url, header(response, "Content-Disposition") or ""),
            content_type=(header(response, "Content-Type") or "").split(";")[0].strip(),
            etag=etag,
            last_modified=modified,
            body=response.body,
            page=page,
        )

    def failed(self, failure: Failure) -> Iterator[Item]:
        """Errback: a file over the size cap is recorded; other failures are counted, not fatal."""
        request: Request = failure.request  # type: ignore[attr-defined]
        stats = self.crawler.stats
        if failure.check(HttpError):
            assert isinstance(failure.value, HttpError)
            status = failure.value.response.status
            stats.inc_value(summary.BROKEN if status in (404, 410) else summary.ERRORS)
            return
        if failure.check(IgnoreRequest):
            return  # robots.txt, an offsite redirect or already fetched this run
        if too_large(failure.value):
            stats.inc_value(summary.TOO_LARGE)
            limit = int(request.meta.get("download_maxsize") or self.settings["DOWNLOAD_MAXSIZE"])
            yield TooLarge(
                url=request.url,
                referrer=str(request.meta.get("referrer", "")),
                limit=limit,
                reason=f"larger than the {limit / 2**20:,.1f} MB download limit",
            )
            return
        stats.inc_value(summary.ERRORS)
        stats.set_value(summary.LAST_FAILURE, failure.getErrorMessage()[:300])
        self.logger.warning("fetching %s failed: %s", request.url, failure.getErrorMessage())
