"""Held-out evaluation: real files from generators independent of the tuning corpus, scanned
end to end; file detection and false-alarm rates, kinds, people counts and every failure."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# The repository first: tests/ holds folders named like the packages (tests/detectors...).
sys.path[:0] = [str(_HERE.parent), str(_HERE.parent / "tests")]

from holdout.generate import build_holdout  # noqa: E402
from holdout.score import Outcome, score_holdout  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    started = time.perf_counter()
    docs = build_holdout(args.seed, args.scale)
    score = score_holdout(docs)
    formats = sorted({d.name.rsplit(".", 1)[-1] for d in docs})
    print(f"held-out: {len(docs)} files ({score.leaky} leaky, {score.clean} clean), "
          f"seed {args.seed}, formats {', '.join(formats)}")  # fmt: skip
    print(f"file detection rate      {score.recall:.3f}  ({score.detected}/{score.leaky})")
    print(
        f"file false-alarm rate    {score.false_alarm_rate:.3f}  "
        f"({score.false_alarms}/{score.clean})"
    )
    for kind, (right, total) in sorted(score.kind_accuracy().items()):
        print(f"kind {kind:<20}{right / total:.3f}  ({right}/{total})")
    errors = score.people_errors()
    within = sum(1 for e in errors if e <= 0.10)
    print(
        f"people count error       median {errors[len(errors) // 2]:.1%}, max {errors[-1]:.1%}, "
        f"within 10% {within}/{len(errors)}"
    )
    failures = score.failures()
    print(f"\nfailures: {len(failures)}")
    for outcome in failures:
        _report(outcome)
    print(f"\n{time.perf_counter() - started:.1f} s")


def _report(outcome: Outcome) -> None:
    doc, verdict = outcome.doc, outcome.verdict
    expected = f"{'leaky' if doc.leaky else 'clean'} kind={doc.kind or '-'} people={doc.people}"
    got = f"{verdict.severity} kinds={','.join(verdict.kinds) or '-'} people={verdict.people}"
    print(f"- {doc.name}: {'; '.join(outcome.problems)} | expected {expected} | got {got}")
    if verdict.error:
        print(f"    status {verdict.status}: {verdict.error}")
    top = sorted(verdict.findings, key=lambda f: -f.count)[:4]
    for f in top:
        print(f"    {f.entity} x{f.count} {f.vector} {f.example!r} at {f.where[:90]}")


if __name__ == "__main__":
    main()
