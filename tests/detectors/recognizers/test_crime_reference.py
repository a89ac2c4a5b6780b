"""The CRIME_REFERENCE recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestCrimeReference(RecognizerCases):
    ENTITY = "CRIME_REFERENCE"
    FINDS = (
        ("Crime reference 12345/21 relates to the burglary.", "12345/21"),
        ("Please quote CRN 12345/21 in all replies.", "12345/21"),
        ("The report 37/12345/23 was passed to CID.", "37/12345/23"),
        ("Logged as NC-20230101-1234 by the control room.", "NC-20230101-1234"),
        ("Occurrence 23*123456 was closed with no further action.", "23*123456"),
        ("The file URN 42AB1234523 went to the CPS.", "42AB1234523"),
        ("crime number: 4012345/23 (theft)", "4012345/23"),
        ("See crime no. WA/2023/001234 for details.", "WA/2023/001234"),
        ("Occurrence number 23000123456 refers.", "23000123456"),
        ("recorded under crime ref CR/0012345/22", "CR/0012345/22"),
    )
    IGNORES = (
        "Our reference: FOI 82525",
        "Your request FOI 2023/1234 has been answered.",
        "In 2021/22 there were 1,234 crimes recorded.",
        "Crime figures for 12/2023 are attached.",
        "Occurrences: 1234 in 2022",
        "The letter dated 01/02/23 refers.",
        "Section 40(2) applies to the remainder.",
        "Crime numbers for 2022/23 rose by 12%.",
        "Please call 01632 960123 and quote the crime.",
        "URN 12 was not found.",
    )
    CELLS = (
        ("37/12345/23", False),
        ("NC-20230101-1234", False),
        ("23*123456", False),
        ("42AB1234523", False),
        ("12345/21", True),
        ("CR/0012345/22", True),
        ("23000123456", True),
        (" 4012345/23 ", True),
    )
    NOT_CELLS = (
        ("12345/21", False),
        ("FOI 82525", False),
        ("FOI 82525", True),
        ("2023", True),
        ("2021/22", True),
        ("01/02/23", False),
        ("1,234", True),
        ("Burglary", True),
    )
