"""Estimate how many distinct people a document exposes from the identity keys of its rows."""

from __future__ import annotations

from collections.abc import Iterable

from detectors.tables import PersonKeys


def count_people(keys: Iterable[PersonKeys]) -> int:
    """Distinct people, matching weaker keys to stronger ones seen anywhere in the document.

    A service number (or NINO, NHS number, own e-mail) is the strongest key; then surname with
    full forename; then surname with initial. A row known only by "Smith J" is the same person
    as a row elsewhere with "John Smith" or with service number 12345 and "Smith J", so a hidden
    sheet and its pivot cache count each officer once.
    """
    with_ident: list[PersonKeys] = []
    with_full: list[PersonKeys] = []
    short_only: list[PersonKeys] = []
    for key in keys:
        if key.ident is not None:
            with_ident.append(key)
        elif key.full is not None:
            with_full.append(key)
        elif key.short is not None:
            short_only.append(key)
    idents = {key.ident for key in with_ident}
    known_full = {key.full for key in with_ident if key.full is not None}
    known_short = {key.short for key in with_ident if key.short is not None}
    new_full: set[int] = set()
    for key in with_full:
        if key.full not in known_full:
            new_full.add(key.full)  # type: ignore[arg-type]
            if key.short is not None:
                known_short.add(key.short)
    new_short = {key.short for key in short_only if key.short not in known_short}
    return len(idents) + len(new_full) + len(new_short)
