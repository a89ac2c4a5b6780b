"""A leak taken down and put back is alerted again: by the nightly crawl and by `alerts check`.

Real crawls (child processes) of a site served on 127.0.0.1, real SMTP, real SQLite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from leakcheck import SmtpServer

from alerts.lifecycle import list_alerts, timeline
from alerts.model import AlertState
from alerts.store import Store
from crawler.alerting import check_and_send
from crawler.cli import main
from crawler.config import Config, Site
from crawler.demo.people import Population
from crawler.run import LOCAL, crawl_site
from crawler.testsite import LocalSite

STAFF = "/SysSiteAssets/foi/staff-list.csv"
COPY = "/archive/2025/staff-list-copy.csv"
OFFICERS = Population(7).officers(120)
"""The officers `staff_list(7)` lists: none of their names may reach an email."""


def home(site: LocalSite, *paths: str) -> None:
    links = " ".join(f'<a href="{p}">reply</a>' for p in paths)
    site.page("/", "Test Constabulary", f"<p>FOI replies</p>{links}")


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


def _setup(tmp_path: Path, site: LocalSite, smtp: SmtpServer, staff: bytes) -> Config:
    site.put("/robots.txt", "User-agent: *\n", "text/plain")
    home(site, STAFF)
    site.put(STAFF, staff, "text/csv")
    watched = Site(
        name="northshire",
        start_urls=(site.url("/"),),
        allow_private=True,
        recipients=("web-team@northshire.example",),
    )
    return Config(data_dir=tmp_path / "data", sites=(watched,), smtp=smtp.settings())


def _night(config: Config) -> None:
    summary = crawl_site(config, config.sites[0], settings=LOCAL)
    assert summary.finished, summary.failure
    check_and_send(Store(config.database), config)


def _subjects(smtp: SmtpServer) -> list[str]:
    return [str(m["Subject"]) for m in smtp.recorder.parsed()]


def _assert_masked(messages: list[EmailMessage]) -> None:
    for message in messages:
        for part in message.walk():
            if part.get_content_maintype() == "text":
                text = part.get_content()
                for officer in OFFICERS[:40]:
                    assert f"{officer.forename} {officer.surname}" not in text


def test_crawl_reopens_a_leak_put_back_at_the_same_or_another_address(
    tmp_path: Path, smtp_server: SmtpServer, staff_list: Callable[[int], bytes]
) -> None:
    with LocalSite() as site:
        config = _setup(tmp_path, site, smtp_server, staff_list(7))
        store = Store(config.database)
        _night(config)
        [alert] = list_alerts(store)
        assert alert.state is AlertState.OPEN and alert.url == site.url(STAFF)

        site.remove(STAFF)  # taken down: the next crawl sees 404
        _night(config)
        assert list_alerts(store)[0].state is AlertState.TAKEN_DOWN

        site.put(STAFF, staff_list(7), "text/csv")  # a CMS restore: the same bytes, same URL
        _night(config)
        [back] = list_alerts(store)
        assert (back.id, back.state, back.url) == (alert.id, AlertState.OPEN, site.url(STAFF))

        site.remove(STAFF)
        _night(config)
        assert list_alerts(store)[0].state is AlertState.TAKEN_DOWN

        site.put(COPY, staff_list(7), "text/csv")  # the same file re-uploaded elsewhere
        home(site, COPY)
        _night(config)
        [moved] = list_alerts(store)
        assert (moved.id, moved.state, moved.url) == (alert.id, AlertState.OPEN, site.url(COPY))

    subjects = _subjects(smtp_server)
    assert subjects[0].startswith("[leaksweep CRITICAL] Personal data exposed: staff-list.csv")
    assert "[taken down" in subjects[1] and "[taken down" in subjects[3]
    assert subjects[2] == "[leaksweep CRITICAL] Back online: staff-list.csv (northshire)"
    assert subjects[4] == "[leaksweep CRITICAL] Back online: staff-list-copy.csv (northshire)"
    assert len(subjects) == 5
    first, *follow_ups = smtp_server.recorder.parsed()
    assert all(m["In-Reply-To"] == first["Message-ID"] for m in follow_ups)
    assert smtp_server.recorder.recipients == [["web-team@northshire.example"]] * 5
    body = follow_ups[3].get_body(("plain",)).get_content()
    assert "BACK ONLINE" in body and site.url(COPY) in body
    events = [e.event for e in timeline(store, alert.id)]
    assert events.count("reappeared") == 2
    _assert_masked(smtp_server.recorder.parsed())


def test_alerts_check_watches_a_taken_down_leak_and_reopens_it(
    tmp_path: Path, smtp_server: SmtpServer, staff_list: Callable[[int], bytes]
) -> None:
    with LocalSite() as site:
        config = _setup(tmp_path, site, smtp_server, staff_list(7))
        _night(config)
        toml = tmp_path / "leaksweep.toml"
        toml.write_text(
            f'data_dir = "{config.data_dir}"\n'
            f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_server.port}\nsecurity = "none"\n'
            f'[[sites]]\nname = "northshire"\nstart_urls = ["{site.url("/")}"]\n'
            "allow_private = true\n"
            'recipients = ["web-team@northshire.example"]\n'
        )

        def check() -> str:
            result = CliRunner().invoke(main, ["--config", str(toml), "alerts", "check"])
            assert result.exit_code == 0, result.output
            return result.output

        site.remove(STAFF)
        assert "1 taken down" in check()
        assert "0 back online" in check()  # still gone: checked again, nothing sent
        site.put(STAFF, staff_list(7), "text/csv")
        assert "1 back online" in check()
        [alert] = list_alerts(Store(config.database))
        assert alert.state is AlertState.OPEN

    subjects = _subjects(smtp_server)
    assert len(subjects) == 3
    assert "[taken down" in subjects[1]
    assert subjects[2] == "[leaksweep CRITICAL] Back online: staff-list.csv (northshire)"
