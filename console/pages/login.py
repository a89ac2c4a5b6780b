"""Logging in and out with a console account (unless a single-sign-on proxy names the user)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from console.auth import new_session
from console.users import check_password
from console.web import render, require_form, see_other


def _safe_next(value: object) -> str:
    """Only a path on this console, never another site (no open redirect)."""
    text = value if isinstance(value, str) else ""
    return text if text.startswith("/") and not text.startswith("//") else "/alerts"


async def login_page(request: Request) -> Response:
    return render(request, "login.html.j2", {"next": _safe_next(request.query_params.get("next"))})


async def login_submit(request: Request) -> Response:
    form = await require_form(request)
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    target = _safe_next(form.get("next"))

    def check() -> object:
        with request.app.state.open_store() as store:
            return check_password(store, name, password)

    user = await run_in_threadpool(check)
    if user is None:
        context = {"next": target, "failed": True}
        return render(request, "login.html.j2", context, status_code=401)
    request.state.new_session = new_session(name)
    return see_other(target)


async def logout(request: Request) -> Response:
    await require_form(request)
    request.state.new_session = new_session()
    return see_other("/login")


ROUTES = [
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
