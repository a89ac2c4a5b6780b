"""The BANK_DETAILS recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestBankDetails(RecognizerCases):
    ENTITY = "BANK_DETAILS"
    FINDS = (
        ("Sort code 12-34-56, account 12345678", "12-34-56, account 12345678"),
        ("account number 12345678 sort code 20-00-00", "12345678 sort code 20-00-00"),
        ("Pay into 12-34-56 87654321 please.", "12-34-56 87654321"),
        ("sort code: 40 47 84 acc no: 01234567", "40 47 84 acc no: 01234567"),
        ("Account No. 12345678 was frozen.", "12345678"),
        ("A/C no 12345678", "12345678"),
        ("Bank details 11-22-33 / 44556677", "11-22-33 / 44556677"),
        ("Refund sent to 30-90-89, 12345678.", "30-90-89, 12345678"),
    )
    IGNORES = (
        "The sort code is 12-34-56.",
        "Reference 12345678 was issued.",
        "Our reference: FOI 82525",
        "Between 01-02-23 and 12-03-23 there were 1234 incidents.",
        "Call 01632 960123 for help.",
        "Code 12-34-567 and 12345678",
        "Account 1234567890 is closed.",
        "In 2023 there were 12345678 calls.",
        "PR00002153 with Bolton & Menk and Agmt PW 19-23-21 with the board",
        "Agreement 12-34-56-78 and order 12345678",
    )
    CELLS = (
        ("12-34-56 12345678", False),
        ("12345678, 12-34-56", False),
        ("12-34-56", False),
        ("40 47 84", False),
        ("12345678", True),
        ("12-34-56/12345678", False),
        (" 20-00-00 ", False),
        ("01234567", True),
    )
    NOT_CELLS = (
        ("12345678", False),
        ("123456789", True),
        ("12-34-567", False),
        ("12/34/56", False),
        ("FOI 82525", True),
        ("1234", True),
        ("12-34", False),
        ("Barclays", True),
    )
