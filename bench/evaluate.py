"""Evaluate detection on the seeded synthetic corpus: precision and recall per entity and kind,
and file-level detection and false-alarm rates (flagged = severity medium or above)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

# The repository first: tests/ holds folders named like the packages (tests/detectors...).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import build_corpus
from corpus.score import score_corpus


def main() -> None:
    started = time.perf_counter()
    docs = build_corpus(seed=7, copies=12)
    score = score_corpus(docs)
    leaky = sum(1 for d in docs if d.leaky)
    print(f"corpus: {len(docs)} documents ({leaky} leaky, {len(docs) - leaky} clean), seed 7")
    print(f"\n{'entity':<26}{'precision':>10}{'recall':>9}{'planted':>9}{'found':>9}")
    for entity, r in sorted(score.entities.items()):
        print(f"{entity:<26}{r.precision:>10.3f}{r.recall:>9.3f}{r.tp + r.fn:>9}{r.tp + r.fp:>9}")
    print(f"\n{'kind':<26}{'precision':>10}{'recall':>9}")
    for kind, r in sorted(score.kinds.items()):
        print(f"{kind:<26}{r.precision:>10.3f}{r.recall:>9.3f}")
    errors = sorted(score.people_error)
    print(f"\nfile detection rate      {score.file_recall:.3f}  ({score.files.tp}/{leaky})")
    print(
        f"file false-alarm rate    {score.false_alarm_rate:.3f}  "
        f"({score.false_alarms}/{score.clean_files})"
    )
    print(f"people count error       median {errors[len(errors) // 2]:.1%}, max {errors[-1]:.1%}")
    if score.misses:
        print("missed:", ", ".join(score.misses))
    if score.alarms:
        print("false alarms:", ", ".join(score.alarms))
    print(f"\n{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
