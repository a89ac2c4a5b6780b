"""Shapes from a criminal-justice analysts' folder and a community council's letters: prisoner
extracts with PNC IDs, CRO and prison numbers (named or not), a letter's address block, names
the frequency source dropped, and newsletters whose topics are no one's special category."""

from __future__ import annotations

import random

import pytest
from faker import Faker

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Severity, Text, Vector
from detectors.names import is_forename
from detectors.recognizers.offender_identifier import CHECK_LETTERS
from detectors.scan import scan
from tests.detectors._tables import csv_bytes

_ORDER = [Severity.NONE, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]


def _pnc(rng: random.Random) -> str:
    year, serial = f"{rng.randrange(100):02d}", str(rng.randrange(1, 9_999_999))
    return f"{year}/{serial}{CHECK_LETTERS[int(year + serial.zfill(7)) % 23]}"


def _nomis(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    return (
        f"{rng.choice('AG')}{rng.randrange(1000, 9999)}{rng.choice(letters)}{rng.choice(letters)}"
    )


def _prison_number(rng: random.Random) -> str:
    return f"{rng.choice(['A', 'B', 'KT', 'TW'])}{rng.randrange(1000, 99999)}"


def _severity(text: str) -> Severity:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    return assess(detector.finish(), ()).severity


def test_a_named_prisoner_extract_is_case_records_of_each_prisoner() -> None:
    rng = random.Random(3)
    fake = Faker("en_GB")
    fake.seed_instance(3)
    header = ["NOMS", "SURNAME", "FORENAME", "DOB", "PNC ID", "OFFENCE", "PRISON"]
    rows = [
        [_nomis(rng), fake.last_name().upper(), fake.first_name().upper(),
         fake.date_of_birth(minimum_age=18, maximum_age=70).isoformat(), _pnc(rng),
         rng.choice(["Robbery", "Burglary", "Wounding"]), "HMP Northgate"]
        for _ in range(60)
    ]  # fmt: skip
    verdict = scan(csv_bytes(header, rows), "receptions.csv")
    assert verdict.severity is Severity.HIGH  # case records with no special category
    assert "case_records" in verdict.kinds
    assert verdict.people == 60
    found = {f.entity for f in verdict.findings}
    assert "OFFENDER_IDENTIFIER" in found, found


@pytest.mark.parametrize(
    "header",
    [
        ("PRISON_NUMBER", "LICENCE_REVOKE_TIME", "PROBATION_AREA"),
        ("CRO_PNC", "RECALL_DATE", "ESTABLISHMENT"),
        ("Prisoner no",),
    ],
)
def test_prisoners_known_only_by_their_numbers_are_still_people(header: tuple[str, ...]) -> None:
    rng = random.Random(len(header))
    numbers = _pnc if "PNC" in header[0] else _prison_number
    rows = [
        [numbers(rng), f"2015-06-{rng.randrange(1, 29):02d} 15:50", "North East"][: len(header)]
        for _ in range(40)
    ]
    verdict = scan(csv_bytes(header, rows), "recalls.csv")
    assert verdict.people >= 35, verdict.people  # a few numbers may repeat
    assert _ORDER.index(verdict.severity) >= _ORDER.index(Severity.HIGH)


def test_room_and_part_codes_are_not_prisoner_numbers() -> None:
    rng = random.Random(9)
    rows = [[_prison_number(rng), "Meeting room", str(rng.randrange(4, 30))] for _ in range(40)]
    verdict = scan(csv_bytes(["Room no", "Use", "Seats"], rows), "rooms.csv")
    assert not any(f.entity == "OFFENDER_IDENTIFIER" for f in verdict.findings)
    assert _ORDER.index(verdict.severity) <= _ORDER.index(Severity.LOW)


_LETTER = (
    "25th June 2022\n{name}\nRosehill\nLlandogo\nNP25 4TW\nDear {first}\n"
    "Your new council email address\nAs a Councillor in the Llandogo Ward you have been "
    "assigned a new email address. Your email address is {mail}@example.org.uk and your "
    "password has been set as Rt!9_kq.\nBest wishes\nSteve Parker\nClerk"
)


@pytest.mark.parametrize("first", ["Carla", "Oscar", "Maria", "Theodore"])
def test_a_letter_to_someone_at_home_is_a_private_address(first: str) -> None:
    assert is_forename(first)
    text = _LETTER.format(name=f"{first} Snell", first=first, mail=f"{first.lower()}.snell")
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    evidence = detector.finish()
    assert any(f.entity == "UK_POSTCODE" for f in evidence.findings), evidence.findings
    assert assess(evidence, ()).severity is Severity.MEDIUM


def test_a_postcode_inside_a_sentence_still_needs_an_address_word() -> None:
    text = "The NP25 4TW area saw Jane Marlow win the flower show again this year."
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    assert not any(f.entity == "UK_POSTCODE" for f in detector.finish().findings)


@pytest.mark.parametrize(
    ("text", "most"),
    [
        (
            "Sponsored fancy dress Pram Race was a great success, thanks to Joan Brierley "
            "on 015396 20125 who organised it.",
            Severity.MEDIUM,
        ),
        (
            "The Black Bull, landlord Tom Hebblethwaite on 015396 20125. Children welcome with a "
            "separate menu and outdoor play area.",
            Severity.MEDIUM,
        ),
        (
            "Youth club restarts on Friday; contact Dawn Whitely on 015396 20777 for the under 18s "
            "football team.",
            Severity.MEDIUM,
        ),
        (
            "The hall has been looked after by residents of the old village; call Joan Brierley "
            "on 015396 20125 to book it.",
            Severity.MEDIUM,
        ),
        (
            "Mrs Joan Brierley is your child's named guardian; call her on 015396 20125 about "
            "pocket money.",
            Severity.MEDIUM,
        ),
    ],
    ids=[
        "a pram race",
        "children welcome at a pub",
        "a youth club and an under 18s team",
        "a hall looked after",
        "a handbook's your child",
    ],
)
def test_a_newsletter_topic_is_no_category_of_the_people_it_names(
    text: str, most: Severity
) -> None:
    assert _ORDER.index(_severity(text)) <= _ORDER.index(most)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Jane Whitlock (Race: White British) was stopped in Leeds on 4 March.", "ethnicity"),
        ("Daniel Morley, 15, was referred to the youth offending team after he was cautioned.",
         "child"),
        ("The child, Tom Ashworth, was present at the address.", "child"),
        ("Jane Whitlock, a woman of mixed race, was searched on the high street.", "ethnicity"),
        ("Tom Ashworth, a looked after child, was reported missing on 4 March.", "child"),
        ("Dear Mrs Ashworth, your child, Tom Ashworth, was stopped on 4 March.", "child"),
    ],
    ids=[
        "a race label",
        "youth offending",
        "a named child",
        "mixed race",
        "looked after",
        "your named child",
    ],
)  # fmt: skip
def test_a_category_said_of_a_named_person_still_counts(text: str, category: str) -> None:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    assert category in detector.finish().special_categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Please ring Jane Whitlock on 07824 995202. She is a wheelchair user with a "
         "disability and may be slow to answer.", "health"),
        ("Jane Whitlock, 34, of Leeds, 07824 995202. Victim of a rape in March.",
         "sexual_offence"),
        ("Call Tom Ashworth on 07824 995202. Ashworth's records show abuse as a child at the "
         "Cedars home in 1984, reported to the police.", "child"),
    ],
    ids=["a pronoun", "a headline's note", "the surname again"],
)  # fmt: skip
def test_the_next_sentence_counts_when_it_goes_on_about_the_person(
    text: str, category: str
) -> None:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    assert category in detector.finish().special_categories


@pytest.mark.parametrize(
    "text",
    [
        "If you remain concerned, ring Mrs Pam Whitlock on 07824 995202, who will respond in "
        "confidence. Child Protection Policy The safety and welfare of children means "
        "protecting children from physical, emotional or sexual abuse or neglect.",
        "Questions about the form go to Ryan Holloway, 12 Mill Lane, Leeds LS6 2QT, 07824 "
        "995202. Murder Robbery Aggravated Assault Burglary Sexual Assault Hate Crime Stalking "
        "Drug Law Violation Arson Weapons",
    ],
    ids=["a policy's definition", "a form's list of offences"],
)
def test_a_next_sentence_about_something_else_gives_the_person_no_category(text: str) -> None:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    assert detector.finish().special_categories == ()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jane Whitlock reported on the new bus route. Further information can be obtained "
         "from Fife Disabilities on 01592 203993.", False),
        ("Jane Whitlock reported on the new bus route. Contact Learning Disability Services "
         "at 0113 222 3344 for the leaflet.", False),
        ("Call Jane Whitlock, who has a disability, on 07824 995202.", True),
        ("Jane Whitlock has a learning disability; call her on 07824 995202.", True),
    ],
    ids=["a charity to call", "a service to call", "said of her", "said of her first"],
)  # fmt: skip
def test_a_service_to_call_is_a_body_s_name_not_a_category(text: str, kept: bool) -> None:
    detector = Detector()
    detector.feed(Text(text, Vector.PAGE_TEXT, "page 1"))
    assert ("health" in detector.finish().special_categories) is kept
