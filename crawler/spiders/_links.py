"""Which links to follow: canonical URLs, trap guards, and telling pages from documents."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from scrapy.http import HtmlResponse, Response, TextResponse

SESSION_PARAMS = frozenset(
    {"jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken"}
)
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "msclkid", "mc_cid", "mc_eid"})
_PATH_SESSION = re.compile(r";(jsessionid|sid|phpsessid)=[^/?#]*", re.I)
_DATE = re.compile(r"(\d{4})(?:[-/]\d{1,2}){0,2}")
_SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "#", "sms:", "ftp:")
MAX_URL_LENGTH = 500
MAX_QUERY_PARAMS = 8
MAX_SEGMENTS = 15
MAX_QUERY_VARIANTS = 500
"""Distinct query strings followed for one path; beyond this the path is generating URLs."""


def canonical(url: str) -> str:
    """The URL without fragment, session ids or tracking parameters, query kept in order."""
    parts = urlsplit(url)
    path = _PATH_SESSION.sub("", parts.path) or "/"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in SESSION_PARAMS
        and key.lower() not in TRACKING_PARAMS
        and not key.lower().startswith("utm_")
    ]
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(query), ""))


def trap_reason(url: str, today: date | None = None) -> str | None:
    """Why following `url` would likely never end (a crawler trap), or None when it looks fine."""
    if len(url) > MAX_URL_LENGTH:
        return "URL too long"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_SEGMENTS:
        return "path too deep"
    counts = Counter(s.lower() for s in segments)
    if counts and max(counts.values()) > 2:
        return "repeated path segment"
    if _repeats_pair(segments):
        return "repeating path pattern"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if len(query) > MAX_QUERY_PARAMS:
        return "too many query parameters"
    if len({key for key, _ in query}) < len(query):
        return "repeated query parameter"
    this_year = (today or date.today()).year
    # Only whole dates count: a segment or a value such as 2031, 2031-04 or 2031-04-30.
    for value in [*segments, *(value for _, value in query)]:
        found = _DATE.fullmatch(value)
        if found and not 1990 <= int(found.group(1)) <= this_year + 1:
            return "calendar date out of range"
    return None


def _repeats_pair(segments: list[str]) -> bool:
    for size in (2, 3):
        for start in range(len(segments) - 2 * size + 1):
            if segments[start : start + size] == segments[start + size : start + 2 * size]:
                return True
    return False


class QueryBudget:
    """Counts distinct query strings per path so an endless generator gets cut off."""

    def __init__(self, limit: int = MAX_QUERY_VARIANTS) -> None:
        self.limit = limit
        self._seen: dict[tuple[str, str], set[str]] = {}

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if not parts.query:
            return True
        variants = self._seen.setdefault((parts.netloc, parts.path), set())
        if parts.query in variants:
            return True
        if len(variants) >= self.limit:
            return False
        variants.add(parts.query)
        return True


def links(response: Response) -> Iterator[tuple[str, str]]:
    """Every (absolute URL, anchor text) linked from an HTML page, in document order."""
    if not isinstance(response, TextResponse):
        return
    selector = response.xpath("//a[@href] | //area[@href] | //link[@rel='alternate'][@href]")
    base = response.xpath("//base/@href").get()
    root = urljoin(response.url, base) if base else response.url
    for node in selector:
        href = (node.attrib.get("href") or "").strip()
        if not href or href.lower().startswith(_SKIPPED_SCHEMES):
            continue
        absolute = urljoin(root, href)
        if not absolute.startswith(("http://", "https://")):
            continue
        text = " ".join(node.xpath(".//text()").getall()).strip()
        yield canonical(absolute), text
    for src in response.xpath("//iframe/@src | //embed/@src | //object/@data").getall():
        absolute = urljoin(root, src.strip())
        if absolute.startswith(("http://", "https://")):
            yield canonical(absolute), ""


def is_page(response: Response) -> bool:
    """An HTML page to read links from, as opposed to a document to scan as a file."""
    if not isinstance(response, HtmlResponse):
        return False
    disposition = (response.headers.get(b"Content-Disposition") or b"").decode("latin-1")
    return not disposition.lower().startswith("attachment")


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name.encode("ascii"))
    return value.decode("latin-1") if value else None
