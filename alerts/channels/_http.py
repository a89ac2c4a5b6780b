"""What the HTTP channels share: one POST, repeated once after a short Retry-After."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import httpx

RETRY_STATUSES = frozenset({429, 502, 503, 504})
"""Throttled or briefly unavailable: worth one more try, then the outbox's backoff."""


def post(
    client: httpx.Client,
    url: str,
    body: dict[str, Any],
    *,
    headers: dict[str, str] | None = None,
    sleep: Callable[[float], None],
    max_wait_s: float,
    retry_statuses: Collection[int] = RETRY_STATUSES,
) -> httpx.Response:
    """POST body as JSON; on a retryable answer whose Retry-After is at most max_wait_s, wait
    and POST once more. Longer waits are left to the outbox. Raises httpx.HTTPError."""
    response = client.post(url, json=body, headers=headers)
    if response.status_code in retry_statuses:
        wait = retry_after(response)
        if wait is not None and wait <= max_wait_s:
            sleep(wait)
            response = client.post(url, json=body, headers=headers)
    return response


def retry_after(response: httpx.Response) -> float | None:
    """Seconds from a Retry-After header given in seconds; None when absent or a date."""
    value = response.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def temporary(status: int) -> bool:
    """Whether a failed answer may succeed later without anyone changing anything."""
    return status in RETRY_STATUSES or status >= 500
