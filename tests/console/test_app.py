"""The console application in process (Starlette's test client over the real app and SQLite):
email links, the file check, headers, sign-in."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import PASSWORD
from leakcheck import SITE, add_document, assert_no_raw, leaky_verdict, sha
from starlette.testclient import TestClient
from test_hook import leaky_csv

from alerts.intake import record_verdict
from alerts.lifecycle import list_alerts, load_alert, timeline
from alerts.model import AlertState
from alerts.store import Store
from console.app import create_app
from console.users import Role, add_user
from crawler.config import Config

CONSOLE_URL = "https://leaksweep.northshire.example"


@pytest.fixture
def config(tmp_path: Path) -> Config:
    site = replace(SITE, start_urls=("https://www.northshire.example/",))
    return Config(data_dir=tmp_path / "data", sites=(site,), console_url=CONSOLE_URL)


@pytest.fixture
def store(config: Config) -> Store:
    store = Store(config.database)
    add_user(store, "Robin Responder", Role.RESPONDER, PASSWORD)
    add_user(store, "Val Viewer", Role.VIEWER, PASSWORD)
    return store


def csrf_of(html: str) -> str:
    [token] = re.findall(r'name="csrf" value="([^"]+)"', html)[:1]
    return token


def sign_in(client: TestClient, name: str) -> None:
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": csrf_of(page.text), "name": name, "password": PASSWORD, "next": "/alerts"},
        follow_redirects=False,
    )
    assert answer.status_code == 303


def raise_one(store: Store, n: int = 1) -> str:
    document = add_document(store, f"https://www.northshire.example/foi/r{n}.xlsx", sha(n))
    record_verdict(store, document, leaky_verdict(sha(n)), site=SITE)
    [alert] = [a for a in list_alerts(store) if a.sha256 == sha(n)]
    return alert.id


def test_email_carries_a_single_use_take_down_link_that_asks_first(
    config: Config, store: Store
) -> None:
    client = TestClient(create_app(config, secure_cookies=False))  # records the console URL
    alert_id = raise_one(store)
    [(text, body)] = store.db.execute("SELECT body_text, body_html FROM outbox").fetchall()
    assert f"{CONSOLE_URL}/alerts/{alert_id}" in text and f"{CONSOLE_URL}/alerts/{alert_id}" in body
    [link] = re.findall(rf"{re.escape(CONSOLE_URL)}(/act/[\w.-]+)", text)
    assert link in body

    first = client.get(link, follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/login")
    sign_in(client, "Robin Responder")
    page = client.get(link)
    assert page.status_code == 200 and "Yes, I'm taking it down" in page.text
    assert load_alert(store, alert_id).state is AlertState.OPEN  # following it changed nothing
    done = client.post(link, data={"csrf": csrf_of(page.text), "name": "Robin R"})
    assert done.status_code == 200 and "Acknowledged" in done.text
    assert load_alert(store, alert_id).state is AlertState.ACKNOWLEDGED
    assert "from the email link" in timeline(store, alert_id)[-1].detail
    assert client.get(link).status_code == 410
    assert client.post(link, data={"csrf": csrf_of(page.text)}).status_code == 410
    forged = link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb")
    assert client.get(forged).status_code == 410


def test_viewer_cannot_use_a_take_down_link(config: Config, store: Store) -> None:
    client = TestClient(create_app(config, secure_cookies=False))
    alert_id = raise_one(store)
    [text] = store.db.execute("SELECT body_text FROM outbox").fetchone()
    [link] = re.findall(rf"{re.escape(CONSOLE_URL)}(/act/[\w.-]+)", text)
    sign_in(client, "Val Viewer")
    page = client.get(link)
    assert "Yes, I'm taking it down" not in page.text
    assert client.post(link, data={"csrf": csrf_of(page.text)}).status_code == 403
    assert load_alert(store, alert_id).state is AlertState.OPEN


def test_no_links_in_emails_without_a_console_url(config: Config, store: Store) -> None:
    TestClient(create_app(replace(config, console_url=None), secure_cookies=False))
    raise_one(store)
    [text] = store.db.execute("SELECT body_text FROM outbox").fetchone()
    assert "/act/" not in text and "Open in console" not in text


def test_file_check_shows_the_verdict_with_masked_examples(config: Config, store: Store) -> None:
    client = TestClient(create_app(config, secure_cookies=False))
    sign_in(client, "Val Viewer")
    form = client.get("/scan")
    content, names = leaky_csv()
    answer = client.post(
        "/scan",
        data={"csrf": csrf_of(form.text)},
        files={"file": ("victims.csv", content.encode(), "text/csv")},
    )
    assert answer.status_code == 200
    shown = html.unescape(answer.text)
    assert "victims.csv" in shown and "people's names" in shown
    assert "dates of birth" in shown and "Do not publish" in shown
    assert not [name for name in names if name in shown]
    outside = client.post(
        "/scan",
        data={"csrf": csrf_of(form.text), "url": "https://elsewhere.example/x.csv"},
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert outside.status_code == 400 and "not on a site" in outside.text
    no_token = client.post("/scan", files={"file": ("victims.csv", content.encode(), "text/csv")})
    assert no_token.status_code == 403


@pytest.mark.parametrize(
    ("path", "status"), [("/alerts", 200), ("/overview", 200), ("/alerts/LS-NOPE", 404)]
)
def test_pages_send_a_strict_content_security_policy(
    config: Config, store: Store, path: str, status: int
) -> None:
    raise_one(store)
    client = TestClient(create_app(config, secure_cookies=False))
    sign_in(client, "Val Viewer")
    answer = client.get(path)
    assert answer.status_code == status
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert_no_raw(answer.content, path)
    assert not re.search(r"(src|href)=\"(https?:)?//", answer.text.replace(CONSOLE_URL, ""))


def test_session_cookie_is_http_only_strict_and_secure(config: Config, store: Store) -> None:
    client = TestClient(create_app(config), base_url="https://testserver")
    cookie = client.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" in cookie


def test_wrong_password_is_refused_and_the_hash_is_argon2id(config: Config, store: Store) -> None:
    client = TestClient(create_app(config, secure_cookies=False))
    page = client.get("/login")
    answer = client.post(
        "/login",
        data={"csrf": csrf_of(page.text), "name": "Val Viewer", "password": "wrong password!"},
    )
    assert answer.status_code == 401 and "do not match" in answer.text
    assert client.get("/alerts", follow_redirects=False).status_code == 303
    hashes = [h for (h,) in store.db.execute("SELECT password_hash FROM users")]
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_recheck_now_confirms_a_takedown_and_names_who_asked(config: Config, store: Store) -> None:
    from crawler.testsite import LocalSite

    with LocalSite() as site:
        url = site.url("/foi/removed-reply.xlsx")  # never served: the site answers 404
        local = replace(
            config,
            sites=(replace(config.sites[0], start_urls=(site.url("/"),), allow_private=True),),
        )
        client = TestClient(create_app(local, secure_cookies=False))
        document = store.record_fetch(url, site=SITE.name, sha256=sha(9))
        record_verdict(store, document, leaky_verdict(sha(9)), site=SITE)
        [alert] = list_alerts(store)
        sign_in(client, "Robin Responder")
        page = client.get(f"/alerts/{alert.id}")
        answer = client.post(f"/alerts/{alert.id}/recheck", data={"csrf": csrf_of(page.text)})
    assert answer.status_code == 200 and "Takedown confirmed" in answer.text
    assert load_alert(store, alert.id).state is AlertState.TAKEN_DOWN
    events = [(e.event, e.detail) for e in timeline(store, alert.id)]
    assert ("taken_down", "the site answered HTTP 404") in events
    assert ("re-checked", "by Robin Responder in the console") in events


def test_single_sign_on_header_names_the_user(config: Config, store: Store) -> None:
    client = TestClient(create_app(replace(config, proxy_user_header="X-Forwarded-Email")))
    assert client.get("/alerts", follow_redirects=False).status_code == 303
    known = client.get("/alerts", headers={"X-Forwarded-Email": "Robin Responder"})
    assert known.status_code == 200 and "Robin Responder (responder)" in known.text
    stranger = client.get("/alerts", headers={"X-Forwarded-Email": "someone@force.example"})
    assert stranger.status_code == 200 and "someone@force.example (viewer)" in stranger.text
