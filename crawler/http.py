"""The one HTTP client for requests outside a crawl: `scan URL` and the re-check of alerts.

Built on the scope's opener (every request, redirect and connection checked), it names
leaksweep and the operator's contact in its User-Agent as the crawler does, goes through the
proxy given by the standard HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables, and retries a
connection failure, a 429 or a 502/503/504 with backoff before giving up.

Errors: `HttpError` (one line for a person) for anything that did not give a response;
`OutOfScope` is one of them and is never retried.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from importlib.metadata import PackageNotFoundError, version

from crawler.scope import OutOfScope, Scope

RETRY_STATUSES = frozenset({429, 502, 503, 504})
ATTEMPTS = 3
BACKOFF_S = 2.0
MAX_RETRY_AFTER_S = 30.0


class HttpError(OSError):
    """No response was had (refused, unreachable, out of scope); one line for a person."""

    def __init__(self, message: str, *, out_of_scope: bool = False) -> None:
        super().__init__(message)
        self.out_of_scope = out_of_scope


@dataclass(frozen=True)
class Response:
    url: str
    """After redirects."""
    status: int
    headers: Message
    data: bytes
    """At most `max_bytes`: `truncated` says whether there was more."""
    truncated: bool


def user_agent(contact: str) -> str:
    """The same User-Agent for the crawler and every other request."""
    try:
        release = version("leaksweep")
    except PackageNotFoundError:
        release = "0"
    where = contact if "://" in contact or "@" not in contact else f"mailto:{contact}"
    return (
        f"leaksweep/{release} (+{where}; checks this site for personal data published by mistake)"
    )


class HttpClient:
    def __init__(
        self,
        scope: Scope,
        contact: str = "webmaster@localhost",
        *,
        timeout_s: float = 30.0,
        attempts: int = ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.scope = scope
        self.user_agent = user_agent(contact)
        self.timeout_s = timeout_s
        self.attempts = attempts
        self._sleep = sleep
        self._opener = scope.opener(proxies=urllib.request.getproxies())

    def get(self, url: str, max_bytes: int) -> Response:
        """GET `url`, reading at most max_bytes (+1 to know it was cut). An HTTP error status
        is a Response too; HttpError when no response was had after the retries."""
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        for attempt in range(1, self.attempts + 1):
            try:
                with self._opener.open(request, timeout=self.timeout_s) as answer:
                    data = answer.read(max_bytes + 1)
                    response = Response(
                        answer.geturl(),
                        answer.status,
                        answer.headers,
                        data[:max_bytes],
                        len(data) > max_bytes,
                    )
            except urllib.error.HTTPError as error:
                response = Response(url, error.code, error.headers, b"", False)
                error.close()
            except OutOfScope as error:
                raise HttpError(f"refused: {error}", out_of_scope=True) from error
            except (urllib.error.URLError, OSError, ValueError) as error:
                reason = getattr(error, "reason", error)
                if attempt == self.attempts:
                    raise HttpError(f"cannot fetch {url}: {reason}") from error
                self._sleep(BACKOFF_S * 2 ** (attempt - 1))
                continue
            if response.status not in RETRY_STATUSES or attempt == self.attempts:
                return response
            self._sleep(_wait(response, attempt))
        raise AssertionError("unreachable")  # the loop returns or raises


def _wait(response: Response, attempt: int) -> float:
    backoff = BACKOFF_S * 2 ** (attempt - 1)
    value = (response.headers.get("Retry-After") or "").strip()
    try:
        return min(max(float(value), backoff), MAX_RETRY_AFTER_S)
    except ValueError:
        return backoff
