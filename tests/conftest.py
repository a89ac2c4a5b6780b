"""Fixtures shared by every test folder."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put the root logger back as it was after a test that configures logging."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


StaffList = Callable[[int], bytes]
"""staff_list(seed) -> a CSV of 120 officers (surname, forename, rank, department, station,
salary): the PSNI/Cumbria shape, the same bytes for the same seed."""


@pytest.fixture
def staff_list() -> StaffList:
    from crawler.demo.people import Population

    def build(seed: int) -> bytes:
        rows = ["Surname,Forename,Rank,Department,Station,Salary"]
        rows += [
            f"{o.surname},{o.forename},{o.rank},{o.department},{o.station},{o.salary}"
            for o in Population(seed).officers(120)
        ]
        return ("\n".join(rows) + "\n").encode()

    return build
