"""Held-out files from independent generators, scanned end to end, meet the detection bars."""

from __future__ import annotations

import pytest

from holdout.generate import build_holdout
from holdout.score import HoldoutScore, Outcome, score_holdout

SEED = 11
SCALE = 0.27
"""About 40 files: every generator at least once."""


@pytest.fixture(scope="module")
def score() -> HoldoutScore:
    return score_holdout(build_holdout(SEED, SCALE))


def _names(outcomes: list[Outcome]) -> list[str]:
    return [f"{o.doc.name}: {', '.join(o.problems)}" for o in outcomes]


def test_the_set_has_both_sides(score: HoldoutScore) -> None:
    assert score.leaky >= 18
    assert score.clean >= 18


def test_leaky_files_are_flagged(score: HoldoutScore) -> None:
    assert score.recall >= 0.95, _names(score.failures())


def test_clean_files_raise_few_alarms(score: HoldoutScore) -> None:
    assert score.false_alarm_rate <= 0.05, _names(score.failures())


def test_kinds_are_right(score: HoldoutScore) -> None:
    for kind, (right, total) in score.kind_accuracy().items():
        assert right / total >= 0.9, (kind, _names(score.failures()))


def test_people_counts_are_close(score: HoldoutScore) -> None:
    errors = score.people_errors()
    within = sum(1 for error in errors if error <= 0.10)
    assert within / len(errors) >= 0.9, _names(score.failures())
