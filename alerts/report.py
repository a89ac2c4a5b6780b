"""The HTML report: open alerts by severity and site, with evidence and timeline, for people."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alerts import lifecycle, outbox
from alerts.exposure import load_exposure
from alerts.model import Alert, AlertEvent, AlertState, Clock, Exposure
from alerts.render import environment
from detectors.model import Severity

if TYPE_CHECKING:
    from alerts.store import Store


@dataclass(frozen=True)
class ReportEntry:
    alert: Alert
    exposure: Exposure
    events: tuple[AlertEvent, ...]


def render_report(store: Store, clock: Clock | None = None) -> str:
    """A self-contained page (inline CSS, no script) holding only masked examples."""
    everything = lifecycle.list_alerts(store)
    active = [a for a in everything if a.state.active]
    taken_down = [a for a in everything if a.state is AlertState.TAKEN_DOWN]
    severities = [s for s in reversed(Severity) if s is not Severity.NONE]
    context = {
        "generated": (clock or store.clock)(),
        "severities": [str(s) for s in severities],
        "by_severity": Counter(str(a.severity) for a in active),
        "by_site": sorted(Counter(a.site for a in active).items()),
        "by_state": Counter(str(a.state) for a in everything),
        "people": sum(a.people for a in active),
        "queued": outbox.count_queued(store),
        "groups": [
            (str(severity), [_entry(store, a) for a in active if a.severity is severity])
            for severity in severities
        ],
        "taken_down": [_entry(store, a) for a in taken_down],
        "max_places": 40,
    }
    return environment().get_template("report.html.j2").render(context)


def _entry(store: Store, alert: Alert) -> ReportEntry:
    return ReportEntry(
        alert=alert,
        exposure=load_exposure(store, alert.scan_id),
        events=tuple(lifecycle.timeline(store, alert.id)),
    )
