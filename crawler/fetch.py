"""Fetching one URL outside a crawl (`leaksweep scan URL`), within the scope, with a size cap."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message
from urllib.parse import unquote, urlsplit

from crawler.http import HttpClient, HttpError


class FetchError(Exception):
    """The URL could not be fetched; the message is one line for a person."""


@dataclass(frozen=True)
class Fetched:
    url: str
    name: str
    data: bytes
    content_type: str
    truncated: bool


def fetch_url(url: str, max_bytes: int, client: HttpClient) -> Fetched:
    """Fetch `url` through `client`, whose scope checks it, every redirect and connection."""
    try:
        response = client.get(url, max_bytes)
    except HttpError as error:
        raise FetchError(str(error)) from error
    if response.status >= 400:
        raise FetchError(f"HTTP {response.status} fetching {url}")
    return Fetched(
        url=response.url,
        name=file_name(response.url, response.headers.get("Content-Disposition", "")),
        data=response.data,
        content_type=response.headers.get_content_type(),
        truncated=response.truncated,
    )


def file_name(url: str, disposition: str = "") -> str:
    """The document's name from Content-Disposition, else the last part of the URL path."""
    if disposition:
        message = Message()
        message["Content-Disposition"] = disposition
        name = message.get_filename()
        if name:
            return name.rsplit("/", 1)[-1]
    path = unquote(urlsplit(url).path)
    return path.rstrip("/").rsplit("/", 1)[-1] or urlsplit(url).netloc
