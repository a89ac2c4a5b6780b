"""The default re-check of an alert's URL: HTTP status, content hash, and a scan if it changed."""

from __future__ import annotations

import hashlib
import urllib.error
import urllib.request
from collections.abc import Callable

from alerts.model import Probe
from detectors.model import Severity, Status
from detectors.scan import ScanOptions, scan

USER_AGENT = "leaksweep/0.1 (+takedown verification)"


def http_probe(
    opener: urllib.request.OpenerDirector,
    options: ScanOptions | None = None,
    timeout_s: float = 30.0,
) -> Callable[[str], Probe]:
    """A fetcher for `verify_open_alerts`; it keeps nothing it downloads.

    `opener` decides what may be fetched: the crawl's scope (`crawler.scope.Scope.opener`),
    which refuses hosts outside the configured sites, internal addresses and such redirects;
    a refusal is an OSError, so the alert counts as not re-checked rather than taken down.
    """
    options = options or ScanOptions()

    def probe(url: str) -> Probe:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        limit = options.limits.max_file_bytes
        try:
            with opener.open(request, timeout=timeout_s) as response:
                status = response.status
                data = response.read(limit + 1)
        except urllib.error.HTTPError as error:
            return Probe(status=error.code)
        except (urllib.error.URLError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise OSError(f"cannot fetch {url}: {reason}") from error
        if len(data) > limit:
            return Probe(status=status)
        verdict = scan(data, url.rsplit("/", 1)[-1], options)
        clean = verdict.status is Status.SCANNED and verdict.severity is Severity.NONE
        return Probe(status=status, sha256=hashlib.sha256(data).hexdigest(), clean=clean)

    return probe
