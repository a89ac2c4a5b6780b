"""The alert list (filtered by site, state, severity), one alert's page, and its buttons."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from alerts import lifecycle
from alerts.errors import AlertNotFound, AlertStateError
from alerts.exposure import load_exposure
from alerts.model import AlertState, parse_stamp
from alerts.render import ICO_HOURS
from alerts.verify import verify_alert
from console import labels
from console.web import render, require_form, require_responder, require_user, see_other
from crawler.alerting import probe_for, send_outbox
from detectors.model import Severity

SEVERITIES = [str(s) for s in reversed(Severity) if s is not Severity.NONE]
STATES = [str(s) for s in AlertState]


def _chosen(request: Request, name: str, allowed: list[str]) -> list[str]:
    return [v for v in request.query_params.getlist(name) if v in allowed]


async def alert_list(request: Request) -> Response:
    require_user(request)
    with request.app.state.open_store() as store:
        sites = sorted({s.name for s in request.app.state.config.sites} | store.alert_sites())
        states = _chosen(request, "state", STATES)
        severities = _chosen(request, "severity", SEVERITIES)
        site = _chosen(request, "site", sites)
        found = lifecycle.list_alerts(
            store,
            states=[AlertState(s) for s in states]
            or [AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.TAKEN_DOWN],
            severities=[Severity(s) for s in severities],
            sites=site,
        )
    context = {
        "alerts": found,
        "sites": sites,
        "states": STATES,
        "severities": SEVERITIES,
        "chosen": {"state": states, "severity": severities, "site": site},
    }
    return render(request, "alerts.html.j2", context)


async def alert_page(request: Request) -> Response:
    require_user(request)
    alert_id = request.path_params["alert_id"].upper()
    with request.app.state.open_store() as store:
        try:
            alert = lifecycle.load_alert(store, alert_id)
        except AlertNotFound as error:
            raise HTTPException(404, f"There is no alert {alert_id}.") from error
        exposure = load_exposure(store, alert.scan_id)
        events = lifecycle.timeline(store, alert.id)
    found = parse_stamp(alert.exposed_since)
    context = {
        "alert": alert,
        "exposure": exposure,
        "events": events,
        "found": found,
        "ico_deadline": found + timedelta(hours=ICO_HOURS),
        "next_step": labels.next_step(alert.state),
        "message": MESSAGES.get(request.query_params.get("done", ""), ""),
    }
    return render(request, "alert.html.j2", context)


MESSAGES = {
    "acknowledged": "Acknowledged: the team can see you are taking it down.",
    "resolved": "Resolved.",
    "taken_down": "Re-checked: the address no longer serves the file. Takedown confirmed.",
    "still_exposed": "Re-checked: the file is still online.",
    "unreachable": "Re-checked: the site could not be reached; try again shortly.",
}


async def acknowledge(request: Request) -> Response:
    user = require_user(request)
    form = await require_form(request)
    require_responder(user)
    name = " ".join(str(form.get("name") or user.name).split())[:100] or user.name
    by = name if name == user.name else f"{name} (signed in as {user.name})"
    return _act(request, lambda store, alert_id: lifecycle.acknowledge(store, alert_id, by))


async def resolve(request: Request) -> Response:
    user = require_user(request)
    form = await require_form(request)
    require_responder(user)
    note = " ".join(str(form.get("note", "")).split())[:500]
    detail = f"{note} (by {user.name})" if note else f"by {user.name}"
    return _act(request, lambda store, alert_id: lifecycle.resolve(store, alert_id, detail))


async def recheck(request: Request) -> Response:
    user = require_user(request)
    await require_form(request)
    require_responder(user)
    config = request.app.state.config
    alert_id = request.path_params["alert_id"].upper()

    def check() -> str:
        with request.app.state.open_store() as store:
            try:
                alert = lifecycle.load_alert(store, alert_id)
            except AlertNotFound as error:
                raise HTTPException(404, f"There is no alert {alert_id}.") from error
            if not alert.state.active:
                raise HTTPException(409, f"Alert {alert_id} is {alert.state}: nothing to re-check.")
            outcomes = verify_alert(store, alert, probe_for(config), settings=config.alerts)
            lifecycle.record_event(store, alert_id, "re-checked", f"by {user.name} in the console")
            send_outbox(store, config)
            return outcomes[0]

    outcome = await run_in_threadpool(check)
    return see_other(f"/alerts/{alert_id}?done={outcome}")


def _act(request: Request, action: Any) -> Response:
    alert_id = request.path_params["alert_id"].upper()
    with request.app.state.open_store() as store:
        try:
            alert = action(store, alert_id)
        except AlertNotFound as error:
            raise HTTPException(404, f"There is no alert {alert_id}.") from error
        except AlertStateError as error:
            raise HTTPException(409, str(error)) from error
    return see_other(f"/alerts/{alert.id}?done={alert.state}")


ROUTES = [
    Route("/alerts", alert_list, methods=["GET"]),
    Route("/alerts/{alert_id}", alert_page, methods=["GET"]),
    Route("/alerts/{alert_id}/acknowledge", acknowledge, methods=["POST"]),
    Route("/alerts/{alert_id}/resolve", resolve, methods=["POST"]),
    Route("/alerts/{alert_id}/recheck", recheck, methods=["POST"]),
]
