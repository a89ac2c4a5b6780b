"""What one crawl did, counted in Scrapy stats under `leaksweep/…` and summed per site."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from detectors.model import Severity

PREFIX = "leaksweep/"
PAGES = PREFIX + "pages"
DOCUMENTS = PREFIX + "documents"
CONDITIONAL = PREFIX + "conditional"
NOT_MODIFIED = PREFIX + "not_modified"
SCANNED = PREFIX + "scanned"
UNCHANGED = PREFIX + "unchanged"
GONE = PREFIX + "gone"
TOO_LARGE = PREFIX + "too_large"
ERRORS = PREFIX + "errors"
BROKEN = PREFIX + "broken_links"
TRAPS = PREFIX + "traps"
RENDERED = PREFIX + "rendered"
OUT_OF_SCOPE = PREFIX + "out_of_scope"
SCAN_SECONDS = PREFIX + "scan_seconds"
LAST_FAILURE = PREFIX + "last_failure"
"""The message of the latest failed download (what went wrong when nothing came back)."""
SEVERITY = PREFIX + "severity/"
"""Followed by a severity: documents seen this crawl whose latest scan is at that level."""


@dataclass(frozen=True)
class CrawlSummary:
    """Counts for one crawl of one site (all its spiders), as shown to people and scripts."""

    site: str
    requests: int = 0
    pages: int = 0
    documents: int = 0
    conditional: int = 0
    not_modified: int = 0
    scanned: int = 0
    unchanged: int = 0
    """Fetched again with the same content, so not rescanned."""
    gone: int = 0
    too_large: int = 0
    errors: int = 0
    broken_links: int = 0
    traps: int = 0
    rendered: int = 0
    out_of_scope: int = 0
    """Requests and redirects refused: another host or an internal address (the browser's own
    refusals are logged, not counted)."""
    scan_seconds: float = 0.0
    """Time the detectors spent on this crawl's documents (they run beside the downloads)."""
    severities: dict[str, int] = field(default_factory=dict)
    finished: bool = False
    failure: str | None = None
    """Why the crawl itself failed (not a document: those are counted in `errors`)."""
    unreachable: bool = False
    """Not one page or document came back: the site refused, failed DNS or TLS, or robots.txt
    forbade everything. Never a quiet night."""

    def at_or_above(self, threshold: Severity) -> int:
        """How many documents seen this crawl are at `threshold` or worse."""
        return sum(n for s, n in self.severities.items() if Severity(s).rank >= threshold.rank)

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_COUNTERS = {
    "requests": "downloader/request_count",
    "pages": PAGES,
    "documents": DOCUMENTS,
    "conditional": CONDITIONAL,
    "not_modified": NOT_MODIFIED,
    "scanned": SCANNED,
    "unchanged": UNCHANGED,
    "gone": GONE,
    "too_large": TOO_LARGE,
    "errors": ERRORS,
    "broken_links": BROKEN,
    "traps": TRAPS,
    "rendered": RENDERED,
    "out_of_scope": OUT_OF_SCOPE,
}


def summarize(
    site: str, stats: Iterable[Mapping[str, object]], finished: bool = False
) -> CrawlSummary:
    """Add up the stats of every spider that crawled `site`."""
    totals: dict[str, Any] = dict.fromkeys(_COUNTERS, 0)
    severities: dict[str, int] = {}
    seconds = 0.0
    for one in stats:
        value = one.get(SCAN_SECONDS)
        seconds += value if isinstance(value, int | float) else 0.0
        for name, key in _COUNTERS.items():
            totals[name] += _int(one.get(key))
        for key, value in one.items():
            if key.startswith(SEVERITY):
                level = key.removeprefix(SEVERITY)
                severities[level] = severities.get(level, 0) + _int(value)
    counted = CrawlSummary(
        site, scan_seconds=round(seconds, 3), severities=severities, finished=finished
    )
    return replace(counted, **totals)


_CAUSES = (
    ("DNSLookupError", "DNS lookup failed"),
    ("DNS lookup failed", "DNS lookup failed"),
    ("ConnectionRefusedError", "connection refused"),
    ("Connection refused", "connection refused"),
    ("certificate", "TLS certificate rejected"),
    ("SSL", "TLS handshake failed"),
    ("TLS", "TLS handshake failed"),
    ("ResponseNeverReceived", "no response (connection or TLS handshake failed)"),
    ("TimeoutError", "timed out"),
    ("TCPTimedOutError", "timed out"),
    ("NoRouteError", "no route to host"),
    ("ConnectionLost", "connection lost"),
)
_EXCEPTION = "downloader/exception_type_count/"
_STATUS = "downloader/response_status_count/"


def unreachable_because(stats: Iterable[Mapping[str, object]]) -> str | None:
    """Why a crawl fetched no page or document at all, or None when it fetched something."""
    everything = list(stats)
    if any(_int(one.get(PAGES)) + _int(one.get(DOCUMENTS)) for one in everything):
        return None
    exceptions = [
        k[len(_EXCEPTION) :] for one in everything for k in one if k.startswith(_EXCEPTION)
    ]
    messages = [str(one[LAST_FAILURE]) for one in everything if one.get(LAST_FAILURE)]
    for marker, cause in _CAUSES:
        if any(marker in text for text in [*messages, *exceptions]):
            return cause
    if any(_int(one.get("robotstxt/forbidden")) for one in everything):
        return "robots.txt forbids every start URL"
    statuses = sorted(
        {k[len(_STATUS) :] for one in everything for k in one if k.startswith(_STATUS)}
        - {"200", "304"}
    )
    if statuses:
        return f"no page fetched (HTTP {', '.join(statuses)})"
    if exceptions:
        return f"no page fetched ({exceptions[0].rsplit('.', 1)[-1]})"
    return "no page fetched"


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0
