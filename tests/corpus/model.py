"""The labelled document record and the seeded random sources the corpus generators share."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker

from detectors.model import Table, Text


@dataclass(frozen=True)
class Doc:
    """One synthetic document and what a perfect detector would say about it."""

    name: str
    items: tuple[Text | Table, ...]
    leaky: bool
    """Worth an alert (severity medium or above)."""
    kinds: frozenset[str] = frozenset()
    entities: tuple[tuple[str, int], ...] = ()
    """Personal values planted, per entity type."""
    people: int = 0
    allow: frozenset[str] = frozenset()
    prose: bool = False
    """Needs the presidio prose finder (slower)."""
    embedded_in: str | None = None
    special_categories: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Maker:
    """Random sources shared by the generators: one seed gives one corpus."""

    rng: random.Random
    fake: Faker

    def surname(self) -> str:
        return str(self.fake.last_name())

    def forename(self) -> str:
        return str(self.fake.first_name())

    def people(self, n: int) -> list[tuple[str, str]]:
        """n distinct (forename, surname) pairs."""
        seen: set[tuple[str, str]] = set()
        while len(seen) < n:
            seen.add((self.forename(), self.surname()))
        return sorted(seen, key=lambda _: self.rng.random())


Generator = Callable[[Maker, int], Doc]
