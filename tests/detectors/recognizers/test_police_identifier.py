"""The POLICE_IDENTIFIER recognizer's cases: in prose, and as a whole cell value."""

from __future__ import annotations

from _cases import RecognizerCases


class TestPoliceIdentifier(RecognizerCases):
    ENTITY = "POLICE_IDENTIFIER"
    FINDS = (
        ("PC 1234 attended the scene.", "PC 1234"),
        ("The statement was taken by DC 567 later that day.", "DC 567"),
        ("Sgt 2345 supervised the search.", "Sgt 2345"),
        ("PCSO 9876 spoke to the neighbours.", "PCSO 9876"),
        ("Arresting officer: PC1234", "PC1234"),
        ("His warrant number 123456 is on the form.", "123456"),
        ("collar number: 4521", "4521"),
        ("Payroll no. 00123456 was paid twice.", "00123456"),
        ("Inspector 321 authorised the entry.", "Inspector 321"),
        ("Service number 12345 appears on the log.", "12345"),
        ("At 14:05, DC 5678 attended the scene.", "DC 5678"),
        ("Seen by PC 1234. No further action.", "PC 1234"),
        ("Officers present: PC 1234, and others.", "PC 1234"),
    )
    IGNORES = (
        "Our reference: FOI 82525",
        "The dc 12 volt supply failed.",
        "In 2023 PCs were issued to 40 staff.",
        "Page 12 of 20",
        "There were 1,234 officers and 12 sergeants.",
        "Constable 1 was not recorded.",
        "Staff numbers: 2,345 officers in 2023.",
        "The service 123456 has been withdrawn.",
        "A PS5 was seized.",
        "Chief Constable Jane Doe wrote on 12 March.",
        "Write to the Internal Revenue Service, Washington, DC 20224.",
        "Adobe Acrobat Pro DC 20.13.20074",
        "Acrobat Pro DC 20.9.20067",
        "uuid:D7F781F2-DC77-41C9-AC23-D2CFD58D3F79",
        "xmp.iid:3AB91543-812D-4743-PC55-D2CFD58D3F79",
        "https://www.example.gov/district-council-pages/DC001.html",
    )
    CELLS = (
        ("PC 1234", False),
        ("DC567", False),
        ("Sgt 2345", False),
        ("PCSO 9876", False),
        ("4521", True),
        ("00123456", True),
        ("AB1234", True),
        ("Inspector 321", False),
    )
    NOT_CELLS = (
        ("4521", False),
        ("pc 1234", False),
        ("FOI 82525", True),
        ("12", True),
        ("1,234", True),
        ("Constable", True),
        ("PC", False),
        ("2023-01-01", True),
    )
