"""Estimate how many distinct people a document exposes from the identity keys of its rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from detectors.row_people import PersonKeys


def count_people(keys: Iterable[PersonKeys]) -> int:
    """Distinct people, matching weaker keys to stronger ones seen anywhere in the document.

    A service number (or NINO, NHS number, own e-mail) is the strongest key; then surname with
    full forename (and date of birth when the row gives one); then surname with initial. A row
    known only by "Smith J" is the same person as a row elsewhere with "John Smith" or with
    service number 12345 and "Smith J", so a hidden sheet and its pivot cache count each
    officer once. A name without a date of birth (a pivot cache without that field, a shared
    string, a sentence) is the same person as that name with one. Within one table two
    "Smith J" rows are two people; across tables a weak key counts as many times as the table
    that has it most. People known only by a number count beyond the named ones, not beside
    them: nothing tells whether the numbers are theirs.
    """
    strong: dict[int, PersonKeys] = {}
    full_only: dict[tuple[int, int | None], PersonKeys] = {}
    weak: dict[int, Counter[int]] = {}
    for key in keys:
        if key.ident is not None:
            strong.setdefault(key.ident, key)
        elif key.full is not None:
            full_only.setdefault((key.full, key.birth), key)
        elif key.short is not None:
            by_source = weak.setdefault(key.short, Counter())
            # Texts (source < 0) name a person again and again: once per document is enough.
            by_source[key.source] = 1 if key.source < 0 else by_source[key.source] + 1
    known = {(key.full, key.birth) for key in strong.values() if key.full is not None}
    known_names = {full for full, _ in known}
    unborn_known = {full for full, birth in known if birth is None}
    born = {full for full, birth in full_only if birth is not None}
    people = list(strong.values())
    for (full, birth), key in full_only.items():
        if (full, birth) in known or full in unborn_known:
            continue
        if birth is None and (full in known_names or full in born):
            continue
        people.append(key)
    named = Counter(key.short for key in people if key.short is not None)
    extra = sum(max(0, max(by_source.values()) - named[short]) for short, by_source in weak.items())
    # People known only by a number (collar numbers on a shown sheet whose names sit in hidden
    # columns) may be people named elsewhere in the document: they add only beyond those.
    numbers = sum(1 for key in people if key.full is None and key.short is None)
    return max(len(people) - numbers + extra, numbers)
