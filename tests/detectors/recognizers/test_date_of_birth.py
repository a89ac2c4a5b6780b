"""The DATE_OF_BIRTH recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestDateOfBirth(RecognizerCases):
    ENTITY = "DATE_OF_BIRTH"
    FINDS = (
        ("Suspect DOB: 12/03/1985, of no fixed abode.", "12/03/1985"),
        ("D.O.B. 01-02-1990", "01-02-1990"),
        ("Her date of birth is 3 March 1978.", "3 March 1978"),
        ("He was born on 14th July 2001 in Leeds.", "14th July 2001"),
        ("Date of Birth: 1985-03-12", "1985-03-12"),
        ("born 12.03.1985", "12.03.1985"),
        ("Jane Doe 12/03/1985 (DOB) was interviewed.", "12/03/1985"),
        ("DOB 5/6/85", "5/6/85"),
        ("birth date: March 3, 1978", "March 3, 1978"),
    )
    IGNORES = (
        "On 12/03/1985 the station opened.",
        "DOB: 31/02/1985",
        "DOB: 12/03/1885",
        "DOB: 12/03/2099",
        "Date of offence 12/03/2020",
        "She was born in 1985.",
        "The report dated 01/04/2023 is attached.",
        "FOI 82525 was received on 12 March 2024.",
        "DOB: 13/13/1990",
    )
    CELLS = (
        "12/03/1985",
        "01-02-1990",
        "3 March 1978",
        "1985-03-12",
        "12.03.1985",
        "5/6/85",
        "14th July 2001",
        "March 3, 1978",
    )
    NOT_CELLS = (
        "31/02/1985",
        "12/03/1885",
        "12/03/2099",
        "13/13/1990",
        "1985",
        "Unknown",
        "12/03",
        "FOI 82525",
    )
