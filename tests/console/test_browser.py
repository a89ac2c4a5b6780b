"""The console in Debian's Chromium: sign in, triage, and the refusals that must hold."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import PASSWORD, Console, write_config
from leakcheck import SITE, add_document, assert_no_raw, leaky_verdict, sha

from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts, load_alert, timeline
from alerts.model import AlertState
from alerts.store import Store
from console.users import Role, add_user
from detectors.model import Severity

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason="needs Debian's chromium")


@dataclass
class World:
    console: Console
    data: Path
    critical: list[str]
    hosts: set[str] = field(default_factory=set)


@pytest.fixture
def world(tmp_path: Path, start_console: Callable[[Path], Console]) -> World:
    data = tmp_path / "data"
    store = Store(data / "leaksweep.db")
    for n, severity in enumerate((Severity.CRITICAL, Severity.CRITICAL, Severity.MEDIUM)):
        url = f"https://www.northshire.example/foi/reply-{n}.xlsx"
        document = add_document(store, url, sha(n + 1))
        record_verdict(store, document, leaky_verdict(sha(n + 1), severity), site=SITE)
    add_user(store, "Robin Responder", Role.RESPONDER, PASSWORD)
    add_user(store, "Val Viewer", Role.VIEWER, PASSWORD)
    critical = [a.id for a in list_alerts(store, severities=[Severity.CRITICAL])]
    store.db.close()
    console = start_console(write_config(tmp_path / "leaksweep.toml", data))
    return World(console, data, critical)


@pytest.fixture
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _page(browser: Any, world: World) -> Any:
    """A fresh browser context whose every request's host is recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)

    def record(route: Any, request: Any) -> None:
        world.hosts.add(urlsplit(request.url).netloc)
        route.continue_()

    page.route("**/*", record)
    return page


def _sign_in(page: Any, world: World, name: str) -> None:
    page.goto(world.console.base + "/alerts")
    assert page.url.startswith(world.console.base + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(world.console.base + "/alerts")


def test_responder_signs_in_sees_critical_alerts_and_acknowledges_one(
    browser: Any, world: World
) -> None:
    page = _page(browser, world)
    _sign_in(page, world, "Robin Responder")
    page.check("input[name=severity][value=critical]")
    page.click("button:has-text('Filter')")
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 2
    listed = page.inner_text("table.list")
    assert all(alert_id in listed for alert_id in world.critical)
    alert_id = world.critical[0]
    page.click(f"a[href='/alerts/{alert_id}']")
    body = page.inner_text("main")
    for words in ("people's names", "hidden sheet", "crime reference numbers", "Next step"):
        assert words in body
    assert "GMT" in body or "BST" in body
    before = page.locator("ol.timeline li").count()
    page.fill("input[name=name]", "Robin R (web team)")
    page.click("button:has-text('taking it down')")
    page.wait_for_selector("p.notice")
    events = page.locator("ol.timeline li")
    assert events.count() == before + 1
    assert "Robin R (web team)" in events.last.inner_text()
    store = Store(world.data / "leaksweep.db")
    assert load_alert(store, alert_id).state is AlertState.ACKNOWLEDGED
    assert "signed in as Robin Responder" in timeline(store, alert_id)[-1].detail
    page.goto(world.console.base + "/overview")
    assert page.locator("svg rect").count() > 0
    html = page.content()
    assert_no_raw(html.encode(), "overview page")
    assert world.hosts == {urlsplit(world.console.base).netloc}


def test_viewer_cannot_resolve_and_a_form_without_its_csrf_token_is_refused(
    browser: Any, world: World
) -> None:
    page = _page(browser, world)
    _sign_in(page, world, "Val Viewer")
    alert_id = world.critical[1]
    page.goto(f"{world.console.base}/alerts/{alert_id}")
    assert page.locator("button:has-text('Resolve')").count() == 0
    assert_no_raw(page.content().encode(), "alert page")
    csrf = page.get_attribute("form[action='/logout'] input[name=csrf]", "value")
    request = page.context.request
    refused = request.post(
        f"{world.console.base}/alerts/{alert_id}/resolve", form={"csrf": csrf, "note": "x"}
    )
    assert refused.status == 403
    assert "cannot" in refused.text() or "not act" in refused.text()
    # A responder's session without the form's token: refused as well.
    responder = _page(browser, world)
    _sign_in(responder, world, "Robin Responder")
    forged = responder.context.request.post(
        f"{world.console.base}/alerts/{alert_id}/resolve", form={"note": "forged"}
    )
    assert forged.status == 403
    store = Store(world.data / "leaksweep.db")
    assert load_alert(store, alert_id).state is AlertState.OPEN
    assert world.hosts == {urlsplit(world.console.base).netloc}


def test_hook_refuses_a_wrong_token(world: World) -> None:
    request = urllib.request.Request(
        world.console.base + "/api/v1/published",
        data=json.dumps({"url": "https://www.northshire.example/foi/"}).encode(),
        headers={"Authorization": "Bearer not-the-token", "Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
