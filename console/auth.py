"""Sessions in signed cookies, CSRF tokens for every form, and the trusted proxy header."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from console.users import Role, User, find_user

COOKIE = "leaksweep_session"
SESSION_HOURS = 12


@dataclass(frozen=True)
class Session:
    csrf: str
    user: str | None = None


class Sessions:
    """Reads and writes the session cookie; the signing key lives in the database."""

    def __init__(self, secret: bytes, *, secure: bool = True) -> None:
        self.signer = URLSafeTimedSerializer(secret, salt="leaksweep-session")
        self.secure = secure

    def read(self, request: Request) -> Session | None:
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            data: Any = self.signer.loads(raw, max_age=SESSION_HOURS * 3600)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("csrf"), str):
            return None
        user = data.get("user")
        return Session(csrf=data["csrf"], user=user if isinstance(user, str) else None)

    def write(self, response: Response, session: Session) -> None:
        response.set_cookie(
            COOKIE,
            self.signer.dumps({"csrf": session.csrf, "user": session.user}),
            max_age=SESSION_HOURS * 3600,
            httponly=True,
            samesite="strict",
            secure=self.secure,
            path="/",
        )


def new_session(user: str | None = None) -> Session:
    """A fresh CSRF token with every login and logout, so a token never outlives its session."""
    return Session(csrf=secrets.token_urlsafe(32), user=user)


def csrf_ok(session: Session | None, submitted: object) -> bool:
    if session is None or not isinstance(submitted, str) or not submitted:
        return False
    return hmac.compare_digest(session.csrf.encode(), submitted.encode())


def current_user(request: Request) -> User | None:
    """Who is asking: the proxy's header when configured, else the session's account."""
    state = request.app.state
    header = state.config.proxy_user_header
    with state.open_store() as store:
        if header:
            name = request.headers.get(header, "").strip()
            if not name:
                return None
            return find_user(store, name) or User(name, Role.VIEWER)
        session: Session | None = request.state.session
        if session is None or session.user is None:
            return None
        return find_user(store, session.user)
