"""Shared helpers: run text through the real analyzer and read back the values it found."""

from __future__ import annotations

import pytest
from _cases import Detect, RecognizerCases, collect_cases
from presidio_analyzer import AnalyzerEngine

from detectors.engine import analyzer
from detectors.prose import MIN_SCORE


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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A recognizer's tests take their cases from its tables."""
    cls = metafunc.cls
    if cls is not None and issubclass(cls, RecognizerCases):
        argnames, rows = collect_cases(cls, metafunc.definition.originalname)
        metafunc.parametrize(argnames, rows)
