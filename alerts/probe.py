"""The default re-check of an alert's URL: HTTP status, content hash, and a scan if it changed."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable

from alerts.model import Probe
from detectors.model import Severity
from detectors.scan import ScanOptions, scan

USER_AGENT = "leaksweep/0.1 (+takedown verification)"


def http_probe(
    options: ScanOptions | None = None, timeout_s: float = 30.0
) -> Callable[[str], Probe]:
    """A fetcher for `verify_open_alerts`; it keeps nothing it downloads."""
    options = options or ScanOptions()

    def probe(url: str) -> Probe:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        limit = options.limits.max_file_bytes
        try:
            with urllib.request.urlopen(request, timeout=timeout_s) as response:
                status = response.status
                data = response.read(limit + 1)
        except urllib.error.HTTPError as error:
            return Probe(status=error.code)
        except (urllib.error.URLError, ValueError) as error:
            raise OSError(f"cannot fetch {url}: {error}") from error
        if len(data) > limit:
            return Probe(status=status)
        verdict = scan(data, url.rsplit("/", 1)[-1], options)
        clean = verdict.fully_read and verdict.severity is Severity.NONE
        return Probe(status=status, sha256=hashlib.sha256(data).hexdigest(), clean=clean)

    return probe
