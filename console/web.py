"""What every page shares: the template environment, rendering, and the access checks."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from console import labels
from console.auth import csrf_ok, current_user
from console.users import User

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value, in every template
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["london"] = labels.london
    env.filters["entity"] = labels.entity
    env.filters["vector"] = labels.vector
    env.filters["state"] = labels.state
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["label"] = lambda s: str(s).replace("_", " ")
    return env


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    session = request.state.session
    values = {
        "user": getattr(request.state, "user", None),
        "csrf": session.csrf if session else "",
        "proxy_login": bool(request.app.state.config.proxy_user_header),
        **context,
    }
    html = environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code)


class LoginRequired(Exception):
    """Raised by `require_user`; the app answers with a redirect to the login page."""


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise LoginRequired
    request.state.user = user
    return user


async def require_form(request: Request) -> dict[str, Any]:
    """The posted form, after checking its CSRF token against the session's."""
    form = await request.form()
    if not csrf_ok(request.state.session, form.get("csrf")):
        raise HTTPException(403, "This form has expired or did not come from this console.")
    return {key: value for key, value in form.items()}


def require_responder(user: User) -> None:
    if not user.can_act:
        raise HTTPException(403, "Your account can view alerts but not act on them.")


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
