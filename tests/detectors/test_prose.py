from __future__ import annotations

import pytest

from detectors import prose
from detectors.prose import LONG_RUN, Match, defuse, find_entities


def values(text: str) -> set[tuple[str, str]]:
    return {(m.entity, text[m.start : m.end]) for m in find_entities([text])[0]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "John Smith lives at 14 Elm Grove, Leeds LS1 4AB.",
            {
                ("PERSON", "John Smith"),
                ("STREET_ADDRESS", "14 Elm Grove"),
                ("UK_POSTCODE", "LS1 4AB"),
            },
        ),
        (
            "Officer in charge: DC 4521 Rebecca Hall, rebecca.hall@police.example.uk",
            {
                ("POLICE_IDENTIFIER", "DC 4521"),
                ("PERSON", "Rebecca Hall"),
                ("EMAIL_ADDRESS", "rebecca.hall@police.example.uk"),
            },
        ),
        (
            "The Chief Constable, Sarah Thompson, thanked PC Gary Wells.",
            {("PERSON", "Sarah Thompson"), ("PERSON", "Gary Wells")},
        ),
        ("Mobile: 07911 123456", {("PHONE_NUMBER", "07911 123456")}),
        ("Supt Harris met Sarah Green.", {("PERSON", "Harris"), ("PERSON", "Sarah Green")}),
        (
            "Suspect DOB: 12/03/1985, crime ref 12345/21.",
            {("DATE_OF_BIRTH", "12/03/1985"), ("CRIME_REFERENCE", "12345/21")},
        ),
    ],
)
def test_finds_personal_data(text: str, expected: set[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chief Constable\nSergeant\nInspector",
        "Dear Sir or Madam,",
        "CHIEF CONSTABLE'S ANNUAL REPORT 2023",
        "Our reference: FOI 82525. Between 01/04/2022 and 31/03/2023 there were 12345 incidents.",
        "There were 1,234,567 calls in 2023 and the total overtime bill was £1,234,567.",
        "1234 was recorded against 5678.",
        "The Freedom of Information Act 2000 section 40(2) applies.",
        "Headquarters, Falconers Chase, Wymondham",
        "Salary scales for PC range from £28,551 to £46,044 per annum.",
        "Operation Bluebird concluded.",
    ],
)
def test_quiet_on_letters_headings_and_statistics(text: str) -> None:
    assert values(text) == set()


def test_one_result_list_per_text_in_order() -> None:
    texts = ["", "Jane Doe wrote.", "   ", "Mobile: 07911 123456"]
    results = find_entities(texts)
    assert [[m.entity for m in r] for r in results] == [[], ["PERSON"], [], ["PHONE_NUMBER"]]
    assert find_entities([]) == []


def test_match_holds_offsets_not_values() -> None:
    text = "Email jo.bloggs@example.org now"
    (match,) = find_entities([text])[0]
    assert match == Match("EMAIL_ADDRESS", 6, 27, match.score)
    assert not any(isinstance(v, str) and "@" in v for v in vars(match).values())


def test_overlaps_keep_the_patterned_entity() -> None:
    text = "Contact Jane.Doe@example.org"
    assert values(text) == {("EMAIL_ADDRESS", "Jane.Doe@example.org")}


def test_long_texts_are_chunked_and_offsets_remapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prose, "CHUNK_CHARS", 200)
    filler = "Nothing to report on this line at all.\n" * 20
    text = filler + "Mobile: 07911 123456\n" + filler + "DOB: 12/03/1985\n" + filler
    found = find_entities([text])[0]
    assert [(m.entity, text[m.start : m.end]) for m in found] == [
        ("PHONE_NUMBER", "07911 123456"),
        ("DATE_OF_BIRTH", "12/03/1985"),
    ]


@pytest.mark.parametrize("size", [0, 1, 199, 200, 201, 1000])
def test_chunks_cover_the_text(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(prose, "CHUNK_CHARS", 50)
    text = ("word " * 400)[:size]
    pieces = list(prose._chunks(text))
    assert "".join(chunk for _, chunk in pieces).strip() == text.strip()
    assert all(len(chunk) <= 50 and text[o : o + len(chunk)] == chunk for o, chunk in pieces)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000,
        "x" * 81,
        "Contact " + "=" * 500 + " Jane Smith on 01632 960001",
        "short text stays as it is",
        "a" * 80,
    ],
)
def test_defuse_keeps_offsets_and_breaks_long_runs(text: str) -> None:
    defused = defuse(text)
    assert len(defused) == len(text)
    assert max(len(run) for run in defused.split()) <= LONG_RUN
    assert [i for i, c in enumerate(defused) if c != text[i]] == [
        i for i, c in enumerate(defused) if c == " " and text[i] != " "
    ]
    if len(text) <= LONG_RUN:
        assert defused == text


def test_entities_after_a_long_run_keep_their_offsets() -> None:
    text = "=" * 300 + " Call PC 4521 about it."
    [matches] = find_entities([text])
    assert any(text[m.start : m.end].endswith("4521") for m in matches)


def test_context_still_raises_a_pattern_in_text_without_names() -> None:
    # No name word here, so the NER model is skipped; the postcode's context word still counts.
    assert values("The home address is postcode LS1 4AB.") == {("UK_POSTCODE", "LS1 4AB")}
    assert values("Reference LS1 4AB.") == set()


def test_names_found_beside_text_without_names() -> None:
    texts = ["int read(void); return 0;", "Report by Jane Doe.", "Call 07911 123456 today"]
    found = find_entities(texts)
    assert [[m.entity for m in r] for r in found] == [[], ["PERSON"], ["PHONE_NUMBER"]]


def test_check_runs_before_each_chunk_and_can_stop() -> None:
    calls: list[int] = []

    def check() -> None:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("spent")

    with pytest.raises(RuntimeError):
        find_entities(["Report by Jane Doe.", "Report by John Smith."], check=check)
    assert len(calls) == 2
