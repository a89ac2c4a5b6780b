"""Severity shorthands and their order, for tests that bound a verdict between two levels."""

from __future__ import annotations

from detectors.model import Severity

C, H, M, L, N = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NONE
ORDER = [N, L, M, H, C]
"""Severities from none to critical: compare verdicts by their index here."""
