"""The evaluation bars, on a smaller corpus, so a regression in detection fails CI."""

from __future__ import annotations

import pytest

from corpus import build_corpus
from corpus.score import Score, score_corpus

FIXED_FORMAT = ("UK_NINO", "CRIME_REFERENCE", "POLICE_IDENTIFIER", "EMAIL_ADDRESS", "UK_POSTCODE")


@pytest.fixture(scope="module")
def score() -> Score:
    return score_corpus(build_corpus(seed=11, copies=3))


def test_every_leaky_file_is_flagged(score: Score) -> None:
    assert score.file_recall >= 0.98, score.misses


def test_clean_files_do_not_raise_alarms(score: Score) -> None:
    assert score.clean_files >= 20
    assert score.false_alarm_rate <= 0.02, score.alarms


@pytest.mark.parametrize("entity", FIXED_FORMAT)
def test_fixed_format_identifiers_are_precise(score: Score, entity: str) -> None:
    assert score.entities[entity].precision >= 0.95


def test_names_in_tables_are_found(score: Score) -> None:
    assert score.entities["PERSON"].recall >= 0.9
    assert score.entities["PERSON"].precision >= 0.95


@pytest.mark.parametrize("kind", ["staff_list", "case_records", "contact_list"])
def test_document_kinds(score: Score, kind: str) -> None:
    assert score.kinds[kind].recall >= 0.95
    assert score.kinds[kind].precision >= 0.95


def test_people_counts_are_close(score: Score) -> None:
    errors = sorted(score.people_error)
    assert errors[len(errors) // 2] <= 0.02
