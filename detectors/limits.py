"""Resource limits that keep one hostile document from stalling or exhausting a crawl."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from detectors.errors import DocumentTooLarge

MB = 1024 * 1024

WHOLE_CELL_CHARS = 300
"""Longest value judged as a whole cell (a name, an id, a date, a postcode). Longer values are
free text: never matched whole, and read as prose instead (see `detectors.tables`)."""


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 250 * MB
    max_expanded_bytes: int = 2048 * MB
    """Sum of the uncompressed sizes of all members of one archive."""
    max_ratio: float = 300.0
    """Compression ratio above which a member larger than `ratio_floor_bytes` is a bomb."""
    ratio_floor_bytes: int = 4 * MB
    max_members: int = 20_000
    max_depth: int = 4
    """How deep embedded files are followed (a docx in a zip in a pdf is depth 3)."""
    time_budget_s: float = 30.0


@dataclass
class Budget:
    """The time left for one document, checked cooperatively by inspectors in their loops."""

    limits: Limits = field(default_factory=Limits)
    deadline: float = 0.0

    def __post_init__(self) -> None:
        if not self.deadline:
            self.deadline = time.monotonic() + self.limits.time_budget_s

    def check(self, activity: str | None = None) -> None:
        """Raise DocumentTooLarge once the time is spent; `activity` says what was cut short
        during detection ("checking the text for names"), when findings so far are kept."""
        if time.monotonic() <= self.deadline:
            return
        budget = f"{self.limits.time_budget_s:g} s budget"
        if activity is None:
            raise DocumentTooLarge(f"inspection took longer than the {budget}")
        raise DocumentTooLarge(
            f"ran out of the {budget} while {activity}; findings so far are kept"
        )
