"""The site spider: start URLs and sitemaps (including those named in robots.txt), every link."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from crawler.items import Item
from crawler.spiders._base import LeakSpider
from crawler.spiders._links import canonical, is_page, links


class SiteSpider(LeakSpider):
    name = "site"

    async def start(self) -> AsyncIterator[Any]:
        if self.only:
            request = self.follow_url(self.only, self.parse, referrer="")
            if request is not None:
                yield request
            return
        origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.site.start_urls}
        for origin in sorted(origins):
            yield Request(
                urljoin(origin, "/robots.txt"),
                callback=self.parse_robots,
                errback=self.failed,
                meta={"handle_httpstatus_all": True},
                dont_filter=True,
                priority=10,
            )
        for url in self.site.sitemaps:
            yield Request(url, callback=self.parse_sitemap, errback=self.failed, priority=5)
        for url in self.site.start_urls:
            request = self.follow_url(canonical(url), self.parse, referrer="")
            if request is not None:
                yield request

    def parse(self, response: Response) -> Iterator[Item | Request]:
        yield from self.record(response)
        if not is_page(response) or not self.has_room():
            return
        for url, _text in links(response):
            if self.only and not self._in_section(url):
                continue
            request = self.follow_url(url, self.parse, referrer=response.url)
            if request is not None:
                yield request

    def _in_section(self, url: str) -> bool:
        """With --url: pages under that URL's folder, and documents linked from anywhere in it."""
        assert self.only is not None
        section = self.only.rsplit("/", 1)[0] + "/"
        if url.startswith(section):
            return True
        return bool(re.search(self.site.disclosure_attachments, urlsplit(url).path, re.I))

    def parse_robots(self, response: Response) -> Iterator[Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            yield Request(url, callback=self.parse_sitemap, errback=self.failed, priority=5)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception:  # a broken sitemap is not worth stopping for
            self.logger.warning("unreadable sitemap at %s", response.url)
            return
        for entry in sitemap:
            location = entry.get("loc")
            if not location:
                continue
            if sitemap.type == "sitemapindex":
                yield Request(location, callback=self.parse_sitemap, errback=self.failed)
            else:
                request = self.follow_url(canonical(location), self.parse, referrer=response.url)
                if request is not None:
                    yield request
