"""Microsoft Teams channel: an Adaptive Card posted to a channel through a Workflows webhook.

The webhook URL is a secret (anyone holding it can post): it is read from the environment.
The card carries what a web officer needs to act — severity, file, how many people, where the
data sits with masked examples, and the console link — never a raw value.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

import httpx

from alerts.channels import _http
from alerts.errors import DeliveryError
from alerts.model import Exposure, OutboxMessage
from alerts.settings import TeamsSettings

PLACES_SHOWN = 5
TEXT_CHARS = 1_500


Describe = Callable[[OutboxMessage], Exposure | None]
"""What an alert message is about (the stored, masked exposure), or None for a digest."""


class TeamsChannel:
    """Posts one card per outbox message; throttling (429) and server errors are retried."""

    sender = "Microsoft Teams"

    def __init__(
        self,
        settings: TeamsSettings,
        describe: Describe | None = None,
        *,
        console_url: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.console_url = console_url
        self._describe = describe
        self._sleep = sleep
        self._http = httpx.Client(timeout=settings.timeout_s, verify=settings.ca_file or True)

    def send(self, message: OutboxMessage, email: EmailMessage) -> str | None:
        url = os.environ.get(self.settings.webhook_env, "")
        if not url:
            raise DeliveryError(
                f"Teams webhook missing: set ${self.settings.webhook_env}", temporary=False
            )
        exposure = self._describe(message) if self._describe else None
        body = teams_card(message, exposure, self.console_url)
        try:
            response = _http.post(
                self._http, url, body, sleep=self._sleep, max_wait_s=self.settings.max_wait_s
            )
        except httpx.HTTPError as error:
            # The URL is a secret: name the host only.
            host = httpx.URL(url).host
            raise DeliveryError(
                f"cannot reach the Teams webhook at {host}", temporary=True
            ) from error
        if 200 <= response.status_code < 300:
            return None
        raise DeliveryError(
            f"Teams webhook answered {response.status_code}",
            temporary=_http.temporary(response.status_code),
        )

    def close(self) -> None:
        self._http.close()


def teams_card(
    message: OutboxMessage, exposure: Exposure | None, console_url: str | None
) -> dict[str, Any]:
    """The webhook body: one Adaptive Card built from the message and its masked exposure."""
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": message.subject, "weight": "Bolder", "wrap": True}
    ]
    if exposure is not None:
        facts = [
            ("Severity", str(exposure.severity)),
            ("People", f"{exposure.people:,}"),
            ("Site", message.site),
        ]
        if exposure.kinds:
            facts.append(("Kind", ", ".join(k.replace("_", " ") for k in exposure.kinds)))
        if exposure.special_categories:
            facts.append(
                (
                    "Special categories",
                    ", ".join(c.replace("_", " ") for c in exposure.special_categories),
                )
            )
        body.append({"type": "FactSet", "facts": [{"title": t, "value": v} for t, v in facts]})
        for place in exposure.places[:PLACES_SHOWN]:
            hidden = "hidden, " if place.hidden else ""
            line = f"{place.entity} ({hidden}{place.count:,}) in {place.where}"
            if place.example:
                line += f": e.g. {place.example}"
            body.append({"type": "TextBlock", "text": line, "wrap": True, "spacing": "Small"})
        if len(exposure.places) > PLACES_SHOWN:
            more = len(exposure.places) - PLACES_SHOWN
            body.append({"type": "TextBlock", "text": f"… and {more} more places", "wrap": True})
    else:
        text = message.body_text.strip()
        if len(text) > TEXT_CHARS:
            text = text[: TEXT_CHARS - 1] + "…"
        body.append({"type": "TextBlock", "text": text, "wrap": True})
    actions: list[dict[str, Any]] = []
    if console_url and message.alert_id:
        target = f"{console_url.rstrip('/')}/alerts/{message.alert_id}"
        actions.append({"type": "Action.OpenUrl", "title": "Open in console", "url": target})
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }
