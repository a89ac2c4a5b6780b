"""The STREET_ADDRESS recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestStreetAddress(RecognizerCases):
    ENTITY = "STREET_ADDRESS"
    FINDS = (
        ("The victim lives at 14 Elm Grove, Leeds.", "14 Elm Grove"),
        ("Flat 3, 22 Mill Lane was searched.", "Flat 3, 22 Mill Lane"),
        ("Officers attended 7A Station Road at 2am.", "7A Station Road"),
        ("Premises: 12-14 High Street", "12-14 High Street"),
        ("Her address is 5 St Mary's Close.", "5 St Mary's Close"),
        ("Reported from 101 Oak Tree Avenue.", "101 Oak Tree Avenue"),
        ("A car was stolen outside 3 Victoria Gardens.", "3 Victoria Gardens"),
        ("Resident of Flat 2 Kingsley House.", "Flat 2 Kingsley House"),
        ("Damage at 9 Long Acre Crescent overnight.", "9 Long Acre Crescent"),
    )
    IGNORES = (
        "There were 3 Crown Court cases in May.",
        "In 2021 Station Road was closed for repairs.",
        "Officers patrolled the high street.",
        "12 officers were deployed on Station Road.",
        "There were 12 Magistrates Court hearings.",
        "Appendix 2 Court Orders",
        "3 Police Officers were injured.",
        "Section 12 Road Traffic Act offences",
        "FOI 82525 asked about 40 Road Traffic Collisions.",
    )
    CELLS = (
        "14 Elm Grove",
        "Flat 3, 22 Mill Lane",
        "7A Station Road",
        "12-14 High Street",
        "5 St Mary's Close",
        "101 Oak Tree Avenue, Leeds",
        "Flat 2 Kingsley House",
        "9 Long Acre Crescent, Hull, HU1 1AA",
    )
    NOT_CELLS = (
        "Station Road",
        "3 Crown Court",
        "12",
        "High Street Leeds",
        "Leeds",
        "HU1 1AA",
        "12 officers",
        "FOI 82525",
    )
