from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from presidio_analyzer import AnalyzerEngine

from detectors.engine import ENTITIES, analyzer
from detectors.prose import MIN_SCORE, MIN_SCORES


@pytest.fixture(scope="session")
def engine() -> AnalyzerEngine:
    return analyzer()


def found(engine: AnalyzerEngine, text: str) -> set[tuple[str, str]]:
    return {
        (r.entity_type, text[r.start : r.end])
        for r in engine.analyze(text, language="en")
        if r.score >= MIN_SCORES.get(r.entity_type, MIN_SCORE)
    }


def test_loads_and_analyses_with_the_network_unreachable() -> None:
    # A fresh interpreter, so nothing was loaded before the network went away.
    script = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network unreachable in this test")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from detectors.engine import analyzer

        results = analyzer().analyze("Write to jo.bloggs@example.co.uk today.", language="en")
        assert [r.entity_type for r in results] == ["EMAIL_ADDRESS"], results
        assert results[0].score == 1.0, results
        print("ok")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
    assert "Download" not in run.stderr


def test_analyzer_is_built_once() -> None:
    assert analyzer() is analyzer()


def test_only_contract_entities_are_supported(engine: AnalyzerEngine) -> None:
    assert set(engine.get_supported_entities()) == set(ENTITIES)


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("Her National Insurance number is AB123456C.", "UK_NINO", "AB123456C"),
        ("NHS number 485 777 3457 was on the form.", "UK_NHS", "485 777 3457"),
        ("He lives at 4 Elm Road, Leeds LS1 4AB.", "UK_POSTCODE", "LS1 4AB"),
        ("Postcode: M1 1AE", "UK_POSTCODE", "M1 1AE"),
        ("The vehicle AB51 ABC was stopped.", "UK_VEHICLE_REGISTRATION", "AB51 ABC"),
        ("Passport number AB1234567 was seized.", "UK_PASSPORT", "AB1234567"),
        ("Driving licence MORGA753116SM9IJ", "UK_DRIVING_LICENCE", "MORGA753116SM9IJ"),
        ("Ring 0113 496 0000 after six.", "PHONE_NUMBER", "0113 496 0000"),
        ("Mobile: 07911 123456", "PHONE_NUMBER", "07911 123456"),
        ("Email jo.bloggs@example.org", "EMAIL_ADDRESS", "jo.bloggs@example.org"),
        ("Logged in from 192.168.10.20", "IP_ADDRESS", "192.168.10.20"),
    ],
)
def test_uk_and_generic_recognizers_are_on(
    engine: AnalyzerEngine, text: str, entity: str, value: str
) -> None:
    assert (entity, value) in found(engine, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("NHS number 943 476 5918 was on the form.", "UK_NHS"),  # checksum fails
        ("Leeds LS1 4AB", "UK_POSTCODE"),  # no address wording: below the line
        ("Reference AB1234567 was issued.", "UK_PASSPORT"),  # no passport wording
        ("The id02 was reviewed.", "UK_VEHICLE_REGISTRATION"),  # lower case is a word
        ("Our reference: FOI 82525", "PHONE_NUMBER"),
    ],
)
def test_weak_uk_matches_stay_below_the_line(
    engine: AnalyzerEngine, text: str, entity: str
) -> None:
    assert not any(e == entity for e, _ in found(engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was on 12 March 2023 in London.",  # DATE_TIME, LOCATION
        "See https://www.example.org/foi for details.",  # URL
        "SSN 078-05-1120 and card 4111 1111 1111 1111",  # US_SSN, CREDIT_CARD
        "Wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",  # CRYPTO
        "The British community in Spain",  # NRP, LOCATION
    ],
)
def test_unwanted_entities_are_not_reported(engine: AnalyzerEngine, text: str) -> None:
    entities = {r.entity_type for r in engine.analyze(text, language="en")}
    assert entities <= set(ENTITIES)
    assert not entities & {"DATE_TIME", "LOCATION", "URL", "US_SSN", "CREDIT_CARD", "CRYPTO", "NRP"}


def test_the_scan_contract_entity_types_are_all_offered() -> None:
    """Entity types other code and checks rely on: more may be added, none renamed."""
    contract = {
        *("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "UK_POSTCODE"),
        *("DATE_OF_BIRTH", "UK_NINO", "UK_NHS", "UK_VEHICLE_REGISTRATION", "UK_PASSPORT"),
        *("UK_DRIVING_LICENCE", "CRIME_REFERENCE", "POLICE_IDENTIFIER", "IP_ADDRESS"),
        *("BANK_DETAILS", "SALARY"),
    }
    assert contract <= set(ENTITIES)
