"""Row tuples as a Table carries them: trailing blanks trimmed, missing rows filled in."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from detectors.limits import Budget

MAX_GAP = 10_000
_CHECK_EVERY = 512


def fill_gaps(
    pairs: Iterable[tuple[int, tuple[str, ...]]], first: int, budget: Budget
) -> Iterator[tuple[str, ...]]:
    """Row tuples with empty tuples for missing rows (gaps up to MAX_GAP), from `first` on."""
    expected = first
    for checked, (number, values) in enumerate(pairs, 1):
        if not checked % _CHECK_EVERY:
            budget.check()
        gap = number - expected
        if 0 < gap <= MAX_GAP:
            yield from itertools.repeat((), gap)
        yield values
        expected = number + 1


def trim(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The values without their trailing blanks."""
    end = len(values)
    while end and not values[end - 1]:
        end -= 1
    return tuple(values[:end])


def plural(count: int, noun: str) -> str:
    """plural(1, 'row') -> '1 row'; plural(9483, 'row') -> '9,483 rows'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
