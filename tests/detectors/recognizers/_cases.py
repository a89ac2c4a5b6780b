"""A recognizer's test is its table of cases: `RecognizerCases` turns the table into tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from detectors.recognizers import match_value

Detect = Callable[[str, str], list[str]]
Cell = str | tuple[str, bool]
"""A whole cell value, alone or with whether its column header names the entity."""


class RecognizerCases:
    """Subclass as `Test<Recognizer>` with ENTITY and the four tables; `conftest` parametrizes
    each test below from its table (`TABLES`)."""

    ENTITY: ClassVar[str]
    FINDS: ClassVar[tuple[tuple[str, str], ...]] = ()
    """Prose, and the one value the analyzer finds in it."""
    IGNORES: ClassVar[tuple[str, ...]] = ()
    """Prose with look-alikes in which nothing is found."""
    CELLS: ClassVar[tuple[Cell, ...]] = ()
    """Cell values that are the entity; a value alone is judged without a header hint."""
    NOT_CELLS: ClassVar[tuple[Cell, ...]] = ()
    """Cell values that are not."""

    def test_finds(self, detect: Detect, text: str, value: str) -> None:
        assert detect(text, self.ENTITY) == [value]

    def test_ignores_look_alikes(self, detect: Detect, text: str) -> None:
        assert detect(text, self.ENTITY) == []

    def test_cell_matches(self, value: str, hint: bool) -> None:
        assert match_value(self.ENTITY, value, header_hint=hint)

    def test_cell_does_not_match(self, value: str, hint: bool) -> None:
        assert not match_value(self.ENTITY, value, header_hint=hint)


TABLES = {
    "test_finds": ("text,value", "FINDS"),
    "test_ignores_look_alikes": ("text", "IGNORES"),
    "test_cell_matches": ("value,hint", "CELLS"),
    "test_cell_does_not_match": ("value,hint", "NOT_CELLS"),
}
"""Test name -> (its parameter names, the table its cases come from)."""


def collect_cases(cls: type[RecognizerCases], test: str) -> tuple[str, list[object]]:
    """The parameter names and rows for one of a recognizer's tests."""
    argnames, table = TABLES[test]
    rows = getattr(cls, table)
    if argnames == "value,hint":
        rows = [(row, False) if isinstance(row, str) else row for row in rows]
    return argnames, list(rows)
