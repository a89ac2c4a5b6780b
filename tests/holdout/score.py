"""Scan held-out files end to end and score the verdicts against their labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from detectors.model import Severity, Verdict
from detectors.scan import ScanOptions, scan
from holdout.model import HoldoutDoc

FLAG_AT = Severity.MEDIUM
PEOPLE_TOLERANCE = 0.10


@dataclass(frozen=True)
class Outcome:
    """One file's label beside what scan() concluded."""

    doc: HoldoutDoc
    verdict: Verdict

    @property
    def flagged(self) -> bool:
        return self.verdict.severity.rank >= FLAG_AT.rank

    @property
    def kind_ok(self) -> bool:
        return not self.doc.kind or self.doc.kind in self.verdict.kinds

    @property
    def people_error(self) -> float | None:
        if not self.doc.leaky or not self.doc.people:
            return None
        return abs(self.verdict.people - self.doc.people) / self.doc.people

    @property
    def problems(self) -> tuple[str, ...]:
        found: list[str] = []
        if self.doc.leaky and not self.flagged:
            found.append("missed")
        if not self.doc.leaky and self.flagged:
            found.append("false alarm")
        if self.doc.leaky and not self.kind_ok:
            found.append("wrong kind")
        error = self.people_error
        if error is not None and error > PEOPLE_TOLERANCE:
            found.append("people count")
        return tuple(found)


@dataclass(frozen=True)
class HoldoutScore:
    outcomes: tuple[Outcome, ...]

    @property
    def leaky(self) -> int:
        return sum(1 for o in self.outcomes if o.doc.leaky)

    @property
    def clean(self) -> int:
        return len(self.outcomes) - self.leaky

    @property
    def detected(self) -> int:
        return sum(1 for o in self.outcomes if o.doc.leaky and o.flagged)

    @property
    def false_alarms(self) -> int:
        return sum(1 for o in self.outcomes if not o.doc.leaky and o.flagged)

    @property
    def recall(self) -> float:
        return self.detected / self.leaky if self.leaky else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean if self.clean else 0.0

    def kind_accuracy(self) -> dict[str, tuple[int, int]]:
        """Per expected kind: (files with that kind in the verdict, files labelled with it)."""
        table: dict[str, tuple[int, int]] = {}
        for o in self.outcomes:
            if o.doc.leaky and o.doc.kind:
                right, total = table.get(o.doc.kind, (0, 0))
                table[o.doc.kind] = (right + o.kind_ok, total + 1)
        return table

    def people_errors(self) -> list[float]:
        return sorted(e for o in self.outcomes if (e := o.people_error) is not None)

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.problems]


def score_holdout(docs: Iterable[HoldoutDoc]) -> HoldoutScore:
    outcomes = [Outcome(d, scan(d.data, d.name, ScanOptions(allow_list=d.allow))) for d in docs]
    return HoldoutScore(tuple(outcomes))
