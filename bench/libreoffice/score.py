"""Score the LibreOffice-made test set: scan every file and compare with truth.json.

Prints per class and per format: file-level recall (leaky files rated medium or above),
false alarms (clean files rated medium or above), the share of leaky files whose people
count is within 10 % of the truth, then every miss with what was found beside the truth.

    python bench/libreoffice/score.py FOLDER [--misses FILE]

FOLDER is what `bench/libreoffice/generate.py FOLDER` wrote.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from detectors.model import Severity, Verdict
from detectors.scan import scan

FLAG_AT = Severity.MEDIUM
TOLERANCE = 0.10


@dataclass(frozen=True)
class Outcome:
    truth: dict[str, object]
    verdict: Verdict

    @property
    def leaky(self) -> bool:
        return bool(self.truth["leaky"])

    @property
    def flagged(self) -> bool:
        return self.verdict.severity.rank >= FLAG_AT.rank

    @property
    def people_ok(self) -> bool | None:
        """Within 10 % of the truth; None for clean files (nobody should be exposed)."""
        want = int(str(self.truth["people"]))
        if not self.leaky or not want:
            return None
        return abs(self.verdict.people - want) <= TOLERANCE * want

    @property
    def kind_ok(self) -> bool | None:
        kind = str(self.truth["kind"])
        return (kind in self.verdict.kinds) if self.leaky and kind else None

    @property
    def floor_ok(self) -> bool | None:
        return (
            self.verdict.severity.rank >= Severity(str(self.truth["severity_floor"])).rank
            if self.leaky
            else None
        )

    def problems(self) -> list[str]:
        found = []
        if self.verdict.status != "scanned":
            found.append(f"status {self.verdict.status}")
        if self.leaky and not self.flagged:
            found.append("missed")
        if not self.leaky and self.flagged:
            found.append("false alarm")
        if self.people_ok is False:
            found.append("people count")
        if self.kind_ok is False:
            found.append("kind")
        if self.floor_ok is False and self.flagged:
            found.append("below expected severity")
        return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=Path, help="also write the list of misses here")
    args = parser.parse_args()
    truth_file = args.folder / "truth.json"
    if not truth_file.is_file():
        print(f"no truth.json in {args.folder}: run bench/libreoffice/generate.py first")
        return 2
    truth = json.loads(truth_file.read_text())
    started = time.perf_counter()
    outcomes = [
        Outcome(entry, scan((args.folder / str(entry["file"])).read_bytes(), str(entry["file"])))
        for entry in truth["files"]
    ]
    elapsed = time.perf_counter() - started
    leaky = [o for o in outcomes if o.leaky]
    clean = [o for o in outcomes if not o.leaky]
    print(
        f"LibreOffice test set: {len(outcomes)} files ({len(leaky)} leaky, {len(clean)} clean), "
        f"{truth.get('libreoffice') or 'LibreOffice'}, seed {truth.get('seed')}"
    )
    unchecked = [o for o in leaky if o.truth["check"] != "present"]
    if unchecked:
        print(f"({len(unchecked)} leaky files whose planted text the generator could not confirm)")
    print()
    _summary(outcomes)
    print()
    _table("class", outcomes, lambda o: str(o.truth["class"]))
    print()
    _table("format", outcomes, lambda o: str(o.truth["format"]))
    misses = [_describe(o) for o in outcomes if o.problems()]
    print(f"\nmisses: {len(misses)}")
    for text in misses:
        print(text)
    print(f"\nscan time {elapsed:.1f} s")
    if args.misses:
        args.misses.write_text(
            f"{len(outcomes)} files; {_headline(outcomes)}\nmisses: {len(misses)}\n"
            + "\n".join(misses)
            + "\n"
        )
    return 0


def _ratio(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "-"


def _counts(outcomes: Iterable[Outcome]) -> tuple[str, str, str, str]:
    items = list(outcomes)
    leaky = [o for o in items if o.leaky]
    clean = [o for o in items if not o.leaky]
    people = [o.people_ok for o in leaky if o.people_ok is not None]
    floors = [o.floor_ok for o in leaky]
    return (
        _ratio(sum(o.flagged for o in leaky), len(leaky)),
        f"{sum(o.flagged for o in clean)}/{len(clean)}" if clean else "-",
        _ratio(sum(people), len(people)),
        _ratio(sum(bool(f) for f in floors), len(floors)),
    )


def _summary(outcomes: list[Outcome]) -> None:
    recall, alarms, people, floor = _counts(outcomes)
    kinds = [o.kind_ok for o in outcomes if o.kind_ok is not None]
    print(f"file-level recall (leaky rated >= medium)   {recall}   target >= 0.99")
    print(f"false alarms (clean rated >= medium)        {alarms}   target 0")
    print(f"people within 10 % of truth (leaky files)   {people}   target >= 0.95")
    print(f"at or above the expected severity           {floor}")
    print(
        f"expected kind reported                      {_ratio(sum(map(bool, kinds)), len(kinds))}"
    )


def _headline(outcomes: list[Outcome]) -> str:
    recall, alarms, people, _ = _counts(outcomes)
    return f"recall {recall}, false alarms {alarms}, people within 10 % {people}"


def _table(title: str, outcomes: list[Outcome], key: Callable[[Outcome], str]) -> None:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[key(o)].append(o)
    print(
        f"{'by ' + title:<24}{'files':>6}  {'recall':<16}{'false alarms':<14}"
        f"{'people ±10 %':<16}{'at expected severity'}"
    )
    for name in sorted(groups):
        recall, alarms, people, floor = _counts(groups[name])
        print(f"{name:<24}{len(groups[name]):>6}  {recall:<16}{alarms:<14}{people:<16}{floor}")


def _describe(o: Outcome) -> str:
    t, v = o.truth, o.verdict
    want = (
        f"truth: {'leaky' if o.leaky else 'clean'} {t['class']} / {t['variant']}, "
        f"people {t['people']}, kind {t['kind'] or '-'}, "
        f"severity {t['severity_floor']}..{t['severity_ceiling']}"
    )
    got = (
        f"found: {v.severity}, people {v.people}, kinds {','.join(v.kinds) or '-'}, "
        f"special {','.join(v.special_categories) or '-'}"
    )
    lines = [f"- {t['file']}: {'; '.join(o.problems())}", f"    {want}", f"    {got}"]
    if v.error:
        lines.append(f"    status {v.status}: {v.error}")
    for f in sorted(v.findings, key=lambda f: -f.count)[:4]:
        lines.append(f"    {f.entity} x{f.count} {f.vector} {f.example!r} at {f.where[:80]}")
    places = sorted({s.vector.value for s in v.structures})
    if places:
        lines.append(f"    hiding places: {', '.join(places)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
