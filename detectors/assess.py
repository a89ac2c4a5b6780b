"""Assessment: from detected evidence and hiding places to a severity for the document.

INTERIM rules; the documented severity model replaces `assess` keeping its signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from detectors.detect import Evidence
from detectors.model import Severity, Structure


@dataclass(frozen=True)
class Assessment:
    severity: Severity


def assess(evidence: Evidence, structures: tuple[Structure, ...]) -> Assessment:
    if not evidence.findings:
        return Assessment(Severity.NONE)
    hidden = any(finding.hidden for finding in evidence.findings)
    if evidence.people >= 50:
        return Assessment(Severity.CRITICAL if hidden else Severity.HIGH)
    return Assessment(Severity.MEDIUM if hidden else Severity.LOW)
