"""What one of leaksweep's recognizers is: data only, so reading a table never loads presidio.

A recognizer module defines `RECOGNIZER`, a `RecognizerSpec`; `detectors.recognizers` lists
them once, and everything else is derived from that list: the analyzer's recognizers and
entity types (`detectors.engine`), the whole-cell checks (`recognizers.values`) and the column
header words (`detectors.columns`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

ValueCheck = Callable[[str, bool], bool]
"""check(value, header_hint) -> True when the whole value is the entity. `header_hint` says the
column header already names it, which admits bare forms too ambiguous alone."""


@dataclass(frozen=True)
class PatternSpec:
    name: str
    regex: str
    score: float


@dataclass(frozen=True)
class RecognizerSpec:
    entity: str
    patterns: tuple[PatternSpec, ...]
    """Searched in prose by presidio (case-insensitive unless the regex says `(?-i:…)`)."""
    context: tuple[str, ...]
    """Lemmas that raise a match's score when they stand near it."""
    header: str
    """Regex on a normalised column header (lower case, words split by spaces) naming it."""
    check_value: ValueCheck
    validate: Callable[[str], bool] | None = None
    """Optional second look at a prose match (a checksum, a plausible age); False drops it."""


def fullmatch_check(strict: str, bare: str | None = None, flags: int = re.IGNORECASE) -> ValueCheck:
    """A whole-value check: `strict` alone, or `bare` too when the header names the entity."""
    strict_match = re.compile(strict, flags).fullmatch
    bare_match = re.compile(bare, flags).fullmatch if bare is not None else None

    def check(value: str, hint: bool) -> bool:
        if strict_match(value) is not None:
            return True
        return hint and bare_match is not None and bare_match(value) is not None

    return check
