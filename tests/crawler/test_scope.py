"""Scope: what scan, crawl and alerts check may fetch. Internal addresses come from a stubbed
resolver; real traffic goes to 127.0.0.1 and 127.0.0.2 only."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from ipaddress import ip_address
from pathlib import Path

import pytest
from click.testing import CliRunner
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from crawler import scope as scope_module
from crawler import summary
from crawler.cli import main
from crawler.config import Config, Site
from crawler.middlewares import SCOPE, ScopeMiddleware, guard_page
from crawler.run import crawl_site
from crawler.scope import Scope
from crawler.spiders.site import SiteSpider
from crawler.testsite import LocalSite

FORCE = Site(
    name="force",
    start_urls=("https://www.force.example/",),
    allowed_domains=("force.example",),
    whatdotheyknow="force",
    whatdotheyknow_base="https://www.whatdotheyknow.com",
)
INTRANET = Site(name="intranet", start_urls=("http://intranet.local/",), allow_private=True)

ADDRESSES = {
    "www.force.example": ["93.184.216.34"],
    "foi.force.example": ["93.184.216.35", "2606:2800:220:1::1"],
    "www.whatdotheyknow.com": ["46.43.39.76"],
    "internal.force.example": ["10.20.30.40"],
    "rebound.force.example": ["93.184.216.34", "192.168.1.5"],
    "metadata.force.example": ["169.254.169.254"],
    "metadata6.force.example": ["fd00:ec2::254"],
    "link.force.example": ["fe80::1"],
    "loop.force.example": ["::1"],
    "mapped.force.example": ["::ffff:10.0.0.1"],
    "shared.force.example": ["100.64.0.1"],
    "intranet.local": ["10.1.1.1"],
    "meta.intranet.local": ["169.254.169.254"],
}


def stub_resolver(host: str) -> list[str]:
    return ADDRESSES.get(host, [])


@pytest.fixture(autouse=True)
def no_real_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Host names resolve through the table above; address literals need no lookup."""
    monkeypatch.setattr(scope_module, "resolve_host", stub_resolver)


@pytest.mark.parametrize(
    ("url", "allow_hosts", "refused"),
    [
        ("https://www.force.example/foi/reply.xlsx", (), None),
        ("https://foi.force.example/a.pdf", (), None),  # sub-domain of allowed_domains
        ("https://www.whatdotheyknow.com/request/x", (), None),
        ("https://elsewhere.example/a.pdf", (), "not one of the configured sites"),
        ("https://force.example.evil.test/a.pdf", (), "not one of the configured sites"),
        ("https://internal.force.example/", (), "private address"),
        ("https://rebound.force.example/", (), "private address"),
        ("https://metadata.force.example/latest", (), "cloud metadata"),
        ("https://metadata6.force.example/latest", (), "cloud metadata"),
        ("https://link.force.example/", (), "link-local"),
        ("https://loop.force.example/", (), "loopback"),
        ("https://mapped.force.example/", (), "private address"),
        ("https://shared.force.example/", (), "non-public"),
        ("http://169.254.169.254/latest/meta-data/", (), "not one of the configured"),
        ("http://169.254.169.254/latest/meta-data/", ("169.254.169.254",), None),
        ("http://127.0.0.1:8080/x", (), "not one of the configured"),
        ("http://127.0.0.1:8080/x", ("127.0.0.1",), None),
        ("https://internal.force.example/", ("internal.force.example",), None),
        ("file:///etc/passwd", (), "only http and https"),
        ("ftp://www.force.example/a", (), "only http and https"),
        ("http:///nohost", (), "no host"),
        ("http://intranet.local/", (), None),  # its site allows private addresses
        ("http://meta.intranet.local/", (), "cloud metadata"),  # but never metadata
    ],
)
def test_scope_decisions(url: str, allow_hosts: tuple[str, ...], refused: str | None) -> None:
    reason = Scope.of_sites([FORCE, INTRANET], allow_hosts).refusal(url)
    if refused is None:
        assert reason is None
    else:
        assert reason is not None and refused in reason


def test_a_resolver_given_to_the_scope_is_used() -> None:
    scope = Scope.of_sites([FORCE], resolver=lambda host: ["10.9.9.9"])
    assert "private" in (scope.refusal("https://www.force.example/") or "")


def config_file(tmp_path: Path, *sites: str) -> Path:
    path = tmp_path / "leaksweep.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n' + "".join(sites), encoding="utf-8")
    return path


def site_toml(url: str, allow_private: bool) -> str:
    flag = "true" if allow_private else "false"
    return f'[[sites]]\nname = "local"\nstart_urls = ["{url}"]\nallow_private = {flag}\n'


@pytest.fixture
def internal() -> Iterator[LocalSite]:
    """A second host, on 127.0.0.2, standing for an internal server nothing may reach."""
    with LocalSite(host="127.0.0.2") as site:
        site.put("/secret.csv", "Name,NI number\nAlan Smith,AB123456C\n", "text/csv")
        site.page("/admin", "Admin", "<p>internal</p>")
        yield site


@pytest.fixture
def public() -> Iterator[LocalSite]:
    with LocalSite() as site:
        site.put("/counts.csv", "Month,Burglary\nApril,12\n", "text/csv")
        yield site


def cli(config: Path | None, *args: str) -> tuple[int, str]:
    pre = ["--config", str(config)] if config else []
    result = CliRunner().invoke(main, [*pre, *args], env={"LEAKSWEEP_CONFIG": None})
    return result.exit_code, result.output


def test_scan_url_of_no_configured_site_is_refused_unfetched(
    tmp_path: Path, internal: LocalSite
) -> None:
    code, output = cli(config_file(tmp_path), "scan", internal.url("/secret.csv"))
    assert code == 2
    assert "not one of the configured sites" in output and "--allow-host 127.0.0.2" in output
    assert internal.hits == []


def test_scan_url_on_loopback_needs_allow_private_or_allow_host(
    tmp_path: Path, public: LocalSite
) -> None:
    closed = config_file(tmp_path, site_toml(public.url("/"), allow_private=False))
    code, output = cli(closed, "scan", public.url("/counts.csv"))
    assert code == 2 and "loopback address" in output and "allow_private" in output
    assert public.hits == []
    code, output = cli(closed, "scan", public.url("/counts.csv"), "--allow-host", "127.0.0.1")
    assert code == 0, output
    opened = config_file(tmp_path, site_toml(public.url("/"), allow_private=True))
    assert cli(opened, "scan", public.url("/counts.csv"))[0] == 0
    assert public.count("/counts.csv") == 2


def test_scan_does_not_follow_a_redirect_to_an_internal_host(
    tmp_path: Path, public: LocalSite, internal: LocalSite
) -> None:
    public.redirect("/reply.csv", internal.url("/secret.csv"))
    config = config_file(tmp_path, site_toml(public.url("/"), allow_private=True))
    code, output = cli(config, "scan", public.url("/reply.csv"), "--json")
    assert code == 2
    assert '"status": "unreadable"' in output and "refused: host 127.0.0.2" in output
    assert public.count("/reply.csv") == 1
    assert internal.hits == []


def test_scan_checks_the_address_it_connected_to(
    tmp_path: Path, public: LocalSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that looked public when checked but connects to loopback (DNS rebinding)."""
    real = {info[4][0] for info in socket.getaddrinfo("localhost", None)}
    if not all(address.startswith("127.") for address in real):
        pytest.skip("localhost does not resolve to 127.0.0.0/8 only here")
    monkeypatch.setattr(scope_module, "resolve_host", lambda host: ["93.184.216.34"])
    port = public.url("/").split(":")[2].rstrip("/")
    config = config_file(tmp_path, site_toml(f"http://localhost:{port}/", allow_private=False))
    code, output = cli(config, "scan", f"http://localhost:{port}/counts.csv", "--json")
    assert code == 2 and "loopback address" in output
    assert public.hits == []


@pytest.mark.parametrize("url", ["file:///etc/hostname", "ftp://127.0.0.1/x"])
def test_scan_of_other_schemes_is_a_usage_error(tmp_path: Path, url: str) -> None:
    code, output = cli(config_file(tmp_path), "scan", url)
    assert code == 2 and "only http and https" in output


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.2:9/page", "not one of the configured sites"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_crawl_url_outside_the_site_exits_2_with_the_reason(
    tmp_path: Path, url: str, reason: str
) -> None:
    config = config_file(tmp_path, site_toml("http://127.0.0.1:9/", allow_private=True))
    code, output = cli(config, "crawl", "--url", url)
    assert code == 2
    assert reason in " ".join(output.split())


def _middleware(tmp_path: Path, site: Site, **settings: object) -> ScopeMiddleware:
    crawler = get_crawler(SiteSpider, settings_dict=settings)
    crawler.spider = SiteSpider.from_crawler(crawler, site=site)
    return ScopeMiddleware.from_crawler(crawler)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.force.example/news", True),
        ("https://www.whatdotheyknow.com/body/force", True),
        ("https://internal.force.example/admin", False),
        ("https://elsewhere.example/", False),
        ("http://127.0.0.1/", False),
    ],
)
def test_crawl_requests_and_redirects_outside_the_scope_are_dropped(
    tmp_path: Path, url: str, allowed: bool
) -> None:
    middleware = _middleware(tmp_path, FORCE)
    # A redirect is a new request Scrapy sends through the middlewares again.
    request = Request(url, meta={"redirect_urls": ["https://www.force.example/old"]})
    if allowed:
        assert middleware.process_request(request) is None
    else:
        with pytest.raises(IgnoreRequest):
            middleware.process_request(request)
    assert middleware.stats.get_value(summary.OUT_OF_SCOPE, 0) == (0 if allowed else 1)


def test_crawl_allow_hosts_setting_widens_the_scope(tmp_path: Path) -> None:
    middleware = _middleware(tmp_path, FORCE, LEAKSWEEP_ALLOW_HOSTS=["127.0.0.1"])
    assert middleware.process_request(Request("http://127.0.0.1:8000/")) is None


def test_browser_requests_carry_the_scope_and_the_page_guard(tmp_path: Path) -> None:
    middleware = _middleware(tmp_path, FORCE)
    request = Request("https://www.force.example/js", meta={"playwright": True})
    middleware.process_request(request)
    assert request.meta[SCOPE] == middleware.scope
    assert request.meta["playwright_page_init_callback"] is guard_page


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.is_file(), reason="Chromium is not installed at /usr/bin/chromium")
def test_crawl_and_its_browser_never_reach_another_host(
    tmp_path: Path, public: LocalSite, internal: LocalSite
) -> None:
    public.put("/robots.txt", "User-agent: *\n", "text/plain")
    public.page(
        "/",
        "Home",
        f'<img src="/pixel.png"><img src="{internal.url("/pixel.png")}">'
        f'<iframe src="{internal.url("/admin")}"></iframe>'
        '<a href="/moved">moved</a><a href="/away">away</a>'
        f'<a href="{internal.url("/secret.csv")}">secret</a>'
        f'<script>fetch("{internal.url("/api")}").catch(() => 0);'
        'fetch("/beacon").catch(() => 0);'
        f'new Image().src = "{internal.url("/beacon.gif")}";</script>',
    )
    public.page("/away", "Away", f'<script>location.href = "{internal.url("/admin")}";</script>')
    public.put("/pixel.png", b"\x89PNG\r\n\x1a\n", "image/png")
    public.put("/beacon", "ok", "text/plain")
    public.redirect("/moved", internal.url("/secret.csv"))
    site = Site(name="local", start_urls=(public.url("/"),), allow_private=True, javascript=True)
    config = Config(data_dir=tmp_path / "data", sites=(site,))
    counts = crawl_site(config, site, settings={"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0})
    assert counts.finished, counts.failure
    assert counts.rendered >= 1
    assert public.count("/pixel.png") >= 1  # the browser did load the page's own resources
    assert public.count("/moved") == 1 and public.count("/away") >= 1
    assert internal.hits == []


def test_crawl_of_a_site_on_an_internal_address_exits_2_unfetched(
    tmp_path: Path, public: LocalSite
) -> None:
    config = config_file(tmp_path, site_toml(public.url("/"), allow_private=False))
    code, output = cli(config, "crawl", "--site", "local")
    assert code == 2
    assert "not crawling site 'local'" in output and "loopback" in output
    assert public.hits == []


def test_crawl_response_from_an_internal_address_is_dropped(tmp_path: Path) -> None:
    """The name resolved to a public address when checked, to loopback when fetched."""
    middleware = _middleware(tmp_path, FORCE)
    request = Request("https://www.force.example/reply.csv")
    assert middleware.process_request(request) is None
    public_answer = Response(request.url, request=request, ip_address=ip_address("93.184.216.34"))
    assert middleware.process_response(request, public_answer) is public_answer
    internal = Response(request.url, request=request, ip_address=ip_address("127.0.0.1"))
    with pytest.raises(IgnoreRequest, match="loopback"):
        middleware.process_response(request, internal)
    assert middleware.stats.get_value(summary.OUT_OF_SCOPE) == 1
