"""The WhatDoTheyKnow spider: authority feed -> request pages -> response attachments."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy.http import Request, Response, TextResponse

from crawler.items import Item
from crawler.spiders._base import LeakSpider
from crawler.spiders._links import canonical, is_page, links

_REQUEST = re.compile(r"^/request/([^/?#.]+)")
_ATTACHMENT = re.compile(r"^/request/[^/]+/response/\d+/attach/\d+/[^/]+$")


class WhatDoTheyKnowSpider(LeakSpider):
    """Replies the force sent through WhatDoTheyKnow, where they are public too."""

    name = "whatdotheyknow"

    def domains(self) -> Iterator[str]:
        yield urlsplit(self.site.whatdotheyknow_base).hostname or ""

    async def start(self) -> AsyncIterator[Any]:
        slug = self.site.whatdotheyknow
        if not slug:
            self.logger.info("site %s has no WhatDoTheyKnow body configured", self.site.name)
            return
        base = self.site.whatdotheyknow_base.rstrip("/") + "/"
        for path in (f"feed/body/{slug}", f"feed/body/{slug}.json"):
            yield Request(urljoin(base, path), callback=self.parse_feed, errback=self.failed)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        """Atom or JSON: every request the authority answered (the feed is not itself scanned)."""
        for url in self._request_urls(response):
            request = self.follow_url(url, self.parse_request, referrer=response.url)
            if request is not None:
                yield request

    def _request_urls(self, response: Response) -> Iterator[str]:
        if not isinstance(response, TextResponse):
            return
        if response.text.lstrip()[:1] in ("[", "{"):
            try:
                data = json.loads(response.text)
            except ValueError:
                return
            for slug in _url_titles(data):
                yield urljoin(response.url, f"/request/{slug}")
            return
        hrefs = response.xpath("//*[local-name()='link']/@href").getall()
        hrefs += [url for url, _ in links(response)]
        for href in hrefs:
            found = _REQUEST.match(urlsplit(urljoin(response.url, href)).path)
            if found:
                yield urljoin(response.url, f"/request/{found.group(1)}")

    def parse_request(self, response: Response) -> Iterator[Item | Request]:
        """The request thread (the force's replies are in it) and each attachment of a response."""
        yield from self.record(response)
        if not is_page(response):
            return
        for url, _text in links(response):
            if _ATTACHMENT.match(urlsplit(url).path):
                request = self.follow_url(canonical(url), self.parse_document, response.url)
                if request is not None:
                    yield request

    def parse_document(self, response: Response) -> Iterator[Item]:
        yield from self.record(response)


def _url_titles(data: object) -> Iterator[str]:
    """The `url_title` of every info_request found anywhere in the feed's JSON."""
    if isinstance(data, list):
        for value in data:
            yield from _url_titles(value)
    elif isinstance(data, dict):
        title = data.get("url_title")
        if isinstance(title, str) and re.fullmatch(r"[\w-]+", title):
            yield title
        for value in data.values():
            yield from _url_titles(value)
