"""The disclosure-log spider: listing pages (pagination, date filters) -> entries -> attachments."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response

from crawler.items import Item
from crawler.spiders._base import LeakSpider
from crawler.spiders._links import canonical, is_page, links


class DisclosureLogSpider(LeakSpider):
    """Follows only the log's own structure, so every published FOI reply is reached quickly.

    The patterns come from the site's configuration; their defaults fit the Single Online
    Home platform most UK forces use.
    """

    name = "disclosure_log"

    async def start(self) -> AsyncIterator[Any]:
        if not self.site.disclosure_log:
            self.logger.info("site %s has no disclosure log configured", self.site.name)
            return
        self.listing_path = urlsplit(self.site.disclosure_log).path
        self.listing = re.compile(self.site.disclosure_listing, re.I)
        self.entry = re.compile(self.site.disclosure_entries, re.I)
        self.attachment = re.compile(self.site.disclosure_attachments, re.I)
        request = self.follow_url(canonical(self.site.disclosure_log), self.parse, referrer="")
        if request is not None:
            yield request

    def parse(self, response: Response) -> Iterator[Item | Request]:
        """A listing page: more listing pages and the entries on this one."""
        yield from self.record(response)
        if not is_page(response):
            return
        for url, _text in links(response):
            path = urlsplit(url).path
            if self.entry.search(path):
                callback = self.parse_entry
            elif self._is_listing(url):
                callback = self.parse
            elif self.attachment.search(path):
                callback = self.parse_document  # some logs link files straight from the list
            else:
                continue
            request = self.follow_url(url, callback, referrer=response.url)
            if request is not None:
                yield request

    def _is_listing(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.path == self.listing_path and parts.query:
            return True
        return bool(self.listing.search(f"{parts.path}?{parts.query}"))

    def parse_entry(self, response: Response) -> Iterator[Item | Request]:
        """One FOI reply: the page itself and every attachment it links."""
        yield from self.record(response)
        if not is_page(response):
            return
        for url, _text in links(response):
            if self.attachment.search(urlsplit(url).path) and not self.entry.search(url):
                request = self.follow_url(url, self.parse_document, referrer=response.url)
                if request is not None:
                    yield request

    def parse_document(self, response: Response) -> Iterator[Item]:
        yield from self.record(response)
