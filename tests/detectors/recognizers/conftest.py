"""Shared helpers: run text through the real analyzer and read back the values it found."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from presidio_analyzer import AnalyzerEngine

from detectors.engine import analyzer
from detectors.prose import MIN_SCORE

Detect = Callable[[str, str], list[str]]


@pytest.fixture(scope="session")
def engine() -> AnalyzerEngine:
    return analyzer()


@pytest.fixture(scope="session")
def detect(engine: AnalyzerEngine) -> Detect:
    """detect(text, entity) -> the values of that entity found at prose confidence."""

    def run(text: str, entity: str) -> list[str]:
        results = engine.analyze(text, language="en", entities=[entity])
        return [text[r.start : r.end] for r in results if r.score >= MIN_SCORE]

    return run
