"""The HTML report rendered in real headless Chromium: readable, self-contained, no raw values."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from leakcheck import OTHER_SITE, SITE, FakeClock, add_document, assert_no_raw, leaky_verdict, sha

from alerts.intake import record_verdict
from alerts.lifecycle import acknowledge, list_alerts, record_gone
from alerts.report import render_report
from alerts.store import Store
from crawler.settings import PLAYWRIGHT_LAUNCH_OPTIONS
from detectors.mask import mask
from detectors.model import Severity

CHROMIUM = str(PLAYWRIGHT_LAUNCH_OPTIONS["executable_path"])
FLAGS = list(PLAYWRIGHT_LAUNCH_OPTIONS["args"])
URL = "https://force.example/SysSiteAssets/foi/{n}-reply.xlsx"

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"Chromium not installed at {CHROMIUM}"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


def seed(store: Store, clock: FakeClock) -> None:
    cases = [
        (1, Severity.CRITICAL, SITE),
        (2, Severity.HIGH, OTHER_SITE),
        (3, Severity.MEDIUM, SITE),
        (4, Severity.LOW, SITE),
    ]
    for n, severity, site in cases:
        document = add_document(store, URL.format(n=n), sha(n))
        record_verdict(store, document, leaky_verdict(sha(n), severity), site=site)
        clock.advance(minutes=7)
    acknowledge(store, list_alerts(store)[0].id, "A. Webteam")
    record_gone(store, URL.format(n=4), SITE.name, 404)


def test_report_renders_in_chromium_without_scripts_or_raw_values(
    store: Store, clock: FakeClock, browser: Any, tmp_path: Path
) -> None:
    seed(store, clock)
    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(store), encoding="utf-8")
    assert_no_raw(page_path.read_bytes(), "report source")

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_path.as_uri())
    text = page.inner_text("body")
    assert_no_raw(text.encode(), "rendered report")
    assert requests == [page_path.as_uri()]  # self-contained: nothing else is fetched

    assert page.inner_text("#open-count") == "3"
    assert "still online" in text and "taken down, to resolve" in text
    headings = page.locator("h2").all_inner_texts()
    assert [h.split()[0].lower() for h in headings] == ["critical", "high", "medium", "taken"]
    critical = list_alerts(store, severities=[Severity.CRITICAL])[0]
    card = page.locator(f"article#{critical.id}")
    card_text = card.inner_text()
    for expected in (
        critical.url,
        "https://force.example/foi/82525/",
        "pivot cache 1 (source 'Raw'!A1:K1231), field 'Victim name'",
        mask("Philippa Quenby-Arkwright", "PERSON"),
        "about 1,230",
        "acknowledged by A. Webteam",
        "sexual offence",
    ):
        assert expected in card_text, expected
    assert "raised" in card_text and "acknowledged" in card_text  # the timeline
    assert card.bounding_box()["height"] > 200

    screen = page.screenshot(full_page=True)
    assert screen.startswith(b"\x89PNG") and len(screen) > 10_000
    page.emulate_media(media="print")
    badge = page.locator(f"article#{critical.id} .badge").first
    assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    context.close()


def test_an_empty_report_says_so(store: Store, browser: Any, tmp_path: Path) -> None:
    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(store), encoding="utf-8")
    page = browser.new_page()
    page.goto(page_path.as_uri())
    assert "Nothing is exposed right now." in page.inner_text("body")
    assert page.inner_text("#open-count") == "0"
    page.close()
