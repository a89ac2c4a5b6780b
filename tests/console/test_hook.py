"""The publish hook end to end: a CMS call for a newly published leaky file on a real local
site gives a crawl, an alert and an email on a real SMTP server."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import HOOK_TOKEN, Console, write_config
from faker import Faker
from leakcheck import SmtpServer

from alerts.lifecycle import list_alerts
from alerts.store import Store
from console.api.hook import TokenBucket
from crawler.testsite import LocalSite

ENTRY = "/foi-ai/testforce/disclosure-log/2025/august/foi-90001/"
FILE = "/SysSiteAssets/foi-media/testforce/foi-90001-victims.csv"


def leaky_csv() -> tuple[str, list[str]]:
    fake = Faker("en_GB")
    fake.seed_instance(11)
    names = [f"{fake.first_name()} {fake.last_name()}" for _ in range(40)]
    rows = ["Name,Date of birth,Home address,Email"] + [
        f'{name},{fake.date_of_birth().strftime("%d/%m/%Y")},"{fake.street_address()}",'
        f"{fake.user_name()}@example.org"
        for name in names
    ]
    return "\n".join(rows) + "\n", names


def call(console: Console, path: str, body: Any = None, token: str = HOOK_TOKEN) -> tuple[int, Any]:
    data = (
        None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    )
    request = urllib.request.Request(
        console.base + path,
        data=data,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="GET" if data is None else "POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def test_hook_call_for_a_new_leaky_file_raises_an_alert_and_sends_the_email(
    tmp_path: Path, start_console: Callable[[Path], Console], smtp: SmtpServer
) -> None:
    content, names = leaky_csv()
    with LocalSite() as site:
        site.page("/", "Test Constabulary", '<a href="/news">News</a>')
        site.page("/news", "News", "<p>Road closures.</p>")
        config = write_config(
            tmp_path / "leaksweep.toml",
            tmp_path / "data",
            "[smtp]\n"
            f'host = "127.0.0.1"\nport = {smtp.port}\nsecurity = "none"\n'
            'sender = "leaksweep@testforce.example"\ntimeout_s = 5\n'
            "[[sites]]\n"
            f'name = "test"\nstart_urls = ["{site.url("/")}"]\nallow_private = true\n'
            'allowed_domains = ["127.0.0.1"]\nrecipients = ["web@testforce.example"]\n',
        )
        console = start_console(config)
        # The CMS publishes a reply whose attachment holds victims' details, then calls the hook.
        site.put(FILE, content, "text/csv")
        site.page(ENTRY, "FOI 90001", f'<p>Our reply.</p><a href="{FILE}">Response</a>')

        status, answer = call(console, "/api/v1/published", {"url": site.url(ENTRY)})
        assert status == 202, answer
        job_path = f"/api/v1/jobs/{answer['job']}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            status, job = call(console, job_path)
            assert status == 200
            if job["state"] in ("done", "failed"):
                break
            time.sleep(0.5)
        assert job["state"] == "done", job
        [result] = job["results"]
        documents = {d["url"]: d for d in result["documents"]}
        leak = documents[site.url(FILE)]
        assert leak["severity"] in ("high", "critical") and leak["people"] >= 30
        assert len(leak["alerts"]) == 1
        assert site.count(FILE) == 1

    store = Store(tmp_path / "data" / "leaksweep.db")
    [alert] = list_alerts(store)
    assert alert.id == leak["alerts"][0] and alert.url.endswith(FILE)
    [message] = smtp.recorder.parsed()
    assert "foi-90001-victims.csv" in message["Subject"]
    assert smtp.recorder.recipients == [["web@testforce.example"]]
    raw = b"".join(smtp.recorder.messages).lower()
    assert not [name for name in names if name.lower().encode() in raw]


def test_hook_refuses_bad_calls(tmp_path: Path, start_console: Callable[[Path], Console]) -> None:
    config = write_config(
        tmp_path / "leaksweep.toml",
        tmp_path / "data",
        '[[sites]]\nname = "test"\nstart_urls = ["https://www.testforce.example/"]\n',
    )
    console = start_console(config)
    cases = [
        ({"url": "https://elsewhere.example/page"}, HOOK_TOKEN, 422),
        ({"url": "file:///etc/passwd"}, HOOK_TOKEN, 422),
        ({"urls": "https://www.testforce.example/"}, HOOK_TOKEN, 400),
        (b"not json", HOOK_TOKEN, 400),
        ({"url": "https://www.testforce.example/"}, HOOK_TOKEN + "x", 401),
        ({"url": "https://www.testforce.example/"}, "", 401),
    ]
    for body, token, expected in cases:
        status, answer = call(console, "/api/v1/published", body, token=token)
        assert status == expected, (body, answer)
        assert "error" in answer
    assert call(console, "/api/v1/jobs/nope", token="wrong")[0] == 401
    assert call(console, "/api/v1/jobs/nope")[0] == 404


def test_token_bucket_refuses_a_burst_then_refills() -> None:
    bucket = TokenBucket(size=3, rate=1000)
    slow = TokenBucket(size=3, rate=0)
    assert [slow.take("a") for _ in range(4)] == [True, True, True, False]
    assert slow.take("b")  # another token has its own bucket
    assert all(bucket.take("a") for _ in range(3))
    time.sleep(0.01)
    assert bucket.take("a")
