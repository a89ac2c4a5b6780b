"""A crawl that fetched nothing is a failure with a reason, never a quiet night (exit 2)."""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawler.cli import main
from crawler.summary import DOCUMENTS, LAST_FAILURE, PAGES, unreachable_because
from crawler.testsite import LocalSite


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    with LocalSite() as served:
        served.put("/robots.txt", "User-agent: *\nDisallow: /blocked/\n", "text/plain")
        served.page("/", "Home", "<p>Welcome</p>")
        served.page("/blocked/", "Blocked", "<p>Not for robots</p>")
        yield served


def refused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


CASES: list[tuple[str, Callable[[LocalSite], str], str]] = [
    ("refused", lambda s: f"http://127.0.0.1:{refused_port()}/", "connection refused"),
    ("tls", lambda s: s.url("/").replace("http://", "https://"), "TLS"),
    ("robots", lambda s: s.url("/blocked/"), "robots.txt forbids every start URL"),
    ("not found", lambda s: s.url("/no-such-page"), "no page fetched (HTTP 404)"),
]


def crawl(tmp_path: Path, start: str) -> tuple[int, dict[str, object], str]:
    config = tmp_path / "leaksweep.toml"
    config.write_text(
        f'data_dir = "{tmp_path / "data"}"\n[[sites]]\nname = "north"\n'
        f'start_urls = ["{start}"]\nallow_private = true\n'
    )
    result = CliRunner().invoke(main, ["--config", str(config), "crawl", "--json"])
    counts = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, counts, result.stderr


@pytest.mark.parametrize(("case", "start", "reason"), CASES, ids=[c[0] for c in CASES])
def test_a_site_that_gives_nothing_fails_loudly(
    tmp_path: Path, site: LocalSite, case: str, start: Callable[[LocalSite], str], reason: str
) -> None:
    code, counts, err = crawl(tmp_path, start(site))
    assert code == 2, (counts, err)
    assert counts["unreachable"] is True and counts["finished"] is False
    failure = str(counts["failure"])
    assert failure.startswith("site unreachable: ") and reason in failure
    assert reason in err  # the clear line on stderr
    with sqlite3.connect(tmp_path / "data" / "leaksweep.db") as db:
        outcomes = db.execute("SELECT site, reached, failure FROM crawl_outcomes").fetchall()
    assert outcomes == [("north", 0, failure)]


def test_a_site_that_answers_is_a_quiet_night(tmp_path: Path, site: LocalSite) -> None:
    code, counts, _err = crawl(tmp_path, site.url("/"))
    assert (code, counts["unreachable"], counts["finished"]) == (0, False, True)


def test_a_start_url_without_a_scheme_is_refused_before_crawling(tmp_path: Path) -> None:
    code, counts, err = crawl(tmp_path, "www.example.police.uk/")
    assert code == 2 and counts == {}
    # Refused when the configuration is read, with the key named, before any crawl.
    assert "sites[0].start_urls[0]: not an http(s) URL with a host: 'www.example.police.uk/'" in err


EXCEPTION = "downloader/exception_type_count/"


@pytest.mark.parametrize(
    ("stats", "reason"),
    [
        (
            {
                EXCEPTION + "scrapy.exceptions.CannotResolveHostError": 3,
                LAST_FAILURE: "DNS lookup failed: no results for hostname lookup: nowhere.invalid.",
            },
            "DNS lookup failed",
        ),
        ({EXCEPTION + "twisted.internet.error.DNSLookupError": 3}, "DNS lookup failed"),
        (
            {
                EXCEPTION + "scrapy.exceptions.DownloadFailedError": 3,
                LAST_FAILURE: "[<Failure OpenSSL.SSL.Error: certificate verify failed>]",
            },
            "TLS certificate rejected",
        ),
        ({EXCEPTION + "twisted.internet.error.TCPTimedOutError": 3}, "timed out"),
        ({"robotstxt/forbidden": 1}, "robots.txt forbids every start URL"),
        ({"downloader/response_status_count/503": 3}, "no page fetched (HTTP 503)"),
        ({}, "no page fetched"),
        ({PAGES: 1, EXCEPTION + "twisted.internet.error.DNSLookupError": 3}, None),
        ({DOCUMENTS: 2, "robotstxt/forbidden": 5}, None),
    ],
)
def test_why_nothing_came_back(stats: dict[str, object], reason: str | None) -> None:
    assert unreachable_because([stats]) == reason
