"""Verdicts as the stable `scan --json` objects of the design (masked values only)."""

from __future__ import annotations

from typing import Any

from detectors.model import Finding, Verdict


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    return {
        "source": verdict.source,
        "sha256": verdict.sha256,
        "format": verdict.format,
        "status": str(verdict.status),
        "error": verdict.error,
        "severity": str(verdict.severity),
        "people": verdict.people,
        "kinds": list(verdict.kinds),
        "special_categories": list(verdict.special_categories),
        "findings": [finding_json(finding) for finding in verdict.findings],
        "hiding_places": [
            {"vector": str(s.vector), "where": s.where, "detail": s.detail}
            for s in verdict.structures
        ],
        "unread": [{"where": part.where, "reason": part.reason} for part in verdict.unread],
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    record: dict[str, Any] = {
        "entity": finding.entity,
        "vector": str(finding.vector),
        "hidden": finding.hidden,
        "where": finding.where,
        "count": finding.count,
        "score": round(finding.score, 2),
        "example": finding.example,
        "public_role": finding.public_role,
    }
    if finding.inner_vector is not None:
        record["inner_vector"] = str(finding.inner_vector)
    if finding.covers:
        record["covers"] = [{"page": c.page, "box": list(c.box)} for c in finding.covers]
    return record
