"""The one HTTP client outside a crawl: User-Agent with the contact, retries with backoff,
the standard proxy variables; every test server is on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from crawler.config import Site
from crawler.http import HttpClient, HttpError
from crawler.scope import Scope


class Server:
    """Answers every GET from a script of statuses, then 200 with a body; records requests."""

    def __init__(self, script: list[tuple[int, dict[str, str]]] | None = None) -> None:
        self.script = list(script or [])
        self.seen: list[tuple[str, str]] = []  # (request line path, User-Agent)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                outer.seen.append((self.path, self.headers.get("User-Agent", "")))
                status, headers = outer.script.pop(0) if outer.script else (200, {})
                body = b"spreadsheet bytes" if status == 200 else b""
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    started = Server()
    yield started
    started.close()


@pytest.fixture(autouse=True)
def no_proxy_from_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


LOCAL = Site(name="local", start_urls=("http://127.0.0.1/",), allow_private=True)


def local_scope() -> Scope:
    return Scope.of_sites([LOCAL])


def test_the_user_agent_names_leaksweep_and_the_operators_contact(server: Server) -> None:
    client = HttpClient(local_scope(), "webteam@force.example")
    response = client.get(f"http://127.0.0.1:{server.port}/reply.xlsx", 1_000)
    assert (response.status, response.data, response.truncated) == (
        200,
        b"spreadsheet bytes",
        False,
    )
    [(_, agent)] = server.seen
    assert agent.startswith("leaksweep/") and "mailto:webteam@force.example" in agent


def test_a_busy_server_is_retried_after_its_retry_after_and_a_dead_one_gives_up(
    server: Server,
) -> None:
    waits: list[float] = []
    server.script = [(503, {"Retry-After": "5"}), (429, {})]
    client = HttpClient(local_scope(), sleep=waits.append)
    response = client.get(f"http://127.0.0.1:{server.port}/reply.xlsx", 1_000)
    assert response.status == 200 and len(server.seen) == 3
    assert waits == [5.0, 4.0]  # Retry-After, then the doubled backoff
    server.close()
    waits.clear()
    with pytest.raises(HttpError, match="cannot fetch"):
        client.get(f"http://127.0.0.1:{server.port}/reply.xlsx", 1_000)
    assert waits == [2.0, 4.0]


def test_a_missing_file_is_an_answer_not_a_retry(server: Server) -> None:
    server.script = [(404, {})]
    response = HttpClient(local_scope(), sleep=lambda s: None).get(
        f"http://127.0.0.1:{server.port}/gone.xlsx", 1_000
    )
    assert response.status == 404 and len(server.seen) == 1


def test_requests_go_through_the_proxy_named_in_the_environment_except_no_proxy(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = Server()
    try:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        # The force's host is public by the stubbed resolver, and not resolvable for real:
        # only the proxy on loopback is ever connected to.
        site = Site(name="force", start_urls=("http://www.force.example/",))
        scope = Scope.of_sites([site, LOCAL], resolver=lambda host: ["203.0.114.1"])
        client = HttpClient(scope, sleep=lambda s: None)
        response = client.get("http://www.force.example/foi/reply.xlsx", 1_000)
        assert response.status == 200
        assert proxy.seen[0][0] == "http://www.force.example/foi/reply.xlsx"
        # A host in NO_PROXY is fetched directly.
        client.get(f"http://127.0.0.1:{server.port}/direct.xlsx", 1_000)
        assert server.seen[0][0] == "/direct.xlsx" and len(proxy.seen) == 1
    finally:
        proxy.close()


def test_out_of_scope_is_refused_at_once_and_never_retried(server: Server) -> None:
    waits: list[float] = []
    client = HttpClient(Scope.of_sites([]), sleep=waits.append)
    with pytest.raises(HttpError) as refused:
        client.get(f"http://127.0.0.1:{server.port}/reply.xlsx", 1_000)
    assert refused.value.out_of_scope and waits == [] and server.seen == []


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [
        ({}, None),
        (
            {"https": "http://proxy.force.example:3128"},
            {"server": "http://proxy.force.example:3128"},
        ),
        (
            {"http": "http://p:8080", "no": "localhost,.internal"},
            {"server": "http://p:8080", "bypass": "localhost,.internal"},
        ),
        ({"https": "http://a:1", "http": "http://b:2"}, {"server": "http://a:1"}),
    ],
)
def test_chromium_is_given_the_same_proxy(
    proxies: dict[str, str], expected: dict[str, str] | None
) -> None:
    from crawler.child import browser_proxy

    assert browser_proxy(proxies) == expected
