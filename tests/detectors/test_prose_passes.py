"""Prose detection runs only the passes a text needs, and finds what one full pass finds."""

from __future__ import annotations

import pytest

from detectors.engine import ENTITIES, LANGUAGE, analyzer, pattern_recognizers
from detectors.prose import Match, _select, find_entities, may_match
from detectors.prose_names import could_hold_name, find_names

# Names in the forms prose and forms write them, beside patterns with and without the
# context words that raise their score, and text with neither.
TEXTS = [
    "SMITH, John was seen leaving the premises.",
    "Statement taken from Mr o'Neil at the front counter.",
    "Dr Anne-Marie Jones examined the complainant on Tuesday.",
    "Maria de la Cruz and Łukasz Nowak were both interviewed.",
    "Victim Jane Brown of 14 Elm Grove, Leeds LS1 4AB, tel 07911 123456.",
    "The home address is postcode LS1 4AB.",
    "Reference LS1 4AB.",
    "DC 4521 Rebecca Hall, rebecca.hall@police.example.uk",
    "Suspect DOB: 12/03/1985, crime ref 12345/21. NHS number 485 777 3457.",
    "Her national insurance number is AB 12 34 56 C and she was born 1 May 1980.",
    "MEMBERSHIP BYLAWS\nALL MEMBERS MUST HAVE A PROFILE\nPage 4 of 21",
    "Total spend 2023: 1,234 items in 12 categories.",
    "Ring John Smith on 0161/496/0000 or 07911\u2013123456.",
    "int read(void); return 0;",
    "",
]


def _one_full_pass(text: str) -> list[tuple[str, int, int, float]]:
    """Every recognizer over the whole pipeline (tagger, lemmatizer, NER): the reference."""
    results = analyzer().analyze(text, LANGUAGE, entities=list(ENTITIES))
    selected = _select(text, results)
    taken = [(m.start, m.end) for m in selected]
    selected += [Match("PERSON", n.start, n.end, n.score) for n in find_names(text, taken)]
    return sorted((m.entity, m.start, m.end, round(m.score, 6)) for m in selected)


@pytest.mark.parametrize("text", TEXTS)
def test_the_passes_a_text_needs_find_what_one_full_pass_finds(text: str) -> None:
    [matches] = find_entities([text])
    found = sorted((m.entity, m.start, m.end, round(m.score, 6)) for m in matches)
    assert found == _one_full_pass(text)


def test_a_batch_finds_what_each_text_finds_alone() -> None:
    assert find_entities(TEXTS) == [find_entities([text])[0] for text in TEXTS]


@pytest.mark.parametrize(
    "text",
    [
        "SMITH, John was seen leaving.",
        "Statement taken from Mr o'Neil.",
        "Dr Anne-Marie Jones examined her.",
        "Gethin Pugh-Noble spoke to Ms Siobhan O'Brien.",
        "MARY O'BRIEN, 12 High Street",
    ],
)
def test_names_in_prose_pass_the_name_prefilter(text: str) -> None:
    # Capitals, a lower-case particle, a double-barrelled forename: the NER model reads them.
    assert could_hold_name(text)
    assert _persons(find_entities([text])[0]) == _persons(
        [Match(e, s, t, c) for e, s, t, c in _one_full_pass(text)]
    )


def _persons(matches: list[Match]) -> list[tuple[int, int]]:
    return sorted((m.start, m.end) for m in matches if m.entity == "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "Mobile: 07911 123456",
        "Call 0161/496/0000 today",
        "Call 0161\u2013496\u20130000 today",
        "Call 0161 / 496 / 0000 today",
        "Email jane@example.org",
        "NI number AB 12 34 56 C",
        "NHS number 485 777 3457",
        "Postcode SW1A 1AA",
        "Registration AB12 CDE",
        "Driving licence MORGA753116SM9IJ",
        "From 192.168.10.1 and fe80::1",
        "DOB: 12/03/1985",
        "Crime ref 12345/21",
        "PC 4521 attended",
        "Collar number 4521",
        "Salary £32,500 a year",
        "Sort code 12-34-56 account 12345678",
        "He lives at 14 Elm Grove",
    ],
)
def test_every_kind_of_pattern_passes_the_pattern_prefilter(text: str) -> None:
    artifacts = analyzer().nlp_engine.process_text(text, LANGUAGE)
    matched = [r.analyze(text, list(ENTITIES), artifacts) for r in pattern_recognizers()]
    assert any(matched), "the table must hold a value some recognizer matches"
    assert may_match(text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting was held on Tuesday afternoon.",
        "Figures: 12, 345 and 7.",
        "int read(void); return 0;",
        "MEMBERSHIP BYLAWS (CONT.)",
    ],
)
def test_text_the_pattern_prefilter_stops_holds_no_pattern(text: str) -> None:
    assert not may_match(text)
    artifacts = analyzer().nlp_engine.process_text(text, LANGUAGE)
    assert not any(r.analyze(text, list(ENTITIES), artifacts) for r in pattern_recognizers())
