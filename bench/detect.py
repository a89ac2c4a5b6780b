"""Time to verdict on a PSNI-shaped staff list: leaksweep's column judgement vs presidio per cell.

A hidden worksheet of 10,000 officers and staff (surname, initial, rank, role, department,
location, service number). Prints both timings, the speed-up and the people count vs truth.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus.vocab import DEPARTMENTS, RANKS, ROLES, STATIONS
from faker import Faker

from detectors.assess import assess
from detectors.detect import Detector
from detectors.model import Table, Vector

ROWS = 10_000
HEADER = ("Surname", "Initial", "Rank", "Role", "Department", "Location", "Service Number")


def staff(n: int, seed: int = 1) -> list[tuple[str, ...]]:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    numbers = rng.sample(range(10_000, 99_999), n)
    return [
        (
            str(fake.last_name()).upper(),
            str(fake.first_name())[0],
            rng.choice(RANKS),
            rng.choice(ROLES),
            rng.choice(DEPARTMENTS),
            rng.choice(STATIONS),
            str(number),
        )
        for number in numbers
    ]


def leaksweep(rows: list[tuple[str, ...]]) -> tuple[float, int, str]:
    started = time.perf_counter()
    detector = Detector()
    detector.feed(Table("sheet 'Raw'", Vector.HIDDEN_SHEET, HEADER, iter(rows)))
    evidence = detector.finish()
    severity = assess(evidence, ()).severity
    return time.perf_counter() - started, evidence.people, str(severity)


def presidio(rows: list[tuple[str, ...]]) -> tuple[float, int]:
    from presidio_analyzer import BatchAnalyzerEngine

    from detectors.engine import ENTITIES, LANGUAGE, analyzer

    engine = analyzer()
    engine.analyze("warm up John Smith", language=LANGUAGE)
    cells = [cell for row in rows for cell in row]
    started = time.perf_counter()
    batch = BatchAnalyzerEngine(analyzer_engine=engine)
    results = list(
        batch.analyze_iterator(cells, language=LANGUAGE, batch_size=256, entities=list(ENTITIES))
    )
    people = sum(1 for found in results[::7] if any(r.entity_type == "PERSON" for r in found))
    return time.perf_counter() - started, people


def main() -> None:
    rows = staff(ROWS)
    truth = len({row[-1] for row in rows})
    leaksweep(rows[:100])  # load the gazetteer once, as a long-running crawler would have
    ours, people, severity = leaksweep(rows)
    print(f"{ROWS:,} rows x {len(HEADER)} columns ({ROWS * len(HEADER):,} cells), hidden sheet")
    print(
        f"leaksweep  time to verdict {ours:8.3f} s   people {people:,} (truth {truth:,}, "
        f"error {abs(people - truth) / truth:.2%})   severity {severity}"
    )
    theirs, named = presidio(rows)
    print(f"presidio   every cell      {theirs:8.3f} s   surname cells tagged PERSON {named:,}")
    print(f"speed-up   {theirs / ours:,.0f}x")


if __name__ == "__main__":
    main()
