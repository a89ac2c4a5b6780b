"""An outbox message as an RFC 5322 email: text and HTML alternatives, threaded headers."""

from __future__ import annotations

import hashlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from alerts.model import OutboxMessage, parse_stamp

# Headers up to RFC 5322's hard limit stay on one line: Python folds a long subject by
# moving all of it to a continuation line, which some clients show with a leading space.
POLICY = policy.default.clone(max_line_length=998)


def compose(message: OutboxMessage, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    """The same bytes every time for the same message, so a retry is the same email."""
    email = EmailMessage(policy=POLICY)
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
    # A boundary from the Message-ID rather than a random one keeps a resend byte-identical.
    email.set_boundary("=_ls_" + hashlib.sha256(message.message_id.encode()).hexdigest()[:32])
    return email
