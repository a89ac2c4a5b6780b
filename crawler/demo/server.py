"""Serving the demo site on 127.0.0.1 with ETags and Last-Modified, as a real web server would."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from crawler.demo.site import DemoSite, Resource


@contextmanager
def serve(site: DemoSite, port: int = 0) -> Iterator[str]:
    """Serve `site` in a background thread; yields the base URL, stops on exit."""
    handler = type("DemoHandler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    site: DemoSite
    server_version = "DemoForceWeb/1.0"

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo prints its own summary."""

    def _answer(self, with_body: bool) -> None:
        parts = urlsplit(self.path)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        resource = self.site.resources.get(key) or self.site.resources.get(parts.path)
        if resource is None:
            self._send(404, b"<h1>Page not found</h1>", "text/html", with_body)
            return
        modified = datetime.combine(resource.last_modified, time(9, 0), tzinfo=UTC)
        if self._unchanged(resource, modified):
            self.send_response(304)
            self.send_header("ETag", resource.etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(resource.body)))
        self.send_header("ETag", resource.etag)
        self.send_header("Last-Modified", format_datetime(modified, usegmt=True))
        self.end_headers()
        if with_body:
            self.wfile.write(resource.body)

    def _unchanged(self, resource: Resource, modified: datetime) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return resource.etag in [tag.strip() for tag in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return modified <= parsedate_to_datetime(since)
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, body: bytes, content_type: str, with_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)
