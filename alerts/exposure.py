"""What a stored scan exposed, read back from the masked findings for emails and the report."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from alerts.model import EntityCount, Exposure, Place
from detectors.model import Severity, Vector

if TYPE_CHECKING:
    from alerts.store import Store


def load_exposure(store: Store, scan_id: int) -> Exposure:
    scan = store.db.execute(
        "SELECT severity, people, format, kinds, special_categories, structures "
        "FROM scans WHERE id = ?",
        [scan_id],
    ).fetchone()
    if scan is None:
        raise LookupError(f"no scan {scan_id}")
    severity, people, fmt, kinds, special, structures = scan
    rows = store.db.execute(
        "SELECT entity, location, vector, inner_vector, count, example FROM findings "
        "WHERE scan_id = ? ORDER BY id",
        [scan_id],
    ).fetchall()
    places = [
        Place(
            entity=entity,
            where=location,
            vector=inner or vector,
            hidden=Vector(vector).hidden,
            count=count or 0,
            example=example or "",
        )
        for entity, location, vector, inner, count, example in rows
    ]
    # Hidden places first: they are the ones the web team will not find by looking.
    places.sort(key=lambda p: (not p.hidden, -p.count))
    return Exposure(
        severity=Severity(severity),
        people=people or 0,
        format=fmt or "",
        kinds=tuple(json.loads(kinds or "[]")),
        special_categories=tuple(json.loads(special or "[]")),
        entities=_entity_counts(places),
        places=tuple(places),
        hiding_places=tuple(
            f"{where} ({detail})" if detail else where
            for _vector, where, detail in json.loads(structures or "[]")
        ),
    )


def _entity_counts(places: list[Place]) -> tuple[EntityCount, ...]:
    totals: dict[str, int] = {}
    hidden: dict[str, bool] = {}
    for place in places:
        totals[place.entity] = totals.get(place.entity, 0) + place.count
        hidden[place.entity] = hidden.get(place.entity, False) or place.hidden
    ordered = sorted(totals, key=lambda entity: -totals[entity])
    return tuple(EntityCount(e, totals[e], hidden[e]) for e in ordered)
