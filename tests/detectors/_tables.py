"""Builders shared by the detection tests: a CSV from rows, made-up names, public-role flags."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from faker import Faker

from detectors.model import Verdict


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def fake_names(count: int, seed: int = 5) -> list[str]:
    """`count` GB-style full names, the same for the same seed."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return [f"{fake.first_name()} {fake.last_name()}" for _ in range(count)]


def person_roles(verdict: Verdict) -> list[bool]:
    """public_role of each PERSON finding."""
    return [f.public_role for f in verdict.findings if f.entity == "PERSON"]


def winansi(text: str) -> bool:
    """Whether `text` can be typed in a PDF's standard WinAnsi fonts."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
