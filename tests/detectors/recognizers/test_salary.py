"""The SALARY recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestSalary(RecognizerCases):
    ENTITY = "SALARY"
    FINDS = (
        ("He was appointed on a salary of £34,500.", "£34,500"),
        ("Overtime: £1,240.50", "£1,240.50"),
        ("The post pays £42,000 per annum.", "£42,000"),
        ("She is paid £31,000 a year.", "£31,000"),
        ("Housing allowance £2,400", "£2,400"),
        ("Gross pay £3,100.25 for March", "£3,100.25"),
        ("He earns £28k pa", "£28k"),
        ("Basic salary: £45000", "£45000"),
        ("Rest day working at £15.50 per hour", "£15.50"),
    )
    IGNORES = (
        "The total overtime bill was £1,234,567.",
        "The force spent £2,500 on equipment.",
        "A £3 million budget was agreed.",
        "Pay rises cost £5m this year.",
        "He was given a fine of £100.",
        "The budget for salaries is £2,000,000.",
        "A cost of £45,000 per year for the contract.",
        "There are 34,500 officers.",
        "Salary band 4 applies to FOI 82525.",
        "Pay scales range from £28,551 to £46,044 per annum.",
        "The average overtime payment was £1,240.",
    )
    CELLS = (
        ("£34,500", False),
        ("£1,240.50", False),
        ("£ 42000", False),
        ("£28k", False),
        ("34500", True),
        ("34,500.00", True),
        ("£15.50", False),
        ("2400", True),
    )
    NOT_CELLS = (
        ("34500", False),
        ("£", False),
        ("£3m", False),
        ("Band 4", True),
        ("12", True),
        ("N/A", True),
        ("£1.5", False),
        ("FOI 82525", True),
    )
