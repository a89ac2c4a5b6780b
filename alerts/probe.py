"""The default re-check of an alert's URL: HTTP status, content hash, and a scan if it changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Protocol

from alerts.model import Probe
from detectors.model import Severity
from detectors.scan import ScanOptions, scan


class Answer(Protocol):
    @property
    def status(self) -> int: ...

    @property
    def data(self) -> bytes: ...

    @property
    def truncated(self) -> bool: ...


class Client(Protocol):
    """`crawler.http.HttpClient`: fetches within the crawl's scope (configured sites only, no
    internal addresses, redirects checked); a refusal or no answer raises OSError."""

    def get(self, url: str, max_bytes: int) -> Answer: ...


def http_probe(client: Client, options: ScanOptions | None = None) -> Callable[[str], Probe]:
    """A fetcher for `verify_open_alerts`; it keeps nothing it downloads.

    A refusal or a failure raises OSError, so the alert counts as not re-checked rather than
    taken down.
    """
    options = options or ScanOptions()

    def probe(url: str) -> Probe:
        answer = client.get(url, options.limits.max_file_bytes)
        if answer.status >= 400 or answer.truncated:
            return Probe(status=answer.status)
        verdict = scan(answer.data, url.rsplit("/", 1)[-1], options)
        clean = verdict.fully_read and verdict.severity is Severity.NONE
        sha256 = hashlib.sha256(answer.data).hexdigest()
        return Probe(status=answer.status, sha256=sha256, clean=clean)

    return probe
