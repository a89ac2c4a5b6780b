"""Downloader middlewares: scope, one fetch per document per run, conditional GETs, rendering."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from playwright.async_api import Page, Route, WebSocketRoute
from playwright.async_api import Request as PlaywrightRequest
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.statscollectors import StatsCollector
from twisted.internet.defer import CancelledError

from alerts.lifecycle import record_gone
from alerts.store import Store
from crawler import summary
from crawler.quarantine import Quarantine
from crawler.scope import Scope
from crawler.spiders._links import is_page

log = logging.getLogger(__name__)

COPY = "leaksweep_copy"
"""Request meta: sha256 of the held copy a conditional GET was sent for."""
_TOO_LARGE = re.compile(r"larger than download max size", re.I)


def too_large(error: BaseException | None) -> bool:
    """Whether a download failed because it passed DOWNLOAD_MAXSIZE.

    Scrapy says so when Content-Length gave the size away; a body streamed without one is
    cut off with a bare cancellation, which nothing else raises during a running crawl.
    """
    if _TOO_LARGE.search(str(error)):
        return True
    return isinstance(error, DownloadCancelledError | CancelledError) and not str(error)


FRESH = "leaksweep_fresh"
"""Request meta: fetch without conditional headers (the held copy went missing)."""


def open_store(crawler: Crawler) -> Store:
    path = crawler.settings.get("LEAKSWEEP_DATABASE")
    if not path:
        raise NotConfigured("LEAKSWEEP_DATABASE is not set")
    store = Store(path)
    store.fast_writes()
    return store


def open_quarantine(crawler: Crawler) -> Quarantine:
    path = crawler.settings.get("LEAKSWEEP_QUARANTINE_DIR")
    if not path:
        raise NotConfigured("LEAKSWEEP_QUARANTINE_DIR is not set")
    return Quarantine(Path(path), crawler.settings.getint("LEAKSWEEP_QUARANTINE_DAYS", 30))


SCOPE = "leaksweep_scope"
"""Request meta of a browser request: the Scope its page's own requests are held to."""


class ScopeMiddleware:
    """Drops every request outside the site's scope (`crawler.scope`): links, sitemaps,
    robots.txt, each redirect (Scrapy sends a redirect back through here), and hands
    browser requests the scope so Chromium's own requests are checked the same way.

    LEAKSWEEP_ALLOW_HOSTS: hosts allowed besides the site's (`--allow-host`).
    """

    def __init__(self, scope: Scope, stats: StatsCollector) -> None:
        self.scope = scope
        self.stats = stats
        self.decided: dict[tuple[str, str], str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        site = getattr(crawler.spider, "site", None)
        allowed = crawler.settings.getlist("LEAKSWEEP_ALLOW_HOSTS")
        scope = Scope.of_sites([site] if site is not None else [], allowed)
        assert crawler.stats is not None
        return cls(scope, crawler.stats)

    def process_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self.decided:  # one lookup per host and crawl
            self.decided[key] = self.scope.refusal(request.url)
        self._refuse(request, self.decided[key])
        if request.meta.get("playwright"):
            request.meta.setdefault(SCOPE, self.scope)
            request.meta.setdefault("playwright_page_init_callback", guard_page)
            # Created with the first page that needs it: a service worker's requests would
            # escape the page's route.
            request.meta.setdefault("playwright_context_kwargs", {"service_workers": "block"})

    def process_response(self, request: Request, response: Response) -> Response:
        """A host that resolved to an internal address when fetched (not when checked): the
        response is dropped before anything stores or scans it."""
        if response.ip_address is not None:
            host = urlsplit(response.url).hostname or ""
            self._refuse(request, self.scope.peer_refusal(host, str(response.ip_address)))
        return response

    def _refuse(self, request: Request, reason: str | None) -> None:
        if reason:
            self.stats.inc_value(summary.OUT_OF_SCOPE)
            log.info("request refused: %s", reason)  # the reason names the host, not the path
            raise IgnoreRequest(reason)


async def guard_page(page: Page, request: Request) -> None:
    """Aborts every request and web socket the page opens outside its scope (scrapy-playwright
    calls this after installing its own route, so this handler is asked first)."""
    scope: Scope = request.meta[SCOPE]
    loop = asyncio.get_running_loop()

    async def check(route: Route, browser_request: PlaywrightRequest) -> None:
        reason = await loop.run_in_executor(None, scope.refusal, browser_request.url)
        if reason:
            log.info("browser request refused: %s", reason)
            await route.abort("blockedbyclient")
        else:
            await route.fallback()

    async def check_socket(socket: WebSocketRoute) -> None:
        url = re.sub(r"^ws", "http", socket.url)
        reason = await loop.run_in_executor(None, scope.refusal, url)
        if reason:
            log.info("browser web socket refused: %s", reason)
            await socket.close()
        else:
            socket.connect_to_server()

    await page.route("**", check)
    await page.route_web_socket(re.compile(".*"), check_socket)


class OncePerRunMiddleware:
    """A document is fetched once per crawl of a site, even when several spiders link to it.

    The spiders of one site run in one process and share the set through LEAKSWEEP_RUN_ID.
    """

    _runs: ClassVar[dict[str, set[str]]] = {}

    def __init__(self, seen: set[str]) -> None:
        self.seen = seen

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OncePerRunMiddleware:
        run = crawler.settings.get("LEAKSWEEP_RUN_ID") or uuid.uuid4().hex
        return cls(cls._runs.setdefault(run, set()))

    def process_request(self, request: Request) -> None:
        if request.meta.get("playwright") or "referrer" not in request.meta:
            return  # robots.txt, sitemaps and feeds are each spider's own business
        if request.url in self.seen:
            raise IgnoreRequest("already fetched in this crawl")

    def process_response(self, request: Request, response: Response) -> Response:
        followed = "referrer" in request.meta
        if followed and response.status in (200, 304) and not is_page(response):
            self.seen.update([request.url, response.url, *request.meta.get("redirect_urls", [])])
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if "referrer" in request.meta and too_large(exception):
            self.seen.add(request.url)  # recorded as too large once is enough


class ConditionalGetMiddleware:
    """Sends If-None-Match / If-Modified-Since from the Store; notes 404/410 of known documents.

    A conditional GET is sent only for content whose verdict is committed (a crawl killed
    between fetch and scan must not be told "not modified" next time) and while we still
    hold the copy, so a 304 for a page can be answered from it and its links followed.
    """

    def __init__(
        self,
        store: Store,
        quarantine: Quarantine,
        stats: StatsCollector,
        force: bool,
        site: str = "",
    ):
        self.store = store
        self.quarantine = quarantine
        self.stats = stats
        self.force = force
        self.site = site

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        assert crawler.stats is not None
        settings = crawler.settings
        force = settings.getbool("LEAKSWEEP_FORCE")
        site = settings.get("LEAKSWEEP_SITE", "")
        return cls(open_store(crawler), open_quarantine(crawler), crawler.stats, force, site)

    def process_request(self, request: Request) -> None:
        if self.force or request.meta.get("playwright") or request.meta.get(FRESH):
            return
        record = self.store.document(request.url, self.site)
        if record is None or record.gone_at or not record.judged:
            return
        if not self.quarantine.holds(record.sha256):
            return
        if record.etag:
            request.headers[b"If-None-Match"] = record.etag
        if record.last_modified:
            request.headers[b"If-Modified-Since"] = record.last_modified
        if record.etag or record.last_modified:
            request.meta[COPY] = record.sha256
            self.stats.inc_value(summary.CONDITIONAL)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status == 304 and COPY in request.meta:
            self.stats.inc_value(summary.NOT_MODIFIED)
            body = self.quarantine.read(request.meta[COPY])
            if body is None:  # purged between the request and now: fetch it whole
                return request.replace(meta={**request.meta, FRESH: True}, dont_filter=True)
            headers = response.headers.copy()
            if b"Content-Type" not in headers:  # a 304 need not repeat it; we noted it before
                record = self.store.document(request.url, self.site)
                headers[b"Content-Type"] = (record and record.content_type) or ""
            kind = responsetypes.from_args(headers=headers, url=response.url, body=body)
            return kind(
                url=response.url,
                status=304,
                headers=headers,
                body=body,
                request=request,
                flags=[*response.flags, "not_modified"],
            )
        if response.status in (404, 410):
            for url in {request.url, response.url, *request.meta.get("redirect_urls", [])}:
                if record_gone(self.store, url, self.site, response.status):
                    self.stats.inc_value(summary.GONE)
        return response


_CHALLENGE = re.compile(
    r"just a moment|checking your browser|enable javascript|javascript is (disabled|required)"
    r"|requires javascript|verify you are (a )?human",
    re.I,
)


def needs_browser(response: HtmlResponse) -> bool:
    """A near-empty page built by scripts, or a JavaScript challenge standing in front of one."""
    visible = " ".join(
        response.xpath(
            "//body//text()[not(ancestor::script) and not(ancestor::style)"
            " and not(ancestor::noscript) and not(ancestor::template)]"
        ).getall()
    ).split()
    words = len(visible)
    scripts = len(response.xpath("//script"))
    if scripts and words < 40 and len(response.xpath("//body//a[@href]")) < 3:
        return True
    telltale = " ".join(response.xpath("//title//text() | //noscript//text()").getall())
    return words < 150 and bool(_CHALLENGE.search(f"{telltale} {' '.join(visible)}"))


class JavaScriptMiddleware:
    """Re-requests HTML pages that need a browser through scrapy-playwright; files never go there.

    LEAKSWEEP_JAVASCRIPT: "auto" (detect), "always" (every HTML page; a site behind a
    challenge) or "off". Without Chromium such pages are kept as fetched and counted as errors.
    """

    def __init__(self, mode: str, browser: str | None, stats: StatsCollector) -> None:
        self.mode = mode
        self.browser = browser
        self.stats = stats
        self.warned = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JavaScriptMiddleware:
        mode = crawler.settings.get("LEAKSWEEP_JAVASCRIPT", "auto")
        if mode not in ("auto", "always"):
            raise NotConfigured("JavaScript rendering is off")
        options = crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
        handlers = crawler.settings.getdict("DOWNLOAD_HANDLERS")
        browser = str(options.get("executable_path") or "")
        usable = "scrapy_playwright" in str(handlers.get("http", "")) and Path(browser).is_file()
        assert crawler.stats is not None
        return cls(mode, browser if usable else None, crawler.stats)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("playwright") or response.status != 200 or not is_page(response):
            return response
        assert isinstance(response, HtmlResponse)
        if self.mode != "always" and not needs_browser(response):
            return response
        if self.browser is None:
            self.stats.inc_value(summary.ERRORS)
            self.stats.inc_value(summary.PREFIX + "javascript_unavailable")
            if not self.warned:
                self.warned = True
                log.error(
                    "%s needs a browser but Chromium is not configured or not installed; "
                    "such pages are scanned as served, without running their scripts",
                    response.url,
                )
            return response
        self.stats.inc_value(summary.RENDERED)
        headers = request.headers.copy()
        for name in (b"If-None-Match", b"If-Modified-Since"):
            headers.pop(name, None)
        meta = {k: v for k, v in request.meta.items() if k != COPY}
        return request.replace(
            url=response.url, headers=headers, meta={**meta, "playwright": True}, dont_filter=True
        )
