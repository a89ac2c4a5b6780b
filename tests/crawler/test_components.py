"""Middlewares and the scan pipeline, built by a real crawler from settings (no mocks)."""

from __future__ import annotations

import asyncio
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadCancelledError, NotConfigured
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.test import get_crawler
from twisted.internet.defer import CancelledError

from alerts.intake import record_verdict
from alerts.store import Store
from crawler import summary
from crawler.config import Site
from crawler.items import Fetched, NotModified, TooLarge
from crawler.middlewares import (
    COPY,
    ConditionalGetMiddleware,
    JavaScriptMiddleware,
    OncePerRunMiddleware,
    needs_browser,
    too_large,
)
from crawler.pipelines import ScanPipeline
from crawler.quarantine import Quarantine
from crawler.spiders.disclosure_log import DisclosureLogSpider
from crawler.spiders.site import SiteSpider
from crawler.spiders.whatdotheyknow import WhatDoTheyKnowSpider
from detectors.model import Status, Verdict

URL = "http://force.example/SysSiteAssets/foi/reply.csv"


def _crawler(tmp_path: Path, **settings: object) -> Crawler:
    values = {
        "LEAKSWEEP_DATABASE": str(tmp_path / "db.sqlite"),
        "LEAKSWEEP_QUARANTINE_DIR": str(tmp_path / "quarantine"),
        "LEAKSWEEP_SITE": "force",
        **settings,
    }
    return get_crawler(settings_dict=values)


def _known(tmp_path: Path, body: bytes, content_type: str = "text/csv", judged: bool = True) -> str:
    """A document fetched before; `judged` when its verdict was committed too."""
    sha = Quarantine(tmp_path / "quarantine", 30).keep(body)
    store = Store(tmp_path / "db.sqlite")
    document = store.record_fetch(
        URL,
        site="force",
        etag='"v1"',
        last_modified="Tue, 01 Jul 2025 10:00:00 GMT",
        content_type=content_type,
        sha256=sha,
    )
    if judged:
        verdict = Verdict(source="reply.csv", sha256=sha, format="csv", status=Status.SCANNED)
        record_verdict(store, document, verdict)
    return sha


def test_components_without_a_database_are_not_configured() -> None:
    crawler = get_crawler()
    with pytest.raises(NotConfigured):
        ConditionalGetMiddleware.from_crawler(crawler)
    with pytest.raises(NotConfigured):
        ScanPipeline.from_crawler(crawler)


def test_conditional_headers_only_for_known_content_still_held(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    fresh = Request(URL)
    middleware.process_request(fresh)
    assert b"If-None-Match" not in fresh.headers

    _known(tmp_path, b"a,b\n", judged=False)  # fetched, then the crawl died before the verdict
    unjudged = Request(URL)
    middleware.process_request(unjudged)
    assert b"If-None-Match" not in unjudged.headers
    assert b"If-Modified-Since" not in unjudged.headers

    sha = _known(tmp_path, b"a,b\n")
    known = Request(URL)
    middleware.process_request(known)
    assert known.headers[b"If-None-Match"] == b'"v1"'
    assert known.headers[b"If-Modified-Since"] == b"Tue, 01 Jul 2025 10:00:00 GMT"
    assert known.meta[COPY] == sha

    Quarantine(tmp_path / "quarantine", 30).path(sha).unlink()  # purged: the copy is gone
    again = Request(URL)
    middleware.process_request(again)
    assert b"If-None-Match" not in again.headers
    assert crawler.stats.get_value(summary.CONDITIONAL) == 1


def test_304_is_answered_from_the_copy_so_page_links_survive(tmp_path: Path) -> None:
    page = b"<html><body><a href='/r.csv'>reply</a></body></html>"
    sha = _known(tmp_path, page, content_type="text/html")
    crawler = _crawler(tmp_path)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    request = Request(URL, meta={COPY: sha})
    result = middleware.process_response(request, Response(URL, status=304, request=request))
    assert isinstance(result, HtmlResponse)
    assert (result.status, result.body) == (304, page)
    assert crawler.stats.get_value(summary.NOT_MODIFIED) == 1


@pytest.mark.parametrize("status", [404, 410])
def test_known_document_answering_404_or_410_is_recorded_gone(tmp_path: Path, status: int) -> None:
    _known(tmp_path, b"a,b\n")
    crawler = _crawler(tmp_path)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    unknown = "http://force.example/never-seen"
    for url in (URL, unknown):
        request = Request(url)
        middleware.process_response(request, Response(url, status=status, request=request))
    store = Store(tmp_path / "db.sqlite")
    record = store.document(URL, "force")
    assert record is not None and record.gone_at is not None
    assert store.document(unknown, "force") is None
    assert crawler.stats.get_value(summary.GONE) == 1


def test_once_per_run_shares_documents_between_spiders_of_one_run(tmp_path: Path) -> None:
    first = OncePerRunMiddleware.from_crawler(_crawler(tmp_path, LEAKSWEEP_RUN_ID="night-1"))
    second = OncePerRunMiddleware.from_crawler(_crawler(tmp_path, LEAKSWEEP_RUN_ID="night-1"))
    other_night = OncePerRunMiddleware.from_crawler(_crawler(tmp_path, LEAKSWEEP_RUN_ID="night-2"))
    request = Request(URL, meta={"referrer": "http://force.example/foi/"})
    response = TextResponse(URL, body=b"a,b", encoding="utf-8", request=request)
    first.process_response(request, response)
    with pytest.raises(Exception, match="already fetched"):
        second.process_request(Request(URL, meta={"referrer": "http://force.example/"}))
    other_night.process_request(Request(URL, meta={"referrer": "http://force.example/"}))
    second.process_request(Request(URL))  # robots.txt-style requests are never held back


SCRIPTED = b"<html><body><div id=app></div><script>render()</script></body></html>"
CHALLENGE = (
    b"<html><head><title>Just a moment...</title></head><body><p>Checking your browser"
    b" before accessing the site.</p><script>solve()</script></body></html>"
)
ARTICLE = b"<html><body><h1>News</h1>" + b"<p>Officers attended a road closure.</p>" * 30
ARTICLE += b"<a href='/a'>a</a><a href='/b'>b</a><a href='/c'>c</a><script>track()</script></body>"


@pytest.mark.parametrize(
    ("body", "expected"), [(SCRIPTED, True), (CHALLENGE, True), (ARTICLE + b"</html>", False)]
)
def test_needs_browser(body: bytes, expected: bool) -> None:
    assert needs_browser(HtmlResponse("http://force.example/", body=body)) is expected


def _page(body: bytes) -> tuple[Request, HtmlResponse]:
    request = Request("http://force.example/list", headers={"If-None-Match": '"v1"'})
    request.meta[COPY] = "abc"
    return request, HtmlResponse(request.url, body=body, request=request)


def test_scripted_page_is_rerequested_through_the_browser(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("")
    crawler = _crawler(
        tmp_path,
        PLAYWRIGHT_LAUNCH_OPTIONS={"executable_path": str(browser)},
        DOWNLOAD_HANDLERS={"http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"},
    )
    middleware = JavaScriptMiddleware.from_crawler(crawler)
    request, response = _page(SCRIPTED)
    again = middleware.process_response(request, response)
    assert isinstance(again, Request) and again.meta["playwright"] is True
    assert b"If-None-Match" not in again.headers and COPY not in again.meta
    assert again.dont_filter
    request, response = _page(ARTICLE)
    assert middleware.process_response(request, response) is response


def test_without_chromium_a_scripted_page_is_kept_and_counted(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path, PLAYWRIGHT_LAUNCH_OPTIONS={"executable_path": "/nonexistent"})
    middleware = JavaScriptMiddleware.from_crawler(crawler)
    request, response = _page(SCRIPTED)
    assert middleware.process_response(request, response) is response
    assert crawler.stats.get_value(summary.ERRORS) == 1
    with pytest.raises(NotConfigured):
        JavaScriptMiddleware.from_crawler(_crawler(tmp_path, LEAKSWEEP_JAVASCRIPT="off"))


def _fetched(body: bytes, name: str = "reply.csv", url: str = URL) -> Fetched:
    return Fetched(
        url, "http://force.example/foi/", 200, name, "text/csv", '"e"', None, body, False
    )


def test_pipeline_scans_new_content_once_and_changed_content_again(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = ScanPipeline.from_crawler(crawler)

    async def feed() -> None:
        await pipeline.process_item(_fetched(b"ref,count\nA-1,3\n"))
        await pipeline.process_item(_fetched(b"ref,count\nA-1,3\n"))
        await pipeline.process_item(NotModified(URL, "", '"e"', None, page=False))
        await pipeline.process_item(_fetched(b"ref,count\nA-1,4\n"))
        await pipeline.process_item(_fetched(b"PK\x03\x04broken", "reply.xlsx", URL + "x"))
        await pipeline.process_item(TooLarge(URL + "big", "", 100, "larger than the limit"))
        await pipeline.process_item(TooLarge(URL + "big", "", 100, "larger than the limit"))

    asyncio.run(feed())
    pipeline.close()
    store = Store(tmp_path / "db.sqlite")
    statuses = dict(
        store.db.execute(
            "SELECT d.url, group_concat(s.status) FROM documents d JOIN scans s"
            " ON s.document_id = d.id GROUP BY d.url"
        ).fetchall()
    )
    assert statuses[URL] == "scanned,scanned"
    assert statuses[URL + "x"] in {"unreadable", "unsupported"}  # recorded, not fatal
    assert statuses[URL + "big"] == "too_large"
    stats = crawler.stats
    assert stats.get_value(summary.SCANNED) == 3
    assert stats.get_value(summary.UNCHANGED) == 1
    assert stats.get_value(summary.ERRORS) is None
    copies = [p for p in (tmp_path / "quarantine").rglob("*") if p.is_file()]
    assert len(copies) == 3


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            DownloadCancelledError("Received 65329 bytes which is larger than download max size"),
            True,
        ),
        (DownloadCancelledError(), True),  # a streamed body cut off: no message
        (CancelledError(), True),
        (DownloadCancelledError("cancelled by the spider"), False),
        (TimeoutError("took too long"), False),
        (None, False),
    ],
)
def test_too_large(error: BaseException | None, expected: bool) -> None:
    assert too_large(error) is expected


def test_fetched_bytes_never_appear_in_an_items_repr() -> None:
    item = _fetched(b"name\nJonathan Pemberton-Smythe\n")
    assert "Pemberton" not in repr(item) and "body" not in repr(item)


def test_spiders_keep_to_the_sites_hosts_and_whatdotheyknow_to_its_own(tmp_path: Path) -> None:
    site = Site(
        name="force",
        start_urls=("https://www.force.example/",),
        disclosure_log="https://foi.force.example/published-items/?dt=Disclosure+log",
        whatdotheyknow="force",
        whatdotheyknow_base="http://127.0.0.1:8000",
    )
    crawler = _crawler(tmp_path)
    spider = DisclosureLogSpider.from_crawler(crawler, site=site)
    assert sorted(spider.allowed_domains) == ["foi.force.example", "www.force.example"]
    wdtk = WhatDoTheyKnowSpider.from_crawler(_crawler(tmp_path), site=site)
    assert wdtk.allowed_domains == ["127.0.0.1"]
    narrowed = SiteSpider.from_crawler(
        _crawler(tmp_path), site=replace(site, allowed_domains=("force.example",))
    )
    assert narrowed.allowed_domains == ["force.example"]


def test_pipeline_can_scan_in_worker_processes(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path, LEAKSWEEP_SCAN_WORKERS=2)
    pipeline = ScanPipeline.from_crawler(crawler)

    async def feed() -> None:
        await asyncio.gather(
            pipeline.process_item(_fetched(b"ref,count\nA-1,3\n")),
            pipeline.process_item(_fetched(b"ref,count\nB-2,5\n", url=URL + "2")),
        )

    asyncio.run(feed())
    pipeline.close()
    assert crawler.stats.get_value(summary.SCANNED) == 2
    store = Store(tmp_path / "db.sqlite")
    assert store.db.execute("SELECT COUNT(*) FROM scans").fetchone() == (2,)


def test_pipeline_counts_a_scan_cut_short_by_a_limit_as_too_large(tmp_path: Path) -> None:
    crawler = _crawler(tmp_path)
    pipeline = ScanPipeline.from_crawler(crawler)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", bytes(8 * 2**20))  # expands about 1,000 times

    async def feed() -> None:
        await pipeline.process_item(_fetched(bomb.getvalue(), "export.zip", URL + "bomb"))

    asyncio.run(feed())
    pipeline.close()
    [(status,)] = Store(tmp_path / "db.sqlite").db.execute("SELECT status FROM scans").fetchall()
    assert status == "too_large"
    assert crawler.stats.get_value(summary.TOO_LARGE) == 1
