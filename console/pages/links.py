"""The "I'm taking it down" link of an alert email: confirm, then acknowledge, once."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from alerts import lifecycle
from alerts.errors import AlertNotFound, AlertStateError
from alerts.links import read_link, use_link
from alerts.model import stamp
from console.web import render, require_form, require_responder, require_user, see_other

GONE = "This link has expired or has been used already. Open the alert in the console instead."


async def confirm(request: Request) -> Response:
    """Following the link changes nothing (mail scanners fetch links): it asks first."""
    user = require_user(request)
    with request.app.state.open_store() as store:
        found = read_link(store, request.path_params["token"])
        if found is None:
            raise HTTPException(410, GONE)
        try:
            alert = lifecycle.load_alert(store, found[0])
        except AlertNotFound as error:
            raise HTTPException(404, "That alert no longer exists.") from error
    context = {"alert": alert, "token": request.path_params["token"], "can_act": user.can_act}
    return render(request, "take_down.html.j2", context)


async def act(request: Request) -> Response:
    user = require_user(request)
    form = await require_form(request)
    require_responder(user)
    name = " ".join(str(form.get("name") or user.name).split())[:100] or user.name
    by = name if name == user.name else f"{name} (signed in as {user.name})"
    with request.app.state.open_store() as store:
        found = read_link(store, request.path_params["token"])
        if found is None:
            raise HTTPException(410, GONE)
        alert_id, nonce = found
        with store.db.atomic():
            if not use_link(store, nonce, stamp(store.clock())):
                raise HTTPException(410, GONE)
            try:
                alert = lifecycle.acknowledge(store, alert_id, f"{by} from the email link")
            except AlertNotFound as error:
                raise HTTPException(404, "That alert no longer exists.") from error
            except AlertStateError as error:
                raise HTTPException(409, str(error)) from error
    return see_other(f"/alerts/{alert.id}?done={alert.state}")


ROUTES = [
    Route("/act/{token}", confirm, methods=["GET"]),
    Route("/act/{token}", act, methods=["POST"]),
]
