"""Counting the hiding places an inspector found, so each is reported even when it holds no
personal data: the structures say "hidden text in 3 places" without saying what it is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from detectors.model import Item, Structure, Table, Text, Vector

_NOT_COUNTED = {Vector.PAGE_TEXT, Vector.CELL, Vector.METADATA, Vector.EMBEDDED_FILE}


def tallied(items: Iterator[Item], skip: frozenset[Vector] = frozenset()) -> Iterator[Item]:
    """Pass `items` through, then add one structure per hidden vector seen, with its count."""
    counts: Counter[Vector] = Counter()
    for item in items:
        if isinstance(item, Text | Table) and item.vector not in _NOT_COUNTED | skip:
            counts[item.vector] += 1
        yield item
    for vector, count in sorted(counts.items()):
        yield Structure(vector, "document", f"found in {count:,} place{'s' * (count != 1)}")
