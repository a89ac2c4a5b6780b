"""Links from alert emails into the web console, when a console is served.

`leaksweep serve` records its public address (`console_url`) in the database; emails queued
after that carry "Open in console" and a signed, expiring, single-use "I'm taking it down"
link. Following that link never acts by itself (mail scanners fetch links): the console asks
the signed-in person to confirm.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

if TYPE_CHECKING:
    from alerts.store import Store

LINK_DAYS = 7
_SALT = "leaksweep-email-link"


@dataclass(frozen=True)
class ConsoleLinks:
    open: str
    take_down: str


def console_secret(store: Store) -> bytes:
    """The console's signing key: made once per installation, kept in the owner-only database."""
    row = store.db.execute("SELECT value FROM meta WHERE key = 'console_secret'").fetchone()
    if row:
        return bytes.fromhex(row[0])
    value = secrets.token_bytes(32)
    store.db.table("meta").insert({"key": "console_secret", "value": value.hex()}, replace=True)
    return value


def set_console_url(store: Store, url: str | None) -> None:
    if url:
        store.db.table("meta").insert({"key": "console_url", "value": url}, replace=True)
    else:
        store.db.execute("DELETE FROM meta WHERE key = 'console_url'")


def links_for(store: Store, alert_id: str) -> ConsoleLinks | None:
    """The email's links for `alert_id`, or None when no console is served."""
    row = store.db.execute("SELECT value FROM meta WHERE key = 'console_url'").fetchone()
    if not row or not row[0]:
        return None
    base = str(row[0]).rstrip("/")
    token = _signer(store).dumps({"a": alert_id, "do": "ack", "n": secrets.token_urlsafe(12)})
    return ConsoleLinks(open=f"{base}/alerts/{alert_id}", take_down=f"{base}/act/{token}")


def read_link(store: Store, token: str) -> tuple[str, str] | None:
    """(alert id, nonce) of a valid, unexpired, unused link token; None otherwise."""
    try:
        data: Any = _signer(store).loads(token, max_age=LINK_DAYS * 86_400)
    except BadSignature:
        return None
    if not isinstance(data, dict) or data.get("do") != "ack":
        return None
    alert_id, nonce = data.get("a"), data.get("n")
    if not isinstance(alert_id, str) or not isinstance(nonce, str):
        return None
    used = store.db.execute("SELECT 1 FROM used_links WHERE nonce = ?", [nonce]).fetchone()
    return None if used else (alert_id, nonce)


def use_link(store: Store, nonce: str, at: str) -> bool:
    """Spend a link; False when it was already spent (two clicks racing)."""
    cursor = store.db.execute(
        "INSERT OR IGNORE INTO used_links (nonce, used_at) VALUES (?, ?)", [nonce, at]
    )
    return cursor.rowcount == 1


def _signer(store: Store) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(console_secret(store), salt=_SALT)
