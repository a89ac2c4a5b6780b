"""An outbox message as an RFC 5322 email: text and HTML alternatives, threaded headers."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime

from alerts.model import OutboxMessage, parse_stamp


def compose(message: OutboxMessage, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    """The same bytes every time for the same message, so a retry is the same email."""
    email = EmailMessage()
    email["From"] = sender
    if recipients:
        email["To"] = ", ".join(recipients)
    email["Subject"] = message.subject
    # Date is when the alert was queued, not when a retry finally went out.
    email["Date"] = format_datetime(parse_stamp(message.created))
    email["Message-ID"] = message.message_id
    if message.in_reply_to:
        email["In-Reply-To"] = message.in_reply_to
        email["References"] = message.in_reply_to
    email["Auto-Submitted"] = "auto-generated"
    email["X-Auto-Response-Suppress"] = "All"
    if message.alert_id:
        email["X-Leaksweep-Alert"] = message.alert_id
    email["X-Leaksweep-Kind"] = str(message.kind)
    email.set_content(message.body_text)
    email.add_alternative(message.body_html, subtype="html")
    return email
