"""Fetching one URL outside a crawl (`leaksweep scan URL`), within the scope, with a size cap."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import unquote, urlsplit

from crawler.scope import OutOfScope, Scope

USER_AGENT = "leaksweep/0.1 (+personal data leak checker)"


class FetchError(Exception):
    """The URL could not be fetched; the message is one line for a person."""


@dataclass(frozen=True)
class Fetched:
    url: str
    name: str
    data: bytes
    content_type: str
    truncated: bool


def fetch_url(url: str, max_bytes: int, scope: Scope, timeout_s: float = 30.0) -> Fetched:
    """Fetch `url`; the URL, every redirect and every address connected to must be in `scope`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with scope.opener().open(request, timeout=timeout_s) as response:
            data = response.read(max_bytes + 1)
            headers: Message = response.headers
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} fetching {url}") from error
    except OutOfScope as error:
        raise FetchError(f"refused: {error}") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise FetchError(f"cannot fetch {url}: {error}") from error
    return Fetched(
        url=final_url,
        name=file_name(final_url, headers.get("Content-Disposition", "")),
        data=data[:max_bytes],
        content_type=headers.get_content_type(),
        truncated=len(data) > max_bytes,
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
