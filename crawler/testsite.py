"""A website held in memory and served over real HTTP on 127.0.0.1, for tests and benchmarks.

It answers conditional GETs (ETag, Last-Modified, 304) like a real server, logs every
request, and can change or remove a resource between crawls.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    modified: float = 0.0
    conditional: bool = True
    streamed: bool = False
    """Sent without Content-Length, the connection closed at the end (size unknown upfront)."""
    """Whether the server sends validators (ETag, Last-Modified) for it."""

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Hit:
    path: str
    conditional: bool
    status: int
    user_agent: str


Route = Callable[[str], Resource | None]
"""Builds a resource for a path (with its query) on the fly, e.g. an endless calendar."""


@dataclass
class LocalSite:
    resources: dict[str, Resource] = field(default_factory=dict)
    routes: list[tuple[str, Route]] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    base: str = ""
    host: str = "127.0.0.1"
    """Any loopback address works on Linux: 127.0.0.2 stands for a second, internal host."""

    def put(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        conditional: bool = True,
        streamed: bool = False,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = tuple((headers or {}).items())
        modified = float(int(time.time()))
        self.resources[path] = Resource(
            data, content_type, 200, extra, modified, conditional, streamed
        )

    def page(self, path: str, title: str, body: str, conditional: bool = True) -> None:
        html = f"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"
        self.put(path, html, conditional=conditional)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        self.resources[path] = Resource(b"", "text/plain", status, (("Location", to),))

    def remove(self, path: str) -> None:
        self.resources.pop(path, None)

    def route(self, prefix: str, build: Route) -> None:
        self.routes.append((prefix, build))

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str, conditional: bool | None = None) -> int:
        """Requests for `path` (with its query), optionally only (non-)conditional ones."""
        return sum(
            1
            for hit in self.hits
            if hit.path == path and (conditional is None or hit.conditional == conditional)
        )

    def find(self, path: str) -> Resource | None:
        if path in self.resources:
            return self.resources[path]
        for prefix, build in self.routes:
            if path.startswith(prefix):
                return build(path)
        return None

    def __enter__(self) -> LocalSite:
        self.server = _Server((self.host, 0), _handler(self))
        self.server.daemon_threads = True
        self.base = f"http://{self.host}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-body (a size cap doing its job) is not news


def _handler(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body in one segment: Nagle plus delayed ACKs would add 40 ms a response.
        disable_nagle_algorithm = True
        wbufsize = 64 * 1024

        def do_GET(self) -> None:
            path = self.path if self.path.startswith("/") else urlsplit(self.path).path
            resource = site.find(path)
            match = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            conditional = bool(match or since)
            status = 404 if resource is None else resource.status
            if resource is not None and resource.status == 200 and resource.conditional:
                if match is not None:
                    fresh = match == resource.etag
                else:
                    fresh = since is not None and _not_after(resource.modified, since)
                if fresh:
                    status = 304
            ua = self.headers.get("User-Agent", "")
            site.hits.append(Hit(path, conditional, status, ua))
            body = b"not found" if resource is None or status == 304 else resource.body
            if status == 304:
                body = b""
            self.send_response(status)
            if resource is not None:
                if status != 304:
                    self.send_header("Content-Type", resource.content_type)
                for name, value in resource.headers:
                    self.send_header(name, value)
                if resource.status == 200 and resource.conditional:
                    self.send_header("ETag", resource.etag)
                    self.send_header("Last-Modified", formatdate(resource.modified, usegmt=True))
            if resource is not None and resource.streamed and status == 200:
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def _not_after(modified: float, since: str) -> bool:
    try:
        return modified <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False
