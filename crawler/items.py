"""Items the spiders yield: a fetched page or file, a 304, a file over the size cap."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fetched:
    """A page or document whose bytes arrived (HTTP 200)."""

    url: str
    referrer: str
    http_status: int
    name: str
    """File name from Content-Disposition or the URL (the detectors sniff the real format)."""
    content_type: str
    etag: str | None
    last_modified: str | None
    body: bytes = field(repr=False)
    """Never in a log line: Scrapy logs items, and these bytes may be the leak itself."""
    page: bool = False
    """True for an HTML page whose links were followed; False for a document."""


@dataclass(frozen=True)
class NotModified:
    """The server answered 304 to our conditional GET: nothing to scan."""

    url: str
    referrer: str
    etag: str | None
    last_modified: str | None
    page: bool


@dataclass(frozen=True)
class TooLarge:
    """A file larger than DOWNLOAD_MAXSIZE: recorded with status too_large, never scanned."""

    url: str
    referrer: str
    limit: int
    reason: str


Item = Fetched | NotModified | TooLarge
