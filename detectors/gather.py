"""Findings gathered per entity and place: counts, scores, a masked example and the redaction
boxes over them, with the many tiny texts of one hidden part folded into one finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from detectors.model import Cover, Finding, Vector


@dataclass
class Tally:
    count: int = 0
    score: float = 0.0
    example: str = ""
    covers: dict[Cover, None] = field(default_factory=dict)
    tiny: bool = True
    """Every text counted here was a short one (a name, a phone number), never a table."""

    def add(
        self, count: int, score: float, example: str, chars: int, covers: tuple[Cover, ...]
    ) -> None:
        """Count `count` more; `chars` is the length of the text they came from, 0 for a
        table."""
        self.count += count
        self.score = max(self.score, score)
        self.example = self.example or example
        for cover in covers:
            if len(self.covers) >= MAX_COVERS:
                break
            self.covers[cover] = None
        self.tiny = self.tiny and 0 < chars <= TINY_CHARS


MAX_COVERS = 200
"""Redaction boxes named per finding; a page of a thousand boxes names the first ones."""


MANY_PLACES = 20
"""Hidden places of one part (shared strings, comments) past which their findings are one;
text a reader sees keeps every place, where the web team will look for it."""
TINY_CHARS = 200
"""A text no longer than this is a tiny one: a value, not a page."""
EXAMPLES = 3
"""Masked examples a gathered finding shows."""
_NUMBER = re.compile(r"\d[\d,]*")


def gathered(
    tallies: dict[tuple[str, Vector, str, Vector | None, bool], Tally],
) -> tuple[Finding, ...]:
    """One finding per entity and place; but a part that yields many tiny texts (thousands of
    unused shared strings, one per name) gives one finding per entity with the total count and
    a few masked examples, not thousands of lines in the alert."""
    parts: dict[tuple[str, Vector, str, Vector | None, bool], list[tuple[str, Tally]]] = {}
    for (entity, vector, where, inner, public), tally in tallies.items():
        key = (entity, vector, _NUMBER.sub("#", where), inner, public)
        parts.setdefault(key, []).append((where, tally))
    findings: list[Finding] = []
    for (entity, vector, _, inner, public), places in parts.items():
        if len(places) <= MANY_PLACES or not vector.hidden or not all(t.tiny for _, t in places):
            findings += [
                Finding(
                    entity,
                    vector,
                    where,
                    t.count,
                    round(t.score, 2),
                    t.example,
                    inner,
                    tuple(t.covers),
                    public,
                )
                for where, t in places
            ]
            continue
        examples = list(dict.fromkeys(t.example for _, t in places if t.example))[:EXAMPLES]
        first = places[0][0]
        findings.append(
            Finding(
                entity,
                vector,
                f"{first} and {len(places) - 1:,} more like it",
                sum(t.count for _, t in places),
                round(max(t.score for _, t in places), 2),
                ", ".join(examples),
                inner,
                tuple(dict.fromkeys(c for _, t in places for c in t.covers))[:MAX_COVERS],
                public,
            )
        )
    return tuple(findings)
